# Two commands on a fresh machine: `make run` (a populated portal at http://127.0.0.1:8000) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT

.PHONY: run test lint setup migrate bench tls-cert clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when pyproject.toml changes, so a second `make run` starts in seconds.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet ".[dev]"
	touch $@

# Node packages the browser tests read from disk (axe-core), pinned in package-lock.json: `npm ci` again only
# when the lock changes or node_modules is missing; nothing is fetched while the tests run. `make run` needs
# only the Python packages.
node_modules/.installed: package-lock.json package.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed

# `make run` behaves like production (DEBUG off: branded error pages, no debug pages) over plain HTTP on
# this machine (LOCAL_HTTP); `DEBUG=true make run` for Django's development pages.
RUN_ENV = DEBUG=$${DEBUG:-false} LOCAL_HTTP=$${LOCAL_HTTP:-true}

migrate: $(VENV)/.installed
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py load_regions
	$(RUN_ENV) $(BIN)/python manage.py load_history
	$(RUN_ENV) $(BIN)/python manage.py load_demo --force
	$(RUN_ENV) $(BIN)/python manage.py recompute_progress

# The supervisor restarts a crashed worker, beat or web process and keeps the others running.
run: migrate
	$(RUN_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(RUN_ENV) PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/python -m mpp_portal.supervise Procfile

# Tests keep their own var/ (queue, cache, SQLite test database) apart from a running `make run`.
test: setup
	VAR_DIR="$(CURDIR)/var/test" $(BIN)/python -m pytest $(PYTEST_ARGS)

# ruff, configured in pyproject.toml ([tool.ruff]); .ci/run runs it before the tests.
lint: setup
	$(BIN)/ruff check .

bench: setup
	$(BIN)/python bench/run.py

# A self-signed certificate for trying the docker-compose stack's nginx locally (not for production).
tls-cert:
	mkdir -p deploy/tls
	openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=localhost" \
		-addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout deploy/tls/key.pem -out deploy/tls/cert.pem

clean-venv:
	rm -rf $(VENV)
