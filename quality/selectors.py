"""Reads for the quality pages, the API and the national dashboard. Each figure takes a constant number
of SQL queries, whatever the number of regions or MPPs."""
import datetime
import json
from collections import defaultdict
from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet, Subquery

from mpp_portal.access import Role, scope, users_with_role
from mpp_portal.models import ChangeRecord
from regions import units
from regions.models import Mpp, Region
from regions.selectors import stale_cutoff

from .models import DigitalPilot, Evaluation, EvaluationCategory, FiscalCapacity, ReadinessCheck, ReadinessCriterion


@cache
def recorded_facts() -> dict:
    """The published figures shipped with the project (regions/data/quality.json), with their sources."""
    path = apps.get_app_config("regions").path + "/data/quality.json"
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


# --- Evaluations -----------------------------------------------------------------------------------

def evaluation_list(*, user, filters: dict | None = None) -> QuerySet:
    from .filters import EvaluationFilterSet

    queryset = scope(user, Evaluation.objects.select_related("region__province", "mpp", "category"))
    return EvaluationFilterSet(filters, queryset=queryset).qs if filters is not None else queryset


def evaluation_years() -> list[int]:
    return list(Evaluation.objects.order_by("-year").values_list("year", flat=True).distinct())


def quality_distribution(year: int | None = None) -> dict:
    """Evaluated MPPs per category and year, best category first; with the totals the sources reported."""
    categories = list(EvaluationCategory.objects.all())
    queryset = Evaluation.objects.all() if year is None else Evaluation.objects.filter(year=year)
    counts = defaultdict(dict)
    for row in queryset.values("year", "category_id").annotate(n=Count("pk")):
        counts[row["year"]][row["category_id"]] = row["n"]
    rows = [
        {"year": y, "cells": [{"category": c, "count": counts[y].get(c.pk, 0)} for c in categories],
         "total": sum(counts[y].values())}
        for y in sorted(counts, reverse=True)
    ]
    reported = [
        {**{key: entry[key] for key in ("year", "category", "count", "total_evaluated", "decree", "source", "note")},
         "names_published": bool(entry["regions"])}
        for entry in recorded_facts()["evaluations"] if year is None or entry["year"] == year
    ]
    return {"categories": categories, "rows": rows, "reported": reported}


def prima_list(year: int | None) -> list[Evaluation]:
    """The MPPs (or regions) in the top category in ``year``; the latest evaluated year when None."""
    top = EvaluationCategory.objects.order_by("rank").values("pk")[:1]
    queryset = Evaluation.objects.filter(category=Subquery(top))
    if year is None:
        queryset = queryset.filter(year=Subquery(
            Evaluation.objects.filter(category=Subquery(top)).order_by("-year").values("year")[:1]))
    else:
        queryset = queryset.filter(year=year)
    return list(queryset.select_related("region__province", "mpp", "category").order_by("region__code"))


# --- MPP Digital and OSS ---------------------------------------------------------------------------

# Figures count recorded MPPs; demo MPPs ("contoh") are counted apart and shown beside them, never inside.
RECORDED = Q(is_demo=False)


def digital_summary() -> dict:
    """MPP Digital live against its target: every operating MPP. Two queries, plus the shipped facts."""
    counts = Mpp.objects.aggregate(
        live=Count("pk", filter=RECORDED & Q(digital_status=Mpp.DigitalStatus.LIVE)),
        onboarding=Count("pk", filter=RECORDED & Q(digital_status=Mpp.DigitalStatus.ONBOARDING)),
        operating=Count("pk", filter=RECORDED & Q(status=Mpp.Status.OPERATING)),
        demo_live=Count("pk", filter=~RECORDED & Q(digital_status=Mpp.DigitalStatus.LIVE)),
        demo_operating=Count("pk", filter=~RECORDED & Q(status=Mpp.Status.OPERATING)),
    )
    pilots = recorded_facts()["digital_pilots"]
    pilot_date = datetime.date.fromisoformat(pilots["date"])
    target = counts["operating"]
    return {
        "live": counts["live"],
        "onboarding": counts["onboarding"],
        "target": target,
        "demo_live": counts["demo_live"],
        "demo_operating": counts["demo_operating"],
        "percent": round(100 * counts["live"] / target, 1) if target else None,
        "pilot_count": DigitalPilot.objects.filter(launched_on=pilot_date).count(),
        "pilot_date": pilot_date,
        "reported_available_2024": pilots["available_2024"],
        "source": pilots["source"],
    }


def digital_pilot_list() -> QuerySet:
    return DigitalPilot.objects.select_related("region__province").order_by("launched_on", "written_as")


def readiness_by_criterion() -> dict:
    """For each readiness criterion: how many MPPs meet it, and how many of those an admin verified."""
    met = Q(checks__met=True)
    criteria = list(ReadinessCriterion.objects.annotate(
        checked=Count("checks"),
        met=Count("checks", filter=met),
        verified=Count("checks", filter=met & Q(checks__verified_at__isnull=False)),
    ).order_by("position"))
    assessed = ReadinessCheck.objects.aggregate(n=Count("mpp", distinct=True))["n"]
    return {"criteria": criteria, "assessed_mpps": assessed}


def oss_integration_count() -> dict:
    counts = Mpp.objects.aggregate(
        integrated=Count("pk", filter=RECORDED & Q(oss_integrated=True)),
        integrated_operating=Count("pk", filter=RECORDED & Q(oss_integrated=True, status=Mpp.Status.OPERATING)),
        operating=Count("pk", filter=RECORDED & Q(status=Mpp.Status.OPERATING)),
        demo_operating=Count("pk", filter=~RECORDED & Q(status=Mpp.Status.OPERATING)),
    )
    operating = counts["operating"]
    counts["percent"] = round(100 * counts["integrated_operating"] / operating, 1) if operating else None
    return counts


def mpp_quality_list(*, user, filters: dict | None = None) -> QuerySet:
    """MPPs with their MPP Digital, OSS and checklist figures (for the list page and the API)."""
    from .filters import MppQualityFilterSet

    queryset = scope(user, Mpp.objects.select_related("region__province")).annotate(
        criteria_met=Count("readiness_checks", filter=Q(readiness_checks__met=True)),
        criteria_verified=Count("readiness_checks", filter=Q(
            readiness_checks__met=True, readiness_checks__verified_at__isnull=False)),
    ).order_by("region__code", "name")
    if filters is None:
        return queryset
    filterset = MppQualityFilterSet(filters, queryset=queryset, request_user=user)
    return filterset.qs


def readiness_checklist(*, mpp: Mpp) -> list[dict]:
    """Every criterion with this MPP's answer (None where not filled in yet). Two queries."""
    checks = {c.criterion_id: c for c in ReadinessCheck.objects.filter(mpp=mpp).select_related(
        "checked_by", "verified_by")}
    return [{"criterion": c, "check": checks.get(c.pk)} for c in ReadinessCriterion.objects.order_by("position")]


def mpp_quality_history(*, mpp: Mpp, limit: int = 30) -> list:
    """The MPP's own changes and those of its checklist answers, newest first."""
    content_types = ContentType.objects.get_for_models(Mpp, ReadinessCheck)
    check_ids = [str(pk) for pk in ReadinessCheck.objects.filter(mpp=mpp).values_list("pk", flat=True)]
    return list(ChangeRecord.objects.filter(
        Q(content_type=content_types[Mpp], object_id=str(mpp.pk))
        | Q(content_type=content_types[ReadinessCheck], object_id__in=check_ids)
    ).select_related("user")[:limit])


def readiness_check_list(*, user, filters: dict | None = None) -> QuerySet:
    from .filters import ReadinessCheckFilterSet

    queryset = scope(user, ReadinessCheck.objects.select_related(
        "mpp__region", "criterion", "checked_by", "verified_by"))
    return ReadinessCheckFilterSet(filters, queryset=queryset).qs if filters is not None else queryset


# --- Fiscal capacity -------------------------------------------------------------------------------

def fiscal_capacity_list(*, user, filters: dict | None = None) -> QuerySet:
    from .filters import FiscalCapacityFilterSet

    queryset = scope(user, FiscalCapacity.objects.select_related("region__province"))
    return FiscalCapacityFilterSet(filters, queryset=queryset).qs if filters is not None else queryset


def _without_operating_mpp() -> QuerySet:
    """Target regions with no recorded operating MPP. DKI Jakarta's administrative units have no fiscal class of
    their own."""
    operating = Mpp.objects.filter(RECORDED, region=OuterRef("pk"), status=Mpp.Status.OPERATING)
    return units.autonomous_regions().exclude(Exists(operating))


def regions_without_operating_mpp_by_fiscal_class(year: int | None = None) -> dict:
    """How many regions still without an operating MPP fall in each fiscal capacity class (latest year by
    default), and which of them have a low or very low capacity: where budget support is needed most."""
    if year is None:
        year = FiscalCapacity.objects.aggregate(y=Max("year"))["y"]
    fiscal = FiscalCapacity.objects.filter(region=OuterRef("pk"), year=year)
    regions = _without_operating_mpp().annotate(fiscal_class=Subquery(fiscal.values("fiscal_class")[:1]))
    counts = {row["fiscal_class"]: row["n"] for row in regions.values("fiscal_class").annotate(n=Count("pk"))}
    classes = [
        {"key": value, "label": label, "count": counts.get(value, 0),
         "low": value in FiscalCapacity.LOW_CLASSES}
        for value, label in FiscalCapacity.FiscalClass.choices
    ]
    low = list(regions.filter(fiscal_class__in=FiscalCapacity.LOW_CLASSES).select_related("province")
               .order_by("province__code", "code")) if year is not None else []
    regulations = list(FiscalCapacity.objects.filter(year=year).order_by("regulation")
                       .values_list("regulation", flat=True).distinct()) if year is not None else []
    return {
        "year": year,
        "regulations": regulations,
        "classes": classes,
        "without_data": counts.get(None, 0),
        "total": sum(counts.values()),
        "low": low,
    }


# --- Stale data ------------------------------------------------------------------------------------

def stale_mpps(*, now: datetime.datetime | None = None) -> QuerySet:
    return Mpp.objects.filter(updated_at__lt=stale_cutoff(now)).select_related("region__province").order_by(
        "region__code", "name")


def stale_regions(*, now: datetime.datetime | None = None) -> list[dict]:
    """Regions with at least one MPP not updated for ``STALE_AFTER_DAYS`` days, oldest first, with officers."""
    by_region: dict[int, dict] = {}
    for mpp in stale_mpps(now=now):
        entry = by_region.setdefault(mpp.region_id, {"region": mpp.region, "mpps": [], "officers": []})
        entry["mpps"].append(mpp)
    for officer_link in _officer_links(by_region):
        by_region[officer_link.region_id]["officers"].append(officer_link.user)
    return sorted(by_region.values(), key=lambda e: min(m.updated_at for m in e["mpps"]))


def _officer_links(region_ids) -> QuerySet:
    """Active officers of these regions (accounts still holding the officer role, not admins)."""
    links = Region.officers.through.objects.filter(region_id__in=list(region_ids))
    return links.filter(user__in=users_with_role(Role.OFFICER)).select_related("user").order_by("user__username")


def stale_mpps_by_officer(*, now: datetime.datetime | None = None) -> list[tuple]:
    """``[(officer, [stale MPPs of their regions])]``: who the weekly reminder goes to. Two queries."""
    mpps_by_region = defaultdict(list)
    for mpp in stale_mpps(now=now):
        mpps_by_region[mpp.region_id].append(mpp)
    by_officer: dict[int, tuple] = {}
    for link in _officer_links(mpps_by_region):
        _user, mpps = by_officer.setdefault(link.user_id, (link.user, []))
        mpps.extend(mpps_by_region[link.region_id])
    return list(by_officer.values())
