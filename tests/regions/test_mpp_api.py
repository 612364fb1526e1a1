"""The MPP API: list with filters, detail, create, PATCH with the version, status updates."""
import datetime

import pytest

from regions.models import Mpp
from tests.conftest import api_for
from tests.regions.conftest import mpp_in

pytestmark = pytest.mark.django_db

DETAIL_FIELDS = {
    "id", "region", "region_name", "name", "address", "status", "inaugurated_on", "tenant_count", "service_count",
    "oss_integrated", "oss_integrated_on", "digital_status", "digital_since", "is_demo", "version", "updated_at",
}


@pytest.fixture
def three_mpps(registry):
    return [
        mpp_in("35.79", name="MPP Among Warga", status=Mpp.Status.OPERATING),
        mpp_in("35.73", name="MPP Kota Malang", status=Mpp.Status.PREPARING),
        mpp_in("31.71", name="MPP Jakarta Selatan", status=Mpp.Status.OPERATING),
    ]


def names(response):
    assert response.status_code == 200, response.content
    return sorted(row["name"] for row in response.json()["results"])


@pytest.mark.parametrize(("query", "expected"), [
    ("", ["MPP Among Warga", "MPP Jakarta Selatan", "MPP Kota Malang"]),
    ("?region=35.79", ["MPP Among Warga"]),
    ("?province=35", ["MPP Among Warga", "MPP Kota Malang"]),
    ("?status=operating", ["MPP Among Warga", "MPP Jakarta Selatan"]),
    ("?province=35&status=operating", ["MPP Among Warga"]),
    ("?search=among", ["MPP Among Warga"]),
    ("?search=Kota Batu", ["MPP Among Warga"]),
])
def test_the_list_filters_by_region_province_status_and_search(analyst, three_mpps, query, expected):
    assert names(api_for(analyst).get(f"/api/mpps/{query}")) == expected


def test_an_unknown_status_filter_is_a_field_error(analyst, three_mpps):
    response = api_for(analyst).get("/api/mpps/?status=closed")
    assert response.status_code == 400
    assert "status" in response.json()


def test_the_detail_has_every_documented_field(analyst, batu_mpp):
    body = api_for(analyst).get(f"/api/mpps/{batu_mpp.pk}/").json()
    assert DETAIL_FIELDS <= set(body)
    assert (body["region"], body["region_name"], body["version"]) == ("35.79", "Kota Batu", 1)


def test_the_list_query_count_does_not_grow_with_the_mpps(analyst, three_mpps, django_assert_max_num_queries):
    for code in ("35.07", "35.08", "35.09", "35.10"):
        mpp_in(code)
    api = api_for(analyst)
    with django_assert_max_num_queries(6):
        assert api.get("/api/mpps/").status_code == 200


def test_an_admins_patch_returns_the_new_version(admin_user, batu_mpp):
    response = api_for(admin_user).patch(
        f"/api/mpps/{batu_mpp.pk}/", {"tenant_count": 27, "oss_integrated": True, "oss_integrated_on": "2023-06-01",
                                      "version": 1, "note": "OSS tersambung"}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["tenant_count"], body["oss_integrated_on"], body["version"]) == (27, "2023-06-01", 2)


def test_a_patch_without_the_version_is_refused(batu_officer, batu_mpp):
    response = api_for(batu_officer).patch(f"/api/mpps/{batu_mpp.pk}/", {"tenant_count": 27}, format="json")
    assert response.status_code == 400
    assert "version" in response.json()


@pytest.mark.parametrize("payload", [
    {"status": "operating"}, {"region": "35.73"}, {"tenant_count": -1}, {"digital_status": "maybe"},
    {"latitude": "95"},
])
def test_a_patch_refuses_fields_it_may_not_set_with_field_errors(batu_officer, batu_mpp, payload):
    response = api_for(batu_officer).patch(f"/api/mpps/{batu_mpp.pk}/", payload | {"version": 1}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == set(payload)
    batu_mpp.refresh_from_db()
    assert batu_mpp.version == 1


def test_only_admins_mark_records_as_demo(batu_officer, admin_user, batu_mpp):
    response = api_for(batu_officer).patch(f"/api/mpps/{batu_mpp.pk}/", {"is_demo": True, "version": 1}, format="json")
    assert response.status_code == 400
    response = api_for(admin_user).patch(f"/api/mpps/{batu_mpp.pk}/", {"is_demo": True, "version": 1}, format="json")
    assert response.json()["is_demo"] is True


def test_a_create_without_a_region_or_a_name_is_refused(batu_officer):
    api = api_for(batu_officer)
    assert set(api.post("/api/mpps/", {"name": "MPP X"}, format="json").json()) == {"region"}
    assert set(api.post("/api/mpps/", {"region": "35.79"}, format="json").json()) == {"name"}
    assert not Mpp.objects.exists()


def test_an_admins_status_update_moves_the_mpp_to_operating(admin_user, batu_mpp):
    response = api_for(admin_user).post(
        f"/api/mpps/{batu_mpp.pk}/status/",
        {"status": "operating", "note": "Diresmikan Wapres", "inaugurated_on": "2022-12-05", "version": 1},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert (response.json()["from_status"], response.json()["to_status"]) == ("preparing", "operating")
    batu_mpp.refresh_from_db()
    assert (batu_mpp.status, batu_mpp.inaugurated_on, batu_mpp.version) == ("operating", datetime.date(2022, 12, 5), 2)


def test_a_refused_status_update_gives_field_errors(batu_officer, batu_mpp):
    response = api_for(batu_officer).post(f"/api/mpps/{batu_mpp.pk}/status/", {"status": "suspended", "note": ""},
                                          format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["note"]


def test_the_schema_documents_the_mpp_endpoints(analyst):
    paths = api_for(analyst).get("/api/schema/?format=json").json()["paths"]
    assert {"/api/mpps/", "/api/mpps/{id}/", "/api/mpps/{id}/status/", "/api/mpps/{id}/history/"} <= set(paths)
