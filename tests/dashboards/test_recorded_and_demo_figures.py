"""Recorded and demo apart in every aggregate; undated MPPs never move the curve; the headline tells the outcome."""
import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from dashboards.history import load as load_reported_totals
from dashboards.models import ProgressSnapshot, ProvinceRegionList
from dashboards.services import progress_recompute
from regions.models import Inauguration, Mpp, Region
from tests.conftest import api_for, client_for

from .conftest import mpp_create

pytestmark = pytest.mark.django_db

SOFT_LAUNCHES = dict(date_note="2024, hari tidak diketahui", date_after=datetime.date(2024, 6, 24),
                     date_before=datetime.date(2024, 12, 12), source="heaptalk.com; majalahfive.com")


def national(basis: str = "kemenpanrb") -> ProgressSnapshot:
    return ProgressSnapshot.objects.get(scope="national", target__basis=basis, target__metric="operating")


@pytest.fixture
def mixed(registry):
    """Two recorded operating MPPs (one by the deadline, one after), a recorded preparing one with a demo
    operating MPP beside it, and two demo operating MPPs in regions without a recorded one."""
    mpp_create("35.79", on=datetime.date(2022, 12, 5))
    mpp_create("35.73", on=datetime.date(2025, 3, 1))
    mpp_create("35.07", status="preparing")
    Mpp.objects.create(region=Region.objects.get(code="35.07"), name="MPP contoh 35.07", status="operating",
                       inaugurated_on=datetime.date(2020, 1, 1), tenant_count=9, service_count=90, is_demo=True)
    mpp_create("35.08", on=datetime.date(2019, 5, 1), is_demo=True)
    mpp_create("33.01", on=datetime.date(2025, 9, 24), is_demo=True)
    load_reported_totals(stdout=open("/dev/null", "w"))
    progress_recompute()


def test_the_snapshot_counts_recorded_units_and_keeps_the_demo_share_apart(mixed):
    s = national()
    assert (s.numerator, s.demo_numerator, s.with_demo) == (2, 3, 5)
    assert (s.mpp_count, s.demo_mpp_count) == (2, 3)
    assert (s.stage_operating, s.stage_preparing) == (2, 1)
    assert s.demo_stages["operating"] == 5 and s.demo_stages["preparing"] == 0
    assert s.series[-1][1] == 2 and s.demo_series[-1][1] == 5
    assert s.series[0][0] == "2022-12" and s.demo_series[0][0] == "2019-05"
    assert (s.numerator_at_deadline, s.demo_numerator_at_deadline) == (1, 2)


def test_the_province_region_list_shows_the_recorded_stage_and_the_demo_apart(mixed):
    s = national()
    rows = ProvinceRegionList.objects.get(run=s.run, province__code="35").regions
    by_code = {row[0]: row for row in rows}
    assert by_code["35.07"][4:] == ["preparing", 1, "operating", 1]
    assert by_code["35.08"][4:] == ["none", 0, "operating", 1]
    assert by_code["35.79"][4:] == ["operating", 1, "operating", 0]


def test_the_dashboard_says_how_many_are_demo_and_the_public_summary_shows_none(mixed, analyst):
    page = client_for(analyst).get(reverse("dashboards:national")).text
    assert "2 tercatat + 3 contoh" in page
    assert 'class="demo"' in page  # the demo curve drawn apart
    public = client_for(None).get(reverse("dashboards:public")).text
    assert "contoh" not in public.replace("data contoh tidak pernah ikut", "")
    assert 'class="demo"' not in public
    assert "2 dari 509 unit kab/kota" in public


def test_the_api_gives_recorded_figures_with_the_demo_share_and_says_what_each_counts(mixed, analyst):
    body = api_for(analyst).get("/api/progress/", {"include": "provinces"}).json()
    target = next(t for t in body["targets"] if t["basis"] == "kemenpanrb" and t["metric"] == "operating")
    figures = ("numerator", "demo_numerator", "mpp_count", "demo_mpp_count")
    assert tuple(target[name] for name in figures) == (2, 3, 2, 3)
    assert (target["numerator_at_deadline"], target["percent_at_deadline"]) == (1, 0.2)
    assert "recorded" in body["definitions"]["numerator"] and "demo" in body["definitions"]["demo_numerator"]
    assert {"series", "demo_series", "undated_count", "windows"} <= set(body["definitions"])
    east_java = next(p for p in target["provinces"] if p["code"] == "35")
    assert (east_java["numerator"], east_java["demo_numerator"]) == (2, 2)


def test_the_api_gives_the_demo_share_whatever_is_included_and_its_series_with_the_series(mixed, analyst):
    client = api_for(analyst)
    plain = client.get("/api/progress/").json()
    target = next(t for t in plain["targets"] if t["basis"] == "kemenpanrb" and t["metric"] == "operating")
    assert (target["demo_numerator"], target["demo_mpp_count"], target["demo_stages"]["operating"]) == (3, 3, 5)
    assert "demo_series" not in target and "series" not in target and "demo_numerator" in plain["definitions"]
    with_series = client.get("/api/progress/", {"include": "series"}).json()
    target = next(t for t in with_series["targets"] if t["basis"] == "kemenpanrb" and t["metric"] == "operating")
    assert target["series"][-1][1] == 2 and target["demo_series"][-1][1] == 5


def test_the_headline_states_the_2024_outcome_and_todays_figure(mixed, analyst):
    page = client_for(analyst).get(reverse("dashboards:national")).text
    headline = page[page.index('class="card headline'):page.index('class="tiles"')]
    assert "Sasaran 2024 tidak tercapai:" in headline
    assert "1 dari 509 unit kab/kota (0,2%) per 31 Desember 2024" in headline
    assert "1 tercatat + 2 contoh" in headline
    assert "2 dari 509 unit kab/kota (0,4%)" in headline and "basis KemenPANRB" in headline
    assert "Kurang 507 unit kab/kota" in headline and "bulan lewat tenggat" in headline
    for path in (reverse("dashboards:public"), reverse("dashboards:province", args=["35"])):
        assert "Sasaran 2024 tidak tercapai:" in client_for(analyst).get(path).text, path


def test_reported_totals_stand_beside_the_recorded_count_with_the_difference_explained(mixed, analyst):
    for path in (reverse("dashboards:national"), reverse("dashboards:public")):
        page = client_for(analyst if "dasbor" in path else None).get(path).text
        assert "Portal menghitung 2 dari 509 unit kab/kota dari data tercatat" in page, path
        assert "Sumber publik melaporkan 305 MPP per 15 Desember 2025" in page, path
    assert "Data contoh menambah 3 unit lagi" in client_for(analyst).get(reverse("dashboards:national")).text


def test_an_mpp_known_only_within_a_window_is_plotted_at_its_end_and_an_undated_one_is_listed_not_plotted(
    registry, analyst
):
    soft = Inauguration.objects.create(**SOFT_LAUNCHES)
    mpp_create("13.72", inauguration=soft, counts_unknown=True)
    mpp_create("13.02", inauguration=soft)
    mpp_create("32.76")  # operating, no date and no window
    mpp_create("35.79", on=datetime.date(2022, 12, 5))
    progress_recompute()
    s = national()
    assert s.numerator == 4 and s.undated_count == 1
    assert s.windows == [["2024-06-24", "2024-12-12", 2]]
    assert dict(s.series)["2024-12"] == 3 and s.series[-1][1] == 3
    this_month = f"{timezone.localdate():%Y-%m}"
    assert dict(s.series).get(this_month, 3) == 3  # nothing jumps in the month of the recompute
    page = client_for(analyst).get(reverse("dashboards:national")).text
    assert "Tanpa tanggal peresmian (1)" in page
    assert "2 unit kab/kota diresmikan antara 24 Juni 2024 dan 12 Desember 2024" in page


def test_the_curves_step_in_the_current_month_equals_the_mpps_inaugurated_in_that_month(registry):
    today = timezone.localdate()
    mpp_create("35.79", on=datetime.date(2022, 12, 5))
    mpp_create("32.76")  # undated: must not add to this month's step
    mpp_create("35.73", on=today.replace(day=1))
    mpp_create("35.78", on=today)
    progress_recompute()
    series = dict(national().series)
    month = f"{today:%Y-%m}"
    previous = f"{(today.replace(day=1) - datetime.timedelta(days=1)):%Y-%m}"
    assert series[month] - series[previous] == 2
