"""Reads for the dashboards and the progress API: only the latest snapshots, never a recompute."""
import datetime
from functools import cached_property

from django.core.cache import cache
from django.db import connection
from django.db.models import QuerySet

from regions.models import Region

from .charts import cumulative_chart
from .models import ProgressSnapshot, ProvinceRegionList, RecomputeRun, ReportedTotal

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


def reported_totals() -> QuerySet:
    return ReportedTotal.objects.order_by("date")


class Dashboard:
    """What a dashboard page shows of one snapshot. Everything heavy is computed on first use, so a page
    whose fragments come from the cache (keyed by snapshot id and language) runs none of it."""

    def __init__(self, snapshot: ProgressSnapshot):
        self.snapshot = snapshot
        self.target = snapshot.target
        self.stale = getattr(snapshot, "stale", None)  # None: not asked (the public summary does not say)

    @cached_property
    def chart(self):
        return cumulative_chart(series=self.snapshot.series, denominator=self.snapshot.denominator,
                                deadline=self.target.deadline, as_of=self.snapshot.as_of,
                                pace_per_month=self.snapshot.pace_per_month)

    @cached_property
    def series_rows(self) -> list[tuple[datetime.date, int]]:
        return [(datetime.date(int(month[:4]), int(month[5:7]), 1), value) for month, value in self.snapshot.series]

    @cached_property
    def targets(self) -> list[ProgressSnapshot]:
        return list(target_snapshots(snapshot=self.snapshot))

    @cached_property
    def regions(self) -> list[dict]:
        """A province's kab/kota with their stages, as the same run saw them."""
        rows = (ProvinceRegionList.objects.filter(run_id=self.snapshot.run_id, province_id=self.snapshot.province_id)
                .values_list("regions", flat=True).first())
        keys = ("code", "name", "kind", "dki", "stage", "mpp_count")
        return [dict(zip(keys, row)) for row in rows or []]

    @cached_property
    def provinces(self) -> list[ProgressSnapshot]:
        return province_snapshots(snapshot=self.snapshot)

    @cached_property
    def provinces_without(self) -> list[ProgressSnapshot]:
        return sorted((p for p in self.provinces if p.numerator == 0), key=lambda p: p.province.name)

    @cached_property
    def stages(self) -> list[tuple[str, str, int, float]]:
        s = self.snapshot
        counts = [(Stage.OPERATING, s.stage_operating), (Stage.PREPARING, s.stage_preparing),
                  (Stage.COMMITTED, s.stage_committed), (Stage.NONE, s.stage_none)]
        return [(stage.value, stage.label, n, round(100 * n / s.denominator, 1) if s.denominator else 0.0)
                for stage, n in counts]

    @cached_property
    def pace_needed(self) -> float:
        return self.snapshot.pace_needed[0]

    @cached_property
    def pace_horizon(self) -> int:
        return self.snapshot.pace_needed[1]

    @cached_property
    def reported(self) -> list[tuple[ReportedTotal, int]]:
        """Each publicly reported total with the portal's own count of units reached by the end of that month."""
        by_month = {month: value for month, value in self.snapshot.series}
        first = self.snapshot.series[0][0] if self.snapshot.series else None
        rows = []
        for total in reported_totals():
            month = f"{total.date:%Y-%m}"
            portal = by_month.get(month, self.snapshot.numerator if first and month > first else 0)
            rows.append((total, portal))
        return rows
