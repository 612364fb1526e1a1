"""The one import framework for spreadsheets (CSV with "," or ";", UTF-8 with or without BOM, or XLSX).

Every importer (MPPs, commitments, evaluations, fiscal capacity) is an ``Importer``: ``parse`` reads and
validates every row before anything is written, reporting errors by line and column; ``write`` runs only
when no row failed, in one transaction. A dry run is the real write rolled back, so its report is exactly
what confirming would do. Files and rows are limited the same way for every importer, and the limits are
checked while reading (an XLSX is streamed, never loaded whole). ``ImportCommand`` is the command skeleton
and ``report_print`` the one printer.
"""
import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from .access import is_admin
from .inputs import parse_int
from .limits import INT_MAX

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 50
# What an XLSX may expand to; a real 5,000-row sheet is a few MB of XML.
XLSX_MAX_EXPANDED_BYTES = 20 * 1024 * 1024
# Encodings spreadsheets are saved in here: UTF-8 (with or without BOM) or Windows-1252 (Excel's "CSV").
ENCODINGS = ("utf-8-sig", "cp1252")


def too_large_message(size: int) -> str:
    return _("Berkas terlalu besar (%(size)s MB); batasnya %(max)s MB.") % {
        "size": f"{size / 1024 / 1024:.1f}", "max": MAX_BYTES // (1024 * 1024)}


class TableError(Exception):
    """The file as a whole cannot be read (wrong type, too large, no header, missing or unknown column)."""


@dataclass
class LineError:
    line: int
    field: str
    message: str

    def __str__(self):
        return _("baris %(line)s, %(field)s: %(message)s") % {
            "line": self.line, "field": self.field, "message": self.message,
        }


@dataclass
class ReportItem:
    line: int
    label: str
    changes: dict = field(default_factory=dict)


@dataclass
class ImportReport:
    dry_run: bool = False
    created: list[ReportItem] = field(default_factory=list)
    updated: list[ReportItem] = field(default_factory=list)
    unchanged: list[ReportItem] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)
    warnings: list[LineError] = field(default_factory=list)
    # Demo MPPs that recorded rows replaced (recorded facts win), one item per region.
    replaced_demo: list[ReportItem] = field(default_factory=list)
    event: str = ""
    event_action: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def event_action_label(self) -> str:
        labels = {"created": _("dibuat"), "updated": _("diperbarui"), "unchanged": _("tidak berubah")}
        return labels.get(self.event_action, "")

    def summary(self) -> str:
        if self.errors:
            return _("%(n)s kesalahan; tidak ada yang disimpan.") % {"n": len(self.errors)}
        return _("%(created)s dibuat, %(updated)s diperbarui, %(unchanged)s tidak berubah") % {
            "created": len(self.created), "updated": len(self.updated), "unchanged": len(self.unchanged),
        }

    def as_dict(self) -> dict:
        def items(rows):
            return [{"line": r.line, "label": r.label, "changes": r.changes} for r in rows]

        def problems(rows):
            return [{"line": e.line, "field": e.field, "message": e.message} for e in rows]

        return {
            "dry_run": self.dry_run, "ok": self.ok, "summary": self.summary(),
            "event": self.event, "event_action": self.event_action,
            "created": items(self.created), "updated": items(self.updated), "unchanged": items(self.unchanged),
            "replaced_demo": items(self.replaced_demo),
            "errors": problems(self.errors), "warnings": problems(self.warnings),
        }


# --- Reading ------------------------------------------------------------------------------------------

def header_key(value) -> str:
    return re.sub(r"[^0-9a-z]+", "_", str(value or "").strip().casefold()).strip("_")


def _cell(value):
    if isinstance(value, str):
        return " ".join(value.split())
    return value


def _csv_rows(content: bytes):
    for encoding in ENCODINGS:
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        break
    else:
        # Neither UTF-8 nor Windows-1252: guessing would import mojibake, so the file is refused.
        raise TableError(_("Berkas bukan teks UTF-8 atau Windows-1252; simpan ulang sebagai CSV UTF-8."))
    if "\x00" in text:
        # PostgreSQL cannot store a NUL byte; a text file holding one is not a CSV anyway.
        raise TableError(_("Berkas berisi karakter NUL; simpan ulang sebagai CSV teks."))
    first_line = text.split("\n", 1)[0]
    # Spreadsheets saved with an Indonesian locale separate columns with ";".
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        yield from reader
    except csv.Error as error:
        raise TableError(_("Baris %(line)s tidak dapat dibaca sebagai CSV.") % {"line": reader.line_num}) from error


def _xlsx_rows(content: bytes):
    from openpyxl import load_workbook

    # The declared uncompressed size is checked before a byte is parsed: a small file that expands to
    # millions of rows never reaches openpyxl (which scans a sheet without <dimension> whole first).
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            expanded = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as error:
        raise TableError(_("Berkas XLSX tidak dapat dibaca.")) from error
    if expanded > XLSX_MAX_EXPANDED_BYTES:
        raise TableError(_("Isi berkas XLSX terlalu besar setelah dibuka (%(size)s MB).")
                         % {"size": expanded // (1024 * 1024)})
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise TableError(_("Berkas XLSX tidak dapat dibaca: %(error)s") % {"error": error}) from error
    try:
        for number, row in enumerate(workbook.worksheets[0].iter_rows(values_only=True, max_col=MAX_COLUMNS), 1):
            cells = list(row)
            if any(isinstance(cell, str) and "\x00" in cell for cell in cells):
                raise TableError(_("Baris %(line)s berisi karakter NUL.") % {"line": number})
            yield cells
    except TableError:
        raise
    except Exception as error:
        raise TableError(_("Berkas XLSX tidak dapat dibaca.")) from error
    finally:
        workbook.close()


def read_table(
    *, content: bytes, filename: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> list[tuple[int, dict]]:
    """Rows of a CSV file or of an XLSX's first sheet, as ``(line number, {column: value})``.

    Column names are matched case-insensitively; a column neither required nor optional is an error (a
    misspelt column would otherwise be dropped without a word); empty rows are skipped; line numbers are
    the ones a spreadsheet shows (the header is line 1).
    """
    if len(content) > MAX_BYTES:
        raise TableError(too_large_message(len(content)))
    name = filename.casefold()
    if name.endswith(".xlsx"):
        table = _xlsx_rows(content)
    elif name.endswith((".csv", ".txt")):
        table = _csv_rows(content)
    else:
        raise TableError(_("Berkas harus berformat CSV atau XLSX."))
    first = next(table, None)
    if first is None:
        raise TableError(_("Berkas kosong: baris pertama harus berisi nama kolom."))
    header = [header_key(value) for value in first]
    missing = [column for column in required if column not in header]
    if missing:
        raise TableError(_("Kolom wajib tidak ada: %(columns)s.") % {"columns": ", ".join(missing)})
    known = set(required) | set(optional)
    unknown = [column for column in header if column and column not in known]
    if unknown:
        raise TableError(_("Kolom tidak dikenal: %(columns)s (yang dikenal: %(known)s).") % {
            "columns": ", ".join(unknown), "known": ", ".join((*required, *optional))})
    rows = []
    for number, values in enumerate(table, start=2):
        cells = [_cell(v) for v in values]
        if all(v in (None, "") for v in cells):
            continue
        if len(rows) == MAX_ROWS:
            raise TableError(_("Berkas berisi lebih dari %(max)s baris.") % {"max": MAX_ROWS})
        rows.append((number, {key: cells[i] if i < len(cells) else None for i, key in enumerate(header) if key}))
    if not rows:
        raise TableError(_("Berkas tidak berisi baris data."))
    return rows


# --- Cell values ----------------------------------------------------------------------------------------

def blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value) -> str:
    return "" if blank(value) else str(value).strip()


def parse_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raw = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise ValueError(_('Tanggal "%(value)s" tidak dikenali; tulis YYYY-MM-DD (mis. 2022-12-05).') % {"value": raw})


def parse_count(value) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        raw = str(value).strip()
        number = parse_int(raw)
        if number is None:
            raise ValueError(_('"%(value)s" bukan bilangan bulat.') % {"value": raw})
    if number < 0:
        raise ValueError(_("Jumlah tidak boleh negatif."))
    if number > INT_MAX:
        raise ValueError(_("Jumlah paling banyak %(max)s.") % {"max": f"{INT_MAX:,}".replace(",", ".")})
    return number


def parse_decimal(value) -> Decimal | None:
    """A number written with a point or an Indonesian decimal comma ("87,5"); None when empty."""
    if blank(value):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(str(value))
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise ValueError(_('"%(value)s" bukan angka.') % {"value": value}) from None
    if not number.is_finite():
        raise ValueError(_('"%(value)s" bukan angka.') % {"value": value})
    return number


# --- The importer -----------------------------------------------------------------------------------------

class Importer:
    """Subclasses name their columns and implement ``parse`` (validate, no writes) and ``write``.

    ``parse`` appends ``LineError``s to the report and returns what ``write`` needs; ``write`` runs in the
    transaction only when no row failed. ``options_errors`` checks the options of the whole import.
    """

    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    admin_only = True

    def __init__(self, *, user, dry_run: bool = False):
        self.user = user
        self.dry_run = dry_run

    def options_errors(self) -> list[LineError]:
        return []

    def parse(self, rows: list[tuple[int, dict]], report: ImportReport) -> list:
        raise NotImplementedError

    def write(self, planned: list, report: ImportReport) -> None:
        raise NotImplementedError

    def run(self, *, content: bytes, filename: str) -> ImportReport:
        if self.admin_only and self.user is not None and not is_admin(self.user):
            raise PermissionDenied(_("Hanya admin yang dapat mengimpor data."))
        report = ImportReport(dry_run=self.dry_run)
        report.errors += self.options_errors()
        try:
            rows = read_table(content=content, filename=filename, required=self.required, optional=self.optional)
        except TableError as error:
            report.errors.append(LineError(1, "file", str(error)))
            return report
        planned = self.parse(rows, report)
        if report.errors:
            report.errors.sort(key=lambda e: e.line)
            return report
        with transaction.atomic():
            self.write(planned, report)
            if report.errors or self.dry_run:
                transaction.set_rollback(True)
        report.errors.sort(key=lambda e: e.line)
        return report


# --- Printing and the command skeleton ----------------------------------------------------------------------

def report_print(report: ImportReport, *, stdout) -> None:
    """The report as every import command prints it."""
    if report.event:
        stdout.write(f"{report.event}: {report.event_action_label}")
    for title, items in ((_("dibuat"), report.created), (_("diperbarui"), report.updated)):
        for item in items:
            changes = "; ".join(f"{k}: {v[0]} → {v[1]}" for k, v in item.changes.items())
            stdout.write(f"  {title} (baris {item.line}) {item.label}  {changes}")
    for item in report.replaced_demo:
        stdout.write("  " + _("(baris %(line)s) %(label)s menggantikan MPP contoh: %(names)s") % {
            "line": item.line, "label": item.label, "names": item.changes["demo"][0]})
    for warning in report.warnings:
        stdout.write(f"  {_('peringatan')}: {warning}")
    for error in report.errors:
        stdout.write(f"  {_('GAGAL')}: {error}")
    prefix = _("[uji coba, tidak disimpan] ") if report.dry_run or not report.ok else ""
    stdout.write(prefix + report.summary())


def iso_date(value: str) -> datetime.date:
    """An argparse type for dates on the command line."""
    try:
        return parse_date(value)
    except ValueError as error:
        raise CommandError(str(error)) from error


class ImportCommand(BaseCommand):
    """``manage.py import_<kind> FILE [options] [--dry-run]``: subclasses add their options and say which
    importer runs. Exits non-zero, having saved nothing, when any row fails."""

    def add_options(self, parser) -> None:
        """The import's own options, beside FILE and --dry-run."""

    def importer(self, *, dry_run: bool, **options) -> Importer:
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("file")
        self.add_options(parser)
        parser.add_argument("--dry-run", action="store_true", help="Periksa dan tampilkan perubahan tanpa menyimpan.")

    def handle(self, *args, file, dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Berkas {file} tidak ditemukan.")
        if path.stat().st_size > MAX_BYTES:
            raise CommandError(too_large_message(path.stat().st_size))
        report = self.importer(dry_run=dry_run, **options).run(content=path.read_bytes(), filename=path.name)
        report_print(report, stdout=self.stdout)
        if not report.ok:
            for error in report.errors:
                self.stderr.write(str(error))
            raise CommandError(f"Impor dibatalkan: {len(report.errors)} kesalahan, tidak ada yang disimpan.")
