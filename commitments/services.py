"""Writes for signing events and commitments. Each runs in one transaction and records what it changed.

``commitment_errors`` is the one place that says what a commitment must satisfy; the form, the API and
the importer all ask it.
"""
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from mpp_portal.audit import audited_delete, audited_save, diff, snapshot
from mpp_portal.events import progress_changed_announce
from regions.services import region_commitment_signed_set, region_recorded_commitment_signed_set

from .models import Commitment, SigningEvent

EVENT_FIELDS = list(SigningEvent.audit_fields)

TARGET_YEARS = range(2017, 2101)


class DuplicateCommitment(Exception):
    """A region already has a commitment at this event."""


def duplicate_message(*, region, event) -> str:
    return _("%(region)s sudah memiliki komitmen pada %(event)s.") % {"region": region, "event": event}


def commitment_errors(
    *, event: SigningEvent, region, outcome: str, absence_reason: str, target_year: int | None,
    exclude_pk: int | None = None,
) -> dict[str, list[str]]:
    """Why this commitment cannot be recorded, as field errors (empty when it can)."""
    errors: dict[str, list[str]] = {}
    if outcome not in Commitment.Outcome.values:
        errors["outcome"] = [_('Hasil "%(value)s" tidak dikenal: gunakan signed atau absent.') % {"value": outcome}]
    elif outcome == Commitment.Outcome.ABSENT and not (absence_reason or "").strip():
        errors["absence_reason"] = [_("Alasan wajib diisi bila kepala daerah tidak hadir.")]
    elif outcome == Commitment.Outcome.SIGNED and (absence_reason or "").strip():
        errors["absence_reason"] = [_("Alasan tidak hadir hanya diisi bila kepala daerah tidak hadir.")]
    if target_year is not None and target_year not in TARGET_YEARS:
        errors["target_year"] = [_("Target tahun harus antara %(first)s dan %(last)s.") % {
            "first": TARGET_YEARS[0], "last": TARGET_YEARS[-1]}]
    if event.pk and region is not None:
        taken = Commitment.objects.filter(event=event, region=region).exclude(pk=exclude_pk)
        if taken.exists():
            errors["region"] = [duplicate_message(region=region, event=event)]
    return errors


@transaction.atomic
def signing_event_create(*, user, is_demo: bool = False, note_for_history: str = "", **fields) -> SigningEvent:
    if fields.get("date") and not fields.get("year"):
        fields["year"] = fields["date"].year
    event = SigningEvent(is_demo=is_demo, **fields)
    event.full_clean()
    audited_save(event, user=user, note=note_for_history)
    return event


@transaction.atomic
def signing_event_update(*, user, event: SigningEvent, note_for_history: str = "", **fields) -> SigningEvent:
    if fields.get("date"):
        fields["year"] = fields["date"].year
    for name, value in fields.items():
        setattr(event, name, value)
    event.full_clean()
    audited_save(event, user=user, note=note_for_history)
    return event


@transaction.atomic
def commitment_create(
    *, user, event: SigningEvent, region, action: str = "create", note_for_history: str = "", **fields
) -> Commitment:
    """Raises DuplicateCommitment when the region already has a commitment at this event."""
    commitment = Commitment(event=event, region=region, is_demo=event.is_demo, **fields)
    try:
        with transaction.atomic():
            audited_save(commitment, user=user, action=action, note=note_for_history)
    except IntegrityError as error:
        # The constraint also catches a concurrent insert that passed commitment_errors.
        raise DuplicateCommitment(duplicate_message(region=region, event=event)) from error
    commitments_changed(region_ids=[region.pk])  # a signed commitment moves its region to the "committed" stage
    return commitment


@transaction.atomic
def commitment_update(
    *, user, commitment: Commitment, action: str = "update", note_for_history: str = "", **fields
) -> dict:
    """Returns the changes made (empty when nothing differed)."""
    before_region = commitment.region_id
    for name, value in fields.items():
        setattr(commitment, name, value)
    record = audited_save(commitment, user=user, action=action, note=note_for_history)
    if record is None:
        return {}
    commitments_changed(region_ids={before_region, commitment.region_id})
    return record.changes


@transaction.atomic
def commitment_delete(*, user, commitment: Commitment) -> None:
    region_id = commitment.region_id
    audited_delete(commitment, user=user)
    commitments_changed(region_ids=[region_id])


def commitments_changed(*, region_ids) -> None:
    """After commitments of these regions were written: tell regions which of them now have a signed one (their
    stage), and announce that progress may have changed. Every writer of commitments calls this."""
    region_ids = set(region_ids)
    signed = set(Commitment.objects.filter(region_id__in=region_ids, outcome=Commitment.Outcome.SIGNED)
                 .values_list("region_id", flat=True))
    region_commitment_signed_set(region_ids=signed, signed=True)
    region_commitment_signed_set(region_ids=region_ids - signed, signed=False)
    # Recorded: neither the commitment nor its signing is demo data.
    recorded = set(Commitment.objects.filter(region_id__in=signed, outcome=Commitment.Outcome.SIGNED, is_demo=False,
                                             event__is_demo=False).values_list("region_id", flat=True))
    region_recorded_commitment_signed_set(region_ids=recorded, signed=True)
    region_recorded_commitment_signed_set(region_ids=region_ids - recorded, signed=False)
    progress_changed_announce(sender="commitments")


def signing_event_for_date(
    *, user, date, place: str = "", counterpart: str = "", source: str = "", note_for_history: str = ""
):
    """The recorded (non-demo) signing on ``date``, created if missing; returns it and "created"/"updated"/"unchanged".
    A source is filled in only where the event has none: a recorded citation is never replaced."""
    event = SigningEvent.objects.filter(date=date, is_demo=False).order_by("pk").first()
    given = {k: v for k, v in {"place": place, "counterpart": counterpart}.items() if v}
    if source and (event is None or not event.source):
        given["source"] = source
    if event is None:
        return signing_event_create(user=user, date=date, note_for_history=note_for_history, **given), "created"
    before = snapshot(event, EVENT_FIELDS)
    signing_event_update(user=user, event=event, note_for_history=note_for_history, **given)
    return event, "updated" if diff(before, snapshot(event, EVENT_FIELDS)) else "unchanged"
