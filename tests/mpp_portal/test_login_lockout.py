from django.urls import reverse

from mpp_portal.login_guard import MAX_FAILURES
from tests.conftest import PASSWORD


def test_the_login_page_locks_after_repeated_failures_even_for_the_right_password(client, analyst):
    for _attempt in range(MAX_FAILURES):
        client.post(reverse("login"), {"username": "analis", "password": "salah"})
    response = client.post(reverse("login"), {"username": "analis", "password": PASSWORD})
    assert response.status_code == 200
    assert "Terlalu banyak percobaan masuk yang gagal" in response.text
    assert "_auth_user_id" not in client.session


def test_a_successful_login_clears_earlier_failures(client, analyst):
    for _attempt in range(MAX_FAILURES - 1):
        client.post(reverse("login"), {"username": "analis", "password": "salah"})
    assert client.post(reverse("login"), {"username": "analis", "password": PASSWORD}).status_code == 302
    client.post(reverse("logout"))
    client.post(reverse("login"), {"username": "analis", "password": "salah"})
    assert client.post(reverse("login"), {"username": "analis", "password": PASSWORD}).status_code == 302


def test_the_token_endpoint_locks_after_repeated_failures(api, analyst):
    for _attempt in range(MAX_FAILURES):
        assert api.post("/api/auth/token/", {"username": "analis", "password": "x"}, format="json").status_code == 400
    response = api.post("/api/auth/token/", {"username": "analis", "password": PASSWORD}, format="json")
    assert response.status_code == 429
    assert "token" not in response.json()
