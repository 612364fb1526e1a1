"""Tertinggal: target units without an operating MPP, the most stuck first, with their time in stage from
the status history, last update, commitment and fiscal class; filters shared by page, API and export."""
import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from commitments.models import SigningEvent
from commitments.services import commitment_create
from dashboards.lagging import lagging_list
from quality.models import FiscalCapacity
from regions.models import Mpp, Region, StatusUpdate
from tests.conftest import api_for, client_for
from tests.dashboards.conftest import mpp_create

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def _moved(mpp: Mpp, to_status: str, days_ago: int) -> None:
    update = StatusUpdate.objects.create(mpp=mpp, from_status=Mpp.Status.PLANNED, to_status=to_status)
    StatusUpdate.objects.filter(pk=update.pk).update(at=NOW - datetime.timedelta(days=days_ago))


@pytest.fixture
def stuck(known_rollout):
    """In Jawa Timur: Kab. Malang preparing for 400 days, Kab. Jember preparing for 30 days, Kab. Jombang
    committed by a signing two years ago (target 2023), Kab. Lumajang committed by its MPP 100 days ago."""
    _moved(Mpp.objects.get(region__code="35.07"), Mpp.Status.PREPARING, 400)
    _moved(mpp_create("35.09", status=Mpp.Status.PREPARING), Mpp.Status.PREPARING, 30)
    event = SigningEvent.objects.create(date=(NOW - datetime.timedelta(days=730)).date(), place="Jakarta")
    commitment_create(user=None, event=event, region=Region.objects.get(code="35.17"), target_year=2023)
    lumajang = Mpp.objects.get(region__code="35.08")
    _moved(lumajang, Mpp.Status.COMMITTED, 100)
    for code, fiscal_class in (("35.07", "rendah"), ("35.09", "tinggi"), ("35.17", "sangat_rendah")):
        FiscalCapacity.objects.create(region=Region.objects.get(code=code), year=2024, fiscal_class=fiscal_class,
                                      regulation="PMK 65/2024")


def _codes(rows):
    return [row.region.code for row in rows]


def test_regions_with_an_operating_mpp_are_not_lagging(stuck, analyst):
    codes = _codes(lagging_list(user=analyst, province="35"))
    assert not {"35.73", "35.78", "35.79"} & set(codes) and len(codes) == 38 - 3


def test_the_most_stuck_come_first_never_started_then_longest_in_stage(stuck, analyst):
    rows = lagging_list(user=analyst, province="35", now=NOW)
    started = [row for row in rows if row.since is not None]
    assert _codes(started) == ["35.17", "35.07", "35.08", "35.09"]
    signed_at = timezone.make_aware(datetime.datetime.combine(started[0].signed_on, datetime.time()))
    assert [row.days_in_stage for row in started] == [(NOW - signed_at).days, 400, 100, 30]
    assert all(row.stage == "none" for row in rows[:len(rows) - len(started)])
    assert rows[-1].region.code == "35.09"


def test_time_in_stage_comes_from_the_status_history_and_the_signing(stuck, analyst):
    rows = {row.region.code: row for row in lagging_list(user=analyst, province="35", now=NOW)}
    assert rows["35.07"].stage == "preparing" and rows["35.07"].months_in_stage == 13
    jombang = rows["35.17"]
    assert jombang.stage == "committed" and jombang.signed_on == (NOW - datetime.timedelta(days=730)).date()
    assert jombang.target_year == 2023 and jombang.fiscal_class == "sangat_rendah" and jombang.fiscal_year == 2024
    assert rows["35.09"].last_update is not None and rows["35.01"].last_update is None


def test_filters_on_stage_time_in_stage_and_fiscal_class(stuck, analyst):
    assert _codes(lagging_list(user=analyst, stage="preparing", now=NOW)) == ["35.07", "35.09"]
    assert _codes(lagging_list(user=analyst, province="35", stage="committed", min_days=365, now=NOW)) == ["35.17"]
    assert _codes(lagging_list(user=analyst, fiscal_class="rendah")) == ["35.07"]
    assert "35.07" not in _codes(lagging_list(user=analyst, province="35", fiscal_class="none"))


def test_dki_counts_once_on_the_kemenpanrb_basis_and_per_unit_on_the_kemendagri_basis(stuck, analyst):
    assert not any(code.startswith("31.") for code in _codes(lagging_list(user=analyst, province="31")))
    kemendagri = _codes(lagging_list(user=analyst, province="31", basis="kemendagri"))
    assert set(kemendagri) == {"31.01", "31.73", "31.74", "31.75"}


def test_the_page_lists_them_with_filters_and_export_links(stuck, analyst):
    response = client_for(analyst).get(reverse("dashboards:lagging"), {"province": "35", "min_months": "12"})
    assert response.status_code == 200
    page = response.text
    assert "Kabupaten Malang" in page and "13 bulan" in page and "Rendah" in page
    assert "Kabupaten Jember" not in page  # 30 days in its stage
    assert page.index("Kabupaten Jombang") < page.index("Kabupaten Malang")
    assert reverse("dashboards:lagging-export", args=["xlsx"]) + "?province=35&amp;min_months=12" in page


def test_the_api_gives_the_same_list_in_the_same_order(stuck, analyst):
    response = api_for(analyst).get("/api/lagging/", {"province": "35", "stage": "preparing"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r["code"] for r in results] == ["35.07", "35.09"]
    assert results[0]["days_in_stage"] == 400 and results[0]["fiscal_class"] == "rendah"
    assert results[0]["has_demo"] is False and results[0]["stage"] == "preparing"


def test_the_api_refuses_a_bad_filter_with_field_errors(stuck, analyst):
    response = api_for(analyst).get("/api/lagging/", {"fiscal_class": "kaya"})
    assert response.status_code == 400 and "fiscal_class" in response.json()


def test_the_page_runs_a_constant_handful_of_queries_however_many_regions_lag(stuck, analyst,
                                                                             django_assert_max_num_queries):
    client = client_for(analyst)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("dashboards:lagging")).status_code == 200  # 500 regions lag here


def test_a_region_operating_only_through_a_demo_mpp_is_still_lagging_with_its_demo_count(stuck, analyst):
    demo = mpp_create("35.10", status=Mpp.Status.OPERATING)
    Mpp.objects.filter(pk=demo.pk).update(is_demo=True)
    row = next(row for row in lagging_list(user=analyst, province="35") if row.region.code == "35.10")
    assert row.stage != "operating" and row.demo_mpp_count == 1 and row.has_demo
