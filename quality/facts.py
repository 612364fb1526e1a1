"""Where the quality app holds recorded facts, for the demo fill to keep away from.

An evaluation or an MPP Digital pilot says the region had an operating MPP by then: a later fact than an
inauguration, so no demo MPP may be placed there (it would open later, or not at all, beside the fact).
"""
from .models import DigitalPilot, Evaluation
from .selectors import recorded_facts


def recorded_regions() -> set[str]:
    """Codes of the kab/kota with a recorded evaluation or pilot, and both candidates of a pilot whose name the
    source left unresolved ("Kotawaringin")."""
    codes = set(Evaluation.objects.values_list("region__code", flat=True))
    codes |= set(DigitalPilot.objects.filter(region__isnull=False).values_list("region__code", flat=True))
    unresolved = set(DigitalPilot.objects.filter(region__isnull=True).values_list("written_as", flat=True))
    if unresolved:
        for ref in recorded_facts()["digital_pilots"]["regions"]:
            if ref["written_as"] in unresolved:
                codes.update(ref.get("candidates") or [])
    return codes
