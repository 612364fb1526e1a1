"""The docker-compose nginx configuration (deploy/nginx/mpp.conf), validated and run natively with Debian's
nginx in front of the compose web command: TLS, the body limit, static files, and a cache that keeps the public
pages and data files as their Cache-Control allows while signed-in visitors always reach the portal."""
import datetime
import http.client
import os
import ssl
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from dashboards.services import progress_recompute
from deploy import nginx_native
from opendata.services import release_publish
from tests.conftest import IN_CI
from tests.dashboards.conftest import mpp_create
from tests.processes import ROOT, child_env, running, wait_for

from .test_service_commands import compose_command

# Ports 8800-8809 are this branch's share of the machine.
HTTP_PORT, HTTPS_PORT, WEB_PORT = 8803, 8804, 8805


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
    if not os.path.exists(nginx_native.NGINX):
        if IN_CI:
            pytest.fail("nginx is required under CI")
        pytest.skip("nginx is not installed")
    nginx = nginx_native.prepare(tmp_path, http_port=HTTP_PORT, https_port=HTTPS_PORT, upstream_port=WEB_PORT,
                                 static_root=ROOT / "staticfiles")
    checked = nginx_native.check(nginx)
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
            running(nginx, env, tmp_path / "nginx.log"):
        wait_for(lambda: https(tmp_path, "GET", "/healthz")[0] == 200, timeout=60, what="nginx and gunicorn")

        plain = http.client.HTTPConnection("127.0.0.1", HTTP_PORT, timeout=10)
        plain.request("GET", "/ringkasan/")
        redirect = plain.getresponse()
        assert redirect.status == 301
        assert redirect.getheader("Location") == "https://127.0.0.1/ringkasan/"

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
