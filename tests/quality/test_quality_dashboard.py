"""/kualitas/ shows every section to members; its figures take a constant number of queries."""
import datetime
from io import StringIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quality import history, selectors
from quality.models import Evaluation, EvaluationCategory, ReadinessCheck, ReadinessCriterion
from regions.models import Mpp
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def populate(make_mpp, user, codes):
    for code in codes:
        mpp = make_mpp(code, digital_status=Mpp.DigitalStatus.LIVE, digital_since=datetime.date(2024, 1, 1),
                       oss_integrated=True, oss_integrated_on=datetime.date(2024, 1, 1))
        Evaluation.objects.create(region=mpp.region, mpp=mpp, year=2024,
                                  category=EvaluationCategory.objects.get(key="baik"))
        for criterion in ReadinessCriterion.objects.all()[:3]:
            ReadinessCheck.objects.create(mpp=mpp, criterion=criterion, met=True, checked_by=user,
                                          checked_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))


FIGURES = [
    lambda: selectors.quality_distribution(),
    lambda: selectors.prima_list(None),
    lambda: selectors.digital_summary(),
    lambda: selectors.readiness_by_criterion(),
    lambda: selectors.oss_integration_count(),
    lambda: selectors.regions_without_operating_mpp_by_fiscal_class(),
]


def test_every_figure_takes_the_same_queries_as_records_grow(make_mpp, admin_user):
    populate(make_mpp, admin_user, ["35.79"])
    counts = []
    for codes in (["35.73"], ["35.01", "35.02", "35.03", "35.04", "35.05"]):
        populate(make_mpp, admin_user, codes)
        run = []
        for figure in FIGURES:
            with CaptureQueriesContext(connection) as queries:
                figure()
            run.append(len(queries))
        counts.append(run)
    assert counts[0] == counts[1]
    assert max(counts[0]) <= 4


def test_the_figures_count_what_was_recorded(make_mpp, admin_user):
    populate(make_mpp, admin_user, ["35.79", "35.73"])
    make_mpp("35.01")
    assert selectors.digital_summary()["live"] == 2 and selectors.digital_summary()["target"] == 3
    assert selectors.oss_integration_count()["integrated_operating"] == 2
    readiness = selectors.readiness_by_criterion()
    assert readiness["assessed_mpps"] == 2
    assert [c.met for c in readiness["criteria"]] == [2, 2, 2] + [0] * 8
    row = selectors.quality_distribution()["rows"][0]
    assert row["year"] == 2024 and row["total"] == 2


def test_the_dashboard_page_shows_every_section(make_mpp, analyst, admin_user):
    history.load(stdout=StringIO())
    populate(make_mpp, admin_user, ["35.79"])
    response = client_for(analyst).get("/kualitas/")
    page = response.content.decode()
    assert response.status_code == 200
    for text in ("Hasil evaluasi MPP per kategori", "MPP kategori Prima 2023", "Badung", "Kesiapan MPP Digital",
                 "Antrean", "Wilayah rintisan MPP Digital", "Kotawaringin", "terintegrasi OSS",
                 "kapasitas fiskal", "10 Prima dari 163"):
        assert text in page, text
    assert 'aria-current="page"' in page and "Kualitas &amp; Digital" in page
    year_2023 = client_for(analyst).get("/kualitas/?tahun=2023").content.decode()
    assert "Badung" in year_2023


def test_the_page_query_count_does_not_grow_with_records(make_mpp, analyst, admin_user):
    client = client_for(analyst)
    populate(make_mpp, admin_user, ["35.79"])
    with CaptureQueriesContext(connection) as small:
        client.get("/kualitas/")
    populate(make_mpp, admin_user, ["35.01", "35.02", "35.03", "35.04"])
    with CaptureQueriesContext(connection) as large:
        client.get("/kualitas/")
    assert len(small) == len(large)


def test_the_lists_open_for_members_and_not_for_the_public(make_mpp, batu_officer, admin_user):
    populate(make_mpp, admin_user, ["35.79"])
    client = client_for(batu_officer)
    assert "MPP Kota Batu" in client.get("/kualitas/mpp/?mine=true").content.decode()
    assert "Baik" in client.get("/kualitas/evaluasi/?year=2024&province=35").content.decode()
    assert client_for(None).get("/kualitas/").status_code == 302
