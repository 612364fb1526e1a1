"""Recorded facts for ``load_history``: the 2023 "Prima" MPPs and the 21 MPP Digital pilots of 20 June 2023,
from regions/data/quality.json with their sources. Idempotent.

A published result names a region, not an MPP record, so the evaluation is stored against the region (and its
MPP when the portal has exactly one). DKI Jakarta's Prima MPP is province-level and has no kab/kota code: it
is skipped with a printed note; the published count (10 Prima among 163) is shown beside the portal's count.
"""
import datetime

from mpp_portal.audit import audited_save
from regions.models import Region

from .models import DigitalPilot, Evaluation, EvaluationCategory
from .selectors import recorded_facts


def _evaluations_load(facts: dict, stdout) -> int:
    created = 0
    for entry in facts["evaluations"]:
        category = EvaluationCategory.objects.get(name__iexact=entry["category"])
        if not entry["regions"]:
            stdout.write(f"  evaluasi {entry['year']}: {entry['count']} {entry['category']} menurut sumber; "
                         f"nama wilayah tidak tersedia ({entry['note']})")
        codes = [ref["code"] for ref in entry["regions"] if ref["code"]]
        regions = Region.objects.in_bulk(codes, field_name="code")
        recorded = set(Evaluation.objects.filter(year=entry["year"], region__code__in=codes)
                       .values_list("region__code", flat=True))
        for ref in entry["regions"]:
            if ref["code"] is None:
                stdout.write(f"  evaluasi {entry['year']}: {ref['written_as']} dilewati: {ref['note']}")
                continue
            if ref["code"] in recorded:
                continue
            region = regions[ref["code"]]
            mpps = list(region.mpps.all()[:2])
            audited_save(Evaluation(
                region=region, mpp=mpps[0] if len(mpps) == 1 else None, year=entry["year"], category=category,
                decree=entry["decree"] or "", source=entry["source"], note=entry["note"],
            ), user=None, note="load_history")
            created += 1
    return created


def _pilots_load(facts: dict, stdout) -> int:
    pilots = facts["digital_pilots"]
    launched_on = datetime.date.fromisoformat(pilots["date"])
    regions = Region.objects.in_bulk([ref["code"] for ref in pilots["regions"] if ref["code"]], field_name="code")
    existing = set(DigitalPilot.objects.filter(launched_on=launched_on).values_list("written_as", flat=True))
    created = 0
    for ref in pilots["regions"]:
        if ref["written_as"] in existing:
            continue
        pilot = DigitalPilot(
            region=regions.get(ref["code"]), written_as=ref["written_as"], launched_on=launched_on,
            launched_by=pilots["by"], source=pilots["source"], note=ref.get("note", ""),
        )
        audited_save(pilot, user=None, note="load_history")
        if pilot.region is None:
            stdout.write(f"  rintisan MPP Digital {ref['written_as']}: wilayah tidak dipastikan ({ref['note']})")
        created += 1
    return created


def load(*, stdout) -> None:
    facts = recorded_facts()
    evaluations, pilots = _evaluations_load(facts, stdout), _pilots_load(facts, stdout)
    stdout.write(f"quality: {evaluations} hasil evaluasi dan {pilots} rintisan MPP Digital baru dicatat.")
