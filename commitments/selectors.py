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


def event_list(*, user, kind: str = "", include_demo: bool = True) -> list[EventRow]:
    """Both kinds, newest first; events known only by year or a date note sort by their year."""
    rows: list[EventRow] = []
    if kind in ("", "inauguration"):
        events = inauguration_list(user=user).prefetch_related(
            Prefetch("mpps", queryset=Mpp.objects.select_related("region").order_by("region__code"))
        )
        rows += [EventRow("inauguration", e, e.mpp_count, e.reported_count)
                 for e in (events if include_demo else events.filter(is_demo=False))]
    if kind in ("", "signing"):
        events = signing_event_list(user=user).prefetch_related(
            Prefetch("commitments", queryset=Commitment.objects.select_related("region").order_by("region__code"))
        )
        rows += [EventRow("signing", e, e.commitment_count, None)
                 for e in (events if include_demo else events.filter(is_demo=False))]

    def when(row: EventRow):
        event = row.event
        if event.date:
            return event.date.isoformat()
        return str(getattr(event, "year", None) or "")

    return sorted(rows, key=lambda row: (when(row), row.kind, row.event.pk), reverse=True)


def signing_event_get(*, user, pk: int) -> SigningEvent | None:
    return signing_event_list(user=user).filter(pk=pk).first()


def event_commitments(*, user, event: SigningEvent) -> QuerySet:
    return scope(user, Commitment.objects.filter(event=event)).select_related("region", "region__province")


def commitment_list(*, user) -> QuerySet:
    return scope(user, Commitment.objects.all()).select_related("event", "region").order_by("-event__date", "region__code")


def region_commitments(*, user, region) -> QuerySet:
    return scope(user, Commitment.objects.filter(region=region)).select_related("event")
