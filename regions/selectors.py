"""Reads for the regions app; every queryset a user sees passes through ``mpp_portal.access.scope``."""
from django.db.models import Case, CharField, Count, Exists, OuterRef, Q, QuerySet, Value, When

from commitments.models import Commitment
from mpp_portal.access import scope

from .models import Mpp, Province, Region

Stage = Region.Stage


def _mpp_with(status: str):
    return Exists(Mpp.objects.filter(region=OuterRef("pk"), status=status))


def with_stage(queryset: QuerySet) -> QuerySet:
    """Annotate each region's derived stage: operating > preparing > committed > none (DESIGN §4)."""
    signed = Exists(Commitment.objects.filter(region=OuterRef("pk"), outcome=Commitment.Outcome.SIGNED))
    return queryset.annotate(
        stage=Case(
            When(_mpp_with(Mpp.Status.OPERATING), then=Value(Stage.OPERATING)),
            When(_mpp_with(Mpp.Status.PREPARING), then=Value(Stage.PREPARING)),
            When(Q(_mpp_with(Mpp.Status.COMMITTED)) | Q(signed), then=Value(Stage.COMMITTED)),
            default=Value(Stage.NONE),
            output_field=CharField(),
        )
    )


def region_list(*, user, filters: dict | None = None) -> QuerySet:
    from .filters import RegionFilterSet

    queryset = with_stage(scope(user, Region.objects.select_related("province"))).annotate(
        mpp_count=Count("mpps", distinct=True)
    ).order_by("code")
    if filters is None:
        return queryset
    return RegionFilterSet(filters, queryset=queryset).qs


def region_get(*, user, code: str) -> Region | None:
    return with_stage(scope(user, Region.objects.select_related("province"))).filter(code=code).first()


def province_list(*, user) -> QuerySet:
    return scope(user, Province.objects.all(), action="view").annotate(region_count=Count("regions")).order_by("code")


def stage_label(stage: str) -> str:
    return Stage(stage).label
