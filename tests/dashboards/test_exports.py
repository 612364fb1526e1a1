"""Exports fit for the people who open them: ";" CSV with a BOM, styled XLSX with a "Tentang" sheet, a
"Contoh" column and the as-of time and basis on every export, each list filtered as on screen."""
import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from dashboards.services import progress_recompute
from quality.models import FiscalCapacity
from regions.models import Mpp, Region
from tests.conftest import client_for
from tests.dashboards.conftest import mpp_create

pytestmark = pytest.mark.django_db


def _get(client, name, fmt, params=None):
    response = client.get(reverse(f"dashboards:{name}", args=[fmt]), params or {})
    assert response.status_code == 200, response
    assert response.streaming, "exports stream"
    return response, b"".join(response.streaming_content)


def _csv(body: bytes, delimiter=";") -> list[dict]:
    assert body.startswith(b"\xef\xbb\xbf"), "UTF-8 with a BOM"
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig")), delimiter=delimiter))


def _xlsx(body: bytes):
    return load_workbook(io.BytesIO(body))


@pytest.fixture
def demo_mpp(known_rollout):
    """A demo ("contoh") operating MPP in Kabupaten Jember (35.09)."""
    return mpp_create("35.09", status=Mpp.Status.OPERATING, on=datetime.date(2024, 3, 1), is_demo=True)


def test_the_region_csv_uses_semicolons_a_bom_and_carries_demo_as_of_and_basis(demo_mpp, analyst):
    response, body = _get(client_for(analyst), "region-export", "csv", {"province": "35"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = _csv(body)
    assert len(rows) == 38
    batu = next(row for row in rows if row["Kode"] == "35.79")
    assert batu["Nama"] == "Kota Batu" and batu["Tahap MPP"] == "Beroperasi" and batu["Contoh"] == "tidak"
    jember = next(row for row in rows if row["Kode"] == "35.09")
    # Stage and count are the recorded ones; the demo MPP is counted apart.
    assert jember["Contoh"] == "ya" and jember["MPP contoh"] == "1" and jember["Jumlah MPP"] == "0"
    assert jember["Tahap MPP"] == "Belum ada"
    as_of = datetime.datetime.strptime(batu["Data per"], "%Y-%m-%d %H:%M")
    assert abs(as_of - timezone.localtime().replace(tzinfo=None)) < datetime.timedelta(minutes=2)
    assert "Kemendagri" in batu["Basis"]


def test_a_comma_separated_csv_is_given_on_request(known_rollout, analyst):
    _response, body = _get(client_for(analyst), "region-export", "csv", {"province": "35", "pemisah": "koma"})
    rows = _csv(body, delimiter=",")
    assert len(rows) == 38 and {"Kode", "Nama", "Contoh", "Data per", "Basis"} <= set(rows[0])


def test_an_unknown_separator_is_not_found(known_rollout, analyst):
    response = client_for(analyst).get(reverse("dashboards:region-export", args=["csv"]), {"pemisah": "tab"})
    assert response.status_code == 404


def test_the_xlsx_has_a_bold_frozen_filtered_header_widths_and_a_tentang_sheet(demo_mpp, analyst):
    _response, body = _get(client_for(analyst), "region-export", "xlsx", {"kind": "kota"})
    book = _xlsx(body)
    assert book.sheetnames == ["Kabupaten-kota", "Tentang"]
    sheet = book["Kabupaten-kota"]
    header = [cell.value for cell in sheet[1]]
    assert header[:2] == ["Kode", "Nama"] and header[-3:] == ["Contoh", "Data per", "Basis"]
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}{1 + 98}"
    assert sheet.column_dimensions["B"].width >= 30
    batu = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "35.79")
    by_header = dict(zip(header, batu))
    assert by_header["Jumlah MPP"].value == 1 and by_header["Jumlah MPP"].data_type == "n"
    assert isinstance(by_header["Data per"].value, datetime.datetime) and by_header["Data per"].is_date
    about = {row[0]: row[1] for row in book["Tentang"].iter_rows(values_only=True)}
    assert {"Judul", "Data per", "Basis", "Sumber", "Filter", "Contoh"} <= set(about)
    assert "contoh" in about["Contoh"].lower() and "Jenis: Kota" in about["Filter"]
    assert "WIB" in about["Data per"]


def test_the_mpp_export_has_real_dates_unknown_counts_as_blank_and_the_demo_flag(demo_mpp, analyst):
    unknown = mpp_create("35.78", status=Mpp.Status.PREPARING)
    Mpp.objects.filter(pk=unknown.pk).update(counts_unknown=True, name="MPP tanpa jumlah")
    _response, body = _get(client_for(analyst), "mpp-export", "xlsx", {"province": "35"})
    sheet = _xlsx(body)["MPP"]
    header = [cell.value for cell in sheet[1]]
    rows = {row[header.index("Nama")].value: dict(zip(header, row)) for row in sheet.iter_rows(min_row=2)}
    assert set(rows) == {"MPP 35.73", "MPP 35.79", "MPP 35.78", "MPP tanpa jumlah", "MPP 35.07", "MPP 35.08",
                         "MPP 35.09"}
    batu = rows["MPP 35.79"]
    assert batu["Tanggal peresmian"].value == datetime.datetime(2022, 12, 5) and batu["Tanggal peresmian"].is_date
    assert batu["Instansi/UPP"].value == Mpp.objects.get(name="MPP 35.79").tenant_count
    assert batu["Contoh"].value == "tidak"
    assert rows["MPP tanpa jumlah"]["Instansi/UPP"].value is None
    assert rows["MPP 35.09"]["Contoh"].value == "ya"
    _response, body = _get(client_for(analyst), "mpp-export", "csv", {"status": "preparing"})
    assert sorted(row["Nama"] for row in _csv(body)) == ["MPP 35.07", "MPP tanpa jumlah"]


def test_the_province_export_comes_from_the_snapshot_with_its_basis_and_time(demo_mpp, analyst):
    run = progress_recompute()
    snapshot = run.snapshots.filter(scope="national").order_by("target__position").first()
    _response, body = _get(client_for(analyst), "province-export", "csv")
    rows = _csv(body)
    assert len(rows) == 38
    east_java = next(row for row in rows if row["Kode"] == "35")
    assert east_java["Provinsi"] == "Jawa Timur" and east_java["Contoh"] == "ya"
    # Recorded figures, the demo share apart.
    assert east_java["Tercapai"] == "3" and east_java["Tercapai contoh"] == "1" and east_java["Unit sasaran"] == "38"
    assert east_java["Cakupan (%)"] == "7,9"  # a decimal comma, as Excel set to Indonesian reads it
    assert east_java["Data per"] == f"{timezone.localtime(snapshot.computed_at):%Y-%m-%d %H:%M}"
    assert east_java["Basis"].startswith("basis KemenPANRB")
    _response, body = _get(client_for(analyst), "province-export", "xlsx")
    sheet = _xlsx(body)["Provinsi"]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "35")
    coverage = row[header.index("Cakupan (%)")]
    assert coverage.value == pytest.approx(7.9) and coverage.number_format == "0.0"


def test_the_lagging_export_follows_the_lagging_filters(known_rollout, analyst):
    FiscalCapacity.objects.create(region=Region.objects.get(code="35.07"), year=2024,
                                  fiscal_class=FiscalCapacity.FiscalClass.LOW, regulation="PMK 65/2024")
    _response, body = _get(client_for(analyst), "lagging-export", "csv", {"province": "35", "stage": "preparing"})
    rows = _csv(body)
    assert [row["Kode"] for row in rows] == ["35.07"]
    assert rows[0]["Kapasitas fiskal"] == "Rendah" and rows[0]["Tahun kapasitas fiskal"] == "2024"
    _response, body = _get(client_for(analyst), "lagging-export", "xlsx", {"province": "35"})
    book = _xlsx(body)
    codes = [row[0] for row in book["Tertinggal"].iter_rows(min_row=2, values_only=True)]
    assert "35.79" not in codes and "35.07" in codes and len(codes) == 38 - 3
    about = {row[0]: row[1] for row in book["Tentang"].iter_rows(values_only=True)}
    assert "Provinsi: Jawa Timur" in about["Filter"] and about["Basis"].startswith("basis KemenPANRB")


def test_an_invalid_lagging_filter_is_a_clear_error(known_rollout, analyst):
    response = client_for(analyst).get(reverse("dashboards:lagging-export", args=["csv"]), {"min_months": "abc"})
    assert response.status_code == 400 and "Filter tidak valid" in response.content.decode()


def test_a_large_export_streams_every_region(known_rollout, analyst):
    response = client_for(analyst).get(reverse("dashboards:region-export", args=["csv"]))
    chunks = list(response.streaming_content)
    assert len(chunks) > 500  # row by row, not one body built in memory
    assert len(_csv(b"".join(chunks))) == 514


def test_the_mpp_export_follows_the_mpp_list_page_filters_and_is_linked_from_it(demo_mpp, analyst):
    Mpp.objects.filter(region__code="35.79").update(digital_status=Mpp.DigitalStatus.LIVE, oss_integrated=True)
    client = client_for(analyst)
    page = client.get(reverse("quality:mpps"), {"province": "35", "digital_status": "live"}).text
    assert reverse("dashboards:mpp-export", args=["xlsx"]) + "?province=35&amp;digital_status=live" in page
    _response, body = _get(client, "mpp-export", "csv", {"province": "35", "digital_status": "live"})
    assert [row["Nama"] for row in _csv(body)] == ["MPP 35.79"]
    response = client.get(reverse("dashboards:mpp-export", args=["csv"]), {"digital_status": "terbang"})
    assert response.status_code == 400
