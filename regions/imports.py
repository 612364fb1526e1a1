"""Import MPPs from the spreadsheets ministry staff already keep (CSV or XLSX).

Regions are written as people write them ("Kab. Magelang", "Kota Lubuklinggau", "Bengkalis") or as
Kemendagri codes; ``regions.names.RegionNameResolver`` decides, and an ambiguous or unknown name is an
error on its line, never a guess. Every row is validated first (status requirements come from
``regions.lifecycle.requirement_errors``); if any row fails nothing is written. Importing the same file
again changes nothing. Reading, reporting, the all-or-nothing run and the command are ``mpp_portal.imports``; the region
resolution here is shared with the other importers.
"""
import datetime
from dataclasses import dataclass
from types import SimpleNamespace

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from mpp_portal.audit import diff, snapshot
from mpp_portal.imports import Importer, ImportReport, LineError, ReportItem, blank, parse_count, parse_date

from .inaugurations import inauguration_for_date, inauguration_update
from .lifecycle import requirement_errors
from .models import Mpp, Region
from .names import RegionCandidate, RegionNameResolver
from .services import VersionConflict, mpp_write

IMPORT_NOTE = "import"


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


MPP_FIELDS = ["name", "status", "inaugurated_on", "tenant_count", "service_count", "counts_unknown", "inauguration",
              "source"]
COUNT_COLUMNS = ["tenant_count", "service_count"]


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass
class _Planned:
    line: int
    region: Region
    mpp: Mpp | None
    values: dict


class MppImporter(Importer):
    """Create or update MPPs from a table with columns region, name, inaugurated_on, tenant_count,
    service_count, source (all but region optional). With ``event_date`` the MPPs are linked to that
    inauguration (created if missing) and become operating when they meet the requirements, with
    inaugurated_on defaulting to the event date. Recorded data names its source: ``source`` (a citation or
    URL) for the whole file, or a ``source`` column per row; a row with neither fails. A recorded row
    replaces its region's demo MPPs (the gateway does it; the report lists them). All or nothing."""

    required = ("region",)
    optional = ("name", "inaugurated_on", "tenant_count", "service_count", "source")

    def __init__(self, *, user, dry_run=False, event_date: datetime.date | None = None, officiated_by: str = "",
                 place: str = "", source: str = ""):
        super().__init__(user=user, dry_run=dry_run)
        self.event_date, self.officiated_by, self.place = event_date, officiated_by, place
        self.source = (source or "").strip()

    def parse(self, rows, report) -> list["_Planned"]:
        lookup = RegionLookup()
        resolved: list[tuple[int, dict, Region]] = []
        for line, row in rows:
            region, message = lookup.find(row.get("region"))
            if region is None:
                report.errors.append(LineError(line, "region", message))
            else:
                resolved.append((line, row, region))
        existing: dict[int, list[Mpp]] = {}
        for mpp in Mpp.objects.filter(is_demo=False, region__in=[r for _l, _r, r in resolved]):
            existing.setdefault(mpp.region_id, []).append(mpp)
        planned: list[_Planned] = []
        seen: dict[tuple[int, str], int] = {}
        for line, row, region in resolved:
            plan = _plan_row(line, row, region, existing.get(region.pk, []), self.event_date, self.source, report)
            if plan is None:
                continue
            key = (region.pk, _name_key(plan.values["name"]))
            if key in seen:
                report.errors.append(LineError(line, "name", _(
                    "MPP yang sama sudah ada di baris %(line)s.") % {"line": seen[key]}))
                continue
            seen[key] = line
            planned.append(plan)
        return planned

    def write(self, planned, report) -> None:
        event = None
        if self.event_date is not None:
            event, report.event_action = inauguration_for_date(
                user=self.user, date=self.event_date, officiated_by=self.officiated_by, place=self.place,
                source=self.source, note_for_history=IMPORT_NOTE,
            )
            report.event = str(event)
            for plan in planned:
                plan.values["inauguration"] = event
        for plan in planned:
            _apply(plan, user=self.user, report=report)
        linked = [item for item in report.created + report.updated if "inauguration" in item.changes]
        if event is not None and linked and not report.errors:
            _event_note_names_added(event, count=len(linked), source=self.source, user=self.user)
        # Each row announces progress on commit only (the gateway): a dry run is rolled back and announces nothing.


def mpp_import(*, user, content: bytes, filename: str, dry_run: bool = False, **options) -> ImportReport:
    return MppImporter(user=user, dry_run=dry_run, **options).run(content=content, filename=filename)


def row_source(row: dict, file_source: str) -> str:
    """The source a recorded row cites: its own ``source`` cell, else the one given for the whole file."""
    cell = row.get("source")
    return (file_source or "").strip() if blank(cell) else " ".join(str(cell).split())


SOURCE_REQUIRED = _("Sumber wajib diisi untuk data tercatat: beri --source (kutipan atau URL) atau kolom source.")


def _plan_row(line, row, region, region_mpps, event_date, file_source, report) -> _Planned | None:
    errors: list[LineError] = []
    cited = row_source(row, file_source)
    if not cited:
        errors.append(LineError(line, "source", SOURCE_REQUIRED))
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
        "counts_unknown": False, "inauguration": None, "source": "",
    }
    values["name"] = name
    values["source"] = cited
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


def _event_note_names_added(event, *, count: int, source: str, user) -> None:
    """Say in the event's note that named MPPs now stand behind it, so a recorded "names not given" is not left
    as the last word. Stored data, in the source language like the rest of the note."""
    line = f"{timezone.localdate():%Y-%m-%d}: {count} MPP bernama dicatat lewat impor"
    line += f" (sumber: {source.strip()})." if source.strip() else " (sumber per baris)."
    inauguration_update(user=user, event=event, note_for_history=IMPORT_NOTE,
                        note=f"{event.note}\n{line}".strip())


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
        written = mpp_write(
            user=user, mpp=plan.mpp, region=plan.region, version=plan.mpp.version if plan.mpp else None,
            fields=values, note=IMPORT_NOTE, action=IMPORT_NOTE,
        )
    except VersionConflict as conflict:
        report.errors.append(LineError(plan.line, "version", conflict.messages[0]))
        return
    except ValidationError as error:
        for column, messages in error.message_dict.items():
            report.errors.extend(LineError(plan.line, column, message) for message in messages)
        return
    except PermissionDenied as error:
        report.errors.append(LineError(plan.line, "region", str(error)))
        return
    if written.replaced_demo:
        report.replaced_demo.append(ReportItem(plan.line, label, {"demo": [", ".join(written.replaced_demo), None]}))


def _plain(values: dict) -> dict:
    """The planned values as the change history writes them."""
    return snapshot(SimpleNamespace(**values), list(values))
