"""The docker-compose nginx configuration (deploy/nginx/mpp.conf), validated and run natively with Debian's
nginx in front of the compose web command: TLS, the body limit, static files, and a cache that keeps the public
pages and data files as their Cache-Control allows while signed-in visitors always reach the portal."""
import datetime
import http.client
import os
import shutil
import ssl
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from dashboards.services import progress_recompute
from opendata.services import release_publish
from tests.dashboards.conftest import mpp_create
from tests.processes import ROOT, child_env, running, wait_for

from .test_service_commands import compose_command

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# Ports 8800-8809 are this branch's share of the machine.
HTTP_PORT, HTTPS_PORT, WEB_PORT = 8803, 8804, 8805


def site_config(tmp: Path) -> str:
    """deploy/nginx/mpp.conf with only the addresses and paths marked "site:" replaced."""
    replacements = {
        "/var/cache/nginx/mpp": str(tmp / "cache"),
        "server web:8000;": f"server 127.0.0.1:{WEB_PORT};",
        "listen 80;": f"listen 127.0.0.1:{HTTP_PORT};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{HTTPS_PORT} ssl http2;",
        "/etc/nginx/tls/cert.pem": str(tmp / "cert.pem"),
        "/etc/nginx/tls/key.pem": str(tmp / "key.pem"),
        "alias /app/staticfiles/;": f"alias {ROOT / 'staticfiles'}/;",
    }
    lines = []
    for line in (ROOT / "deploy" / "nginx" / "mpp.conf").read_text().splitlines():
        if "# site:" in line:
            for old, new in replacements.items():
                line = line.replace(old, new)
            assert "/etc/nginx" not in line and "web:8000" not in line, line
        lines.append(line)
    return "\n".join(lines)


def nginx_main(tmp: Path) -> Path:
    """The surrounding nginx.conf a distribution ships, with everything writable under ``tmp``."""
    (tmp / "mpp.conf").write_text(site_config(tmp))
    main = tmp / "nginx.conf"
    # Started as root (a CI container), nginx's workers would drop to "nobody" and lose the temp directory.
    user = "user root;" if os.geteuid() == 0 else ""
    main.write_text(f"""
{user}
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/mpp.conf;
}}
""")
    return main


def certificate(tmp: Path) -> None:
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", tmp / "key.pem", "-out", tmp / "cert.pem"],
                   check=True, capture_output=True)


def https(tmp: Path, method: str, path: str, *, headers=None, body=None):
    context = ssl.create_default_context(cafile=str(tmp / "cert.pem"))
    connection = http.client.HTTPSConnection("127.0.0.1", HTTPS_PORT, context=context, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


@pytest.fixture
def published(transactional_db, registry):
    mpp_create("35.79", on=datetime.date(2022, 12, 5))
    mpp_create("35.73", on=datetime.date(2021, 3, 2))
    progress_recompute()
    return release_publish()


@pytest.mark.integration
def test_nginx_serves_the_portal_over_tls_and_caches_only_what_is_public(published, analyst, tmp_path):
    if not os.path.exists(NGINX):
        pytest.skip("nginx is not installed")
    certificate(tmp_path)
    (tmp_path / "cache").mkdir()
    main = nginx_main(tmp_path)
    checked = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(main), "-e", str(tmp_path / "error.log")],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert "syntax is ok" in checked.stderr and "test is successful" in checked.stderr

    # The test's own secret key, so the session it signs in below is valid for the served portal too.
    env = child_env(DEBUG="false", SECRET_KEY=settings.SECRET_KEY, ALLOWED_HOSTS="127.0.0.1", VAR_DIR=tmp_path / "var",
                    GUNICORN_BIND=f"127.0.0.1:{WEB_PORT}", GUNICORN_ACCESS_LOG="")
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    signed_in = Client()
    signed_in.force_login(analyst)
    session = signed_in.cookies["sessionid"].value

    with running(compose_command("web"), env, tmp_path / "web.log"), \
            running([NGINX, "-p", str(tmp_path), "-c", str(main), "-e", str(tmp_path / "error.log")], env,
                    tmp_path / "nginx.log"):
        wait_for(lambda: https(tmp_path, "GET", "/healthz")[0] == 200, timeout=60, what="nginx and gunicorn")

        plain = http.client.HTTPConnection("127.0.0.1", HTTP_PORT, timeout=10)
        plain.request("GET", "/ringkasan/")
        redirect = plain.getresponse()
        assert redirect.status == 301
        assert redirect.getheader("Location") == f"https://127.0.0.1/ringkasan/"

        # The public summary: fetched once from the portal (behind TLS, so no redirect loop), then from the cache.
        status, first, body = https(tmp_path, "GET", "/ringkasan/")
        assert status == 200 and first["x-cache-status"] == "MISS"
        assert first["cache-control"] == "public, max-age=60, stale-while-revalidate=600"
        status, second, cached = https(tmp_path, "GET", "/ringkasan/")
        assert (status, second["x-cache-status"], cached) == (200, "HIT", body)
        status, _headers, empty = https(tmp_path, "GET", "/ringkasan/", headers={"If-None-Match": first["etag"]})
        assert (status, empty) == (304, b"")
        english = https(tmp_path, "GET", "/ringkasan/", headers={"Cookie": "django_language=en"})
        assert english[1]["x-cache-status"] == "MISS" and b'lang="en"' in english[2]

        # A data file, the same bytes as its release.
        expected = bytes(published.files.get(name="mpp.csv").content)
        assert https(tmp_path, "GET", "/data/mpp.csv")[1]["x-cache-status"] == "MISS"
        status, headers, content = https(tmp_path, "GET", "/data/mpp.csv")
        assert (status, headers["x-cache-status"], content) == (200, "HIT", expected)

        # Signed in: always the portal itself, and the private dashboard is never stored.
        cookie = {"Cookie": f"sessionid={session}"}
        assert https(tmp_path, "GET", "/ringkasan/", headers=cookie)[1]["x-cache-status"] == "BYPASS"
        status, headers, page = https(tmp_path, "GET", "/dasbor/", headers=cookie)
        assert status == 200 and headers["cache-control"].startswith("private") and b"Dasbor nasional" in page

        # Static files come from nginx, marked immutable.
        status, headers, css = https(tmp_path, "GET", "/static/css/portal.css")
        assert status == 200 and "immutable" in headers["cache-control"]
        assert css == (ROOT / "staticfiles" / "css" / "portal.css").read_bytes()

        # A body over the limit is refused by nginx before it reaches the portal.
        status, _headers, _body = https(tmp_path, "POST", "/api/imports/", body=b"x" * (12 * 1024 * 1024),
                                        headers={"Content-Type": "application/octet-stream"})
        assert status == 413
