"""Writes of the dashboards app: the progress recompute, its scheduling, and the reported totals.

Only ``progress_recompute`` writes snapshots. Every figure is computed twice, from recorded records only and
with demo records ("contoh") included; a snapshot keeps the recorded figures and the demo share apart.
Writes elsewhere that change progress announce it with
``mpp_portal.events.progress_changed`` (sent on commit); ``progress_changed_received`` queues a run, and bursts
of announcements coalesce into one queued run.
"""
import datetime
import logging
import math
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Min, Q
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from mpp_portal.access import Role, role_of
from mpp_portal.events import progress_recomputed
from regions import stages, units
from regions.models import Mpp, Region
from regions.selectors import with_stage

from . import selectors as dashboard_selectors
from .models import DigestSubscription, ProgressSnapshot, ProvinceRegionList, RecomputeRun, Target
from .pdf import dashboard_pdf
from .selectors import GENERATION_KEY, LATEST_TIMEOUT

logger = logging.getLogger(__name__)

Stage = Region.Stage
# Any fixed number: two workers taking this PostgreSQL advisory lock never compute at once.
ADVISORY_LOCK_KEY = 7_305_001
# A broker that does not answer must not hold up the officer's request for long.
BROKER_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}

# condition, the date a unit is reached, and (for inaugurations) the window that stands in for an unknown day.
METRIC_FILTERS = {
    Target.Metric.OPERATING: (Q(status=Mpp.Status.OPERATING), "inaugurated_on",
                              ("inauguration__date_after", "inauguration__date_before")),
    Target.Metric.DIGITAL_LIVE: (Q(digital_status=Mpp.DigitalStatus.LIVE), "digital_since", None),
}


# --- Scheduling -------------------------------------------------------------------------------------------

def progress_recompute_schedule(*, trigger: str = "change") -> None:
    """Queue a recompute once the caller's transaction commits. Never fails the caller's write: when the
    broker is down the queued run stays queued (dashboards then say they are stale) and the error is logged."""
    transaction.on_commit(lambda: _enqueue(trigger=trigger))


def progress_changed_received(sender, *, reason: str = "change", **kwargs) -> None:
    """The receiver of ``mpp_portal.events.progress_changed``, which is sent after the writer committed."""
    _enqueue(trigger=str(reason)[:32])


def _enqueue(*, trigger: str) -> None:
    try:
        run = _queued_run_create(trigger=trigger)
        if run is not None:
            _send(run)
    except Exception:
        logger.exception("Could not queue recompute_progress")


def _queued_run_create(*, trigger: str) -> RecomputeRun | None:
    """A new queued run, or the waiting one if its message never reached the broker, or None when a queued
    run is already on its way (this trigger joins it)."""
    for _attempt in range(2):
        try:
            with transaction.atomic():
                return RecomputeRun.objects.create(trigger=trigger)
        except IntegrityError:
            waiting = RecomputeRun.objects.filter(state=RecomputeRun.State.QUEUED).first()
            if waiting is not None:
                return waiting if waiting.error else None
            # It was claimed by a worker in between: try once more so this change is not missed.
    return None


def _send(run: RecomputeRun) -> None:
    from .tasks import recompute_progress

    try:
        recompute_progress.apply_async(kwargs={"run_id": run.pk}, retry=True, retry_policy=BROKER_RETRY_POLICY)
    except Exception as exc:
        logger.error("Broker unavailable, recompute run #%s stays queued: %s", run.pk, exc)
        RecomputeRun.objects.filter(pk=run.pk, state=RecomputeRun.State.QUEUED).update(
            error=f"broker unavailable: {exc}"[:2000]
        )
        return
    if run.error:
        RecomputeRun.objects.filter(pk=run.pk, state=RecomputeRun.State.QUEUED).update(error="")


def progress_recompute_waiting_send() -> RecomputeRun | None:
    """Send again the queued run whose message never reached the broker (beat calls this every minute,
    so the dashboards catch up once the broker answers, without waiting for the next write)."""
    waiting = RecomputeRun.objects.filter(state=RecomputeRun.State.QUEUED).exclude(error="").first()
    if waiting is not None:
        _send(waiting)
    return waiting


# --- The recompute ---------------------------------------------------------------------------------------

def progress_recompute(*, run_id: int | None = None, trigger: str = "command") -> RecomputeRun | None:
    """Compute every active target's national and per-province snapshot and record the run.

    With ``run_id`` (from the task) it runs that queued run, or nothing if another worker already took it.
    Without, it takes the queued run if there is one, else starts a new run. Idempotent: the figures
    depend only on the data.
    """
    run = _claim(run_id=run_id, trigger=trigger)
    if run is None:
        return None
    started = time.monotonic()
    try:
        with transaction.atomic():
            _lock()
            # Under the lock: a redelivered message may name a run that another worker has since finished.
            if not RecomputeRun.objects.filter(pk=run.pk, state=RecomputeRun.State.RUNNING).exists():
                return None
            count = _snapshots_write(run=run, now=timezone.now())
            # Finished in the same transaction as its snapshots: a worker killed at any point leaves either
            # both or neither, so a run taken over never gets a second set of snapshots.
            _finish(run, started, state=RecomputeRun.State.DONE, snapshot_count=count)
            # Other apps (the open data) learn of new figures only once they are committed.
            transaction.on_commit(lambda: progress_recomputed.send(sender=RecomputeRun, run_id=run.pk))
    except Exception:
        _finish(run, started, state=RecomputeRun.State.FAILED, error=traceback.format_exc()[-8000:])
        raise
    cache.set(GENERATION_KEY, run.pk, LATEST_TIMEOUT)
    return run


def _claim(*, run_id: int | None, trigger: str) -> RecomputeRun | None:
    now = timezone.now()
    queued = RecomputeRun.objects.filter(state=RecomputeRun.State.QUEUED)
    candidate = run_id if run_id is not None else queued.values_list("pk", flat=True).first()
    if candidate is not None and queued.filter(pk=candidate).update(
        state=RecomputeRun.State.RUNNING, started_at=now, error=""
    ):
        return RecomputeRun.objects.get(pk=candidate)
    if run_id is not None:
        # The broker redelivers a task whose worker died (acks late, reject on worker lost); its run was left
        # "running". Take it over: the lock waits for a worker that is still alive, and the check under the
        # lock skips a run that worker finished.
        taken_over = RecomputeRun.objects.filter(pk=run_id, state=RecomputeRun.State.RUNNING).first()
        return taken_over  # None: another worker took and finished it, this trigger has been served
    return RecomputeRun.objects.create(state=RecomputeRun.State.RUNNING, trigger=trigger, started_at=now)


def _lock() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_KEY])
            # The aggregates look expensive to the planner, and compiling them (JIT) costs more than running them.
            cursor.execute("SET LOCAL jit = off")
    # SQLite: settings open every transaction with BEGIN IMMEDIATE, which holds the one write lock to commit.


def _finish(run: RecomputeRun, started: float, *, state: str, error: str = "", snapshot_count: int = 0) -> None:
    run.state, run.error, run.snapshot_count = state, error, snapshot_count
    run.finished_at = timezone.now()
    run.duration_ms = round((time.monotonic() - started) * 1000)
    run.save(update_fields=["state", "error", "snapshot_count", "finished_at", "duration_ms"])


@dataclass
class Figures:
    """Progress of one area (a province or the nation) on one target."""

    denominator: int = 0
    numerator: int = 0
    stages: Counter = field(default_factory=Counter)
    reached_on: Counter = field(default_factory=Counter)  # date (None: undated) -> units first reached then
    windows: Counter = field(default_factory=Counter)  # (after, by) -> units dated only by that window
    mpp_count: int = 0

    def add(self, *, stage: str, reached: bool, first: datetime.date | None, units: int,
            window: tuple | None = None) -> None:
        self.denominator += units
        self.stages[stage] += units
        if reached:
            self.numerator += units
            self.reached_on[first] += units
            if window is not None:
                self.windows[window] += units

    def merge(self, other: "Figures") -> None:
        self.denominator += other.denominator
        self.numerator += other.numerator
        self.stages.update(other.stages)
        self.reached_on.update(other.reached_on)
        self.windows.update(other.windows)
        self.mpp_count += other.mpp_count

    @property
    def undated(self) -> int:
        return self.reached_on[None]

    def reached_by(self, day: datetime.date) -> int:
        """Units reached on a known date (or by a window's end) on or before ``day``."""
        return sum(units for first, units in self.reached_on.items() if first is not None and first <= day)


METRICS = tuple(METRIC_FILTERS)
# A region row: (province_id, code, name, kind, is_dki_administrative, stage, mpp_count, then per metric in
# METRICS order: number of MPPs that count for it, first date, and for a metric with a window (inaugurations)
# the earliest exact day and the earliest window start). Plain tuples: there are 50,000 of them.
PROVINCE, CODE, NAME, KIND, DKI, STAGE, MPP_COUNT = range(7)


def _metric_width(metric: str) -> int:
    return 4 if METRIC_FILTERS[metric][2] else 2


def _offsets() -> dict[str, int]:
    offsets, at = {}, MPP_COUNT + 1
    for metric in METRICS:
        offsets[metric], at = at, at + _metric_width(metric)
    return offsets


REACHING = _offsets()


def _reaching(metric: str) -> int:
    return REACHING[metric]


def _region_rows(*, include_demo: bool = True) -> list[tuple]:
    """Two reads whatever the number of regions: every region with its stage (the rule of
    ``regions.selectors.with_stage``), and one aggregate of the MPPs per region for every metric at once (a hash
    aggregate, rather than a subquery per region and metric). ``include_demo=False``: recorded records only.

    A metric's first date is the earliest known day, a window's end standing in for an unknown day; beside it the
    earliest known day alone, so a region whose first date is earlier than that day (or has none) is dated by a
    window, and the earliest window start."""
    mpps = Mpp.objects.order_by() if include_demo else Mpp.objects.order_by().filter(is_demo=False)
    aggregates = {"n": Count("pk")}
    for metric in METRICS:
        condition, date_field, window = METRIC_FILTERS[metric]
        aggregates[f"reaching_{metric}"] = Count("pk", filter=condition)
        if window:
            aggregates[f"first_{metric}"] = Min(Coalesce(date_field, window[1]), filter=condition)
            aggregates[f"exact_{metric}"] = Min(date_field, filter=condition)
            aggregates[f"after_{metric}"] = Min(window[0], filter=condition)
        else:
            aggregates[f"first_{metric}"] = Min(date_field, filter=condition)
    stats = {row[0]: row[1:] for row in mpps.values("region_id").annotate(**aggregates).values_list(
        "region_id", *aggregates)}
    empty = (0,) + sum(((0,) + (None,) * (_metric_width(metric) - 1) for metric in METRICS), ())
    regions = with_stage(Region.objects.order_by("code"), include_demo=include_demo).values_list(
        "pk", "province_id", "code", "name", "kind", "is_dki_administrative", "stage")
    return [(*region[1:], *stats.get(region[0], empty)) for region in regions]


def _unit_rows(region_rows: list[tuple], metric: str) -> list[dict]:
    """The regions grouped by province, DKI membership, stage and the date each was first reached: a few rows
    per province whatever the number of regions. Both bases are computed from the same rows."""
    reaching = _reaching(metric)
    if METRIC_FILTERS[metric][2]:
        grouped = Counter((r[PROVINCE], r[DKI], r[STAGE], r[reaching] > 0, *r[reaching + 1:reaching + 4])
                          for r in region_rows)
    else:
        grouped = Counter((r[PROVINCE], r[DKI], r[STAGE], r[reaching] > 0, r[reaching + 1], r[reaching + 1], None)
                          for r in region_rows)
    keys = ("province_id", "is_dki_administrative", "stage", "reached", "first", "exact", "window_after")
    return [dict(zip(keys, key), units=n) for key, n in grouped.items()]


def _window(row: dict) -> tuple | None:
    """(after, by) when the row's units are dated only by an inauguration window, else None."""
    first, exact = row["first"], row["exact"]
    if first is None or (exact is not None and exact <= first):
        return None
    return (row["window_after"], first)


def _mpp_counts(region_rows: list[tuple], metric: str) -> dict[int, int]:
    reaching = _reaching(metric)
    counts: Counter = Counter()
    for r in region_rows:
        if r[reaching]:
            counts[r[PROVINCE]] += r[reaching]
    return dict(counts)


def _province_figures(target: Target, rows: list[dict], mpp_counts: dict[int, int]) -> dict[int, Figures]:
    figures: dict[int, Figures] = defaultdict(Figures)
    # On KemenPANRB's basis DKI Jakarta's six administrative units are one unit: merged per province here.
    collapsed: dict[int, dict] = {}
    collapse = units.collapses_dki(target.basis)
    for row in rows:
        if collapse and row["is_dki_administrative"]:
            unit = collapsed.setdefault(row["province_id"], {"stage": Stage.NONE, "reached": False, "first": None,
                                                             "window": None})
            if stages.rank(row["stage"]) > stages.rank(unit["stage"]):
                unit["stage"] = row["stage"]
            if row["reached"]:
                unit["reached"] = True
                if row["first"] is not None and (unit["first"] is None or row["first"] < unit["first"]):
                    unit["first"], unit["window"] = row["first"], _window(row)
            continue
        figures[row["province_id"]].add(stage=row["stage"], reached=row["reached"], first=row["first"],
                                        units=row["units"], window=_window(row))
    for province_id, unit in collapsed.items():
        figures[province_id].add(**unit, units=1)
    for province_id, count in mpp_counts.items():
        figures[province_id].mpp_count = count
    return figures


def progress_figures(*, target: Target, include_demo: bool = True) -> dict[int, Figures]:
    """A target's figures per province id, computed now; ``include_demo=False`` counts recorded MPPs and
    commitments only (the open data). The recompute uses the same rules through ``_snapshots_write``."""
    rows = _region_rows(include_demo=include_demo)
    return _province_figures(target, _unit_rows(rows, target.metric), _mpp_counts(rows, target.metric))


def monthly_series(figures: Figures, *, as_of: datetime.date) -> list[list]:
    """[["2017-03", 1], ...]: units reached by the end of each month, as the snapshots store them (dated units
    only; a window's end stands in for an unknown day)."""
    return _monthly_series(figures.reached_on, as_of)


def _region_lists(run: RecomputeRun, recorded_rows: list[tuple], demo_rows: list[tuple]) -> list[ProvinceRegionList]:
    """Each region's recorded stage and MPP count, then its stage with demo records and its demo MPP count. Both
    row lists hold every region in code order."""
    lists: dict[int, list[list]] = defaultdict(list)
    for r, d in zip(recorded_rows, demo_rows, strict=True):
        lists[r[PROVINCE]].append([*r[CODE:MPP_COUNT + 1], d[STAGE], d[MPP_COUNT] - r[MPP_COUNT]])
    return [ProvinceRegionList(run=run, province_id=province_id, regions=regions)
            for province_id, regions in lists.items()]


def _month(day: datetime.date) -> tuple[int, int]:
    return day.year, day.month


def _monthly_series(reached_on: Counter, as_of: datetime.date) -> list[list]:
    """Cumulative units by month from the dated ones only: an undated unit counts in today's total and is listed
    apart, never plotted in the month the snapshot happens to be computed."""
    dated = {day: reached for day, reached in reached_on.items() if day is not None and reached}
    if not dated:
        return []
    by_month = Counter()
    for day, reached in dated.items():
        by_month[_month(day)] += reached
    year, month = min(by_month)
    last = max(_month(as_of), max(by_month))
    series, total = [], 0
    while (year, month) <= last:
        total += by_month[(year, month)]
        series.append([f"{year:04d}-{month:02d}", total])
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return series


def _year_before(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _projection(figures: Figures, added: int, as_of: datetime.date) -> datetime.date | None:
    remaining = figures.denominator - figures.numerator
    if remaining <= 0 or added == 0:
        return None
    months = math.ceil(remaining * 12 / added)
    index = as_of.year * 12 + as_of.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _snapshot(*, run, target, province_id, figures: Figures, with_demo: Figures, now, as_of) -> ProgressSnapshot:
    """The recorded ``figures``, with the demo share (``with_demo`` minus recorded) kept apart."""
    year_ago = _year_before(as_of)
    added = sum(units for day, units in figures.reached_on.items() if day is not None and year_ago < day <= as_of)
    demo = with_demo.numerator - figures.numerator
    return ProgressSnapshot(
        run=run, target=target, province_id=province_id, computed_at=now, as_of=as_of,
        scope=ProgressSnapshot.Scope.PROVINCE if province_id else ProgressSnapshot.Scope.NATIONAL,
        numerator=figures.numerator, denominator=figures.denominator,
        stage_none=figures.stages[Stage.NONE], stage_committed=figures.stages[Stage.COMMITTED],
        stage_preparing=figures.stages[Stage.PREPARING], stage_operating=figures.stages[Stage.OPERATING],
        mpp_count=figures.mpp_count, added_last_12_months=added,
        projected_completion=_projection(figures, added, as_of),
        series=_monthly_series(figures.reached_on, as_of),
        numerator_at_deadline=figures.reached_by(target.deadline),
        undated_count=figures.undated,
        windows=[[after.isoformat() if after else None, by.isoformat(), units]
                 for (after, by), units in sorted(figures.windows.items(), key=lambda item: item[0][1])],
        demo_numerator=demo,
        demo_numerator_at_deadline=with_demo.reached_by(target.deadline) - figures.reached_by(target.deadline),
        demo_mpp_count=with_demo.mpp_count - figures.mpp_count,
        demo_series=_monthly_series(with_demo.reached_on, as_of) if demo else [],
        demo_stages={stage.value: with_demo.stages[stage] for stage in Stage} if demo else {},
    )


def _snapshots_write(*, run: RecomputeRun, now: datetime.datetime) -> int:
    as_of = timezone.localdate(now)
    snapshots = []
    rows = {include_demo: _region_rows(include_demo=include_demo) for include_demo in (False, True)}
    by_metric: dict[tuple[str, bool], tuple[list[dict], dict[int, int]]] = {}
    for target in Target.objects.filter(is_active=True):
        for include_demo in (False, True):
            if (target.metric, include_demo) not in by_metric:
                by_metric[(target.metric, include_demo)] = (_unit_rows(rows[include_demo], target.metric),
                                                            _mpp_counts(rows[include_demo], target.metric))
        recorded = _province_figures(target, *by_metric[(target.metric, False)])
        with_demo = _province_figures(target, *by_metric[(target.metric, True)])
        national, national_with_demo = Figures(), Figures()
        for province_id in sorted(set(recorded) | set(with_demo)):
            national.merge(recorded[province_id])
            national_with_demo.merge(with_demo[province_id])
            snapshots.append(_snapshot(run=run, target=target, province_id=province_id, figures=recorded[province_id],
                                       with_demo=with_demo[province_id], now=now, as_of=as_of))
        snapshots.append(_snapshot(run=run, target=target, province_id=None, figures=national,
                                   with_demo=national_with_demo, now=now, as_of=as_of))
    ProgressSnapshot.objects.bulk_create(snapshots)
    # Dashboards read only the latest run; national snapshots stay as the history, the detail of older runs goes.
    ProgressSnapshot.objects.filter(scope=ProgressSnapshot.Scope.PROVINCE).exclude(run=run).delete()
    ProvinceRegionList.objects.exclude(run=run).delete()
    # One row per INSERT: the lists are large, and building a multi-row INSERT of them grows worse than linearly.
    ProvinceRegionList.objects.bulk_create(_region_lists(run, rows[False], rows[True]), batch_size=1)
    return len(snapshots)


# --- The weekly digest ----------------------------------------------------------------------------------

DIGEST_ROLES = (Role.STAFF, Role.ADMIN)


def digest_subscription_set(*, user, subscribed: bool, language: str = "id") -> DigestSubscription | None:
    """Opt ``user`` in to (or out of) the weekly digest, in ``language``. Ministry staff and admins only."""
    if role_of(user) not in DIGEST_ROLES:
        raise PermissionDenied(_("Ringkasan mingguan hanya untuk staf Kementerian dan admin."))
    if not subscribed:
        DigestSubscription.objects.filter(user=user).delete()
        return None
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": [_("Bahasa tidak dikenal.")]})
    subscription, _created = DigestSubscription.objects.update_or_create(user=user, defaults={"language": language})
    return subscription


@dataclass
class DigestReport:
    sent: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"sent": self.sent}


def _digest_message(digest, subscription: DigestSubscription, pdfs: dict[str, bytes]) -> EmailMultiAlternatives:
    with translation.override(subscription.language):
        if subscription.language not in pdfs and digest.dashboard is not None:
            pdfs[subscription.language] = dashboard_pdf(digest.dashboard, generated_at=digest.end)
        context = {"digest": digest, "user": subscription.user}
        period = (f"{formats.date_format(timezone.localtime(digest.start), 'j M')} – "
                  f"{formats.date_format(timezone.localtime(digest.end), 'j M Y')}")
        message = EmailMultiAlternatives(
            subject=_("[Portal MPP] Ringkasan mingguan %(period)s") % {"period": period},
            body=render_to_string("dashboards/email/digest.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL, to=[subscription.user.email],
        )
        message.attach_alternative(render_to_string("dashboards/email/digest.html", context), "text/html")
        if subscription.language in pdfs:
            name = f"dasbor-nasional-{timezone.localdate(digest.end):%Y%m%d}.pdf"
            message.attach(name, pdfs[subscription.language], "application/pdf")
    return message


def weekly_digest_send(*, now: datetime.datetime | None = None) -> DigestReport:
    """Email every subscriber what changed in the past week, with the national dashboard as a PDF attached
    (rendered once per language). Celery beat runs it on Monday mornings."""
    now = now or timezone.now()
    digest = dashboard_selectors.weekly_digest(end=now)
    report, pdfs, messages = DigestReport(), {}, []
    subscriptions = list(dashboard_selectors.digest_subscriptions())
    for subscription in subscriptions:
        messages.append(_digest_message(digest, subscription, pdfs))
        report.sent.append(subscription.user.username)
    if messages:
        get_connection().send_messages(messages)
        DigestSubscription.objects.filter(pk__in=[s.pk for s in subscriptions]).update(last_sent_at=now)
    logger.info("weekly digest: %s emailed", len(report.sent))
    return report
