"""Security headers on every response, secure cookies in production, and a change history that neither
the admin nor the API can alter."""
import json
import os
import subprocess
import sys

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from mpp_portal.audit import change_record_create
from mpp_portal.models import ChangeRecord
from regions.models import Region
from tests.conftest import api_for, client_for
from tests.processes import ROOT

GOOD_SECRET = "k3v9-Qz7_pL2mW8rT5yX1cB4nH6jF0dS9aE3uI7oP2lK5zX8vC1bN4mQ6wE9rT2y"


@pytest.mark.parametrize("path, signed_in", [
    ("/ringkasan/", False), ("/masuk/", False), ("/healthz", False), ("/wilayah/", True), ("/api/regions/", True),
    ("/api/docs/", False),
])
def test_every_response_carries_the_security_headers(path, signed_in, analyst):
    response = client_for(analyst if signed_in else None).get(path)
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


PRODUCTION_PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.test import Client, override_settings
# Templates name static files; without a collectstatic run, read them unhashed (cookies are the point here).
storages = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
with override_settings(STORAGES=storages):
    response = Client().get("/masuk/", secure=True, HTTP_HOST="mpp.example.go.id")
csrf = response.cookies["csrftoken"]
print(json.dumps({
    "status": response.status_code,
    "csrf_secure": bool(csrf["secure"]),
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "session_httponly": settings.SESSION_COOKIE_HTTPONLY,
    "csrf_secure_setting": settings.CSRF_COOKIE_SECURE,
    "hsts": response.get("Strict-Transport-Security", ""),
}))
"""


def test_with_production_settings_cookies_are_secure_and_the_session_cookie_is_http_only(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL")}
    env.update(DEBUG="false", SECRET_KEY=GOOD_SECRET, ALLOWED_HOSTS="mpp.example.go.id", VAR_DIR=str(tmp_path),
               DJANGO_SETTINGS_MODULE="mpp_portal.settings")
    result = subprocess.run([sys.executable, "-c", PRODUCTION_PROBE], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["status"] == 200
    assert probe["csrf_secure"] and probe["csrf_secure_setting"]
    assert probe["session_secure"] and probe["session_httponly"]
    assert "max-age=" in probe["hsts"]


def test_an_admin_can_neither_change_nor_delete_a_change_record_in_the_admin(admin_user):
    record = change_record_create(instance=Region.objects.get(code="35.79"), user=admin_user, action="update",
                                  changes={"name": ["Kota Batu", "Kota Batu"]}, note="uji")
    admin = client_for(admin_user)
    count = ChangeRecord.objects.count()
    base = "/admin/mpp_portal/changerecord"
    assert admin.get(f"{base}/").status_code == 200
    assert admin.get(f"{base}/{record.pk}/change/").status_code == 200  # a read-only view
    assert admin.post(f"{base}/{record.pk}/change/", {"note": "diubah"}).status_code == 403
    assert admin.get(f"{base}/{record.pk}/delete/").status_code == 403
    assert admin.post(f"{base}/{record.pk}/delete/", {"post": "yes"}).status_code == 403
    assert admin.get(f"{base}/add/").status_code == 403
    listing = admin.get(f"{base}/")
    assert "delete_selected" not in listing.content.decode()
    bulk = admin.post(f"{base}/", {"action": "delete_selected", "_selected_action": [record.pk], "post": "yes"})
    assert bulk.status_code in (200, 302, 403)
    record.refresh_from_db()
    assert record.note == "uji" and ChangeRecord.objects.count() == count


def _history_routes():
    found = []

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.app_name != "admin":
                    walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern) and "history" in str(pattern.pattern):
                found.append((prefix + str(pattern.pattern), pattern))

    walk(get_resolver().url_patterns, "")
    return found


def test_no_api_route_can_change_or_delete_the_history(admin_user):
    routes = _history_routes()
    assert routes, "the history endpoints were not found"
    for route, pattern in routes:
        actions = getattr(pattern.callback, "actions", None) or {}
        methods = set(actions) or {m for m in pattern.callback.view_class.http_method_names
                                   if hasattr(pattern.callback.view_class, m)}
        assert not methods & {"put", "patch", "delete", "post"}, f"{route} accepts {sorted(methods)}"
    from regions.models import Mpp

    mpp = Mpp.objects.create(region=Region.objects.get(code="35.79"), name="MPP Uji")
    client, count = api_for(admin_user), ChangeRecord.objects.count()
    for method in ("put", "patch", "delete", "post"):
        response = getattr(client, method)(f"/api/mpps/{mpp.pk}/history/", {}, format="json")
        assert response.status_code == 405, (method, response.status_code)
    assert ChangeRecord.objects.count() == count
