"""Where the regions app holds recorded facts, for the demo fill to keep away from (recorded facts win).

Gathered by ``mpp_portal.loaders.recorded_fact_regions`` with the other apps' ``facts`` modules.
"""
import datetime
import json
from pathlib import Path

from .models import Inauguration, Mpp

DATA = Path(__file__).resolve().parent / "data" / "inaugurations.json"


def recorded_regions() -> set[str]:
    """Codes of the kab/kota with a recorded MPP, and every candidate of a name a recorded ceremony's source
    left unresolved ("Serang": Kab. or Kota Serang): the demo must not contradict either reading."""
    codes = set(Mpp.objects.filter(is_demo=False).values_list("region__code", flat=True))
    recorded_dates = set(Inauguration.objects.filter(is_demo=False, date__isnull=False).values_list("date", flat=True))
    for batch in json.loads(DATA.read_text(encoding="utf-8")):
        if batch["date"] and datetime.date.fromisoformat(batch["date"]) in recorded_dates:
            for name in batch.get("unresolved_names") or []:
                codes.update(name.get("candidates") or [])
    return codes


def recorded_ceremony_dates() -> set[datetime.date]:
    """Dates of recorded inauguration ceremonies: the demo fill never dates a demo MPP on one of them."""
    return set(Inauguration.objects.filter(is_demo=False, date__isnull=False).values_list("date", flat=True))
