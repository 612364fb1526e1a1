"""API tokens: one normal form of the username, an address-keyed throttle, expiry, rotation and revocation."""
import datetime
import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from mpp_portal.login_guard import LOCKOUT_SECONDS, MAX_FAILURES
from mpp_portal.models import ApiToken
from tests.conftest import PASSWORD, client_for

TOKEN_URL = "/api/auth/token/"
# The first authenticator is the session, so DRF answers a refused token with 403 rather than 401.
REFUSED = (401, 403)


def _token(api, username="analis", password=PASSWORD, **extra):
    return api.post(TOKEN_URL, {"username": username, "password": password}, format="json", **extra)


def _with(api, token):
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return api


def test_a_locked_username_stays_locked_when_padded_with_spaces(api, analyst):
    for _attempt in range(MAX_FAILURES):
        assert _token(api, password="salah").status_code == 400
    for variant in (" analis", "analis ", "\tanalis", "ANALIS", "ａｎａｌｉｓ"):
        response = _token(api, username=variant)
        assert response.status_code == 429, variant
        assert "token" not in response.json()


def test_a_padded_username_logs_in_as_the_login_page_allows(api, analyst):
    assert _token(api, username=" analis ").status_code == 200


def test_rotating_x_forwarded_for_does_not_lift_the_lock(api, analyst):
    for attempt in range(MAX_FAILURES):
        _token(api, password="salah", HTTP_X_FORWARDED_FOR=f"10.0.0.{attempt}")
    response = _token(api, HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert response.status_code == 429


def test_rotating_x_forwarded_for_does_not_lift_the_throttle(api, analyst, settings):
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    assert rates["token"] == "30/minute"
    codes = [_token(api, username=f"tidak-ada-{n}", password="x", HTTP_X_FORWARDED_FOR=f"10.1.{n}.1").status_code
             for n in range(31)]
    assert codes[:30] == [400] * 30
    assert codes[30] == 429


def test_x_forwarded_for_is_believed_from_a_trusted_proxy_only(rf, settings):
    from mpp_portal.login_guard import client_address

    request = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.2", REMOTE_ADDR="10.0.0.1")
    assert client_address(request) == "10.0.0.1"
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    assert client_address(request) == "203.0.113.7"


def test_the_lock_lasts_as_long_as_its_message_says(api, analyst, monkeypatch, settings):
    for _attempt in range(MAX_FAILURES):
        _token(api, password="salah")
    response = _token(api)
    assert response.status_code == 429
    assert f"{LOCKOUT_SECONDS // 60} menit" in response.json()["detail"]
    if "redis" in settings.CACHES["default"]["BACKEND"].lower():
        from django.core.cache import cache

        from mpp_portal.login_guard import _key

        client = cache._cache.get_client()
        ttl = client.ttl(cache.make_and_validate_key(_key("analis", "127.0.0.1")))
        assert 300 < ttl <= LOCKOUT_SECONDS
        return
    start = time.time()
    monkeypatch.setattr(time, "time", lambda: start + 301)
    assert _token(api).status_code == 429, "still locked after the cache's default 300 s"
    monkeypatch.setattr(time, "time", lambda: start + LOCKOUT_SECONDS + 1)
    assert _token(api).status_code == 200


def test_a_token_body_that_is_not_an_object_is_a_400(api, db):
    for body in ("[]", "null", '"s"', "1", "[" * 5000 + "]" * 5000):
        response = api.post(TOKEN_URL, body, content_type="application/json")
        assert response.status_code == 400, body[:10]


def test_the_key_is_stored_only_as_a_digest(api, analyst):
    token = _token(api).json()["token"]
    stored = ApiToken.objects.get(user=analyst)
    assert token not in (stored.digest, stored.prefix)
    assert token.startswith(stored.prefix)


def test_a_new_login_replaces_the_earlier_token(api, analyst):
    first = _token(api).json()["token"]
    second = _token(api).json()["token"]
    assert first != second
    assert _with(api, first).get("/api/regions/").status_code in REFUSED
    assert _with(api, second).get("/api/regions/").status_code == 200


def test_a_password_change_retires_the_token(api, analyst):
    token = _token(api).json()["token"]
    assert _with(api, token).get("/api/regions/").status_code == 200
    analyst.set_password("sandi-baru-yang-panjang-1")
    analyst.save()
    assert _with(api, token).get("/api/regions/").status_code in REFUSED


def test_an_expired_token_is_refused(api, analyst, settings):
    token = _token(api).json()["token"]
    ApiToken.objects.filter(user=analyst).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert _with(api, token).get("/api/regions/").status_code in REFUSED
    assert not ApiToken.objects.filter(user=analyst).exists()


def test_a_user_revokes_their_own_token(api, analyst):
    token = _token(api).json()["token"]
    assert _with(api, token).delete(TOKEN_URL).status_code == 204
    assert _with(api, token).get("/api/regions/").status_code in REFUSED


def test_signing_out_of_the_portal_revokes_the_token(api, analyst):
    token = _token(api).json()["token"]
    client = client_for(analyst)
    client.post(reverse("logout"))
    assert _with(api, token).get("/api/regions/").status_code in REFUSED


def test_an_admin_revokes_a_token_but_never_sees_or_mints_one(api, analyst, admin_user):
    token = _token(api).json()["token"]
    admin = client_for(admin_user)
    listing = admin.get(reverse("admin:mpp_portal_apitoken_changelist"))
    assert listing.status_code == 200
    assert token not in listing.text
    assert admin.get(reverse("admin:mpp_portal_apitoken_add")).status_code == 403
    assert admin.get("/admin/authtoken/").status_code == 404
    stored = ApiToken.objects.get(user=analyst)
    page = admin.get(reverse("admin:mpp_portal_apitoken_change", args=[stored.pk]))
    assert token not in page.text
    response = admin.post(reverse("admin:mpp_portal_apitoken_delete", args=[stored.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert _with(api, token).get("/api/regions/").status_code in REFUSED


@pytest.mark.parametrize("password", ["pendek-123", "12345678901234", "password12345"])
def test_the_password_policy_refuses_short_common_or_numeric_passwords(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_twelve_character_uncommon_password_passes_the_policy():
    validate_password("Batu-MPP-2022!")
