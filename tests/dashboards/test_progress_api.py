import pytest

from dashboards.services import progress_recompute
from tests.conftest import api_for

pytestmark = pytest.mark.django_db


def test_the_latest_progress_names_each_target_with_its_basis(known_rollout, analyst):
    progress_recompute()
    body = api_for(analyst).get("/api/progress/", {"include": "provinces,series"}).json()
    assert body["stale"] is False
    by_basis = {target["basis"]: target for target in body["targets"]}
    panrb, dagri = by_basis["kemenpanrb"], by_basis["kemendagri"]
    assert (panrb["numerator"], panrb["denominator"], panrb["percent"]) == (4, 509, 0.8)
    assert (dagri["numerator"], dagri["denominator"]) == (5, 514)
    assert panrb["deadline"] == "2024-12-31" and panrb["computed_at"] and panrb["stale"] is False
    dki = next(p for p in panrb["provinces"] if p["code"] == "31")
    assert (dki["numerator"], dki["denominator"]) == (1, 1)
    assert len(panrb["provinces"]) == 38


def test_the_latest_progress_leaves_out_provinces_and_series_unless_asked(known_rollout, analyst):
    progress_recompute()
    client = api_for(analyst)
    plain = client.get("/api/progress/").json()["targets"][0]
    assert "provinces" not in plain and "series" not in plain and plain["numerator"] == 4
    series_only = client.get("/api/progress/", {"include": "series"}).json()["targets"][0]
    assert "provinces" not in series_only and series_only["series"][0] == ["2017-06", 1]
    both = client.get("/api/progress/", {"include": "provinces,series"}).json()["targets"][0]
    assert len(both["provinces"]) == 38 and both["series"] == series_only["series"]


def test_the_schema_documents_the_include_parameter_and_the_optional_fields(api):
    schema = api.get("/api/schema/", {"format": "json"}).json()
    parameters = schema["paths"]["/api/progress/"]["get"]["parameters"]
    include = next(p for p in parameters if p["name"] == "include")
    assert "provinces" in include["description"] and "series" in include["description"]
    target = schema["components"]["schemas"]["LatestTarget"]
    assert "provinces" in target["properties"] and "provinces" not in target.get("required", [])
    assert "series" not in target.get("required", [])


def test_without_a_snapshot_the_progress_is_empty_and_stale(registry, analyst):
    body = api_for(analyst).get("/api/progress/").json()
    assert (body["computed_at"], body["stale"], body["targets"]) == (None, True, [])
    assert body["pending_verification"] == {"total": 0, "operating": 0}
    assert "recorded" in body["definitions"]["numerator"]


def test_the_history_lists_national_snapshots_paginated(known_rollout, analyst):
    progress_recompute()
    progress_recompute()
    client = api_for(analyst)
    body = client.get("/api/progress/history/", {"page_size": 3}).json()
    assert body["count"] == 4 and len(body["results"]) == 3 and body["next"]
    assert {row["basis"] for row in body["results"]} == {"kemenpanrb", "kemendagri"}
    target_id = body["results"][0]["target_id"]
    assert client.get("/api/progress/history/", {"target": target_id}).json()["count"] == 2


def test_the_progress_api_is_for_portal_members(registry, api):
    assert api.get("/api/progress/").status_code in (401, 403)
    assert api.get("/api/progress/history/").status_code in (401, 403)
