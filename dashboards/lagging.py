"""Reads for "Tertinggal": the target units without an operating MPP, the most stuck first.

For each region: its stage, since when it has been in that stage (from the status history: the latest move
of its MPPs into their current status, or the signing of its commitment), its last update, its latest
signed commitment (when, target year) and its latest fiscal capacity class. Page, API and export read
``lagging_list`` with the same ``LaggingFilterForm`` values. Live data, not a snapshot: a region's time in
its stage changes daily. A few queries whatever the number of regions; the rows are ordered in Python.
"""
import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.utils import timezone

from commitments.models import Commitment
from mpp_portal.access import scope
from mpp_portal.models import ChangeRecord
from quality.models import FiscalCapacity
from regions import stages
from regions.models import Mpp, Region, StatusUpdate
from regions.selectors import with_stage
from taskforce.selectors import lagging_region_ids

from .models import Target

Stage = Region.Stage
# The MPP statuses that put a region in each stage (regions.selectors.with_stage).
STAGE_STATUS = {Stage.PREPARING: Mpp.Status.PREPARING, Stage.COMMITTED: Mpp.Status.COMMITTED}


@dataclass
class LaggingRegion:
    region: Region
    stage: str
    since: datetime.datetime | None  # None: never started (stage "none") or no history of the move
    last_update: datetime.datetime | None
    signed_on: datetime.date | None
    target_year: int | None
    fiscal_class: str | None
    fiscal_year: int | None
    mpp_count: int
    demo_mpp_count: int
    days_in_stage: int | None = None

    @property
    def stage_label(self) -> str:
        return stages.label(self.stage)

    @property
    def fiscal_label(self) -> str:
        return FiscalCapacity.FiscalClass(self.fiscal_class).label if self.fiscal_class else ""

    @property
    def has_demo(self) -> bool:
        return self.demo_mpp_count > 0

    @property
    def months_in_stage(self) -> int | None:
        return None if self.days_in_stage is None else self.days_in_stage * 12 // 365


def _start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _dki_reached() -> bool:
    return Mpp.objects.filter(region__is_dki_administrative=True, status=Mpp.Status.OPERATING, is_demo=False).exists()


def _regions(*, user, basis: str, province: str | None, stage: str | None) -> list[Region]:
    # Recorded data decides who lags: a demo MPP never takes a region off the list (its count is shown apart).
    queryset = with_stage(scope(user, Region.objects.select_related("province")), include_demo=False).exclude(
        stage=Stage.OPERATING)
    if basis == Target.Basis.KEMENPANRB and _dki_reached():
        # On KemenPANRB's basis DKI Jakarta is one unit, reached when any of its six units is.
        queryset = queryset.filter(is_dki_administrative=False)
    if province:
        queryset = queryset.filter(province__code=province)
    if stage:
        queryset = queryset.filter(stage=stage)
    return list(queryset.order_by("code"))


def _mpp_facts(region_ids: list[int]) -> tuple[dict, dict, dict, dict]:
    """Per region: since when its MPPs have been in each status, last update, MPP count, demo MPP count."""
    mpps = list(Mpp.objects.filter(region_id__in=region_ids).values("pk", "region_id", "status", "updated_at",
                                                                      "is_demo"))
    moved = {
        (row["mpp_id"], row["to_status"]): row["at"]
        for row in StatusUpdate.objects.filter(mpp__region_id__in=region_ids).values("mpp_id", "to_status")
        .annotate(at=Max("at")).order_by()
    }
    created = {
        int(object_id): at for object_id, at in ChangeRecord.objects.filter(
            content_type=ContentType.objects.get_for_model(Mpp), action=ChangeRecord.Action.CREATE,
            region_id__in=region_ids,
        ).values_list("object_id", "at")
    }
    since: dict[tuple[int, str], datetime.datetime] = {}
    last_update: dict[int, datetime.datetime] = {}
    counts: dict[int, int] = {}
    demo: dict[int, int] = {}
    for mpp in mpps:
        region_id = mpp["region_id"]
        counts[region_id] = counts.get(region_id, 0) + 1
        demo[region_id] = demo.get(region_id, 0) + (1 if mpp["is_demo"] else 0)
        if last_update.get(region_id) is None or mpp["updated_at"] > last_update[region_id]:
            last_update[region_id] = mpp["updated_at"]
        entered = moved.get((mpp["pk"], mpp["status"])) or created.get(mpp["pk"])
        key = (region_id, mpp["status"])
        if entered is not None and (key not in since or entered < since[key]):
            since[key] = entered
    return since, last_update, counts, demo


def _commitments(region_ids: list[int]) -> dict[int, tuple[datetime.date | None, int | None]]:
    """Each region's earliest signed commitment date and its latest target year."""
    rows = (Commitment.objects.filter(region_id__in=region_ids, outcome=Commitment.Outcome.SIGNED)
            .values_list("region_id", "event__date", "event__year", "target_year").order_by("event__date", "pk"))
    found: dict[int, tuple[datetime.date | None, int | None]] = {}
    for region_id, date, year, target_year in rows:
        signed = date or (datetime.date(year, 1, 1) if year else None)
        first, latest_target = found.get(region_id, (None, None))
        found[region_id] = (first or signed, target_year or latest_target)
    return found


def _fiscal(region_ids: list[int]) -> dict[int, tuple[str, int]]:
    latest: dict[int, tuple[str, int]] = {}
    for region_id, fiscal_class, year in (FiscalCapacity.objects.filter(region_id__in=region_ids)
                                          .values_list("region_id", "fiscal_class", "year").order_by("year")):
        latest[region_id] = (fiscal_class, year)
    return latest


def sort_key(row: LaggingRegion):
    """Most stuck first: regions that never started (or whose start is unknown), least advanced first; then
    the longest in their stage."""
    if row.since is None:
        return (0, stages.rank(row.stage), 0, row.region.code)
    return (1, 0, row.since, row.region.code)


def lagging_list(*, user, basis: str = Target.Basis.KEMENPANRB, province: str | None = None,
                 stage: str | None = None, min_days: int | None = None, fiscal_class: str | None = None,
                 assistance: str | None = None, assistance_months: int | None = None,
                 now: datetime.datetime | None = None) -> list[LaggingRegion]:
    """``assistance``: "tanpa" (never assisted by the task force) or "tetap" (assisted in the last
    ``assistance_months`` months and still in the stage it was in at the first of those assistances)."""
    now = now or timezone.now()
    regions = _regions(user=user, basis=basis, province=province, stage=stage)
    ids = [region.pk for region in regions]
    since, last_update, counts, demo = _mpp_facts(ids)
    commitments = _commitments(ids)
    fiscal = _fiscal(ids)
    rows = []
    for region in regions:
        signed_on, target_year = commitments.get(region.pk, (None, None))
        region_class, fiscal_year = fiscal.get(region.pk, (None, None))
        entered = since.get((region.pk, STAGE_STATUS[region.stage])) if region.stage in STAGE_STATUS else None
        if region.stage == Stage.COMMITTED and signed_on is not None:
            signed_at = _start_of_day(signed_on)
            entered = signed_at if entered is None else min(entered, signed_at)
        row = LaggingRegion(
            region=region, stage=region.stage, since=entered, last_update=last_update.get(region.pk),
            signed_on=signed_on, target_year=target_year, fiscal_class=region_class, fiscal_year=fiscal_year,
            mpp_count=counts.get(region.pk, 0), demo_mpp_count=demo.get(region.pk, 0),
            days_in_stage=(now - entered).days if entered is not None else None,
        )
        if fiscal_class_matches(row, fiscal_class) and days_match(row, min_days):
            rows.append(row)
    if assistance:
        kept = lagging_region_ids(assistance=assistance, stages={row.region.pk: row.stage for row in rows},
                                  months=assistance_months, today=timezone.localdate(now))
        rows = [row for row in rows if row.region.pk in kept]
    return sorted(rows, key=sort_key)


def fiscal_class_matches(row: LaggingRegion, wanted: str | None) -> bool:
    if not wanted:
        return True
    if wanted == "none":
        return row.fiscal_class is None
    return row.fiscal_class == wanted


def days_match(row: LaggingRegion, min_days: int | None) -> bool:
    """A region whose start is unknown has been in its stage at least as long as any other."""
    return not min_days or row.days_in_stage is None or row.days_in_stage >= min_days
