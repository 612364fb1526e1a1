"""One import framework for every spreadsheet import: the same reading, limits, errors, dry run and report."""
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from commitments.imports import CommitmentImporter
from commitments.models import Commitment
from mpp_portal import imports
from mpp_portal.models import ChangeRecord
from quality.imports import EvaluationImporter, FiscalCapacityImporter
from quality.models import Evaluation, FiscalCapacity
from regions.imports import MppImporter
from regions.models import Mpp
from tests import factories as f

pytestmark = pytest.mark.django_db

# Each importer with a valid one-row file for Kota Batu (35.79), and what it writes. Recorded MPPs and
# commitments cite a source.
SOURCE = "https://menpan.go.id/contoh-siaran-pers"
IMPORTERS = {
    "mpps": (lambda user, dry_run: MppImporter(user=user, dry_run=dry_run, source=SOURCE),
             ["region", "name"], ["Kota Batu", "MPP Among Warga"], Mpp),
    "commitments": (lambda user, dry_run: CommitmentImporter(user=user, dry_run=dry_run, source=SOURCE,
                                                             event_date=__import__("datetime").date(2021, 3, 2)),
                    ["region", "signatory_name"], ["Kota Batu", "Dewanti Rumpoko"], Commitment),
    "evaluations": (lambda user, dry_run: EvaluationImporter(user=user, dry_run=dry_run),
                    ["region", "year", "category"], ["Kota Batu", "2023", "Prima"], Evaluation),
    "fiscal": (lambda user, dry_run: FiscalCapacityImporter(user=user, dry_run=dry_run, year=2024,
                                                            regulation="PMK 65/2024"),
               ["region", "class"], ["Kota Batu", "tinggi"], FiscalCapacity),
}


def csv_bytes(header, *rows, delimiter=",", bom=False) -> bytes:
    text = "\n".join(delimiter.join(row) for row in (header, *rows)) + "\n"
    return ("\ufeff" if bom else "").encode() + text.encode()


def xlsx_bytes(header, *rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in (header, *rows):
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def existing_mpp_for_evaluations(kind):
    if kind == "evaluations":
        f.MppFactory(code="35.79")


@pytest.mark.parametrize("kind", IMPORTERS)
@pytest.mark.parametrize("shape", ["comma", "semicolon with BOM", "xlsx"])
def test_every_importer_reads_csv_with_either_delimiter_a_bom_and_xlsx(kind, shape, admin_user):
    make, header, row, model = IMPORTERS[kind]
    existing_mpp_for_evaluations(kind)
    before = model.objects.count()
    content, name = {
        "comma": (csv_bytes(header, row), "data.csv"),
        "semicolon with BOM": (csv_bytes(header, row, delimiter=";", bom=True), "data.csv"),
        "xlsx": (xlsx_bytes(header, row), "data.xlsx"),
    }[shape]

    report = make(admin_user, False).run(content=content, filename=name)

    assert report.ok, report.errors
    assert len(report.created) == 1
    assert model.objects.count() == before + 1
    assert ChangeRecord.objects.filter(action=ChangeRecord.Action.IMPORT, user=admin_user).exists()


@pytest.mark.parametrize("kind", IMPORTERS)
def test_a_dry_run_reports_what_the_real_run_does_and_saves_nothing(kind, admin_user):
    make, header, row, model = IMPORTERS[kind]
    existing_mpp_for_evaluations(kind)
    content = csv_bytes(header, row)
    before, records = model.objects.count(), ChangeRecord.objects.count()

    dry = make(admin_user, True).run(content=content, filename="data.csv")

    assert (model.objects.count(), ChangeRecord.objects.count()) == (before, records)
    real = make(admin_user, False).run(content=content, filename="data.csv")
    assert dry.as_dict() | {"dry_run": None} == real.as_dict() | {"dry_run": None}


@pytest.mark.parametrize("kind", IMPORTERS)
def test_one_bad_row_saves_nothing_and_every_error_names_its_line_and_column(kind, admin_user):
    make, header, row, model = IMPORTERS[kind]
    existing_mpp_for_evaluations(kind)
    before = model.objects.count()

    report = make(admin_user, False).run(content=csv_bytes(header, row, ["Antah Berantah", *row[1:]]),
                                         filename="data.csv")

    assert [(e.line, e.field) for e in report.errors] == [(3, "region")]
    assert str(report.errors[0]).startswith("baris 3, region: ")
    assert model.objects.count() == before


@pytest.mark.parametrize("kind", IMPORTERS)
def test_every_importer_has_the_same_row_limit_checked_while_reading(kind, admin_user, monkeypatch):
    make, header, row, _model = IMPORTERS[kind]
    monkeypatch.setattr(imports, "MAX_ROWS", 3)

    report = make(admin_user, False).run(content=xlsx_bytes(header, *[row] * 4), filename="data.xlsx")

    assert [(e.line, e.field) for e in report.errors] == [(1, "file")]
    assert "lebih dari 3 baris" in report.errors[0].message


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(admin_user, monkeypatch):
    monkeypatch.setattr(imports, "MAX_BYTES", 100)
    content = csv_bytes(["region", "class"], *[["Kota Batu", "tinggi"]] * 20)

    report = FiscalCapacityImporter(user=admin_user, year=2024, regulation="PMK 65/2024").run(
        content=content, filename="pmk.csv")

    assert [e.field for e in report.errors] == ["file"] and "MB" in report.errors[0].message


def test_an_unknown_column_is_an_error_rather_than_dropped_silently(admin_user):
    report = MppImporter(user=admin_user).run(content=csv_bytes(["region", "nama_mpp"], ["Kota Batu", "X"]),
                                              filename="mpp.csv")

    assert [(e.line, e.field) for e in report.errors] == [(1, "file")]
    assert "nama_mpp" in report.errors[0].message


def test_officers_cannot_run_an_import(batu_officer):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        MppImporter(user=batu_officer).run(content=csv_bytes(["region"], ["Kota Batu"]), filename="mpp.csv")


@pytest.mark.parametrize("command, args", [
    ("import_mpps", []),
    ("import_commitments", ["--event-date", "2021-03-02"]),
    ("import_evaluations", []),
    ("import_fiscal_capacity", ["--year", "2024", "--regulation", "PMK 65/2024"]),
])
def test_every_import_command_prints_the_same_report_and_fails_on_a_bad_row(command, args, registry, tmp_path):
    path = tmp_path / "bad.csv"
    header = {"import_mpps": "region", "import_commitments": "region", "import_evaluations": "region,year,category",
              "import_fiscal_capacity": "region,class"}[command]
    path.write_text(f"{header}\nKediri{',x' * header.count(',')}\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError, match="tidak ada yang disimpan"):
        call_command(command, str(path), *args, stdout=out, stderr=err)

    assert "GAGAL: baris 2, region:" in out.getvalue() and "35.06" in out.getvalue()
    assert "kesalahan; tidak ada yang disimpan." in out.getvalue()
