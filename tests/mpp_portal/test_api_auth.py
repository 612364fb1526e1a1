import pytest

from tests.conftest import PASSWORD, api_for


def test_a_token_is_issued_for_a_username_and_password(api, analyst):
    response = api.post("/api/auth/token/", {"username": "analis", "password": PASSWORD}, format="json")
    assert response.status_code == 200
    token = response.json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.get("/api/regions/").status_code == 200


def test_a_wrong_password_gets_no_token(api, analyst):
    response = api.post("/api/auth/token/", {"username": "analis", "password": "salah"}, format="json")
    assert response.status_code == 400
    assert "token" not in response.json()


@pytest.mark.django_db
def test_anonymous_requests_are_refused(api):
    assert api.get("/api/regions/").status_code in (401, 403)
    assert api.get("/api/provinces/").status_code in (401, 403)


def test_the_api_lists_the_registry_with_totals(analyst):
    api = api_for(analyst)
    assert api.get("/api/provinces/").json()["count"] == 38
    assert api.get("/api/regions/").json()["count"] == 514
    assert api.get("/api/regions/", {"kind": "kabupaten"}).json()["count"] == 416
    assert api.get("/api/regions/", {"kind": "kota"}).json()["count"] == 98
    assert api.get("/api/regions/", {"province": "35"}).json()["count"] == 38
    found = api.get("/api/regions/", {"search": "Batu"}).json()["results"]
    assert [r["code"] for r in found] == ["35.79"] or "35.79" in [r["code"] for r in found]


def test_a_region_is_addressed_by_its_kemendagri_code(analyst):
    body = api_for(analyst).get("/api/regions/35.79/").json()
    assert body["name"] == "Kota Batu"
    assert body["province"] == "35"
    assert body["stage"] == "none"


def test_an_unknown_filter_value_is_a_field_error(analyst):
    response = api_for(analyst).get("/api/regions/", {"kind": "desa"})
    assert response.status_code == 400
    assert "kind" in response.json()


@pytest.mark.django_db
def test_the_openapi_schema_and_docs_are_served_offline(client):
    schema = client.get("/api/schema/?format=json")
    assert schema.status_code == 200
    assert "/api/regions/" in schema.json()["paths"]
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    assert "cdn" not in docs.text.lower()
