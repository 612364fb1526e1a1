"""Reads for the dashboards and the progress API: only the latest snapshots, never a recompute."""
import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.core.cache import cache
from django.db import connection
from django.db.models import QuerySet

from regions.models import Mpp, Region, StatusUpdate
from regions.report_selectors import week_counts

from .charts import cumulative_chart
from .models import DigestSubscription, ProgressSnapshot, ProvinceRegionList, RecomputeRun, ReportedTotal

Stage = Region.Stage


# The run id of the newest snapshots; written by ``services.progress_recompute`` after each run, so cached
# "latest snapshot" lookups of older runs are never read again.
GENERATION_KEY = "dashboards:generation"
LATEST_TIMEOUT = 24 * 3600


def _stale_sql() -> str:
    q = connection.ops.quote_name
    return (
        f"SELECT EXISTS (SELECT 1 FROM {q(RecomputeRun._meta.db_table)}"
        f" WHERE {q('id')} > %s AND {q('state')} <> %s)"
    )


def generation_current() -> int | None:
    """The run id of the newest snapshots as the recompute last announced it (None when the cache lost it)."""
    return cache.get(GENERATION_KEY)


def snapshot_is_stale(run_id: int) -> bool:
    """Whether a recompute asked for after the run that wrote this snapshot has not finished yet: queued
    (also while the broker is down), running, or failed. Every write that may move progress announces
    ``mpp_portal.events.progress_changed``, which queues that run, so this is the one meaning of "stale".
    One hand-written query: it runs on every dashboard request, where compiling the ORM equivalent cost more
    than the rest of a cached page."""
    with connection.cursor() as cursor:
        cursor.execute(_stale_sql(), [run_id, RecomputeRun.State.DONE])
        return bool(cursor.fetchone()[0])


def _snapshot_query(*, target_id: int | None, province_code: str | None) -> ProgressSnapshot | None:
    queryset = ProgressSnapshot.objects.filter(target__is_active=True).select_related("target", "province")
    if target_id is not None:
        queryset = queryset.filter(target_id=target_id)
    if province_code is None:
        queryset = queryset.filter(scope=ProgressSnapshot.Scope.NATIONAL)
    else:
        queryset = queryset.filter(scope=ProgressSnapshot.Scope.PROVINCE, province__code=province_code)
    return queryset.order_by("-run_id", "target__position", "target_id").first()


def snapshot_latest(*, target_id: int | None = None, province_code: str | None = None) -> ProgressSnapshot | None:
    """The newest snapshot of a target (the first active target by default), national or of one province,
    with ``stale`` set. The lookup is cached per run; the staleness is asked of the database every time."""
    snapshot = snapshot_latest_cached(target_id=target_id, province_code=province_code)
    if snapshot is not None:
        snapshot.stale = snapshot_is_stale(snapshot.run_id)
    return snapshot


def snapshot_latest_cached(*, target_id: int | None = None,
                           province_code: str | None = None) -> ProgressSnapshot | None:
    """The newest snapshot as ``snapshot_latest`` finds it, without asking whether it is stale: for pages
    that do not say so (the public summary), where a warm cache answers without a query."""
    generation = cache.get(GENERATION_KEY)
    key = f"dashboards:latest:{generation}:{target_id}:{province_code}"
    snapshot = cache.get(key) if generation is not None else None
    if snapshot is None:
        snapshot = _snapshot_query(target_id=target_id, province_code=province_code)
        if snapshot is None:
            return None
        if generation is None:
            cache.add(GENERATION_KEY, snapshot.run_id, LATEST_TIMEOUT)
            key = f"dashboards:latest:{snapshot.run_id}:{target_id}:{province_code}"
        cache.set(key, snapshot, LATEST_TIMEOUT)
    return snapshot


def province_snapshots(*, snapshot: ProgressSnapshot) -> list[ProgressSnapshot]:
    """The per-province snapshots of the same run and target, best coverage first."""
    rows = list(
        ProgressSnapshot.objects.filter(run_id=snapshot.run_id, target_id=snapshot.target_id,
                                        scope=ProgressSnapshot.Scope.PROVINCE)
        .select_related("province", "target")
        .defer("series")
    )
    return sorted(rows, key=lambda s: (-s.percent, s.province.code))


def target_snapshots(*, snapshot: ProgressSnapshot) -> QuerySet:
    """Every active target's national snapshot from the same run, so each basis is shown side by side."""
    return (
        ProgressSnapshot.objects.filter(run_id=snapshot.run_id, scope=ProgressSnapshot.Scope.NATIONAL,
                                        target__is_active=True)
        .select_related("target")
        .defer("series")
        .order_by("target__position", "target_id")
    )


def run_snapshots(*, run_id: int, with_provinces: bool = True) -> QuerySet:
    queryset = (
        ProgressSnapshot.objects.filter(run_id=run_id, target__is_active=True)
        .select_related("target", "province")
        .order_by("target__position", "target_id", "province__code")
    )
    return queryset if with_provinces else queryset.filter(scope=ProgressSnapshot.Scope.NATIONAL)


def snapshot_history() -> QuerySet:
    return (
        ProgressSnapshot.objects.filter(scope=ProgressSnapshot.Scope.NATIONAL)
        .select_related("target")
        .order_by("-run_id", "target__position", "target_id")
    )


def _value_at(series: list, month: str) -> int:
    """The cumulative value of a monthly series by the end of ``month`` (0 before it starts)."""
    value = 0
    for point, cumulative in series:
        if point > month:
            break
        value = cumulative
    return value


def reported_totals() -> QuerySet:
    return ReportedTotal.objects.order_by("date")


def _first_of_month(month: str) -> datetime.date:
    return datetime.date(int(month[:4]), int(month[5:7]), 1)


class Dashboard:
    """What a dashboard page shows of one snapshot. Everything heavy is computed on first use, so a page
    whose fragments come from the cache (keyed by snapshot id and language) runs none of it.

    Figures are the recorded ones. ``show_demo`` says whether the page also shows the demo share beside them
    ("98 tercatat + 207 contoh"); the public summary never does (``public=True``)."""

    def __init__(self, snapshot: ProgressSnapshot, *, public: bool = False):
        self.snapshot = snapshot
        self.target = snapshot.target
        self.stale = getattr(snapshot, "stale", None)  # None: not asked (the public summary does not say)
        self.public = public
        self.show_demo = not public and bool(snapshot.demo_numerator or snapshot.demo_mpp_count)

    @cached_property
    def chart(self):
        return self._chart(narrow=False)

    @cached_property
    def chart_narrow(self):
        """The same curve drawn for a phone's width, so its labels stay readable there."""
        return self._chart(narrow=True)

    def _chart(self, *, narrow: bool):
        return cumulative_chart(series=self.snapshot.series, denominator=self.snapshot.denominator,
                                deadline=self.target.deadline, as_of=self.snapshot.as_of,
                                pace_per_month=self.snapshot.pace_per_month,
                                demo_series=self.snapshot.demo_series if self.show_demo else None, narrow=narrow)

    @cached_property
    def series_rows(self) -> list[tuple[datetime.date, int, int | None]]:
        """(month, recorded units, recorded and demo units or None) for the chart's data table."""
        with_demo = dict(self.snapshot.demo_series) if self.show_demo else {}
        months = sorted({month for month, _v in self.snapshot.series} | set(with_demo))
        recorded = dict(self.snapshot.series)
        rows, last = [], 0
        for month in months:
            last = recorded.get(month, last)
            rows.append((_first_of_month(month), last, with_demo.get(month) if self.show_demo else None))
        return rows

    @cached_property
    def windows(self) -> list[tuple[datetime.date | None, datetime.date, int]]:
        """Units placed at the end of an inauguration window, with the window, for the note under the chart."""
        return [(datetime.date.fromisoformat(after) if after else None, datetime.date.fromisoformat(by), units)
                for after, by, units in self.snapshot.windows]

    @cached_property
    def headline(self) -> dict:
        """The outcome in one place for every page: the deadline figure, today's figure and what is left."""
        s = self.snapshot
        return {
            "deadline_passed": s.deadline_passed,
            "missed": s.deadline_passed and s.numerator_at_deadline < s.denominator,
            "at_deadline": s.numerator_at_deadline, "percent_at_deadline": s.percent_at_deadline,
            "demo_at_deadline": s.demo_numerator_at_deadline if self.show_demo else 0,
            "demo": s.demo_numerator if self.show_demo else 0,
        }

    @cached_property
    def targets(self) -> list[ProgressSnapshot]:
        return list(target_snapshots(snapshot=self.snapshot))

    @cached_property
    def regions(self) -> list[dict]:
        """A province's kab/kota with their stages, as the same run saw them."""
        rows = (ProvinceRegionList.objects.filter(run_id=self.snapshot.run_id, province_id=self.snapshot.province_id)
                .values_list("regions", flat=True).first())
        keys = ("code", "name", "kind", "dki", "stage", "mpp_count", "stage_with_demo", "demo_mpp_count")
        return [dict(zip(keys, row)) for row in rows or []]

    @cached_property
    def provinces(self) -> list[ProgressSnapshot]:
        return province_snapshots(snapshot=self.snapshot)

    @cached_property
    def provinces_without(self) -> list[ProgressSnapshot]:
        return sorted((p for p in self.provinces if p.numerator == 0), key=lambda p: p.province.name)

    @cached_property
    def stages(self) -> list[tuple[str, str, int, float, int | None]]:
        """(stage, label, recorded units, percent, units with demo records or None)."""
        s = self.snapshot
        counts = [(Stage.OPERATING, s.stage_operating), (Stage.PREPARING, s.stage_preparing),
                  (Stage.COMMITTED, s.stage_committed), (Stage.NONE, s.stage_none)]
        with_demo = s.demo_stages if self.show_demo else {}
        return [(stage.value, stage.label, n, round(100 * n / s.denominator, 1) if s.denominator else 0.0,
                 with_demo.get(stage.value, n) if self.show_demo else None)
                for stage, n in counts]

    @cached_property
    def pace_needed(self) -> float:
        return self.snapshot.pace_needed[0]

    @cached_property
    def pace_horizon(self) -> int:
        return self.snapshot.pace_needed[1]

    @cached_property
    def reported(self) -> list[tuple[ReportedTotal, int, int | None]]:
        """Each publicly reported total with the portal's recorded count of units reached by the end of that month
        and, where the page shows demo records, the count with them."""
        rows = []
        for total in reported_totals():
            month = f"{total.date:%Y-%m}"
            demo = _value_at(self.snapshot.demo_series, month) if self.show_demo else None
            rows.append((total, _value_at(self.snapshot.series, month), demo))
        return rows

    @cached_property
    def reported_latest(self) -> ReportedTotal | None:
        return self.reported[-1][0] if self.reported else None


# --- The weekly digest ----------------------------------------------------------------------------------

STATUS_RANK = {Mpp.Status.PLANNED: 0, Mpp.Status.COMMITTED: 1, Mpp.Status.PREPARING: 2, Mpp.Status.OPERATING: 3}


@dataclass
class ProvinceMovement:
    province: object
    newly_operating: int = 0
    forward_moves: int = 0
    percent: float | None = None


@dataclass
class WeeklyDigest:
    """What changed in the week before ``end``: MPPs that became operating, the provinces whose MPPs moved
    forward most, those that did not move (lowest coverage first), and the latest national snapshot."""

    start: datetime.datetime
    end: datetime.datetime
    dashboard: Dashboard | None
    newly_operating: list = field(default_factory=list)
    moved_most: list[ProvinceMovement] = field(default_factory=list)
    moved_least: list[ProvinceMovement] = field(default_factory=list)
    reports: dict[str, int] = field(default_factory=dict)


def weekly_digest(*, end: datetime.datetime, days: int = 7, top: int = 5) -> WeeklyDigest:
    start = end - datetime.timedelta(days=days)
    snapshot = snapshot_latest()
    dashboard = Dashboard(snapshot) if snapshot is not None else None
    updates = list(StatusUpdate.objects.filter(at__gte=start, at__lt=end)
                   .select_related("mpp__region__province").order_by("at", "pk"))
    movements: dict[int, ProvinceMovement] = {}
    newly_operating = {}
    for update in updates:
        if STATUS_RANK.get(update.to_status, -1) <= STATUS_RANK.get(update.from_status, -1):
            continue
        province = update.mpp.region.province
        movement = movements.setdefault(province.pk, ProvinceMovement(province=province))
        movement.forward_moves += 1
        if update.to_status == Mpp.Status.OPERATING and update.mpp_id not in newly_operating:
            movement.newly_operating += 1
            newly_operating[update.mpp_id] = update.mpp
    coverage = {p.province_id: p for p in dashboard.provinces} if dashboard else {}
    for movement in movements.values():
        movement.percent = coverage[movement.province.pk].percent if movement.province.pk in coverage else None
    most = sorted(movements.values(), key=lambda m: (-m.newly_operating, -m.forward_moves, m.province.code))[:top]
    least = [ProvinceMovement(province=p.province, percent=p.percent)
             for p in sorted(coverage.values(), key=lambda p: (p.percent, p.province.code))
             if p.province_id not in movements][:top]
    return WeeklyDigest(start=start, end=end, dashboard=dashboard, moved_most=most, moved_least=least,
                        newly_operating=sorted(newly_operating.values(), key=lambda m: (m.region.code, m.name)),
                        reports=week_counts(start=start, end=end))


def digest_subscriptions() -> QuerySet:
    """Active subscribers with an email address."""
    return (DigestSubscription.objects.filter(user__is_active=True).exclude(user__email="")
            .select_related("user").order_by("pk"))


def digest_subscription_of(*, user) -> DigestSubscription | None:
    return DigestSubscription.objects.filter(user=user).first()
