"""Writes of the operations app: submitting a monthly report (page, import, API), verifying or returning
it, resolving a flag, recomputing the figures, reminding officers. Every rule comes from ``rules``; the
verifier rule is ``regions.reports.verifier_require``, shared with the officers' MPP reports."""
import datetime
import logging
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Avg, Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from mpp_portal.access import can, can_verify, is_admin
from mpp_portal.audit import change_record_create, snapshot
from mpp_portal.models import ChangeRecord
from regions.models import Mpp
from regions.reports import verifier_require

from . import rules
from .models import OperationsFigure, OperationsFlag, OperationsReport, OperationsRun, VisitorRanking

logger = logging.getLogger(__name__)
State = OperationsReport.State
VALUE_FIELDS = (*rules.COUNT_FIELDS, "ikm")
# A broker that does not answer must not hold up the request for long.
BROKER_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
RANKED_MONTHS = 3  # the lists of fewest/most visitors cover the latest months


def _today() -> datetime.date:
    return timezone.localdate()


def _history(mpp: Mpp, month: datetime.date) -> dict[str, list[float]]:
    """The MPP's own values in the 12 months before ``month`` (returned reports do not count)."""
    rows = OperationsReport.objects.filter(
        mpp=mpp, month__gte=rules.month_add(month, -rules.OUTLIER_HISTORY_MONTHS), month__lt=month,
    ).exclude(state=State.RETURNED).values_list(*rules.OUTLIER_FIELDS)
    columns = list(zip(*rows)) or [() for _name in rules.OUTLIER_FIELDS]
    return {name: [float(v) for v in column] for name, column in zip(rules.OUTLIER_FIELDS, columns)}


def report_errors(*, mpp: Mpp, month: datetime.date, values: dict, today: datetime.date | None = None
                  ) -> dict[str, list[str]]:
    running = mpp.status in (Mpp.Status.OPERATING, Mpp.Status.SUSPENDED)
    return rules.value_errors(month=month, values=values, running=running, inaugurated_on=mpp.inaugurated_on,
                              today=today or _today())


def _flags_set(report: OperationsReport) -> None:
    report.flags.filter(resolved_at__isnull=True).delete()
    values = {name: getattr(report, name) for name in rules.COUNT_FIELDS}
    for flag in rules.implausible(values=values, history=_history(report.mpp, report.month)):
        OperationsFlag.objects.create(report=report, **flag)


@transaction.atomic
def operations_report_submit(*, user, mpp: Mpp, month: datetime.date, note: str = "", is_demo: bool = False,
                             now: datetime.datetime | None = None, **values) -> OperationsReport:
    """Submit (or correct) ``mpp``'s report of ``month``. An officer's waits for verification; an admin's is
    verified on entry. A verified report is locked; a returned one may be corrected and submitted again.

    Raises ``PermissionDenied`` outside the user's scope and ``ValidationError`` with every error at once.
    ``now`` (default: the clock) is when it is submitted: it decides timeliness and which months have ended.
    """
    now = now or timezone.now()
    if not can(user, mpp, action="change"):
        raise PermissionDenied(_("Anda tidak berwenang melaporkan operasional MPP ini."))
    month = rules.month_start(month)
    values = {name: values.get(name) for name in VALUE_FIELDS}
    errors = report_errors(mpp=mpp, month=month, values=values, today=timezone.localdate(now))
    existing = OperationsReport.objects.select_for_update().filter(mpp=mpp, month=month).first()
    if existing is not None and existing.state != State.RETURNED:
        errors.setdefault("month", []).append(
            _("Laporan %(mpp)s bulan %(month)s sudah ada (%(state)s).") % {
                "mpp": mpp, "month": month.strftime("%m/%Y"), "state": existing.get_state_display().lower()})
    if errors:
        raise ValidationError(errors)
    report = existing or OperationsReport(mpp=mpp, month=month, submitted_at=now,
                                          on_time=rules.is_on_time(month, timezone.localdate(now)))
    for name, value in values.items():
        setattr(report, name, Decimal(value) if name == "ikm" and value is not None else value)
    report.note = (note or "").strip()
    report.state = State.REPORTED
    report.is_demo = is_demo or mpp.is_demo
    report.created_by = user if user is not None and user.is_authenticated else None
    report.decided_by, report.decided_at, report.decision_note = None, None, ""
    report.save()
    _flags_set(report)
    change_record_create(instance=report, user=user, action=ChangeRecord.Action.REPORT,
                         changes={k: [None, v] for k, v in snapshot(report, list(VALUE_FIELDS)).items()},
                         note=report.note, region=mpp.region)
    if is_admin(user):
        _decide(report, user=user, state=State.VERIFIED, note=_("Dicatat admin: terverifikasi saat dicatat."))
    return report


def _decide(report: OperationsReport, *, user, state: str, note: str) -> None:
    report.state, report.decided_by, report.decided_at, report.decision_note = state, user, timezone.now(), note
    report.save(update_fields=["state", "decided_by", "decided_at", "decision_note", "updated_at"])
    action = ChangeRecord.Action.VERIFY if state == State.VERIFIED else ChangeRecord.Action.RETURN
    change_record_create(instance=report, user=user, action=action, note=note, region=report.mpp.region)
    if state == State.VERIFIED:
        _recompute_after_commit(trigger="verify")


def _locked(report: OperationsReport) -> OperationsReport:
    locked = OperationsReport.objects.select_for_update().select_related("mpp__region").get(pk=report.pk)
    if locked.state != State.REPORTED:
        raise ValidationError(_("Laporan ini sudah %(state)s.") % {"state": locked.get_state_display().lower()})
    return locked


@transaction.atomic
def operations_report_verify(*, user, report: OperationsReport, note: str = "") -> OperationsReport:
    """Verify a report: its values count in the recorded figures from the next recompute."""
    verifier_require(user, report)
    locked = _locked(report)
    _decide(locked, user=user, state=State.VERIFIED, note=(note or "").strip())
    return locked


@transaction.atomic
def operations_report_return(*, user, report: OperationsReport, reason: str) -> OperationsReport:
    """Return a report to its officer with a reason; they correct and submit it again."""
    verifier_require(user, report)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Alasan pengembalian wajib diisi.")]})
    locked = _locked(report)
    _decide(locked, user=user, state=State.RETURNED, note=reason)
    return locked


@transaction.atomic
def operations_flag_resolve(*, user, flag: OperationsFlag, note: str) -> OperationsFlag:
    """Close a flag after follow-up, with a note saying what was found."""
    if not can_verify(user) or not can(user, flag.report.mpp, action="view"):
        raise PermissionDenied(_("Hanya verifikator kementerian yang dapat menyelesaikan tanda tindak lanjut."))
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": [_("Catatan penyelesaian wajib diisi.")]})
    locked = OperationsFlag.objects.select_for_update().select_related("report__mpp__region").get(pk=flag.pk)
    if locked.resolved_at is not None:
        raise ValidationError(_("Tanda ini sudah diselesaikan."))
    locked.resolved_by, locked.resolved_at, locked.resolution_note = user, timezone.now(), note
    locked.save(update_fields=["resolved_by", "resolved_at", "resolution_note"])
    change_record_create(instance=locked.report, user=user, action=ChangeRecord.Action.UPDATE,
                         note=_("Tanda \"%(flag)s\" diselesaikan: %(note)s") % {
                             "flag": locked.get_kind_display(), "note": note},
                         region=locked.report.mpp.region)
    return locked


# --- Figures (the recompute job) ---------------------------------------------------------------------

def _operating_counts(month: datetime.date) -> dict:
    """Recorded MPPs operating in ``month`` per province: opened by the month's end, operating now."""
    end = rules.month_add(month, 1) - datetime.timedelta(days=1)
    rows = (Mpp.objects.filter(is_demo=False, status=Mpp.Status.OPERATING, inaugurated_on__lte=end)
            .values("region__province").annotate(n=Count("pk")))
    return {row["region__province"]: row["n"] for row in rows}


def _report_sums(first: datetime.date, last: datetime.date) -> dict:
    submitted = ~Q(state=State.RETURNED)
    verified = Q(state=State.VERIFIED)
    rows = (OperationsReport.objects
            .filter(is_demo=False, mpp__is_demo=False, month__gte=first, month__lte=last)
            .values("month", "mpp__region__province")
            .annotate(reported=Count("pk", filter=submitted),
                      on_time_n=Count("pk", filter=submitted & Q(on_time=True)),
                      verified_n=Count("pk", filter=verified),
                      visitors_sum=Sum("visitors", filter=verified),
                      transactions_sum=Sum("transactions", filter=verified),
                      received=Sum("complaints_received", filter=verified),
                      resolved=Sum("complaints_resolved", filter=verified),
                      ikm_sum=Sum("ikm", filter=verified),
                      ikm_n=Count("ikm", filter=verified)))
    return {(row["month"], row["mpp__region__province"]): row for row in rows}


def _figure(*, now, month, province_id, operating, rows) -> OperationsFigure:
    def total(key):
        return sum(row[key] or 0 for row in rows)

    ikm_n = total("ikm_n")
    return OperationsFigure(
        computed_at=now, month=month, province_id=province_id, operating=operating,
        reported=total("reported"), on_time=total("on_time_n"), verified=total("verified_n"),
        visitors=total("visitors_sum"), transactions=total("transactions_sum"),
        complaints_received=total("received"), complaints_resolved=total("resolved"),
        ikm_average=(Decimal(total("ikm_sum")) / ikm_n).quantize(Decimal("0.01")) if ikm_n else None,
    )


def _rankings(now, month: datetime.date) -> list[VisitorRanking]:
    base = OperationsReport.objects.filter(state=State.VERIFIED, is_demo=False, mpp__is_demo=False)
    averages = dict(base.filter(month__gte=rules.month_add(month, -12), month__lt=month)
                    .values("mpp").annotate(avg=Avg("visitors")).values_list("mpp", "avg"))
    made = []
    for mpp_id, province_id, visitors in base.filter(month=month).values_list(
            "mpp", "mpp__region__province", "visitors").iterator(chunk_size=5000):
        average = averages.get(mpp_id)
        made.append(VisitorRanking(computed_at=now, month=month, mpp_id=mpp_id, province_id=province_id,
                                   visitors=visitors, own_average=average,
                                   relative=visitors / average if average else None))
    return made


@transaction.atomic
def figures_recompute(*, trigger: str = "manual", months: int = 24, today: datetime.date | None = None
                      ) -> OperationsRun:
    """Rebuild the monthly figures of the last ``months`` complete months and the visitor rankings of the
    latest ones, in one transaction: readers see the old snapshot or the new one. Idempotent."""
    now = timezone.now()
    run = OperationsRun.objects.create(started_at=now, trigger=trigger)
    last = rules.month_add(rules.month_start(today or _today()), -1)
    first = rules.month_add(last, -(months - 1))
    sums = _report_sums(first, last)
    figures = []
    month = first
    while month <= last:
        operating = _operating_counts(month)
        by_province = {key[1]: row for key, row in sums.items() if key[0] == month}
        for province_id in sorted(set(operating) | set(by_province)):
            row = by_province.get(province_id)
            figures.append(_figure(now=now, month=month, province_id=province_id,
                                   operating=operating.get(province_id, 0), rows=[row] if row else []))
        figures.append(_figure(now=now, month=month, province_id=None, operating=sum(operating.values()),
                               rows=list(by_province.values())))
        month = rules.month_add(month, 1)
    OperationsFigure.objects.all().delete()
    OperationsFigure.objects.bulk_create(figures, batch_size=2000)
    rankings = [r for k in range(RANKED_MONTHS) for r in _rankings(now, rules.month_add(last, -k))]
    VisitorRanking.objects.all().delete()
    VisitorRanking.objects.bulk_create(rankings, batch_size=5000)
    run.finished_at, run.figures, run.rankings = timezone.now(), len(figures), len(rankings)
    run.save(update_fields=["finished_at", "figures", "rankings"])
    return run


class _Recompute:
    def __init__(self, trigger: str):
        self.trigger = trigger

    def __call__(self):
        figures_recompute_queue(trigger=self.trigger)


def _recompute_after_commit(*, trigger: str) -> None:
    """Queue one recompute when the transaction commits, however many reports it verified (an import)."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(isinstance(pending, _Recompute)
                                          for _savepoints, pending, *_rest in connection.run_on_commit):
        return
    transaction.on_commit(_Recompute(trigger))


def figures_recompute_queue(*, trigger: str) -> None:
    from .tasks import figures_recompute as task

    try:
        task.apply_async(kwargs={"trigger": trigger}, retry=True, retry_policy=BROKER_RETRY_POLICY)
    except Exception:
        # The nightly run catches up; the write itself has committed.
        logger.exception("Could not queue the operations figures recompute")


# --- Reminders ----------------------------------------------------------------------------------------

@dataclass
class ReminderReport:
    month: str = ""
    officers: dict[str, int] = field(default_factory=dict)
    without_email: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"month": self.month, "officers": self.officers, "without_email": self.without_email}


def operations_reminders_send(*, today: datetime.date | None = None) -> ReminderReport:
    """Before and after the due date (beat: the 7th and the 11th): tell each officer which of their
    operating MPPs have not reported the month just ended."""
    from django.conf import settings
    from django.core.mail import EmailMessage, get_connection

    from .selectors import missing_reports

    today = today or _today()
    month = rules.month_add(rules.month_start(today), -1)
    due = rules.due_date(month)
    result = ReminderReport(month=month.strftime("%Y-%m"))
    missing = list(missing_reports(month=month))
    by_region: dict[int, list[Mpp]] = {}
    for mpp in missing:
        by_region.setdefault(mpp.region_id, []).append(mpp)
    officers = (get_user_model().objects.filter(is_active=True, officer_regions__in=list(by_region))
                .distinct().prefetch_related("officer_regions").order_by("username"))
    messages = []
    for officer in officers:
        mpps = [m for region in officer.officer_regions.all() for m in by_region.get(region.pk, [])]
        if not officer.email:
            result.without_email.append(officer.get_username())
            continue
        late = today > due
        subject = (_("[Portal MPP] Laporan operasional %(month)s terlambat: %(n)s MPP") if late else
                   _("[Portal MPP] Laporan operasional %(month)s jatuh tempo %(due)s: %(n)s MPP")) % {
            "month": month.strftime("%m/%Y"), "due": due.strftime("%d/%m/%Y"), "n": len(mpps)}
        lines = "\n".join(f"- {m.name} ({m.region.name})" for m in mpps)
        body = _("MPP berikut belum melaporkan operasional bulan %(month)s (batas %(due)s):\n%(lines)s\n"
                 "Isi laporan di portal: Operasional MPP › Laporkan.") % {
            "month": month.strftime("%m/%Y"), "due": due.strftime("%d/%m/%Y"), "lines": lines}
        messages.append(EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL,
                                     to=[officer.email]))
        result.officers[officer.get_username()] = len(mpps)
    if messages:
        get_connection().send_messages(messages)
    return result
