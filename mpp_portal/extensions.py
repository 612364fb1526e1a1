"""Pieces an upper app adds to a page of a lower app (as NetBox's template extensions do), so the lower app
shows them without importing the upper one: the region page lists the region's commitments, which the
commitments app registers in its ``AppConfig.ready()``, and shows whole sections (``region_panels``: a template
and a context function), such as the task force's assistance the taskforce app registers.
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


@dataclass(frozen=True)
class RegionPanel:
    """A section of the region page: ``context(user=, region=)`` returns the template's ``panel`` (or None to
    show nothing)."""

    template: str
    context: Callable[..., object]


_region_panels: list[RegionPanel] = []


def region_panels_register(*, template: str, context: Callable[..., object]) -> None:
    entry = RegionPanel(template=template, context=context)
    if entry not in _region_panels:
        _region_panels.append(entry)


def region_panels(*, user, region) -> list[tuple[str, object]]:
    """``(template, panel)`` for every registered section that has something to show ``user`` on ``region``."""
    found = []
    for entry in _region_panels:
        panel = entry.context(user=user, region=region)
        if panel is not None:
            found.append((entry.template, panel))
    return found
