"""Pieces an upper app adds to a page of a lower app (as NetBox's template extensions do), so the lower app
shows them without importing the upper one: the region page lists the region's commitments, which the
commitments app registers in its ``AppConfig.ready()``.
"""
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class RegionEvents:
    """Events of a region shown on its page: ``items(user=, region=)`` and the template of one item, which
    gets it as ``item``."""

    template: str
    items: Callable[..., Iterable]


_region_events: list[RegionEvents] = []


def region_events_register(*, template: str, items: Callable[..., Iterable]) -> None:
    entry = RegionEvents(template=template, items=items)
    if entry not in _region_events:
        _region_events.append(entry)


def region_events(*, user, region) -> list[tuple[str, object]]:
    """``(template, item)`` for every registered kind of event of ``region`` the user may see."""
    return [(entry.template, item) for entry in _region_events for item in entry.items(user=user, region=region)]
