"""The quality API: read for every member, with the filters the pages use."""
from io import StringIO

import pytest

from quality import history
from quality.models import Evaluation, EvaluationCategory
from tests.conftest import api_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded(registry, make_mpp):
    batu = make_mpp("35.79")
    Evaluation.objects.create(region=batu.region, mpp=batu, year=2024, score=88,
                              category=EvaluationCategory.objects.get(key="sangat_baik"))
    history.load(stdout=StringIO())


def test_evaluations_filter_by_year_category_region_and_province(recorded, analyst):
    api = api_for(analyst)
    assert api.get("/api/evaluations/").json()["count"] == 10
    assert api.get("/api/evaluations/?year=2023&category=prima").json()["count"] == 9
    body = api.get("/api/evaluations/?region=35.79").json()
    assert body["count"] == 1 and body["results"][0]["category"] == "sangat_baik"
    assert body["results"][0]["score"] == "88.00"
    assert api.get("/api/evaluations/?province=35").json()["count"] == 5  # Surabaya, Banyuwangi, Sidoarjo, Magetan, Batu
    assert "category" in api.get("/api/evaluations/?category=luar-biasa").json()


def test_digital_pilots_list_the_unresolved_one_without_a_region(recorded, analyst):
    api = api_for(analyst)
    assert api.get("/api/digital-pilots/").json()["count"] == 21
    assert api.get("/api/digital-pilots/?resolved=false").json()["results"][0]["written_as"] == "Kotawaringin"
    assert api.get("/api/digital-pilots/?province=33").json()["count"] == 6


def test_the_summary_carries_every_dashboard_figure(recorded, analyst):
    body = api_for(analyst).get("/api/quality/summary/?year=2023").json()
    assert set(body) == {"quality_distribution", "prima", "digital", "readiness_by_criterion", "oss_integration",
                         "fiscal_lens"}
    assert body["quality_distribution"]["rows"][0]["counts"]["prima"] == 9
    assert len(body["prima"]) == 9 and body["digital"]["pilot_count"] == 21
    assert len(body["readiness_by_criterion"]["criteria"]) == 11


def test_mpps_filter_by_digital_status_and_the_officers_own_regions(recorded, make_mpp, batu_officer):
    make_mpp("35.73", digital_status="live")
    api = api_for(batu_officer)
    assert api.get("/api/mpp-quality/?digital_status=live").json()["count"] == 1
    mine = api.get("/api/mpp-quality/?mine=true").json()
    assert [m["region"] for m in mine["results"]] == ["35.79"]


def test_the_public_gets_nothing(recorded):
    assert api_for(None).get("/api/evaluations/").status_code in (401, 403)
    assert api_for(None).get("/api/quality/summary/").status_code in (401, 403)


def test_the_openapi_schema_describes_the_quality_endpoints(analyst):
    schema = api_for(analyst).get("/api/schema/?format=json").json()
    for path in ("/api/evaluations/", "/api/readiness-checks/{id}/verify/", "/api/mpp-quality/{id}/oss/",
                 "/api/fiscal-capacities/", "/api/digital-pilots/", "/api/quality/summary/"):
        assert path in schema["paths"], path
