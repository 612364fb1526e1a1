"""Reads of the operations app. Figures and rankings come from the snapshots the recompute job writes,
never computed on request."""
import datetime

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from mpp_portal.access import scope
from regions.models import Mpp

from . import rules
from .models import OperationsFigure, OperationsFlag, OperationsReport, OperationsRun, VisitorRanking

State = OperationsReport.State
LIST_SIZE = 10


def report_list(*, user, with_flags: bool = False) -> QuerySet:
    reports = scope(user, OperationsReport.objects.select_related("mpp__region__province", "created_by",
                                                                  "decided_by"))
    if with_flags:
        reports = reports.prefetch_related(
            Prefetch("flags", queryset=OperationsFlag.objects.select_related("resolved_by")))
    return reports


def flag_list(*, user, open_only: bool = True) -> QuerySet:
    flags = scope(user, OperationsFlag.objects.select_related("report__mpp__region__province", "resolved_by"))
    return flags.filter(resolved_at__isnull=True) if open_only else flags


def mpp_history(*, mpp: Mpp, months: int = 24, today: datetime.date | None = None) -> list[OperationsReport]:
    """The MPP's own reports of the last ``months`` months (its record, not a computed figure)."""
    from django.utils import timezone

    first = rules.month_add(rules.month_start(today or timezone.localdate()), -months)
    return list(OperationsReport.objects.filter(mpp=mpp, month__gte=first).prefetch_related("flags")
                .order_by("month"))


def missing_reports(*, month: datetime.date) -> QuerySet:
    """Recorded MPPs operating in ``month`` without a report for it (a returned report counts as missing)."""
    end = rules.month_add(month, 1) - datetime.timedelta(days=1)
    submitted = OperationsReport.objects.filter(mpp=OuterRef("pk"), month=month).exclude(state=State.RETURNED)
    return (Mpp.objects.filter(is_demo=False, status=Mpp.Status.OPERATING, inaugurated_on__lte=end)
            .exclude(Exists(submitted)).select_related("region__province").order_by("region__code", "name"))


def figure_months() -> list[datetime.date]:
    return list(OperationsFigure.objects.filter(province__isnull=True).order_by("-month")
                .values_list("month", flat=True))


def figure_series(*, province_code: str | None = None) -> list[OperationsFigure]:
    figures = OperationsFigure.objects.select_related("province")
    if province_code:
        return list(figures.filter(province__code=province_code).order_by("month"))
    return list(figures.filter(province__isnull=True).order_by("month"))


def figures_by_province(*, month: datetime.date) -> list[OperationsFigure]:
    return list(OperationsFigure.objects.filter(month=month, province__isnull=False).select_related("province")
                .order_by("province__code"))


def ranking_months() -> list[datetime.date]:
    return sorted(set(VisitorRanking.objects.values_list("month", flat=True)), reverse=True)


def visitor_extremes(*, month: datetime.date, by: str = "visitors", province_code: str | None = None,
                     size: int = LIST_SIZE) -> dict[str, list[VisitorRanking]]:
    """The MPPs with the fewest and the most visitors in ``month``: absolute (``by="visitors"``) or
    relative to their own 12-month average (``by="relative"``)."""
    rows = VisitorRanking.objects.filter(month=month).select_related("mpp__region", "province")
    if province_code:
        rows = rows.filter(province__code=province_code)
    if by == "relative":
        rows = rows.filter(relative__isnull=False)
    return {"fewest": list(rows.order_by(by, "mpp__name")[:size]),
            "most": list(rows.order_by(f"-{by}", "mpp__name")[:size])}


def latest_run() -> OperationsRun | None:
    return OperationsRun.objects.filter(finished_at__isnull=False).first()
