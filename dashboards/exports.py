"""CSV and XLSX exports, one writer for every list the portal lets people download.

Fit for the people who open them: CSV in UTF-8 with a BOM and ";" between fields (what Excel set to
Indonesian splits into columns; "," on request with ``?pemisah=koma``), decimal commas with ";"; XLSX with
a bold frozen header, column widths, an autofilter, real date and number cells and a second sheet
"Tentang" saying as of when, on which basis, from which source and what "contoh" means. Every export
carries a "Contoh" column and the as-of time and basis as columns, so a CSV says them too. Both stream:
CSV row by row, XLSX from a temporary file written in openpyxl's write-only mode.
"""
import csv
import datetime
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

# Spreadsheet programs run a cell that starts with one of these as a formula (CSV/formula injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")
SEPARATORS = {"titik-koma": ";", "koma": ","}
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"


def neutralise(value):
    if isinstance(value, Promise):  # a lazy translation, e.g. a choice label
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def yes_no(value: bool) -> str:
    return _("ya") if value else _("tidak")


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Any], Any]
    width: int = 14
    number_format: str | None = None  # XLSX only; dates and datetimes get one by default


@dataclass
class Export:
    """One downloadable list: its columns, its rows (any iterable, read once) and what the "Tentang"
    sheet says about it."""

    slug: str
    title: str
    columns: list[Column]
    rows: Iterable
    as_of: datetime.datetime
    basis: str
    source: str
    filters: str = ""
    notes: list[str] = field(default_factory=list)

    def __post_init__(self):
        # Lazy translations become text in the language of the request that downloads the list.
        self.title, self.basis, self.source = str(self.title), str(self.basis), str(self.source)
        self.notes = [str(note) for note in self.notes]

    def provenance_columns(self) -> list[Column]:
        """The as-of time and the basis on every row, so a CSV (which has no second sheet) carries them."""
        as_of = _local(self.as_of)
        return [Column(_("Data per"), lambda _row: as_of, 17), Column(_("Basis"), lambda _row: self.basis, 40)]

    @property
    def all_columns(self) -> list[Column]:
        return self.columns + self.provenance_columns()

    def values(self) -> Iterator[list]:
        columns = self.all_columns
        for row in self.rows:
            yield [neutralise(column.value(row)) for column in columns]

    def about(self) -> list[tuple[str, str]]:
        return [
            (_("Judul"), self.title),
            (_("Data per"), f"{_local(self.as_of):%d/%m/%Y %H:%M} WIB"),
            (_("Basis"), self.basis),
            (_("Sumber"), self.source),
            (_("Filter"), self.filters or _("tanpa filter")),
            (_("Contoh"), _("Kolom \"Contoh\" bernilai \"ya\" bila baris itu memuat data contoh (demo) yang dibuat "
                            "untuk peragaan portal, bukan fakta tercatat. Jangan mengutip angka contoh sebagai data "
                            "resmi.")),
            *((_("Catatan"), note) for note in self.notes),
            (_("Diunduh"), f"{_local(timezone.now()):%d/%m/%Y %H:%M} WIB"),
        ]

    def filename(self, fmt: str) -> str:
        return f"{self.slug}-{timezone.localdate():%Y%m%d}.{fmt}"


def _local(moment: datetime.datetime) -> datetime.datetime:
    """Local (Asia/Jakarta) wall-clock time without tzinfo: what a spreadsheet cell can hold."""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.replace(tzinfo=None, microsecond=0)


# --- CSV ---------------------------------------------------------------------------------------------------

class _Echo:
    def write(self, value):
        return value


def _csv_cell(value, *, decimal_comma: bool):
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, datetime.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        text = f"{value:.1f}"
        return text.replace(".", ",") if decimal_comma else text
    return value


def csv_response(export: Export, *, separator: str = ";") -> StreamingHttpResponse:
    writer = csv.writer(_Echo(), delimiter=separator)
    decimal_comma = separator == ";"

    def lines():
        yield "\ufeff"  # so spreadsheet programs read the file as UTF-8
        yield writer.writerow([column.header for column in export.all_columns])
        for values in export.values():
            yield writer.writerow([_csv_cell(value, decimal_comma=decimal_comma) for value in values])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export.filename("csv")}"'
    return response


# --- XLSX --------------------------------------------------------------------------------------------------

def _xlsx_cell(sheet, value, column: Column):
    if isinstance(value, bool):
        value = yes_no(value)
    cell = WriteOnlyCell(sheet, value=value)
    if column.number_format:
        cell.number_format = column.number_format
    elif isinstance(value, datetime.datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, datetime.date):
        cell.number_format = DATE_FORMAT
    return cell


def _data_sheet(workbook: Workbook, export: Export) -> None:
    columns = export.all_columns
    sheet = workbook.create_sheet(export.title[:31])
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for values in export.values():
        sheet.append([_xlsx_cell(sheet, value, column) for value, column in zip(values, columns)])
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"


def _about_sheet(workbook: Workbook, export: Export) -> None:
    sheet = workbook.create_sheet(_("Tentang"))
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 100
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for label, text in export.about():
        label_cell = WriteOnlyCell(sheet, value=label)
        label_cell.font = bold
        text_cell = WriteOnlyCell(sheet, value=neutralise(text))
        text_cell.alignment = wrap
        sheet.append([label_cell, text_cell])


def xlsx_response(export: Export) -> FileResponse:
    workbook = Workbook(write_only=True)
    _data_sheet(workbook, export)
    _about_sheet(workbook, export)
    # On disk, not in memory: a large export costs a file, and the response streams it in chunks.
    spool = tempfile.TemporaryFile()
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(spool, as_attachment=True, filename=export.filename("xlsx"), content_type=XLSX_TYPE)


def export_response(export: Export, *, fmt: str, separator: str = ";"):
    return csv_response(export, separator=separator) if fmt == "csv" else xlsx_response(export)


def separator_from(query) -> str | None:
    """";" unless ``?pemisah=koma``; None for a value we do not know."""
    return SEPARATORS.get(query.get("pemisah") or "titik-koma")
