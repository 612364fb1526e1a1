"""Reads of the task force app: the lists (every member reads), the region page's section, and the two
questions the lagging list asks (never assisted; assisted lately and still in the same stage)."""
import calendar
import datetime

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from mpp_portal.access import can_log_assistance, is_member, scope
from regions.models import Region

from .models import Assistance, FollowUp, overdue_q

MAX_MONTHS = 36  # the lagging list's "assisted in the last N months"


def assistance_list(*, user) -> QuerySet:
    return scope(user, Assistance.objects.select_related("region__province", "created_by").annotate(
        open_follow_ups=Count("follow_ups", filter=Q(follow_ups__state=FollowUp.State.OPEN)),
        overdue_follow_ups=Count("follow_ups", filter=Q(follow_ups__in=FollowUp.objects.filter(overdue_q()))),
    ).order_by("-date", "-pk"))


def assistance_get(*, user, pk: int) -> Assistance | None:
    return scope(user, Assistance.objects.select_related("region__province", "created_by").prefetch_related(
        Prefetch("follow_ups", queryset=FollowUp.objects.select_related("closed_by")))).filter(pk=pk).first()


def follow_up_list(*, user) -> QuerySet:
    return scope(user, FollowUp.objects.select_related("assistance__region__province", "closed_by"))


def region_panel(*, user, region) -> dict | None:
    """The region page's section: its assistances (newest first) and open follow-ups, overdue flagged."""
    if not is_member(user):
        return None
    assistances = list(assistance_list(user=user).filter(region=region)[:20])
    open_items = list(follow_up_list(user=user).filter(assistance__region=region, state=FollowUp.State.OPEN)
                      .order_by("due_on", "pk"))
    return {"region": region, "assistances": assistances, "follow_ups": open_items,
            "can_log": can_log_assistance(user, region)}


def assisted_region_ids() -> set[int]:
    """Regions with at least one recorded (non-demo) assistance."""
    return set(Assistance.objects.filter(is_demo=False).values_list("region_id", flat=True).distinct())


def assistance_version() -> tuple:
    """Changes whenever an assistance is logged, changed or removed: part of the ETag of pages filtered on it."""
    from django.db.models import Max

    latest = Assistance.objects.aggregate(n=Count("pk"), at=Max("updated_at"))
    return latest["n"], str(latest["at"])


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` months earlier (or that month's last day: 31 March minus one is 28/29 Feb)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def first_stage_in_window(*, months: int, today: datetime.date | None = None) -> dict[int, str]:
    """For each region with a recorded assistance in the last ``months`` months, its stage at the first of
    them (``stage_at_visit``)."""
    start = months_before(today or timezone.localdate(), months)
    found: dict[int, str] = {}
    rows = (Assistance.objects.filter(is_demo=False, date__gte=start).order_by("date", "pk")
            .values_list("region_id", "stage_at_visit"))
    for region_id, stage in rows:
        found.setdefault(region_id, stage)
    return found


ASSISTANCE_FILTERS = ("tanpa", "tetap")
DEFAULT_MONTHS = 6


def lagging_region_ids(*, assistance: str, stages: dict[int, str], months: int | None = None,
                       today: datetime.date | None = None) -> set[int]:
    """The lagging list's filter ``pendampingan`` over regions in their current stage (``stages``: id -> stage):
    "tanpa", never assisted; "tetap", assisted in the last ``months`` months (default 6) and still in the stage
    they were in at the first of those assistances. Recorded assistance only."""
    if assistance == "tanpa":
        return set(stages) - assisted_region_ids()
    first = first_stage_in_window(months=months or DEFAULT_MONTHS, today=today)
    return {region_id for region_id, stage in stages.items() if first.get(region_id) == stage}


def may_log_somewhere(*, user) -> bool:
    """Whether ``can_log_assistance`` holds for ``user`` in at least one kab/kota (one query)."""
    return any(can_log_assistance(user, region) for region in Region.objects.only("pk", "province_id").order_by())


def loggable_regions(*, user) -> QuerySet:
    """The kab/kota where ``user`` may log an assistance (``can_log_assistance``, region by region)."""
    regions = Region.objects.select_related("province").order_by("code")
    allowed = [region.pk for region in regions.only("pk", "province_id") if can_log_assistance(user, region)]
    return regions.filter(pk__in=allowed)
