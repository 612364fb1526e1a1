"""Demo commitment signings (marked "contoh"): two signing events with regions that have no operating MPP.

Seeded, so every installation gets the same fill; ``clear`` removes only demo events and commitments.
"""
import datetime
import random

from django.db import transaction

from mpp_portal.loaders import recorded_fact_regions
from regions.models import Mpp, Region

from .models import Commitment, SigningEvent
from .services import commitments_changed

SEED = 2021
DEMO_SOURCE = "contoh: commitments/demo.py"
EVENTS = [
    (datetime.date(2023, 8, 15), "Jakarta", "Menteri PANRB Abdullah Azwar Anas", 30),
    (datetime.date(2025, 2, 20), "Daring", "Menteri PANRB Rini Widyantini", 25),
]
PJ_SHARE = 0.2  # acting heads (Pj) signed for regions between elections


@transaction.atomic
def load(*, stdout) -> None:
    if SigningEvent.objects.filter(is_demo=True, source=DEMO_SOURCE).exists():
        stdout.write("  komitmen contoh: sudah ada, dilewati")
        return
    rng = random.Random(SEED)
    operating = Mpp.objects.filter(status=Mpp.Status.OPERATING).values("region")
    # Recorded facts win: no demo signing where any app holds a recorded fact for the region.
    candidates = list(Region.objects.exclude(pk__in=operating).exclude(is_dki_administrative=True)
                      .exclude(code__in=recorded_fact_regions()).order_by("code"))
    rng.shuffle(candidates)
    made = 0
    for date, place, counterpart, size in EVENTS:
        event = SigningEvent.objects.create(
            date=date, year=date.year, place=place, counterpart=counterpart, source=DEMO_SOURCE, is_demo=True,
            note="Penandatanganan komitmen contoh untuk demonstrasi; bukan data sebenarnya.",
        )
        chosen, candidates = candidates[:size], candidates[size:]
        rows = []
        for region in chosen:
            head = "Bupati" if region.kind == Region.Kind.KABUPATEN else "Wali Kota"
            absent = rng.random() < 0.08
            rows.append(Commitment(
                event=event, region=region, is_demo=True, source=DEMO_SOURCE,
                signatory_name="" if absent else f"Kepala Daerah Contoh {region.name}",
                signatory_title=("Pj " + head) if rng.random() < PJ_SHARE else head,
                outcome=Commitment.Outcome.ABSENT if absent else Commitment.Outcome.SIGNED,
                absence_reason="Kepala daerah berhalangan (contoh)" if absent else "",
                target_year=date.year + rng.randint(1, 2),
            ))
        Commitment.objects.bulk_create(rows)
        commitments_changed(region_ids=[row.region_id for row in rows])
        made += len(rows)
    stdout.write(f"  komitmen contoh: {len(EVENTS)} penandatanganan, {made} komitmen")


@transaction.atomic
def clear(*, stdout) -> None:
    region_ids = set(Commitment.objects.filter(is_demo=True).values_list("region_id", flat=True))
    deleted, _ = Commitment.objects.filter(is_demo=True).delete()
    commitments_changed(region_ids=region_ids)
    SigningEvent.objects.filter(is_demo=True).delete()
    stdout.write(f"  komitmen contoh: {deleted} komitmen contoh dihapus")
