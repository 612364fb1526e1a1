"""``load_history`` for commitments: the recorded signing events and the regions they name.

Source: ``commitments/data/signings.json``. Where accounts conflict (2 Mar 2021: 38 signed vs 40
committed; "Selasa (01/03)" vs 2 March) every account is written into the event's note with its
source, never reconciled by hand. Only the regions a source names get a commitment; the event's
reported count says how many more there were. Idempotent: an event is found again by its date (or
its year when only the year is known); blank fields are filled, recorded ones never overwritten.
"""
import datetime
import json
from pathlib import Path

from django.db import transaction

from regions.models import Region

from .models import Commitment, SigningEvent
from .services import commitment_create, signing_event_create, signing_event_update

DATA = Path(__file__).resolve().parent / "data" / "signings.json"
NOTE = "load_history"


def _note(entry: dict) -> str:
    lines = [entry.get("note") or ""]
    counts = [
        f"{label}: {entry[key]}" for key, label in (("reported_signed", "menandatangani menurut sumber"),
                                                   ("reported_committed", "berkomitmen menurut sumber"))
        if entry.get(key) is not None
    ]
    if counts:
        lines.append("; ".join(counts) + ".")
    lines += [f"• {account['summary']} — {account['source']}" for account in entry.get("accounts", [])]
    return "\n".join(line for line in lines if line)


def _event_fields(entry: dict) -> dict:
    return {
        "date": datetime.date.fromisoformat(entry["date"]) if entry["date"] else None,
        "year": entry.get("year"),
        "date_note": entry.get("date_note") or "",
        "place": entry.get("place") or "",
        "counterpart": entry.get("counterpart") or "",
        "source": entry["source"],
        "note": _note(entry),
    }


def _event_ensure(fields: dict) -> tuple[SigningEvent, bool]:
    recorded = SigningEvent.objects.filter(is_demo=False)
    if fields["date"]:
        event = recorded.filter(date=fields["date"]).order_by("pk").first()
    else:
        event = recorded.filter(date__isnull=True, year=fields["year"]).order_by("pk").first()
    if event is None:
        return signing_event_create(user=None, note_for_history=NOTE, **fields), True
    blanks = {k: v for k, v in fields.items() if v not in (None, "") and getattr(event, k) in (None, "")}
    if blanks:
        signing_event_update(user=None, event=event, note_for_history=NOTE, **blanks)
    return event, False


@transaction.atomic
def load(*, stdout) -> None:
    entries = json.loads(DATA.read_text(encoding="utf-8"))
    regions = {r.code: r for r in Region.objects.all()}
    events_created = commitments_created = 0
    for entry in entries:
        event, created = _event_ensure(_event_fields(entry))
        events_created += created
        recorded = set(Commitment.objects.filter(event=event).values_list("region__code", flat=True))
        for signatory in entry["signatories"]:
            if signatory["code"] in recorded:
                continue
            commitment_create(
                user=None, event=event, region=regions[signatory["code"]], outcome=signatory["outcome"],
                source=entry["source"], note_for_history=NOTE,
            )
            commitments_created += 1
    stdout.write(
        f"  penandatanganan komitmen: {len(entries)} peristiwa tercatat ({events_created} baru), "
        f"{commitments_created} komitmen baru"
    )
