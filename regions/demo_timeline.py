"""Demo MPPs shaped like the reported national timeline, so dashboards look like the real programme.

Every record made here is ``is_demo`` (pages mark it "contoh"). The cumulative number of target units
(509 basis: autonomous kab/kota, DKI Jakarta counted once) with an operating MPP follows the reported
totals in ``regions/data/reported_totals.json`` (3 in 2017 ... 272 on 12 Dec 2024 ... 305 on
15 Dec 2025), counting the recorded MPPs of ``load_history`` first and filling the rest with demo MPPs
dated at each reported milestone. By Dec 2024 DIY, Jawa Tengah, Banten and Bali are complete, while
Maluku, Papua Barat Daya, Papua Pegunungan, Papua Selatan and Papua Tengah have none (their first
MPPs are the recorded 2025 ones). Some remaining regions get committed or preparing demo MPPs.

Recorded facts win: no demo record goes to a region where any app holds a recorded fact (an MPP, a
commitment, an evaluation, an MPP Digital pilot, or a candidate of a name a source left unresolved);
``mpp_portal.loaders.recorded_fact_regions`` asks each app. DKI Jakarta gets one demo MPP (one unit, as
the reported 2017 total has it). No demo MPP is dated on a recorded ceremony's date: those ceremonies
show only what the sources say; the fill for such a milestone is dated the day before, in a demo ceremony
of its own.
Seeded, so every installation gets the same fill. The rows are written by the MPP gateway's batch form,
under the same lifecycle rules as any other MPP, with their status updates and change records.
"""
import datetime
import json
import random
from pathlib import Path

from django.db import transaction

from mpp_portal.loaders import recorded_fact_regions

from . import units
from .facts import recorded_ceremony_dates
from .models import Inauguration, Mpp, Region
from .services import mpps_bulk_create, mpps_demo_delete

TOTALS = Path(__file__).resolve().parent / "data" / "reported_totals.json"
SEED = 509
DEMO_SOURCE = "contoh: regions/demo_timeline.py"
COMPLETE_BY_2024 = {"33", "34", "36", "51"}  # Jawa Tengah, DI Yogyakarta, Banten, Bali
NONE_BY_2024 = {"81", "93", "94", "95", "96"}  # Maluku and the four new Papua provinces
FIRST_IN_2017 = {"35.78", "35.10"}  # Kota Surabaya and Banyuwangi opened with DKI Jakarta
DKI_DEMO_REGION = "31.74"  # Kota Administrasi Jakarta Selatan, where DKI Jakarta's one MPP stands (Kuningan)
# Recorded MPPs without a date (the 2024 soft launches) count from the date the reported totals use.
UNDATED_AS = datetime.date(2024, 12, 11)
PREPARING, COMMITTED = 45, 35
# Java and Bali moved fastest, the east slowest: weights for drawing which regions open first.
ISLAND_WEIGHT = {"1": 1.0, "2": 1.0, "3": 1.8, "5": 0.9, "6": 1.0, "7": 1.0, "8": 0.45, "9": 0.2}


def _unit(region: Region) -> str:
    return units.unit_key(region)


def _milestones() -> list[tuple[datetime.date, int]]:
    rows = json.loads(TOTALS.read_text(encoding="utf-8"))
    return [(datetime.date.fromisoformat(r["date"]), r["total"]) for r in rows]


def _draw(rng: random.Random, regions: list[Region]) -> list[Region]:
    """Weighted order without replacement (Efraimidis–Spirakis), deterministic for a seeded rng."""
    keyed = [(rng.random() ** (1 / ISLAND_WEIGHT[r.code[0]]), r.code, r) for r in regions]
    return [r for _key, _code, r in sorted(keyed, reverse=True)]


def _plan(rng: random.Random) -> tuple[dict[str, datetime.date], list[Region]]:
    """Which demo region opens on which milestone date, and the regions left without an MPP."""
    regions = list(Region.objects.order_by("code"))
    taken = set(Mpp.objects.values_list("region__code", flat=True))
    recorded: dict[str, datetime.date] = {}
    for code, date in Mpp.objects.filter(status=Mpp.Status.OPERATING).values_list("region__code", "inaugurated_on"):
        unit = "31" if code.startswith("31.") else code
        when = date or UNDATED_AS
        recorded[unit] = min(recorded.get(unit, when), when)
    facts = recorded_fact_regions()
    free = [r for r in regions if r.code not in taken and r.code not in facts and _unit(r) not in recorded]
    dki = _dki_demo_region([r for r in free if r.is_dki_administrative], facts)
    first = [r for r in free if r.code in FIRST_IN_2017] + dki
    must = [r for r in free if r.code[:2] in COMPLETE_BY_2024 and r not in first]
    rest = [r for r in free if r not in first and r not in must and not r.is_dki_administrative
            and r.code[:2] not in NONE_BY_2024]
    queue = first + _interleave(rng, must, _draw(rng, rest))
    opened: dict[str, datetime.date] = {}
    open_units: set[str] = set()
    for date, total in _milestones():
        recorded_by = {unit for unit, when in recorded.items() if when <= date}
        while len(recorded_by | open_units) < total and queue:
            region = queue.pop(0)
            opened[region.code] = date
            open_units.add(_unit(region))
    return opened, queue


def _dki_demo_region(free_dki: list[Region], facts: set[str]) -> list[Region]:
    """DKI Jakarta is one unit with one MPP: at most one demo MPP, and none when any of its six units holds a
    recorded fact."""
    if not free_dki or any(code.startswith("31.") for code in facts):
        return []
    named = [r for r in free_dki if r.code == DKI_DEMO_REGION]
    return named or free_dki[:1]


def _demo_date(date: datetime.date, ceremonies: set[datetime.date]) -> datetime.date:
    """The milestone's date, or the nearest day before it that no recorded ceremony holds."""
    while date in ceremonies:
        date -= datetime.timedelta(days=1)
    return date


def _interleave(rng: random.Random, must: list[Region], others: list[Region]) -> list[Region]:
    """The must-open regions spread over the early queue (not all first), well before Dec 2024's cut-off."""
    must = list(must)
    rng.shuffle(must)
    queue = list(others)
    for index, region in enumerate(must):
        queue.insert(min(len(queue), index * 2 + rng.randint(0, 1)), region)
    return queue


@transaction.atomic
def load(*, stdout) -> None:
    if Inauguration.objects.filter(is_demo=True, source=DEMO_SOURCE).exists():
        stdout.write("  linimasa contoh: sudah ada, dilewati")
        return
    rng = random.Random(SEED)
    opened, remaining = _plan(rng)
    ceremonies = recorded_ceremony_dates()
    opened = {code: _demo_date(date, ceremonies) for code, date in opened.items()}
    events = {}
    for date in sorted(set(opened.values())):
        events[date] = Inauguration.objects.create(
            date=date, is_demo=True, source=DEMO_SOURCE, mode=Inauguration.Mode.IN_PERSON,
            note="Peresmian contoh untuk demonstrasi dasbor; bukan data sebenarnya.",
        )
    by_code = {r.code: r for r in Region.objects.all()}
    mpps = [
        Mpp(region=by_code[code], name=f"MPP {by_code[code].name}", status=Mpp.Status.OPERATING,
            inaugurated_on=date, inauguration=events[date], tenant_count=rng.randint(8, 45),
            service_count=rng.randint(60, 420), is_demo=True)
        for code, date in sorted(opened.items())
    ]
    for region in remaining[:PREPARING]:
        mpps.append(Mpp(region=region, name=f"MPP {region.name}", status=Mpp.Status.PREPARING,
                        tenant_count=rng.randint(0, 12), service_count=rng.randint(0, 90), is_demo=True))
    for region in remaining[PREPARING:PREPARING + COMMITTED]:
        mpps.append(Mpp(region=region, name=f"MPP {region.name}", status=Mpp.Status.COMMITTED, is_demo=True))
    mpps_bulk_create(user=None, mpps=mpps, note=DEMO_SOURCE)
    stdout.write(f"  linimasa contoh: {len(opened)} MPP beroperasi, {len(mpps) - len(opened)} dalam persiapan/komitmen")


@transaction.atomic
def clear(*, stdout) -> None:
    deleted = mpps_demo_delete(user=None)
    Inauguration.objects.filter(is_demo=True).delete()
    stdout.write(f"  linimasa contoh: {deleted} MPP contoh dihapus")
