"""Regions without an operating MPP, by fiscal capacity class: the figures on a known fixture."""
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quality import selectors
from quality.imports import fiscal_capacity_import
from quality.models import FiscalCapacity
from regions.models import Mpp, Region
from tests.conftest import api_for, client_for

pytestmark = pytest.mark.django_db

# Kota Batu operates an MPP (not counted); Pacitan and Ponorogo are low, Trenggalek very low, Kota Malang
# only preparing (counted, high). Kepulauan Seribu (DKI administrative unit) is never counted.
FIXTURE_CSV = """region,class
Kota Batu,rendah
Kab. Pacitan,rendah
Kabupaten Ponorogo,Rendah
Trenggalek,sangat rendah
Kota Malang,tinggi
"""


@pytest.fixture
def fixture_2024(make_mpp, admin_user):
    make_mpp("35.79")
    make_mpp("35.73", status=Mpp.Status.PREPARING)
    report = fiscal_capacity_import(content=FIXTURE_CSV.encode(), filename="pmk.csv", year=2024, regulation="PMK 65/2024", user=admin_user)
    assert report.ok and len(report.created) == 5, report.errors
    # An older year must not leak into the latest figures.
    FiscalCapacity.objects.create(region=Region.objects.get(code="35.03"), year=2023, fiscal_class="sedang",
                                  regulation="PMK 84/2023")


def test_it_counts_regions_without_an_operating_mpp_per_class(fixture_2024):
    lens = selectors.regions_without_operating_mpp_by_fiscal_class()
    counts = {c["key"]: c["count"] for c in lens["classes"]}
    assert lens["year"] == 2024 and lens["regulations"] == ["PMK 65/2024"]
    assert counts == {"sangat_tinggi": 0, "tinggi": 1, "sedang": 0, "rendah": 2, "sangat_rendah": 1}
    autonomous = Region.objects.filter(is_dki_administrative=False).count()
    assert lens["total"] == autonomous - 1  # every autonomous region but Kota Batu
    assert lens["without_data"] == lens["total"] - 4
    assert [(r.code, r.fiscal_class) for r in lens["low"]] == [
        ("35.01", "rendah"), ("35.02", "rendah"), ("35.03", "sangat_rendah")]


def test_an_earlier_year_can_be_asked_for(fixture_2024):
    lens = selectors.regions_without_operating_mpp_by_fiscal_class(2023)
    assert {c["key"]: c["count"] for c in lens["classes"]}["sedang"] == 1 and lens["low"] == []


def test_the_lens_takes_a_constant_number_of_queries(fixture_2024, make_mpp):
    with CaptureQueriesContext(connection) as before:
        selectors.regions_without_operating_mpp_by_fiscal_class()
    make_mpp("35.02", status=Mpp.Status.PREPARING)
    FiscalCapacity.objects.create(region=Region.objects.get(code="35.04"), year=2024, fiscal_class="rendah",
                                  regulation="PMK 65/2024")
    with CaptureQueriesContext(connection) as after:
        lens = selectors.regions_without_operating_mpp_by_fiscal_class()
    assert len(after) == len(before) <= 4
    assert len(lens["low"]) == 4


def test_the_page_and_the_api_show_the_lens(fixture_2024, analyst):
    page = client_for(analyst).get("/kualitas/").content.decode()
    assert "Trenggalek" in page and "PMK 65/2024" in page
    summary = api_for(analyst).get("/api/quality/summary/").json()["fiscal_lens"]
    assert summary["counts"]["rendah"] == 2 and [r["code"] for r in summary["low"]] == ["35.01", "35.02", "35.03"]
    listing = api_for(analyst).get("/api/fiscal-capacities/?year=2024&fiscal_class=rendah&province=35").json()
    assert listing["count"] == 3


def test_the_import_is_all_or_nothing_and_refuses_ambiguous_names(registry, tmp_path):
    path = tmp_path / "fiskal.csv"
    path.write_text("region,class\nKab. Pacitan,rendah\nMagelang,sedang\nKota Batu,lumayan\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_fiscal_capacity", str(path), "--year", "2024", "--regulation", "PMK 65/2024",
                     stdout=StringIO(), stderr=err)
    assert "baris 3, region" in err.getvalue() and "33.08" in err.getvalue() and "33.71" in err.getvalue()
    assert "baris 4" in err.getvalue()
    assert not FiscalCapacity.objects.exists()
    path.write_text("region,class\nKab. Pacitan,rendah\nKota Magelang,sedang\n", encoding="utf-8")
    out = StringIO()
    call_command("import_fiscal_capacity", str(path), "--year", "2024", "--regulation", "PMK 65/2024", stdout=out)
    assert FiscalCapacity.objects.filter(year=2024).count() == 2
    call_command("import_fiscal_capacity", str(path), "--year", "2024", "--regulation", "PMK 65/2024",
                 "--dry-run", stdout=out)
    assert "0 dibuat, 0 diperbarui, 2 tidak berubah" in out.getvalue()


def test_the_api_import_is_for_admins(registry, admin_user, batu_officer):
    def upload():
        return SimpleUploadedFile("f.csv", b"region,class\nKab. Pacitan,rendah\n")

    data = {"year": 2024, "regulation": "PMK 65/2024"}
    assert api_for(batu_officer).post("/api/fiscal-capacities/import/", {**data, "file": upload()}).status_code == 403
    response = api_for(admin_user).post("/api/fiscal-capacities/import/", {**data, "file": upload()})
    assert response.status_code == 200 and len(response.json()["created"]) == 1
    assert FiscalCapacity.objects.get().regulation == "PMK 65/2024"
