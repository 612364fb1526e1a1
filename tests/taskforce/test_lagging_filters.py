"""The lagging list ("Tertinggal": page, API, export) filtered on the task force's assistance: never assisted,
or assisted in the last N months and still in the stage the region was in at the first of them."""
import datetime

from django.utils import timezone

from dashboards.lagging import lagging_list
from regions.models import Mpp
from tests.conftest import api_for, client_for
from tests.factories import MppFactory


def codes(rows) -> set[str]:
    return {row.region.code for row in rows}


def test_never_assisted_leaves_out_every_region_with_a_recorded_assistance(analyst, log):
    log(analyst, "35.79")
    log(analyst, "35.73", is_demo=True)  # demo assistance does not count
    rows = lagging_list(user=analyst, province="35", assistance="tanpa")
    assert "35.79" not in codes(rows) and "35.73" in codes(rows)
    assert len(rows) == len(lagging_list(user=analyst, province="35")) - 1


def test_still_in_the_same_stage_since_a_recent_assistance(analyst, log):
    today = timezone.localdate()
    log(analyst, "35.79", date=today - datetime.timedelta(days=30))  # stage none then and now
    log(analyst, "35.07", date=today - datetime.timedelta(days=30))  # none then, preparing now
    MppFactory(code="35.07", status=Mpp.Status.PREPARING)
    log(analyst, "35.73", date=today - datetime.timedelta(days=400))  # assisted, but before the window
    rows = lagging_list(user=analyst, province="35", assistance="tetap", assistance_months=6)
    assert codes(rows) == {"35.79"}
    assert codes(lagging_list(user=analyst, province="35", assistance="tetap", assistance_months=36)) == {
        "35.79", "35.73"}


def test_the_api_and_the_page_take_the_filter_and_the_api_refuses_a_bad_month_count(analyst, log):
    log(analyst, "35.79", date=timezone.localdate() - datetime.timedelta(days=10))
    api = api_for(analyst)
    found = api.get("/api/lagging/", {"province": "35", "pendampingan": "tetap", "bulan": 3, "page_size": 100})
    assert found.status_code == 200
    assert [row["code"] for row in found.json()["results"]] == ["35.79"]
    for bad in ("0", "37", "x"):
        refused = api.get("/api/lagging/", {"pendampingan": "tetap", "bulan": bad})
        assert refused.status_code == 400 and "bulan" in refused.json()
    assert api.get("/api/lagging/", {"pendampingan": "kadang"}).status_code == 400
    page = client_for(analyst).get("/tertinggal/", {"province": "35", "pendampingan": "tanpa"})
    assert page.status_code == 200 and "Kota Batu" not in page.content.decode()
    # On the page a bad month count is ignored (the default, 6 months, applies).
    page = client_for(analyst).get("/tertinggal/", {"province": "35", "pendampingan": "tetap", "bulan": "99"})
    assert page.status_code == 200 and "Kota Batu" in page.content.decode() and "Kota Malang" not in page.content.decode()
    export = client_for(analyst).get("/tertinggal/ekspor.csv", {"province": "35", "pendampingan": "tetap"})
    assert export.status_code == 200 and "35.79" in b"".join(export.streaming_content).decode("utf-8-sig")


def test_the_province_dashboards_region_table_takes_the_same_filter(analyst, log):
    from dashboards.services import progress_recompute

    progress_recompute()
    log(analyst, "35.79", date=timezone.localdate() - datetime.timedelta(days=10))
    client = client_for(analyst)
    never = client.get("/dasbor/provinsi/35/", {"pendampingan": "tanpa"}).content.decode()
    assert "Kota Malang" in never and "Kota Batu" not in never
    same = client.get("/dasbor/provinsi/35/", {"pendampingan": "tetap", "bulan": "3"}).content.decode()
    assert "Kota Batu" in same and "Kota Malang" not in same
    # A bad month count is ignored, as the page's other parameters are.
    assert client.get("/dasbor/provinsi/35/", {"pendampingan": "tetap", "bulan": "99"}).status_code == 200
