"""``load_history`` for regions: the recorded public inauguration batches and the MPPs they name.

Source: ``regions/data/inaugurations.json`` (each batch with its source). Idempotent: an event is found
again by its date (or, when the date is unknown, by its source); blank fields are filled in, fields
already recorded are never overwritten, so an admin's correction survives a reload.

A named region that has no recorded MPP gets one: "MPP <region>" (or the name the source gives),
status operating, inaugurated on the event's date, linked to the event. How the requirements are met:
- tenant and service counts are recorded when the source gives them (Kota Batu: 26 UPP, 207 layanan);
  otherwise the counts stay 0 with ``counts_unknown`` set, and pages show "tidak diketahui" — counts
  are never invented to satisfy the operating rule, which governs what people enter, not what
  sources report;
- an event without a known date (the 2024 "Gebyar Pelayanan Prima" soft launches) leaves
  inaugurated_on empty: those MPPs count as operating today; where the sources bound the date
  (``date_bounds``: after 24 June, by 12 December 2024) the event keeps that window and the curve places
  them at its end, saying so.
A recorded MPP replaces its region's demo MPPs (the gateway calls ``regions.services.region_demo_mpps_replace``).
A region that already has an MPP is left alone (e.g. Dharmasraya, named by two conflicting sources:
the event notes say so).
"""
import datetime
import json
from pathlib import Path

from django.db import transaction

from .inaugurations import inauguration_create, inauguration_update
from .models import Inauguration, Mpp, Region
from .services import mpp_write

DATA = Path(__file__).resolve().parent / "data" / "inaugurations.json"
NOTE = "load_history"


def _day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _event_fields(batch: dict) -> dict:
    bounds = batch.get("date_bounds") or {}
    return {
        "date": _day(batch["date"]),
        "date_after": _day(bounds.get("after")),
        "date_before": _day(bounds.get("before")),
        "date_note": batch.get("date_note") or "",
        "place": batch.get("place") or "",
        "officiated_by": batch.get("officiated_by") or "",
        "mode": batch.get("mode") or "",
        "reported_count": batch.get("reported_count"),
        "source": batch["source"],
        "note": batch.get("note") or "",
    }


def _event_ensure(fields: dict) -> tuple[Inauguration, bool]:
    recorded = Inauguration.objects.filter(is_demo=False)
    if fields["date"]:
        event = recorded.filter(date=fields["date"]).order_by("pk").first()
    else:
        event = recorded.filter(date__isnull=True, source=fields["source"]).order_by("pk").first()
    if event is None:
        return inauguration_create(user=None, note_for_history=NOTE, **fields), True
    blanks = {k: v for k, v in fields.items() if v not in (None, "") and getattr(event, k) in (None, "")}
    if blanks:
        inauguration_update(user=None, event=event, note_for_history=NOTE, **blanks)
    return event, False


def _mpp_record(region: Region, event: Inauguration, named: dict) -> Mpp:
    known = named.get("service_units") is not None and named.get("services") is not None
    fields = {
        "name": f"MPP {named['mpp_name']}" if named.get("mpp_name") else f"MPP {region.name}",
        "status": Mpp.Status.OPERATING,
        "inaugurated_on": event.date,
        "inauguration": event,
        "tenant_count": named["service_units"] if known else 0,
        "service_count": named["services"] if known else 0,
        "counts_unknown": not known,
        "source": event.source,
    }
    return mpp_write(user=None, region=region, fields=fields, note=f"{NOTE}: {event.source}").mpp


@transaction.atomic
def load(*, stdout) -> None:
    batches = json.loads(DATA.read_text(encoding="utf-8"))
    regions = {r.code: r for r in Region.objects.all()}
    with_mpp = set(Mpp.objects.filter(is_demo=False).values_list("region__code", flat=True))
    events_created = mpps_created = 0
    for batch in batches:
        event, created = _event_ensure(_event_fields(batch))
        events_created += created
        for named in batch["regions"]:
            if named["code"] in with_mpp:
                continue
            _mpp_record(regions[named["code"]], event, named)
            with_mpp.add(named["code"])
            mpps_created += 1
    stdout.write(
        f"  peresmian: {len(batches)} peristiwa tercatat ({events_created} baru), {mpps_created} MPP baru"
    )
