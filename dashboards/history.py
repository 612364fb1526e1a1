"""``load_history`` part: national totals of operating MPPs as public sources reported them."""
import datetime
import json
from pathlib import Path

from django.conf import settings

from .models import ReportedTotal

TOTALS = Path(settings.BASE_DIR) / "regions" / "data" / "reported_totals.json"


def load(*, stdout) -> None:
    created = updated = 0
    for entry in json.loads(TOTALS.read_text(encoding="utf-8")):
        _total, was_created = ReportedTotal.objects.update_or_create(
            date=datetime.date.fromisoformat(entry["date"]),
            defaults={
                "date_note": entry.get("date_note") or "",
                "total": entry["total"],
                "added": entry.get("added"),
                "source": entry["source"],
                "note": entry.get("note") or "",
            },
        )
        created += was_created
        updated += not was_created
    stdout.write(f"Jumlah MPP yang dilaporkan: {created} baru, {updated} diperbarui.")
