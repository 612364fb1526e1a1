"""``load_history`` part: the national MoU of 28 June 2022, its 17 parties and eight clause sections.

Read from mou/data/national_mou.json (written from the public sources it names). Idempotent: a second run
changes nothing. Party records entered here have no editor, so any admin may sign them off.
"""
import datetime
import json
from pathlib import Path

from django.db import transaction

from mpp_portal.audit import audited_get_or_create
from mpp_portal.models import ChangeRecord

from .models import Agreement, AgreementParty, Clause, Institution
from .services import agreement_expiry_for, agreement_status_refresh

DATA = Path(__file__).resolve().parent / "data" / "national_mou.json"
UNPUBLISHED = "teks tidak dipublikasikan"
NOTE = "load_history"
IMPORT = ChangeRecord.Action.IMPORT


def _sources(data: dict) -> str:
    return "\n".join(f"{s['source']} — {s['supports']}" for s in data["sources"])


def _note(data: dict) -> str:
    """An Indonesian note for the page; the sources' own account is kept with the sources."""
    missing = [label for label, known in (
        ("nomor", data["number"]), ("jangka waktu", data["term_years"]),
        ("teks pasal", any(clause["text"] for clause in data["clauses"])),
    ) if not known]
    note = f"Disaksikan oleh {data['witnessed_by']}."
    return f"{note} Tidak ditemukan dalam sumber publik: {', '.join(missing)}." if missing else note


def _institution(entry: dict) -> tuple[Institution, bool]:
    return audited_get_or_create(
        Institution, user=None, action=IMPORT, note=NOTE,
        name=entry["institution"], defaults={"short_name": entry["short_name"], "kind": entry["kind"]},
    )


@transaction.atomic
def load(*, stdout) -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    signed_on = datetime.date.fromisoformat(data["signed_on"])
    agreement, created = audited_get_or_create(
        Agreement, user=None, action=IMPORT, note=NOTE,
        kind=Agreement.Kind.NATIONAL, signed_on=signed_on, title=data["title"],
        defaults={
            "number": data["number"] or "",
            "place": data["place"],
            "term_years": data["term_years"],
            "expires_on": agreement_expiry_for(signed_on=signed_on, term_years=data["term_years"]),
            "note": _note(data),
            "source": f"{data['note']}\n{_sources(data)}",
        },
    )
    new_institutions = new_parties = 0
    for position, entry in enumerate(data["parties"]):
        institution, institution_created = _institution(entry)
        new_institutions += institution_created
        party, party_created = audited_get_or_create(
            AgreementParty, user=None, action=IMPORT, note=NOTE, agreement=agreement, institution=institution,
            defaults={"position": position, "signatory_title": entry["signatory_title"], "signed_on": signed_on},
        )
        if party_created:
            new_parties += 1
    for entry in data["clauses"]:
        audited_get_or_create(
            Clause, user=None, action=IMPORT, note=NOTE, agreement=agreement, section=entry["section"],
            defaults={
                "text": entry["text"] or UNPUBLISHED,
                "text_published": entry["text"] is not None,
                "summary": entry["summary"] or "",
            },
        )
    agreement_status_refresh(agreement=agreement, user=None, note=NOTE)
    stdout.write(
        f"  nota kesepahaman {data['signed_on']}: {'dibuat' if created else 'sudah ada'}, "
        f"{new_institutions} instansi baru, {new_parties} pihak baru, {agreement.clauses.count()} pasal"
    )
