"""Writes for inauguration events (peresmian). Each runs in one transaction and records what it changed.

Kept apart from ``regions/services.py`` (the MPP services) because events are written by admins, the
importer and the history loader, never by officers.
"""
import datetime

from django.db import transaction

from mpp_portal.audit import audited_save, diff, snapshot

from .models import Inauguration, Mpp
from .services import mpp_write

EVENT_FIELDS = list(Inauguration.audit_fields)


@transaction.atomic
def inauguration_create(*, user, is_demo: bool = False, note_for_history: str = "", **fields) -> Inauguration:
    event = Inauguration(is_demo=is_demo, **fields)
    event.full_clean()
    audited_save(event, user=user, note=note_for_history)
    return event


@transaction.atomic
def inauguration_update(*, user, event: Inauguration, note_for_history: str = "", **fields) -> Inauguration:
    for name, value in fields.items():
        setattr(event, name, value)
    event.full_clean()
    audited_save(event, user=user, note=note_for_history)
    return event


def inauguration_for_date(
    *, user, date: datetime.date, officiated_by: str = "", place: str = "", source: str = "",
    note_for_history: str = "",
) -> tuple[Inauguration, str]:
    """The recorded (non-demo) inauguration on ``date``, created if missing; given details are filled in
    (a source only where the event has none: a recorded citation is never replaced).

    Returns the event and what happened to it: "created", "updated" or "unchanged".
    """
    event = Inauguration.objects.filter(date=date, is_demo=False).order_by("pk").first()
    given = {k: v for k, v in {"officiated_by": officiated_by, "place": place}.items() if v}
    if source and (event is None or not event.source):
        given["source"] = source
    if event is None:
        return inauguration_create(user=user, date=date, note_for_history=note_for_history, **given), "created"
    before = snapshot(event, EVENT_FIELDS)
    inauguration_update(user=user, event=event, note_for_history=note_for_history, **given)
    return event, "updated" if diff(before, snapshot(event, EVENT_FIELDS)) else "unchanged"


@transaction.atomic
def inauguration_save(*, user, event: Inauguration | None, mpps: list[Mpp], **fields) -> Inauguration:
    """Create (``event=None``) or change an event and link exactly ``mpps`` to it, all or nothing: an MPP
    that cannot be linked (changed meanwhile, or invalid) leaves the event as it was."""
    if event is None:
        event = inauguration_create(user=user, **fields)
    else:
        inauguration_update(user=user, event=event, **fields)
    inauguration_mpps_set(user=user, event=event, mpps=mpps)
    return event


@transaction.atomic
def inauguration_mpps_set(*, user, event: Inauguration, mpps: list[Mpp]) -> int:
    """Link exactly ``mpps`` to the event (unlinking the others); returns how many MPPs changed.

    Each MPP is written through the MPP gateway with the version the caller read (``mpps`` as given; the
    ones to unlink as read here): one changed meanwhile raises ``VersionConflict`` and nothing is saved."""
    wanted = {mpp.pk for mpp in mpps}
    changed = 0
    for mpp in list(event.mpps.exclude(pk__in=wanted)) + [m for m in mpps if m.inauguration_id != event.pk]:
        mpp_write(user=user, mpp=mpp, version=mpp.version,
                  fields={"inauguration": event if mpp.pk in wanted else None})
        changed += 1
    return changed
