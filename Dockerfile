# One image for web, worker and beat (docker-compose.yml); configuration comes from the environment only.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 VAR_DIR=/app/var
WORKDIR /app
COPY pyproject.toml ./
RUN pip install --no-cache-dir . && rm -rf build *.egg-info
COPY . .
RUN DEBUG=false SECRET_KEY=collectstatic-only-not-a-real-secret-key-0123456789abcdef \
    python manage.py collectstatic --noinput \
 && useradd --system --home /app portal && mkdir -p /app/var && chown -R portal /app/var /app/staticfiles
USER portal
EXPOSE 8000
CMD ["gunicorn", "--config", "gunicorn.conf.py"]
