"""Where the commitments app holds recorded facts, for the demo fill to keep away from."""
from .models import Commitment


def recorded_regions() -> set[str]:
    """Codes of the kab/kota with a recorded (non-demo) commitment."""
    return set(Commitment.objects.filter(is_demo=False).values_list("region__code", flat=True))
