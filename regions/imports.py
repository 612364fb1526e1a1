"""Import MPPs from the spreadsheets ministry staff already keep (CSV or XLSX).

Regions are written as people write them ("Kab. Magelang", "Kota Lubuklinggau", "Bengkalis") or as
Kemendagri codes; ``regions.names.RegionNameResolver`` decides, and an ambiguous or unknown name is an
error on its line, never a guess. Every row is validated first (status requirements come from
``regions.lifecycle.requirement_errors``); if any row fails nothing is written. Importing the same file
again changes nothing. The table reading, the report and the region resolution are shared with
``commitments.imports``.
"""
import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from mpp_portal.audit import diff, snapshot

from .inaugurations import inauguration_for_date
from .lifecycle import requirement_errors
from .models import Mpp, Region
from .names import RegionCandidate, RegionNameResolver
from .services import VersionConflict, mpp_write

MAX_ROWS = 5000
IMPORT_NOTE = "import"


class TableError(Exception):
    """The file as a whole cannot be read (wrong type, no header, missing column)."""


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
            "errors": problems(self.errors), "warnings": problems(self.warnings),
        }


def _header_key(value) -> str:
    return re.sub(r"[^0-9a-z]+", "_", str(value or "").strip().casefold()).strip("_")


def _cell(value):
    if isinstance(value, str):
        return " ".join(value.split())
    return value


def read_table(*, content: bytes, filename: str, required: list[str]) -> list[tuple[int, dict]]:
    """Rows of the first sheet (XLSX) or of a CSV file, as ``(line number, {column: value})``.

    Column names are matched case-insensitively; empty rows are skipped; line numbers are the ones a
    spreadsheet shows (the header is line 1).
    """
    name = filename.casefold()
    if name.endswith(".xlsx"):
        table = _xlsx_rows(content)
    elif name.endswith(".csv") or name.endswith(".txt"):
        table = _csv_rows(content)
    else:
        raise TableError(_("Berkas harus berformat CSV atau XLSX."))
    if not table:
        raise TableError(_("Berkas kosong: baris pertama harus berisi nama kolom."))
    header = [_header_key(value) for value in table[0]]
    missing = [column for column in required if column not in header]
    if missing:
        raise TableError(_("Kolom wajib tidak ada: %(columns)s.") % {"columns": ", ".join(missing)})
    rows = []
    for number, values in enumerate(table[1:], start=2):
        cells = [_cell(v) for v in values]
        if all(v in (None, "") for v in cells):
            continue
        rows.append((number, {key: cells[i] if i < len(cells) else None for i, key in enumerate(header) if key}))
    if len(rows) > MAX_ROWS:
        raise TableError(_("Berkas berisi lebih dari %(max)s baris.") % {"max": MAX_ROWS})
    return rows


def _csv_rows(content: bytes) -> list[list]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252")
    first_line = text.split("\n", 1)[0]
    # Spreadsheets saved with an Indonesian locale separate columns with ";".
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _xlsx_rows(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:
        raise TableError(_("Berkas XLSX tidak dapat dibaca: %(error)s") % {"error": error}) from error
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(_('Tanggal "%(value)s" tidak dikenali; tulis YYYY-MM-DD (mis. 2022-12-05).') % {"value": text})


def parse_count(value) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = str(value).strip()
        if not text.isdigit():
            raise ValueError(_('"%(value)s" bukan bilangan bulat.') % {"value": text})
        number = int(text)
    if number < 0:
        raise ValueError(_("Jumlah tidak boleh negatif."))
    return number


class RegionLookup:
    """The name resolver built from the Region rows, answering with Region objects."""

    def __init__(self):
        self.regions = {region.code: region for region in Region.objects.select_related("province")}
        self.resolver = RegionNameResolver(
            RegionCandidate(code=r.code, name=r.name, kind=r.kind) for r in self.regions.values()
        )

    def find(self, text) -> tuple[Region | None, str]:
        """The region, or None and the resolver's message (ambiguous names list every candidate)."""
        if blank(text):
            return None, _("Wilayah wajib diisi.")
        if isinstance(text, float):
            text = f"{text:.2f}"  # a code typed into a spreadsheet cell: 35.10 is stored as 35.1
        resolution = self.resolver.resolve(str(text))
        if not resolution.ok:
            return None, resolution.message
        return self.regions[resolution.region.code], ""


MPP_FIELDS = ["name", "status", "inaugurated_on", "tenant_count", "service_count", "counts_unknown", "inauguration"]
COUNT_COLUMNS = ["tenant_count", "service_count"]


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass
class _Planned:
    line: int
    region: Region
    mpp: Mpp | None
    values: dict


def mpp_import(
    *,
    user,
    content: bytes,
    filename: str,
    event_date: datetime.date | None = None,
    officiated_by: str = "",
    place: str = "",
    dry_run: bool = False,
) -> ImportReport:
    """Create or update MPPs from a table with columns region, name, inaugurated_on, tenant_count,
    service_count (all but region optional). With ``event_date`` the MPPs are linked to that
    inauguration (created if missing) and become operating when they meet the requirements, with
    inaugurated_on defaulting to the event date. All or nothing."""
    report = ImportReport(dry_run=dry_run)
    try:
        rows = read_table(content=content, filename=filename, required=["region"])
    except TableError as error:
        report.errors.append(LineError(1, "file", str(error)))
        return report

    lookup = RegionLookup()
    resolved: list[tuple[int, dict, Region]] = []
    for line, row in rows:
        region, message = lookup.find(row.get("region"))
        if region is None:
            report.errors.append(LineError(line, "region", message))
        else:
            resolved.append((line, row, region))

    # A dry run is the real run rolled back, so its report is exactly what confirming would do.
    with transaction.atomic():
        event = None
        if event_date is not None:
            event, report.event_action = inauguration_for_date(
                user=user, date=event_date, officiated_by=officiated_by, place=place, note_for_history=IMPORT_NOTE
            )
            report.event = str(event)
        existing: dict[int, list[Mpp]] = {}
        for mpp in Mpp.objects.filter(is_demo=False, region__in=[r for _l, _r, r in resolved]):
            existing.setdefault(mpp.region_id, []).append(mpp)
        planned: list[_Planned] = []
        seen: dict[tuple[int, str], int] = {}
        for line, row, region in resolved:
            plan = _plan_row(line, row, region, existing.get(region.pk, []), event, event_date, report)
            if plan is None:
                continue
            key = (region.pk, _name_key(plan.values["name"]))
            if key in seen:
                report.errors.append(LineError(line, "name", _(
                    "MPP yang sama sudah ada di baris %(line)s.") % {"line": seen[key]}))
                continue
            seen[key] = line
            planned.append(plan)
        if not report.errors:
            # Each row announces progress on commit only: a dry run or a failed file is rolled back and
            # announces nothing.
            for plan in planned:
                _apply(plan, user=user, report=report)
        if report.errors or dry_run:
            transaction.set_rollback(True)
    report.errors.sort(key=lambda e: e.line)
    return report


def _plan_row(line, row, region, region_mpps, event, event_date, report) -> _Planned | None:
    errors: list[LineError] = []
    name = row.get("name")
    name = "" if blank(name) else str(name).strip()
    if name:
        mpp = next((m for m in region_mpps if _name_key(m.name) == _name_key(name)), None)
    elif len(region_mpps) > 1:
        report.errors.append(LineError(line, "name", _(
            "%(region)s memiliki lebih dari satu MPP; isi kolom name.") % {"region": region.name}))
        return None
    else:
        mpp = region_mpps[0] if region_mpps else None
        name = mpp.name if mpp else f"MPP {region.name}"

    values = {k: getattr(mpp, k) for k in MPP_FIELDS} if mpp else {
        "status": Mpp.Status.PLANNED, "inaugurated_on": None, "tenant_count": 0, "service_count": 0,
        "counts_unknown": False, "inauguration": None,
    }
    values["name"] = name
    if not blank(row.get("inaugurated_on")):
        try:
            values["inaugurated_on"] = parse_date(row["inaugurated_on"])
        except ValueError as error:
            errors.append(LineError(line, "inaugurated_on", str(error)))
    for column in COUNT_COLUMNS:
        if not blank(row.get(column)):
            try:
                values[column] = parse_count(row[column])
                values["counts_unknown"] = False
            except ValueError as error:
                errors.append(LineError(line, column, str(error)))
    if errors:
        report.errors.extend(errors)
        return None

    inaugurated = event_date is not None or not blank(row.get("inaugurated_on"))
    # The event date stands in for a missing inauguration date only once the MPP operates.
    inaugurated_on = values["inaugurated_on"] or event_date
    if event_date is not None:
        values["inauguration"] = event
    operating_errors = requirement_errors(
        status=Mpp.Status.OPERATING, inaugurated_on=inaugurated_on,
        tenant_count=values["tenant_count"], service_count=values["service_count"],
    )
    promotable = values["status"] in (Mpp.Status.PLANNED, Mpp.Status.COMMITTED, Mpp.Status.PREPARING)
    if inaugurated and promotable and not operating_errors:
        values["status"] = Mpp.Status.OPERATING
    if values["status"] == Mpp.Status.OPERATING:
        values["inaugurated_on"] = inaugurated_on
    failures = requirement_errors(
        status=values["status"], inaugurated_on=values["inaugurated_on"],
        tenant_count=values["tenant_count"], service_count=values["service_count"],
    )
    for column, messages in failures.items():
        report.errors.extend(LineError(line, column, message) for message in messages)
    if failures:
        return None
    if event_date is not None and values["status"] != Mpp.Status.OPERATING:
        for column, messages in operating_errors.items():
            report.warnings.extend(LineError(line, column, _(
                "belum berstatus beroperasi: %(reason)s") % {"reason": message}) for message in messages)
    return _Planned(line=line, region=region, mpp=mpp, values=values)


def _apply(plan: _Planned, *, user, report: ImportReport) -> None:
    """Write one planned row through the MPP gateway, with the version read when the file was planned: a
    row someone changed since is a conflict on its line (and the whole import is not saved)."""
    values = plan.values
    label = f"{plan.region.name} ({plan.region.code}): {values['name']}"
    if plan.mpp is None:
        item = ReportItem(plan.line, label, {k: [None, v] for k, v in _plain(values).items() if v not in (None, "", False)})
        report.created.append(item)
    else:
        changes = diff(snapshot(plan.mpp, MPP_FIELDS), _plain(values))
        if not changes:
            report.unchanged.append(ReportItem(plan.line, label))
            return
        report.updated.append(ReportItem(plan.line, label, changes))
    try:
        mpp_write(
            user=user, mpp=plan.mpp, region=plan.region, version=plan.mpp.version if plan.mpp else None,
            fields=values, note=IMPORT_NOTE, action=IMPORT_NOTE,
        )
    except VersionConflict as conflict:
        report.errors.append(LineError(plan.line, "version", conflict.messages[0]))
    except ValidationError as error:
        for column, messages in error.message_dict.items():
            report.errors.extend(LineError(plan.line, column, message) for message in messages)
    except PermissionDenied as error:
        report.errors.append(LineError(plan.line, "region", str(error)))


def _plain(values: dict) -> dict:
    """The planned values as the change history writes them."""
    return snapshot(SimpleNamespace(**values), list(values))


def print_report(report: ImportReport, *, stdout) -> None:
    """The report as the import commands print it."""
    if report.event:
        stdout.write(f"{report.event}: {report.event_action_label}")
    for title, items in ((_("dibuat"), report.created), (_("diperbarui"), report.updated)):
        for item in items:
            changes = "; ".join(f"{k}: {v[0]} → {v[1]}" for k, v in item.changes.items())
            stdout.write(f"  {title} (baris {item.line}) {item.label}  {changes}")
    for warning in report.warnings:
        stdout.write(f"  {_('peringatan')}: {warning}")
    for error in report.errors:
        stdout.write(f"  {_('GAGAL')}: {error}")
    prefix = _("[uji coba, tidak disimpan] ") if report.dry_run or not report.ok else ""
    stdout.write(prefix + report.summary())
