"""Import the commitments of one signing event from a CSV or XLSX table.

Columns: region, signatory_name, signatory_title, outcome, absence_reason, target_year, source (all but
region optional; outcome defaults to signed). Each row cites a source: its ``source`` cell or the one given
for the file; a row with neither fails. Regions resolve as in ``regions.imports``; a region twice in the
file is an error on the second line. A commitment already recorded for the event and region is the
same record: unchanged when the row agrees, updated when it does not, so importing a file again
changes nothing. All or nothing.
"""
import datetime

from django.utils.translation import gettext as _

from mpp_portal.imports import Importer, ImportReport, LineError, ReportItem, blank, parse_count
from regions.imports import SOURCE_REQUIRED, RegionLookup, mpp_import, row_source

from .models import Commitment, SigningEvent
from .services import commitment_create, commitment_errors, commitment_update, signing_event_for_date

IMPORT_NOTE = "import"
TEXT_COLUMNS = ["signatory_name", "signatory_title", "absence_reason"]
OUTCOME_WORDS = {
    "signed": Commitment.Outcome.SIGNED, "ditandatangani": Commitment.Outcome.SIGNED,
    "tandatangan": Commitment.Outcome.SIGNED, "hadir": Commitment.Outcome.SIGNED,
    "absent": Commitment.Outcome.ABSENT, "tidak hadir": Commitment.Outcome.ABSENT,
    "tidak_hadir": Commitment.Outcome.ABSENT, "absen": Commitment.Outcome.ABSENT,
}


def _outcome(value) -> str:
    if blank(value):
        return Commitment.Outcome.SIGNED
    text = " ".join(str(value).split()).casefold()
    return OUTCOME_WORDS.get(text, text)


class CommitmentImporter(Importer):
    required = ("region",)
    optional = ("signatory_name", "signatory_title", "outcome", "absence_reason", "target_year", "source")

    def __init__(self, *, user, dry_run=False, event_date: datetime.date, place: str = "", counterpart: str = "",
                 source: str = ""):
        super().__init__(user=user, dry_run=dry_run)
        self.event_date, self.place, self.counterpart = event_date, place, counterpart
        self.source = (source or "").strip()

    def parse(self, rows, report) -> list:
        lookup = RegionLookup()
        # The signing the rows belong to, if recorded: its commitments are the ones a row updates.
        event = (SigningEvent.objects.filter(date=self.event_date, is_demo=False).order_by("pk").first()
                 or SigningEvent(date=self.event_date))
        existing = {c.region_id: c for c in Commitment.objects.filter(event=event)} if event.pk else {}
        seen: dict[int, int] = {}
        planned = []
        for line, row in rows:
            region, message = lookup.find(row.get("region"))
            if region is None:
                report.errors.append(LineError(line, "region", message))
                continue
            if region.pk in seen:
                report.errors.append(LineError(line, "region", _(
                    "%(region)s sudah ada di baris %(line)s: satu komitmen per wilayah per penandatanganan.")
                    % {"region": region.name, "line": seen[region.pk]}))
                continue
            seen[region.pk] = line
            cited = row_source(row, self.source)
            if not cited:
                report.errors.append(LineError(line, "source", SOURCE_REQUIRED))
                continue
            values = {column: "" if blank(row.get(column)) else str(row[column]).strip() for column in TEXT_COLUMNS}
            values["source"] = cited
            values["outcome"] = _outcome(row.get("outcome"))
            values["target_year"] = None
            if not blank(row.get("target_year")):
                try:
                    values["target_year"] = parse_count(row["target_year"])
                except ValueError as error:
                    report.errors.append(LineError(line, "target_year", str(error)))
                    continue
            current = existing.get(region.pk)
            errors = commitment_errors(
                event=event, region=region, outcome=values["outcome"], absence_reason=values["absence_reason"],
                target_year=values["target_year"], exclude_pk=current.pk if current else None,
            )
            for column, messages in errors.items():
                report.errors.extend(LineError(line, column, message) for message in messages)
            if not errors:
                planned.append((line, region, current, values))
        return planned

    def write(self, planned, report) -> None:
        event, report.event_action = signing_event_for_date(
            user=self.user, date=self.event_date, place=self.place, counterpart=self.counterpart,
            source=self.source, note_for_history=IMPORT_NOTE,
        )
        report.event = str(event)
        for line, region, current, values in planned:
            label = f"{region.name} ({region.code})"
            if current is None:
                commitment = commitment_create(user=self.user, event=event, region=region, action=IMPORT_NOTE,
                                               note_for_history=IMPORT_NOTE, **values)
                report.created.append(ReportItem(line, label, {k: [None, getattr(commitment, k)]
                                                               for k, v in values.items() if v}))
                continue
            changes = commitment_update(user=self.user, commitment=current, action=IMPORT_NOTE,
                                        note_for_history=IMPORT_NOTE, **values)
            (report.updated if changes else report.unchanged).append(ReportItem(line, label, changes))


def commitment_import(*, user, content: bytes, filename: str, dry_run: bool = False, **options) -> ImportReport:
    return CommitmentImporter(user=user, dry_run=dry_run, **options).run(content=content, filename=filename)


def import_run(
    *, kind: str, user, content: bytes, filename: str, event_date: datetime.date | None,
    officiated_by: str = "", place: str = "", counterpart: str = "", source: str = "", dry_run: bool,
) -> ImportReport:
    """The one entry for the upload page and the API: ``kind`` is "mpps" or "commitments"."""
    if kind == "commitments":
        return commitment_import(user=user, content=content, filename=filename, event_date=event_date,
                                 place=place, counterpart=counterpart, source=source, dry_run=dry_run)
    return mpp_import(user=user, content=content, filename=filename, event_date=event_date,
                      officiated_by=officiated_by, place=place, source=source, dry_run=dry_run)
