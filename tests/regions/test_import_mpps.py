"""import_mpps: regions as people write them, all or nothing, idempotent, exit codes."""
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from mpp_portal.models import ChangeRecord
from regions.imports import mpp_import
from regions.models import Inauguration, Mpp, StatusUpdate

pytestmark = pytest.mark.django_db


SOURCE = "menpan.go.id, 7 Mar 2024"


def write_csv(tmp_path: Path, text: str, name="mpp.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(path: Path, *args) -> str:
    out = io.StringIO()
    call_command("import_mpps", str(path), "--source", SOURCE, *args, stdout=out)
    return out.getvalue()


def test_regions_written_with_prefixes_spacing_and_codes_resolve_to_the_right_mpps(registry, tmp_path):
    path = write_csv(tmp_path, (
        "region,name,inaugurated_on,tenant_count,service_count\n"
        "Kab. Magelang,,2023-02-20,12,150\n"
        "Kota Lubuk Linggau,,,,\n"
        "Bengkalis,MPP Bengkalis,,,\n"
        "35.79,Among Warga,2022-12-05,26,207\n"
        "KOTA  MALANG,,,,\n"
    ))
    output = run(path)
    assert "5 dibuat, 0 diperbarui, 0 tidak berubah" in output
    by_region = {m.region.code: m for m in Mpp.objects.select_related("region")}
    assert set(by_region) == {"33.08", "16.73", "14.03", "35.79", "35.73"}
    assert by_region["33.08"].status == Mpp.Status.OPERATING
    assert by_region["33.08"].name == "MPP Kabupaten Magelang"
    assert by_region["35.79"].name == "Among Warga"
    assert by_region["35.79"].service_count == 207
    assert by_region["16.73"].status == Mpp.Status.PLANNED
    assert StatusUpdate.objects.filter(mpp=by_region["35.79"], to_status="operating").count() == 1
    assert ChangeRecord.objects.filter(action="import", object_repr__startswith="MPP").count() == 4


def test_an_ambiguous_bare_name_is_reported_with_both_candidates_and_nothing_is_saved(registry, tmp_path):
    path = write_csv(tmp_path, "region,name\nKab. Magelang,\nMagelang,\nKab. Atlantis,\n")
    with pytest.raises(CommandError, match="2 kesalahan"):
        output = io.StringIO()
        try:
            call_command("import_mpps", str(path), "--source", SOURCE, stdout=output)
        finally:
            text = output.getvalue()
    assert "baris 3, region" in text and "33.08" in text and "33.71" in text and "ambigu" in text
    assert "baris 4, region" in text and "tidak ditemukan" in text
    assert not Mpp.objects.exists()


def test_a_row_that_breaks_the_operating_requirements_fails_the_whole_file(registry, tmp_path):
    path = write_csv(tmp_path, (
        "region,name,inaugurated_on,tenant_count,service_count\n"
        "Kota Batu,Among Warga,2022-12-05,26,207\n"
        "Kota Kediri,,2999-01-01,5,5\n"
        "Kota Blitar,,2023-01-01,-3,5\n"
    ))
    report = mpp_import(user=None, content=path.read_bytes(), filename=path.name, source=SOURCE)
    assert not report.ok
    assert [(e.line, e.field) for e in report.errors] == [(3, "inaugurated_on"), (4, "tenant_count")]
    assert "masa depan" in report.errors[0].message
    assert not Mpp.objects.exists()


def test_the_same_mpp_twice_in_one_file_is_an_error(registry, tmp_path):
    path = write_csv(tmp_path, "region,name\nKota Batu,Among Warga\n35.79,among  warga\n")
    report = mpp_import(user=None, content=path.read_bytes(), filename=path.name, source=SOURCE)
    assert [(e.line, e.field) for e in report.errors] == [(3, "name")]
    assert "baris 2" in report.errors[0].message


def test_importing_the_same_file_again_changes_nothing(registry, tmp_path, admin_user):
    path = write_csv(tmp_path, "region;name;tenant_count;service_count\nKota Batu;Among Warga;26;207\nKab. Kudus;;3;40\n")
    assert "2 dibuat" in run(path, "--event-date", "2022-12-05")
    records = ChangeRecord.objects.count()
    assert "0 dibuat, 0 diperbarui, 2 tidak berubah" in run(path, "--event-date", "2022-12-05")
    assert ChangeRecord.objects.count() == records
    assert Inauguration.objects.count() == 1
    changed = write_csv(tmp_path, "region;name;tenant_count;service_count\nKota Batu;Among Warga;27;207\n", "b.csv")
    assert "0 dibuat, 1 diperbarui, 0 tidak berubah" in run(changed)
    assert Mpp.objects.get(name="Among Warga").version == 2


def test_with_an_event_date_mpps_are_linked_and_operating_when_they_meet_the_requirements(registry, tmp_path):
    path = write_csv(tmp_path, "region,name,tenant_count,service_count\nKota Batu,Among Warga,26,207\nKota Malang,,,\n")
    output = run(path, "--event-date", "2022-12-05", "--officiated-by", "Wakil Presiden K.H. Ma'ruf Amin",
                 "--place", "Istana Wakil Presiden")
    event = Inauguration.objects.get()
    assert event.officiated_by == "Wakil Presiden K.H. Ma'ruf Amin" and event.place == "Istana Wakil Presiden"
    batu, malang = Mpp.objects.get(region__code="35.79"), Mpp.objects.get(region__code="35.73")
    assert (batu.status, str(batu.inaugurated_on), batu.inauguration) == ("operating", "2022-12-05", event)
    assert (malang.status, malang.inauguration) == ("planned", event)
    assert "peringatan" in output and "instansi/UPP" in output


def test_a_dry_run_reports_the_changes_and_saves_nothing(registry, tmp_path):
    path = write_csv(tmp_path, "region,name,tenant_count,service_count\nKota Batu,Among Warga,26,207\n")
    records = ChangeRecord.objects.count()
    output = run(path, "--event-date", "2022-12-05", "--dry-run")
    assert "1 dibuat" in output and "uji coba" in output
    assert not Mpp.objects.exists() and not Inauguration.objects.exists()
    assert ChangeRecord.objects.count() == records


def test_xlsx_files_are_read_with_dates_and_numbers_as_excel_stores_them(registry, tmp_path):
    import datetime

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Region", "Name", "Inaugurated On", "Tenant Count", "Service Count"])
    sheet.append(["Kota Batu", "Among Warga", datetime.datetime(2022, 12, 5), 26, 207.0])
    sheet.append([None, None, None, None, None])
    sheet.append(["Kab. Solok", None, None, None, None])
    sheet.append([35.1, None, None, None, None])  # "35.10" typed into a cell, stored as a number
    path = tmp_path / "mpp.xlsx"
    workbook.save(path)
    assert "3 dibuat" in run(path)
    assert Mpp.objects.get(region__code="35.79").inaugurated_on.isoformat() == "2022-12-05"
    assert Mpp.objects.filter(region__code="35.10").exists()
    assert Mpp.objects.filter(region__code="13.02").exists()


def test_missing_files_wrong_types_and_missing_columns_exit_non_zero(registry, tmp_path):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        run(tmp_path / "absent.csv")
    with pytest.raises(CommandError):
        run(write_csv(tmp_path, "x", "mpp.pdf"))
    with pytest.raises(CommandError):
        run(write_csv(tmp_path, "name\nAmong Warga\n"))
    with pytest.raises(CommandError):
        run(write_csv(tmp_path, "region\nKota Batu\n"), "--event-date", "5 Desember")


def test_an_mpp_that_does_not_operate_yet_gets_no_inauguration_date_from_the_event(registry, tmp_path):
    path = write_csv(tmp_path, "region,name\nKota Lubuklinggau,\n")
    run(path, "--event-date", "2024-12-12")
    mpp = Mpp.objects.get(region__code="16.73")
    assert (mpp.status, mpp.inaugurated_on, str(mpp.inauguration.date)) == ("planned", None, "2024-12-12")
