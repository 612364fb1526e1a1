"""The two-level approval of officers' reports (as DHIS2's approval hierarchy): which level acts on a report
now, and whether a user may act there. The one home of that decision, used by the services
(``regions.reports``: verify/return, bulk job), the pages, the API and the admin.

A report from a province with at least one active provincial coordinator first waits for the province's
check (state "reported" = "Menunggu pemeriksaan provinsi"); once checked ("Diperiksa provinsi") it waits
for the ministry's verification. A report from a province without a coordinator goes straight to the
ministry. Either level may return it to the officer with a reason. Admins act at whichever level the
report is at (their action is recorded as that level's).
"""
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from mpp_portal.access import Role, coordinator_province_ids, role_of, users_with_role

from .models import MppReport, Province

State = MppReport.State
Level = MppReport.Level
WAITING = (State.REPORTED, State.CHECKED)


def checking_province_ids() -> frozenset[int]:
    """Provinces whose reports the province checks first: those with at least one active coordinator."""
    return frozenset(
        Province.objects.filter(coordinators__in=users_with_role(Role.COORDINATOR)).values_list("pk", flat=True)
    )


def level_now(report: MppReport, *, checking: frozenset[int] | None = None) -> str | None:
    """The level that acts on ``report`` now, or None when it is decided (verified or returned)."""
    if report.state == State.CHECKED:
        return Level.MINISTRY
    if report.state != State.REPORTED:
        return None
    checking = checking_province_ids() if checking is None else checking
    return Level.PROVINCE if report.mpp.region.province_id in checking else Level.MINISTRY


def at_level_q(level: str, *, checking: frozenset[int] | None = None) -> Q:
    """``level_now`` as a filter on ``MppReport``."""
    checking = checking_province_ids() if checking is None else checking
    in_checking = Q(mpp__region__province_id__in=checking)
    if level == Level.PROVINCE:
        return Q(state=State.REPORTED) & in_checking
    return Q(state=State.CHECKED) | (Q(state=State.REPORTED) & ~in_checking)


def reviews_reports(user) -> bool:
    """Whether ``user`` has a part in the approval at all: verifiers and admins (ministry), coordinators
    (their provinces). The queue, the bulk job and the decision routes are theirs."""
    return role_of(user) in (Role.VERIFIER, Role.ADMIN, Role.COORDINATOR)


def _may_act_at(user, report: MppReport, level: str) -> bool:
    role = role_of(user)
    if role == Role.ADMIN:
        return True
    if level == Level.PROVINCE:
        return role == Role.COORDINATOR and report.mpp.region.province_id in coordinator_province_ids(user)
    return role == Role.VERIFIER


def act_refusal(user, report: MppReport, *, checking: frozenset[int] | None = None) -> str | None:
    """Why ``user`` may not act on ``report`` now (None: they may). A decided report is not refused here
    (the service says it is already decided)."""
    if not reviews_reports(user):
        return _("Hanya verifikator kementerian atau koordinator provinsi yang dapat memeriksa laporan.")
    if role_of(user) == Role.COORDINATOR and report.mpp.region.province_id not in coordinator_province_ids(user):
        return _("Laporan ini bukan dari provinsi Anda.")
    if report.created_by_id is not None and report.created_by_id == user.pk:
        return _("Laporan Anda sendiri diverifikasi orang lain.")
    level = level_now(report, checking=checking)
    if level is None or _may_act_at(user, report, level):
        return None
    if level == Level.PROVINCE:
        return _("Laporan ini menunggu pemeriksaan provinsi; kementerian memverifikasinya sesudah itu.")
    return _("Laporan ini sudah diperiksa provinsi dan menunggu verifikasi kementerian.")


def may_act(user, report: MppReport, *, checking: frozenset[int] | None = None) -> bool:
    """Whether ``user`` may verify/check or return ``report`` now."""
    return level_now(report, checking=checking) is not None and act_refusal(user, report, checking=checking) is None


def actionable(user, queryset: QuerySet) -> QuerySet:
    """The reports of ``queryset`` that ``user`` may act on now: the user's queue."""
    role = role_of(user)
    checking = checking_province_ids()
    if role == Role.ADMIN:
        queryset = queryset.filter(state__in=WAITING)
    elif role == Role.VERIFIER:
        queryset = queryset.filter(at_level_q(Level.MINISTRY, checking=checking))
    elif role == Role.COORDINATOR:
        queryset = queryset.filter(at_level_q(Level.PROVINCE, checking=checking),
                                   mpp__region__province_id__in=coordinator_province_ids(user))
    else:
        return queryset.none()
    return queryset.exclude(created_by_id=user.pk)


def state_label(report: MppReport, *, checking: frozenset[int] | None = None) -> str:
    """The state as people read it: a report waiting for its province says so."""
    if level_now(report, checking=checking) == Level.PROVINCE:
        return _("Menunggu pemeriksaan provinsi")
    if report.state == State.RETURNED and report.returned_at_level == Level.PROVINCE:
        return _("Dikembalikan provinsi")
    return report.get_state_display()
