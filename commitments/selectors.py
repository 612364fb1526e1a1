"""Reads for events: inauguration batches and commitment signings, together on /peristiwa/."""
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from mpp_portal.access import scope
from regions.models import Inauguration, Mpp
from regions.selectors import inauguration_list

from .models import Commitment, SigningEvent


@dataclass
class EventRow:
    """One line of the combined event list."""

    kind: str  # "inauguration" | "signing"
    event: Inauguration | SigningEvent
    count: int
    reported: int | None

    @property
    def region_names(self) -> list[str]:
        related = self.event.mpps.all() if self.kind == "inauguration" else self.event.commitments.all()
        return [item.region.name for item in related]


def signing_event_list(*, user) -> QuerySet:
    return scope(user, SigningEvent.objects.all()).annotate(
        commitment_count=Count("commitments"),
        signed_count=Count("commitments", filter=Q(commitments__outcome=Commitment.Outcome.SIGNED)),
    )


def _sort_key(date, year) -> str:
    """Newest first; events known only by year or a date note sort by their year."""
    return date.isoformat() if date else str(year or "")


def _event_querysets(*, user, kind: str, include_demo: bool) -> tuple[QuerySet, QuerySet]:
    inaugurations = inauguration_list(user=user) if kind in ("", "inauguration") else Inauguration.objects.none()
    signings = signing_event_list(user=user) if kind in ("", "signing") else SigningEvent.objects.none()
    if not include_demo:
        inaugurations, signings = inaugurations.filter(is_demo=False), signings.filter(is_demo=False)
    return inaugurations, signings


def event_keys(*, user, kind: str = "", include_demo: bool = True) -> list[tuple[str, str, int]]:
    """The order of the combined list, decided on keys alone (newest first): ``(sort key, kind, pk)``.
    A page of it is read in full by ``event_rows``, so a long history costs one page of rows."""
    inaugurations, signings = _event_querysets(user=user, kind=kind, include_demo=include_demo)
    keys = [(_sort_key(d, None), "inauguration", pk) for pk, d in inaugurations.values_list("pk", "date")]
    keys += [(_sort_key(d, y), "signing", pk) for pk, d, y in signings.values_list("pk", "date", "year")]
    return sorted(keys, reverse=True)


def event_rows(*, user, keys) -> list[EventRow]:
    keys = list(keys)
    inaugurations, signings = _event_querysets(user=user, kind="", include_demo=True)
    wanted = {kind: [pk for _key, k, pk in keys if k == kind] for kind in ("inauguration", "signing")}
    events = {}
    if wanted["inauguration"]:
        events |= {("inauguration", e.pk): e for e in inaugurations.filter(pk__in=wanted["inauguration"])
                   .prefetch_related(Prefetch("mpps", queryset=Mpp.objects.select_related("region")
                                              .order_by("region__code")))}
    if wanted["signing"]:
        events |= {("signing", e.pk): e for e in signings.filter(pk__in=wanted["signing"])
                   .prefetch_related(Prefetch("commitments", queryset=Commitment.objects.select_related("region")
                                              .order_by("region__code")))}
    rows = []
    for _key, kind, pk in keys:
        event = events[(kind, pk)]
        if kind == "inauguration":
            rows.append(EventRow("inauguration", event, event.mpp_count, event.reported_count))
        else:
            rows.append(EventRow("signing", event, event.commitment_count, None))
    return rows


def signing_event_get(*, user, pk: int) -> SigningEvent | None:
    return signing_event_list(user=user).filter(pk=pk).first()


def event_commitments(*, user, event: SigningEvent) -> QuerySet:
    return scope(user, Commitment.objects.filter(event=event)).select_related("region", "region__province")


def commitment_list(*, user) -> QuerySet:
    return scope(user, Commitment.objects.all()).select_related("event", "region").order_by("-event__date", "region__code")


def region_commitments(*, user, region) -> QuerySet:
    return scope(user, Commitment.objects.filter(region=region)).select_related("event")
