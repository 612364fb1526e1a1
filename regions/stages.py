"""A region's stage: its order and its words, decided here (DESIGN §4 and §8).

The stage itself is derived (``regions.selectors.with_stage``); everything that ranks, compares or names a
stage — the recompute's DKI collapse, the province table's sort key, the badge, the exports — asks here.
"""
from collections.abc import Iterable

from .models import Region

Stage = Region.Stage

ORDER = (Stage.NONE, Stage.COMMITTED, Stage.PREPARING, Stage.OPERATING)
RANK = {stage: position for position, stage in enumerate(ORDER)}


def rank(stage: str) -> int:
    return RANK[stage]


def label(stage: str) -> str:
    """"Belum ada", "Komitmen", "Persiapan", "Beroperasi" (translated)."""
    return str(Stage(stage).label)


def furthest(stages: Iterable[str]) -> str:
    """The furthest of several stages (a unit made of several regions is as far as its furthest one)."""
    return max(stages, key=rank, default=Stage.NONE)
