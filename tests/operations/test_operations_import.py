"""One spreadsheet for many MPPs, regions written as people write them, all or nothing."""
import datetime
import io

import pytest
from openpyxl import Workbook

from operations.imports import operations_import
from operations.models import OperationsReport
from regions.models import Region
from tests.conftest import client_for

HEADER = ["Wilayah", "Bulan", "Kunjungan", "Transaksi Layanan", "Layanan Aktif", "Instansi Hadir",
          "Pengaduan Masuk", "Pengaduan Selesai", "IKM", "Hari Buka"]


def written_as_people_write(region: Region) -> str:
    """"Kabupaten Magelang" as "Kab. Magelang", "Kota Batu" as "KOTA BATU"."""
    if region.kind == "kabupaten":
        return "Kab. " + region.name.removeprefix("Kabupaten ")
    return region.name.upper()


def xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def fifty(operating_mpp):
    regions = list(Region.objects.filter(province__code__in=["33", "35"]).order_by("code")[:50])
    for region in regions:
        operating_mpp(region.code)
    return regions


def test_an_admin_imports_a_file_of_50_mpps_by_name(fifty, admin_user):
    rows = [[written_as_people_write(r), "2025-06", 1000 + i, 1500 + i, 100, 15, 10, 9, 85.5 if i % 2 else None, 21]
            for i, r in enumerate(fifty)]
    result = operations_import(user=admin_user, content=xlsx(rows), filename="juni.xlsx")
    assert result.ok, [str(e) for e in result.errors]
    assert len(result.created) == 50
    reports = OperationsReport.objects.select_related("mpp__region")
    assert reports.count() == 50 and {r.state for r in reports} == {"verified"}
    assert {r.mpp.region.code for r in reports} == {r.code for r in fifty}
    assert reports.get(mpp__region=fifty[3]).visitors == 1003
    assert reports.get(mpp__region=fifty[3]).month == datetime.date(2025, 6, 1)


def test_one_bad_row_saves_nothing_and_every_error_is_reported_by_line(fifty, admin_user):
    rows = [[written_as_people_write(r), "2025-06", 1000, 1500, 100, 15, 10, 9, 85, 21] for r in fifty]
    rows[9][7] = 11  # resolved > received
    rows[19][0] = "Kab. Atlantis"
    rows[29][1] = "2099-01"
    result = operations_import(user=admin_user, content=xlsx(rows), filename="juni.xlsx")
    assert not result.ok
    lines = sorted(e.line for e in result.errors)
    assert lines == [11, 21, 31]
    assert "pengaduan_selesai" in str(next(e for e in result.errors if e.line == 11))
    assert not OperationsReport.objects.exists()


def test_an_officer_imports_only_their_own_region(operating_mpp, batu_officer):
    operating_mpp("35.79", "MPP Among Warga")
    operating_mpp("35.73", "MPP Kota Malang")
    text = ("wilayah;bulan;kunjungan;transaksi_layanan;layanan_aktif;instansi_hadir;pengaduan_masuk;"
            "pengaduan_selesai;hari_buka\nKota Batu;06/2025;10;10;1;1;0;0;20\n35.73;06/2025;10;10;1;1;0;0;20\n")
    result = operations_import(user=batu_officer, content=text.encode(), filename="juni.csv")
    assert [e.line for e in result.errors] == [3]
    assert not OperationsReport.objects.exists()
    result = operations_import(user=batu_officer, content=text.split("\n35.73")[0].encode(), filename="juni.csv")
    assert result.ok and OperationsReport.objects.get().state == "reported"


def test_the_import_page_takes_the_file(operating_mpp, batu_officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    operating_mpp("35.79", "MPP Among Warga")
    upload = SimpleUploadedFile("juni.xlsx", xlsx([["Kota Batu", "2025-06", 10, 10, 1, 1, 0, 0, None, 20]]))
    response = client_for(batu_officer).post("/operasional/impor/", {"file": upload})
    assert response.status_code == 302
    assert OperationsReport.objects.get().visitors == 10
