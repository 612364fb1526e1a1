"""Reads for the regions app; every queryset a user sees passes through ``mpp_portal.access.scope``."""
import datetime

from django.db.models import Case, CharField, Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from mpp_portal.access import scope
from mpp_portal.audit import change_records_for
from mpp_portal.models import ChangeRecord

from .models import Inauguration, Mpp, Province, Region
from .names import RegionCandidate, RegionNameResolver, Resolution

Stage = Region.Stage


def _mpp_with(status: str, *, include_demo: bool = True):
    mpps = Mpp.objects.filter(region=OuterRef("pk"), status=status)
    return Exists(mpps if include_demo else mpps.filter(is_demo=False))


def with_stage(queryset: QuerySet, *, include_demo: bool = True) -> QuerySet:
    """Annotate each region's derived stage: operating > preparing > committed > none (DESIGN §4). A signed
    commitment counts through ``Region.has_signed_commitment``, kept by the commitments app.
    ``include_demo=False`` leaves demo MPPs and commitments out, for figures that must not count them: it reads
    ``Region.has_recorded_signed_commitment``, the same flag counting recorded commitments only."""
    signed = Q(has_signed_commitment=True) if include_demo else Q(has_recorded_signed_commitment=True)
    return queryset.annotate(
        stage=Case(
            When(_mpp_with(Mpp.Status.OPERATING, include_demo=include_demo), then=Value(Stage.OPERATING)),
            When(_mpp_with(Mpp.Status.PREPARING, include_demo=include_demo), then=Value(Stage.PREPARING)),
            When(Q(_mpp_with(Mpp.Status.COMMITTED, include_demo=include_demo)) | Q(signed),
                 then=Value(Stage.COMMITTED)),
            default=Value(Stage.NONE),
            output_field=CharField(),
        )
    )


def region_list(*, user, filters: dict | None = None) -> QuerySet:
    from .filters import RegionFilterSet

    # A correlated count, not a JOIN + GROUP BY: a page of 50 regions then costs 50 index lookups instead
    # of aggregating every region before the ORDER BY ... LIMIT (1 s at 50,000 regions).
    def mpps_counted(*, is_demo: bool):
        mpps = Mpp.objects.filter(region=OuterRef("pk"), is_demo=is_demo)
        return Coalesce(Subquery(mpps.order_by().values("region").annotate(n=Count("pk")).values("n")), 0)

    # Stage and MPP count are the recorded ones; demo MPPs ("contoh") are counted apart.
    queryset = with_stage(scope(user, Region.objects.select_related("province")), include_demo=False).annotate(
        mpp_count=mpps_counted(is_demo=False), demo_mpp_count=mpps_counted(is_demo=True),
    ).order_by("code")
    if filters is None:
        return queryset
    return RegionFilterSet(filters, queryset=queryset).qs


def region_get(*, user, code: str) -> Region | None:
    regions = with_stage(scope(user, Region.objects.select_related("province")), include_demo=False)
    return regions.filter(code=code).first()


def province_list(*, user) -> QuerySet:
    return scope(user, Province.objects.all(), action="view").annotate(region_count=Count("regions")).order_by("code")


def mpp_list(*, user, filters: dict | None = None) -> QuerySet:
    from .filters import MppFilterSet

    queryset = scope(user, Mpp.objects.select_related("region__province", "updated_by")).order_by("region__code", "name")
    if filters is None:
        return queryset
    return MppFilterSet(filters, queryset=queryset).qs


def mpp_get(*, user, pk: int) -> Mpp | None:
    return scope(user, Mpp.objects.select_related("region__province", "inauguration", "updated_by")).filter(pk=pk).first()


def mpp_status_updates(*, mpp: Mpp) -> QuerySet:
    return mpp.status_updates.select_related("by")


def mpp_history(*, mpp: Mpp) -> QuerySet:
    return change_records_for(mpp)


def region_history(*, region: Region) -> QuerySet:
    """The region's own changes and those of its MPPs (``ChangeRecord.region``), newest first."""
    return ChangeRecord.objects.filter(region=region).select_related("user")


# An MPP nobody has touched for this long is stale (DESIGN §5): flagged on the officer's home page, listed
# on the quality dashboard and named in the weekly reminder. The one definition: ``stale_cutoff``.
STALE_AFTER_DAYS = 90


def stale_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    """MPPs last updated before this are stale."""
    return (now or timezone.now()) - datetime.timedelta(days=STALE_AFTER_DAYS)


def _mpp_needs(mpp: Mpp, *, stale_before) -> list[str]:
    needs = []
    if mpp.updated_at < stale_before:
        needs.append(_("Belum diperbarui lebih dari %(days)s hari.") % {"days": STALE_AFTER_DAYS})
    if mpp.tenant_count < 1:
        needs.append(_("Jumlah instansi/UPP belum diisi."))
    if mpp.service_count < 1:
        needs.append(_("Jumlah layanan belum diisi."))
    if mpp.status == Mpp.Status.OPERATING:
        if not mpp.oss_integrated:
            needs.append(_("Integrasi OSS belum tercatat."))
        if mpp.digital_status == Mpp.DigitalStatus.NONE:
            needs.append(_("Status MPP Digital belum tercatat."))
    return needs


def officer_regions(*, user) -> list[Region]:
    """The user's own regions with their stage and MPPs, each MPP carrying ``needs``: what to update."""
    regions = list(
        with_stage(scope(user, Region.objects.filter(officers=user), action="change").select_related("province"))
        .prefetch_related(Prefetch("mpps", queryset=Mpp.objects.order_by("name")))
        .order_by("code")
    )
    stale_before = stale_cutoff()
    for region in regions:
        for mpp in region.mpps.all():
            mpp.needs = _mpp_needs(mpp, stale_before=stale_before)
    return regions


# --- Inaugurations (peresmian) -------------------------------------------------------------------------

def inauguration_list(*, user) -> QuerySet:
    return scope(user, Inauguration.objects.all()).annotate(
        mpp_count=Count("mpps"), demo_mpp_count=Count("mpps", filter=Q(mpps__is_demo=True))
    )


def inauguration_get(*, user, pk: int) -> Inauguration | None:
    return inauguration_list(user=user).filter(pk=pk).first()


def inauguration_mpps(*, user, event: Inauguration) -> QuerySet:
    return scope(user, Mpp.objects.filter(inauguration=event)).select_related("region", "region__province")


def region_inaugurations(*, user, region) -> QuerySet:
    return scope(user, Inauguration.objects.filter(mpps__region=region)).distinct()


# --- Finding a region by the name people write -----------------------------------------------------------

def region_resolver() -> tuple[RegionNameResolver, dict[str, Region]]:
    """The import's name resolver over the registry, and the regions by code (one query)."""
    regions = {region.code: region for region in Region.objects.select_related("province")}
    resolver = RegionNameResolver(RegionCandidate(code=r.code, name=r.name, kind=r.kind) for r in regions.values())
    return resolver, regions


def region_search_public(*, text: str) -> tuple[Resolution, Region | None, list[Region]]:
    """A visitor's search: the resolution, the one region found (with its stage and MPPs from recorded data
    only, demo records left out) and the candidates to choose from when the name is ambiguous or unknown.
    Never a guess: an ambiguous name returns no region."""
    resolver, regions = region_resolver()
    resolution = resolver.resolve(text)
    candidates = [regions[c.code] for c in resolution.candidates]
    if not resolution.ok:
        return resolution, None, candidates
    region = (with_stage(Region.objects.select_related("province"), include_demo=False)
              .prefetch_related(Prefetch("mpps", queryset=Mpp.objects.filter(is_demo=False).order_by("name"),
                                         to_attr="recorded_mpps"))
              .get(code=resolution.region.code))
    return resolution, region, candidates


def mpp_tenants(*, mpp: Mpp) -> QuerySet:
    """The agencies serving in ``mpp`` (its verified tenant list), by name."""
    from .models import MppTenant

    return MppTenant.objects.filter(mpp=mpp).order_by("name")
