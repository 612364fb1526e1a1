"""A recorded write into a region replaces its demo MPPs in the same transaction, and says so."""
import io

import pytest
from django.core.management import call_command

from mpp_portal.models import ChangeRecord
from regions import demo as regions_demo
from regions.models import Mpp
from regions.services import mpp_create

# A real batch as its source writes it (names as written, counts as given); every region holds a demo MPP.
BATCH = (
    "region,name,tenant_count,service_count\n"
    "Kab. Bengkalis,,18,160\n"
    "Kabupaten Kampar,,21,143\n"
    "Kota Dumai,MPP Kota Dumai,15,120\n"
)
BATCH_REGIONS = {"14.03": (18, 160), "14.01": (21, 143), "14.72": (15, 120)}


def import_batch(tmp_path) -> str:
    path = tmp_path / "peresmian.csv"
    path.write_text(BATCH, encoding="utf-8")
    out = io.StringIO()
    call_command("import_mpps", str(path), "--event-date", "2024-12-12", "--source",
                 "sakunar.com, 12 Dec 2024", stdout=out)
    return out.getvalue()


def one_recorded_mpp_each() -> dict:
    mpps = Mpp.objects.filter(region__code__in=BATCH_REGIONS)
    assert mpps.count() == len(BATCH_REGIONS)
    assert not mpps.filter(is_demo=True).exists()
    return {m.region.code: (m.tenant_count, m.service_count) for m in mpps.select_related("region")}


def test_an_imported_batch_leaves_exactly_one_mpp_per_region_also_after_load_demo_runs_again(
    registry, tmp_path, settings
):
    settings.DEBUG = True
    call_command("load_history", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    assert set(Mpp.objects.filter(is_demo=True, region__code__in=BATCH_REGIONS)
               .values_list("region__code", flat=True)) == set(BATCH_REGIONS)

    output = import_batch(tmp_path)
    assert "3 dibuat" in output and output.count("menggantikan MPP contoh") == 3
    assert one_recorded_mpp_each() == BATCH_REGIONS
    replaced = ChangeRecord.objects.filter(region__code__in=BATCH_REGIONS, action=ChangeRecord.Action.DELETE)
    assert replaced.count() == 3 and all("Data contoh diganti data tercatat" in r.note for r in replaced)

    call_command("load_demo", stdout=io.StringIO())
    assert one_recorded_mpp_each() == BATCH_REGIONS
    call_command("load_demo", "--clear", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    assert one_recorded_mpp_each() == BATCH_REGIONS


def test_the_import_report_lists_the_demo_mpps_a_dry_run_would_replace_and_keeps_them(registry, tmp_path):
    call_command("load_history", stdout=io.StringIO())
    regions_demo.load(stdout=io.StringIO())
    path = tmp_path / "peresmian.csv"
    path.write_text(BATCH, encoding="utf-8")
    from regions.imports import mpp_import

    report = mpp_import(user=None, content=path.read_bytes(), filename=path.name, source="sakunar.com",
                        dry_run=True)
    assert sorted(item.label.split(" (")[0] for item in report.replaced_demo) == [
        "Kabupaten Bengkalis", "Kabupaten Kampar", "Kota Dumai"]
    assert report.as_dict()["replaced_demo"][0]["changes"]["demo"][0].startswith("MPP ")
    assert Mpp.objects.filter(is_demo=True, region__code__in=BATCH_REGIONS).count() == 3


def test_an_officer_recording_an_mpp_replaces_the_regions_demo_mpp(registry, batu_officer):
    from regions.models import Region

    batu = Region.objects.get(code="35.79")
    Mpp.objects.create(region=batu, name="MPP Kota Batu", status="operating", inaugurated_on="2019-01-01",
                       tenant_count=5, service_count=50, is_demo=True)
    mpp = mpp_create(user=batu_officer, region=batu, name="MPP Kota Batu")
    assert list(Mpp.objects.filter(region=batu)) == [mpp] and not mpp.is_demo
    record = ChangeRecord.objects.get(region=batu, action=ChangeRecord.Action.DELETE)
    assert record.user == batu_officer and "MPP Kota Batu" in record.note


def test_an_officer_posting_through_the_api_replaces_the_regions_demo_mpp(registry, batu_officer):
    from regions.models import Region
    from tests.conftest import api_for

    batu = Region.objects.get(code="35.79")
    Mpp.objects.create(region=batu, name="MPP Kota Batu", status="preparing", is_demo=True)
    response = api_for(batu_officer).post("/api/mpps/", {"region": "35.79", "name": "MPP Among Warga"},
                                          format="json")
    assert response.status_code == 201, response.content
    assert list(Mpp.objects.filter(region=batu).values_list("name", "is_demo")) == [("MPP Among Warga", False)]


def test_a_refused_recorded_write_keeps_the_demo_mpp(registry, batu_officer):
    from django.core.exceptions import ValidationError

    from regions.models import Region

    batu = Region.objects.get(code="35.79")
    demo = Mpp.objects.create(region=batu, name="MPP Kota Batu", status="preparing", is_demo=True)
    with pytest.raises(ValidationError):
        mpp_create(user=batu_officer, region=batu, name="MPP Among Warga", status="operating")
    assert list(Mpp.objects.filter(region=batu)) == [demo]
