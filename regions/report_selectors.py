"""Reads of officers' reports; every queryset a user sees passes through ``mpp_portal.access.scope``."""
import datetime

from django.db.models import BooleanField, Count, DateField, Q, QuerySet
from django.template.defaultfilters import yesno
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mpp_portal.access import scope

from . import report_rules
from .models import Mpp, MppReport, MppReportBatch
from .reports import OVERDUE_AFTER_DAYS

State = MppReport.State
WAITING = report_rules.WAITING


def overdue_before() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=OVERDUE_AFTER_DAYS)


def report_list(*, user, filters: dict | None = None) -> QuerySet:
    """Reports the user may see (officers: their regions'), oldest waiting first."""
    from .report_filters import ReportFilterSet

    queryset = scope(user, MppReport.objects.select_related(
        "mpp__region__province", "created_by", "decided_by"
    )).order_by("created_at", "pk")
    if filters is None:
        return queryset
    return ReportFilterSet(filters, queryset=queryset).qs


def report_queue(*, user, filters: dict | None = None) -> QuerySet:
    """The reviewer's queue: the reports ``user`` may act on now (``report_rules.actionable``): a verifier's
    are those at the ministry level, a coordinator's those of their provinces waiting for the province's
    check, an admin's every waiting report."""
    return report_rules.actionable(user, report_list(user=user, filters=filters))


def province_check_count(*, province_code: str | None = None, province_ids=None) -> int:
    """Reports waiting for a province's check (not yet in the ministry's queue), in one province, in
    ``province_ids``, or in all."""
    queryset = MppReport.objects.filter(report_rules.at_level_q(MppReport.Level.PROVINCE))
    if province_code:
        queryset = queryset.filter(mpp__region__province__code=province_code)
    if province_ids is not None:
        queryset = queryset.filter(mpp__region__province_id__in=province_ids)
    return queryset.count()


def report_get(*, user, pk: int) -> MppReport | None:
    return report_list(user=user).filter(pk=pk).first()


def is_overdue(report: MppReport) -> bool:
    return report.state in WAITING and report.created_at < overdue_before()


def report_rows(report: MppReport) -> list[tuple[str, object, object]]:
    """Before/after of every field the report changes, labelled as the MPP form labels them."""
    from .tenants import tenants_summary

    rows = []
    for name, (before, after) in report.changes.items():
        if name == "tenants":
            rows.append((_("daftar instansi"), tenants_summary(before), tenants_summary(after)))
            continue
        field = Mpp._meta.get_field(name)
        if field.choices:
            labels = dict(field.choices)
            before, after = labels.get(before, before), labels.get(after, after)
        elif isinstance(field, DateField):
            before, after = (date_format(field.to_python(v), "j F Y") if v else v for v in (before, after))
        elif isinstance(field, BooleanField):
            before, after = (yesno(v, _("ya,tidak")) for v in (before, after))
        rows.append((str(field.verbose_name), before, after))
    return rows


def pending_counts(*, province_code: str | None = None, recorded_only: bool = False) -> dict[str, int]:
    """Reports waiting for verification: all of them, and those that would make an MPP operating (what
    the headline figure would gain). No personal data; ``recorded_only`` leaves out reports on demo MPPs
    (the public summary never shows demo data)."""
    queryset = MppReport.objects.filter(state__in=WAITING)
    if recorded_only:
        queryset = queryset.filter(mpp__is_demo=False)
    if province_code:
        queryset = queryset.filter(mpp__region__province__code=province_code)
    return queryset.aggregate(
        total=Count("pk"),
        operating=Count("pk", filter=Q(kind=MppReport.Kind.STATUS, changes__status__1=Mpp.Status.OPERATING)),
    )


def officer_report_states(*, mpps) -> dict[int, dict[str, list[MppReport]]]:
    """For each MPP, its reports waiting for verification and the returned ones the officer has not yet
    answered with a newer report."""
    found: dict[int, dict[str, list[MppReport]]] = {}
    answered: set[int] = set()
    reports = (MppReport.objects.filter(mpp__in=mpps).select_related("decided_by", "mpp__region")
               .order_by("-created_at", "-pk"))
    checking = report_rules.checking_province_ids()
    for report in reports:
        report.level = report_rules.level_now(report, checking=checking)
        states = found.setdefault(report.mpp_id, {"waiting": [], "returned": []})
        if report.state in WAITING:
            states["waiting"].append(report)
        elif report.state == State.RETURNED and report.mpp_id not in answered:
            states["returned"].append(report)
        answered.add(report.mpp_id)
    return found


def batch_get(*, user, pk: int) -> MppReportBatch | None:
    return MppReportBatch.objects.filter(pk=pk, created_by=user).first() if user.is_authenticated else None


def overdue_counts() -> int:
    return MppReport.objects.filter(state__in=WAITING, created_at__lt=overdue_before()).count()


def officer_home_regions(*, user) -> list:
    """The officer's regions as ``regions.selectors.officer_regions`` gives them, each MPP also carrying
    ``waiting`` (its reports waiting for verification) and ``returned`` (returned, not yet answered)."""
    from .selectors import officer_regions

    regions = officer_regions(user=user)
    mpps = [mpp for region in regions for mpp in region.mpps.all()]
    states = officer_report_states(mpps=mpps)
    for mpp in mpps:
        found = states.get(mpp.pk, {"waiting": [], "returned": []})
        mpp.waiting, mpp.returned = found["waiting"], found["returned"]
    return regions


def week_counts(*, start, end) -> dict[str, int]:
    """For the weekly digest: reports received and returned in [start, end), reports verified in it, and
    those still waiting at its end (oldest first is the verifiers' queue; here only the numbers)."""
    return {
        "received": MppReport.objects.filter(created_at__gte=start, created_at__lt=end).count(),
        "verified": MppReport.objects.filter(state=State.VERIFIED, decided_at__gte=start, decided_at__lt=end).count(),
        "returned": MppReport.objects.filter(state=State.RETURNED, decided_at__gte=start, decided_at__lt=end).count(),
        "waiting": MppReport.objects.filter(state__in=WAITING, created_at__lt=end).count(),
    }
