"""Officers' reports and their verification (DHIS2-style approval): the one place that decides how a change
to an MPP reaches the verified record.

Every change to an MPP from a page or the API is submitted here (``mpp_change_submit``). An officer's
change becomes a report in state "dilaporkan" and leaves the MPP row, which holds verified values only,
untouched; a verifier's ``report_verify`` applies it through ``regions.services``. An admin's change is a
report verified on entry. A verified value is therefore locked by construction: an officer's later change
is a new report.
"""
import datetime
import logging
import os
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mpp_portal.access import can, can_verify, is_admin
from mpp_portal.audit import change_record_create, snapshot
from mpp_portal.models import ChangeRecord
from mpp_portal.uploads import document_accept

from . import lifecycle, report_rules, services
from . import tenants as tenant_rules
from .models import Inauguration, Mpp, MppReport, MppReportBatch

logger = logging.getLogger(__name__)
State = MppReport.State
# A broker that does not answer must not hold up the verifier's request for long.
BROKER_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
# What a report may propose: the status and the details an MPP update may set.
REPORT_FIELDS = ("status", *services.MPP_FIELDS, *services.MPP_ADMIN_FIELDS)
# Reports waiting longer than this are flagged in the queue and counted in the verifiers' reminder.
OVERDUE_AFTER_DAYS = 7


def _values(mpp: Mpp, names) -> dict:
    """The plain (JSON) values of ``names``; a foreign key by its id, so it can be applied back."""
    plain = snapshot(mpp, [n for n in names if n != "inauguration"])
    if "inauguration" in names:
        plain["inauguration"] = mpp.inauguration_id
    return plain


def _parsed(name: str, value):
    if name == "inauguration":
        return Inauguration.objects.filter(pk=value).first() if value is not None else None
    if name == "status" or value is None:
        return value
    return Mpp._meta.get_field(name).to_python(value)


def report_stamp(report: MppReport) -> str:
    """What a page shows of a report so a later bulk action can tell whether it changed since."""
    return report.updated_at.isoformat()


def _merge(errors: dict[str, list[str]], more: dict[str, list[str]]) -> None:
    for name, messages in more.items():
        errors.setdefault(name, []).extend(m for m in messages if m not in errors.get(name, []))


def _candidate(current: Mpp, *, status: str, fields: dict) -> Mpp:
    candidate = Mpp.objects.get(pk=current.pk)
    for name, value in {**fields, "status": status}.items():
        setattr(candidate, name, value.strip() if name == "name" and isinstance(value, str) else value)
    return candidate


def _errors_of(*, user, current: Mpp, status: str, fields: dict, note: str, evidence,
               tenants: list[dict] | None = None, tenant_errors=()) -> dict[str, list[str]]:
    """Every error of a submission at once: fields that may not be set, values, the move and the target's
    requirements, the tenant list and the counts it derives, and the evidence file."""
    errors: dict[str, list[str]] = {}
    if tenant_errors:
        errors["tenants"] = list(tenant_errors)
    _merge(errors, tenant_rules.count_errors(
        fields=fields, rows=tenant_rules.tenant_rows(current) if tenants is None else tenants,
        complete=fields.get("tenant_list_complete", current.tenant_list_complete)))
    try:
        services._check_fields(user, fields)
    except ValidationError as error:
        _merge(errors, error.message_dict)
    candidate = _candidate(current, status=status, fields={k: v for k, v in fields.items() if k not in errors})
    _merge(errors, services._mpp_errors(candidate))
    if status != current.status:
        _merge(errors, lifecycle.move_errors(current=current.status, target=status, note=note, is_admin=is_admin(user)))
    if evidence is not None:
        try:
            # Named from its detected content, never the uploaded name (stored and served by that).
            document_accept(evidence)
        except ValidationError as error:
            _merge(errors, {"evidence": error.messages})
    return errors


@transaction.atomic
def mpp_change_submit(
    *, user, mpp: Mpp, version: int | None, status: str | None = None, note: str = "", evidence=None,
    tenants_partial: bool = False, **fields
) -> MppReport:
    """Submit a change to ``mpp``: proposed ``fields`` and/or ``status``, a note and evidence, based on the
    ``version`` the caller read. An officer's submission waits for verification; an admin's is verified
    on entry. A note or evidence alone (no field changed) is a report too.

    Raises ``PermissionDenied`` outside the user's scope, ``VersionConflict`` when the MPP changed since
    ``version``, ``ValidationError`` with every field error at once; nothing is written then.
    """
    if not can(user, mpp, action="change"):
        raise PermissionDenied(_("Anda tidak berwenang mengubah data wilayah ini."))
    current = Mpp.objects.select_related("region").get(pk=mpp.pk)
    if version is not None and current.version != version:
        raise services.VersionConflict(current=current.version)
    note = (note or "").strip()
    status = status or current.status
    tenants = fields.pop("tenants", None)
    if tenants is not None and not tenants_partial:
        fields["tenant_list_complete"] = True  # a whole list, from the page or the API
    tenant_list, tenant_errors = tenant_rules.tenants_clean(tenants) if tenants is not None else (None, [])
    errors = _errors_of(user=user, current=current, status=status, fields=fields, note=note, evidence=evidence,
                        tenants=tenant_list, tenant_errors=tenant_errors)
    if errors:
        raise ValidationError(errors)
    candidate = _candidate(current, status=status, fields=fields)
    before, after = _values(current, REPORT_FIELDS), _values(candidate, REPORT_FIELDS)
    changes = {name: [before[name], after[name]] for name in REPORT_FIELDS if before[name] != after[name]}
    if tenant_list is not None and tenant_list != tenant_rules.tenant_rows(current):
        # The list is one change of the report: the MPP's counts follow from it when it is verified.
        changes["tenants"] = [tenant_rules.tenant_rows(current), tenant_list]
        complete = fields.get("tenant_list_complete", current.tenant_list_complete)
        for name, value in ((tenant_rules.tenant_totals(tenant_list) if complete else None) or {}).items():
            changes.pop(name, None)
            if before[name] != value:
                changes[name] = [before[name], value]
    if not changes and not note and evidence is None:
        raise ValidationError({"note": [_("Tidak ada perubahan: ubah isian, tulis catatan, atau lampirkan bukti.")]})
    kind = MppReport.Kind.STATUS if "status" in changes else (MppReport.Kind.DATA if changes else MppReport.Kind.NOTE)
    report = MppReport.objects.create(
        mpp=current, kind=kind, changes=changes, base_version=current.version, note=note,
        evidence=evidence or "", created_by=services._signed_in(user),
    )
    if is_admin(user):
        # Verified on entry: the write itself is the history record, and says so.
        _apply(report, verifier=user, note=_("Dicatat admin: terverifikasi saat dicatat."), on_entry=True)
        return report
    change_record_create(
        instance=current, user=user, action=ChangeRecord.Action.REPORT, changes=changes,
        note=_("Laporan #%(id)s: %(note)s") % {"id": report.pk, "note": note} if note else _("Laporan #%(id)s") % {
            "id": report.pk},
        region=current.region,
    )
    return report


def tenant_link(*, user, mpp: Mpp, entry: dict, note: str = "") -> MppReport | None:
    """Make sure ``entry`` (plain form, ``regions.tenants``) is in the MPP's tenant list, matched by its
    ``institution_key`` or its name: the one presence fact upper apps (a PKS placement in mou) link to.
    Nothing when it is there already; otherwise the list with it added goes the way of every change: an
    officer's is a report to verify, an admin's is verified on entry, the system's (``user=None``, loaders)
    is written through the gateway."""
    mpp = Mpp.objects.get(pk=mpp.pk)
    rows = tenant_rules.tenant_rows(mpp)
    key, name = entry.get("institution_key") or "", (entry.get("name") or "").strip().casefold()
    def named(items) -> bool:
        return any((key and row.get("institution_key") == key) or str(row.get("name", "")).casefold() == name
                   for row in items)

    if named(rows):
        return None
    waiting = MppReport.objects.filter(mpp=mpp, state__in=report_rules.WAITING, changes__has_key="tenants")
    if any(named(report.changes["tenants"][1]) for report in waiting):
        return None  # already proposed, waiting for its check or verification
    proposed = [*rows, entry]
    if user is None:
        services.mpp_write(user=None, mpp=mpp, fields={}, tenants=proposed, tenants_partial=True, note=note)
        return None
    return mpp_change_submit(user=user, mpp=mpp, version=None, tenants=proposed, tenants_partial=True, note=note)


def mpp_record(*, user, region, name: str, **fields) -> Mpp:
    """Record a new MPP. An officer's starts as planned: its later moves are reports to verify, so a new
    record never adds to the verified figures unverified. An admin's may start at any status."""
    status = fields.get("status") or Mpp.Status.PLANNED
    if status != Mpp.Status.PLANNED and not is_admin(user):
        raise ValidationError({"status": [_(
            "MPP baru dicatat sebagai Direncanakan; laporkan statusnya sesudah itu lewat Perbarui status "
            "(diverifikasi kementerian)."
        )]})
    return services.mpp_create(user=user, region=region, name=name, **fields)


def verifier_require(user, report) -> None:
    """The one verifier rule for every officer report (MPP changes here, monthly operations reports in
    ``operations``): a verifier or admin who may see the MPP, never on their own report. ``report`` has
    ``mpp`` and ``created_by_id``."""
    _require_verifier(user, report)


def _require_verifier(user, report: MppReport) -> None:
    if not can_verify(user) or not can(user, report.mpp, action="view"):
        raise PermissionDenied(_("Hanya verifikator kementerian yang dapat memverifikasi atau mengembalikan laporan."))
    if report.created_by_id is not None and report.created_by_id == user.pk:
        raise PermissionDenied(_("Laporan Anda sendiri diverifikasi orang lain."))


def _locked(report: MppReport, *, stamp: str | None, user=None) -> MppReport:
    # Only the report row is locked: its author and MPP may be missing (an outer join PostgreSQL cannot lock).
    locked = (MppReport.objects.select_for_update(of=("self",)).select_related("mpp__region", "created_by")
              .get(pk=report.pk))
    if stamp is not None and report_stamp(locked) != stamp:
        raise ReportChanged()
    if locked.state not in report_rules.WAITING:
        raise ValidationError(_("Laporan ini sudah %(state)s.") % {"state": locked.get_state_display().lower()})
    if user is not None:
        # The level is decided on the locked row: a check that landed meanwhile moves it to the ministry.
        refusal = report_rules.act_refusal(user, locked)
        if refusal:
            raise PermissionDenied(refusal)
    return locked


def _require_reviewer(user, report: MppReport) -> None:
    """Before locking: the user has a part in the approval of this report's province at all."""
    refusal = report_rules.act_refusal(user, report)
    if refusal is None and not can(user, report.mpp, action="view"):
        refusal = _("Anda tidak berwenang atas laporan ini.")
    if refusal:
        raise PermissionDenied(refusal)


class ReportChanged(ValidationError):
    """The report changed after the page that asked for the action was shown: nothing was done."""

    def __init__(self):
        super().__init__(_("Laporan berubah setelah halaman ditampilkan; periksa lagi."), code="report_changed")


def _apply(report: MppReport, *, verifier, note: str, on_entry: bool = False) -> None:
    """Write the report's proposed values into the MPP through the regions services, as its author's
    change, then mark it verified. Refused when a value it changes is no longer the one it was based on."""
    mpp = Mpp.objects.select_related("region").get(pk=report.mpp_id)
    current = _values(mpp, [name for name in report.changes if name != "tenants"])
    if "tenants" in report.changes:
        current["tenants"] = tenant_rules.tenant_rows(mpp)
    moved = sorted(name for name, (before, _after) in report.changes.items() if current[name] != before)
    if moved:
        raise ValidationError(_(
            "Data terverifikasi MPP ini sudah berubah sejak laporan dibuat (%(fields)s); kembalikan laporan "
            "agar petugas melaporkan ulang."
        ) % {"fields": ", ".join(_("daftar instansi") if n == "tenants" else str(Mpp._meta.get_field(n).verbose_name)
                                 for n in moved)})
    author = report.created_by if report.created_by_id else verifier
    if on_entry:
        history_note = _("Laporan #%(id)s, terverifikasi saat dicatat.") % {"id": report.pk}
    else:
        history_note = _("Laporan #%(id)s, diverifikasi oleh %(by)s.") % {
            "id": report.pk, "by": verifier.get_username() if verifier else "sistem"}
    if report.note:
        history_note = f"{report.note} ({history_note})"
    tenants = report.changes["tenants"][1] if "tenants" in report.changes else None
    values = {name: _parsed(name, after) for name, (_before, after) in report.changes.items() if name != "tenants"}
    if tenants is not None:
        # Derived from the list by the gateway.
        values.pop("tenant_count", None)
        values.pop("service_count", None)
    evidence = None
    if report.evidence and "status" in values:
        evidence = File(report.evidence.open("rb"), name=os.path.basename(report.evidence.name))
    try:
        if values or tenants is not None:
            # One write through the regions gateway: lifecycle, guarded write, status update, history, event.
            mpp = services.mpp_write(
                user=author, mpp=mpp, version=mpp.version, fields=values, note=report.note, evidence=evidence,
                history_note=history_note, tenants=tenants, tenants_partial="tenant_list_complete" not in values,
            ).mpp
    except PermissionDenied as refused:
        raise ValidationError(_("Pelapor tidak lagi berwenang atas wilayah ini: %(why)s") % {"why": refused}) from None
    report.state = State.VERIFIED
    report.decided_by = verifier
    report.decided_at = timezone.now()
    report.decision_note = note
    report.save(update_fields=["state", "decided_by", "decided_at", "decision_note", "updated_at"])
    if on_entry and report.changes:
        return
    change_record_create(
        instance=mpp, user=verifier, action=ChangeRecord.Action.VERIFY, changes=report.changes,
        note=history_note if on_entry else _("Laporan #%(id)s diverifikasi. %(note)s") % {
            "id": report.pk, "note": note},
        region=mpp.region,
    )


@transaction.atomic
def report_verify(*, user, report: MppReport, note: str = "", stamp: str | None = None) -> MppReport:
    """Approve an officer's report at the level it is at now (``regions.report_rules``): at the province
    level the coordinator's check passes it to the ministry's queue; at the ministry level its values become
    the MPP's verified values (and count in progress).

    ``stamp`` (``report_stamp`` as the page showed it), when given, must still match.
    """
    _require_reviewer(user, report)
    locked = _locked(report, stamp=stamp, user=user)
    note = (note or "").strip()
    if report_rules.level_now(locked) == MppReport.Level.PROVINCE:
        locked.state = State.CHECKED
        locked.checked_by = user
        locked.checked_at = timezone.now()
        locked.check_note = note
        locked.save(update_fields=["state", "checked_by", "checked_at", "check_note", "updated_at"])
        change_record_create(
            instance=locked.mpp, user=user, action=ChangeRecord.Action.VERIFY, changes=locked.changes,
            note=_("Laporan #%(id)s diperiksa provinsi dan diteruskan ke kementerian. %(note)s") % {
                "id": locked.pk, "note": note},
            region=locked.mpp.region,
        )
        return locked
    _apply(locked, verifier=user, note=note)
    return locked


@transaction.atomic
def report_return(*, user, report: MppReport, reason: str, stamp: str | None = None) -> MppReport:
    """Return a report to its officer with a reason they see on "Wilayah saya", at the level it is at now
    (province or ministry, recorded); the MPP stays as it is."""
    _require_reviewer(user, report)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("Alasan pengembalian wajib diisi.")]})
    locked = _locked(report, stamp=stamp, user=user)
    level = report_rules.level_now(locked)
    locked.state = State.RETURNED
    locked.returned_at_level = level
    locked.decided_by = user
    locked.decided_at = timezone.now()
    locked.decision_note = reason
    locked.save(update_fields=["state", "returned_at_level", "decided_by", "decided_at", "decision_note",
                               "updated_at"])
    message = (_("Laporan #%(id)s dikembalikan provinsi: %(reason)s") if level == MppReport.Level.PROVINCE
               else _("Laporan #%(id)s dikembalikan: %(reason)s"))
    change_record_create(
        instance=locked.mpp, user=user, action=ChangeRecord.Action.RETURN, changes=locked.changes,
        note=message % {"id": locked.pk, "reason": reason}, region=locked.mpp.region,
    )
    return locked


@transaction.atomic
def report_batch_create(*, user, requested: list[tuple[int, str]], note: str = "") -> MppReportBatch:
    """Record a bulk verification (or, for a coordinator, a bulk check) of the reports a reviewer saw (id
    and stamp of each), to run as a job; each report is decided by ``report_verify`` at its level."""
    if not report_rules.reviews_reports(user):
        raise PermissionDenied(_("Hanya verifikator kementerian atau koordinator provinsi yang dapat memeriksa laporan."))
    if not requested:
        raise ValidationError({"reports": [_("Tidak ada laporan dalam saringan ini.")]})
    return MppReportBatch.objects.create(
        created_by=user, requested=[[int(pk), str(stamp)] for pk, stamp in requested], note=(note or "").strip()
    )


@dataclass
class BatchOutcome:
    verified: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)


def report_batch_run(*, batch_id: int) -> MppReportBatch:
    """Verify each report of a batch in its own transaction; a report changed since the page showed it is
    skipped and listed, one that cannot be applied is listed with why. Running a finished batch again
    changes nothing."""
    batch = MppReportBatch.objects.select_related("created_by").get(pk=batch_id)
    if batch.state == MppReportBatch.State.DONE:
        return batch
    results = []
    for pk, stamp in batch.requested:
        report = MppReport.objects.filter(pk=pk).first()
        if report is None:
            results.append({"report": pk, "outcome": "failed", "message": _("Laporan tidak ditemukan.")})
            continue
        try:
            report_verify(user=batch.created_by, report=report, note=batch.note, stamp=stamp)
        except ReportChanged as changed:
            results.append({"report": pk, "outcome": "skipped", "message": changed.messages[0]})
        except (ValidationError, PermissionDenied) as error:
            message = error.messages[0] if isinstance(error, ValidationError) else str(error)
            results.append({"report": pk, "outcome": "failed", "message": message})
        else:
            results.append({"report": pk, "outcome": "verified", "message": ""})
    batch.results = results
    batch.state = MppReportBatch.State.DONE
    batch.finished_at = timezone.now()
    batch.save(update_fields=["results", "state", "finished_at"])
    return batch


def _batch_send(batch_id: int) -> None:
    from .tasks import report_batch_run as task

    try:
        task.apply_async(kwargs={"batch_id": batch_id}, retry=True, retry_policy=BROKER_RETRY_POLICY)
    except Exception:
        # The batch stays queued and is listed as such; the verifier can start it again.
        logger.exception("Could not queue bulk verification #%s", batch_id)


@transaction.atomic
def report_batch_queue(*, user, requested: list[tuple[int, str]], note: str = "") -> MppReportBatch:
    """Record a bulk verification and run it as a Celery job once this transaction commits."""
    batch = report_batch_create(user=user, requested=requested, note=note)
    transaction.on_commit(lambda: _batch_send(batch.pk))
    return batch


@dataclass
class ReminderReport:
    verifiers: dict[str, int] = field(default_factory=dict)
    coordinators: dict[str, int] = field(default_factory=dict)
    officers: dict[str, int] = field(default_factory=dict)
    without_email: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"verifiers": self.verifiers, "coordinators": self.coordinators, "officers": self.officers,
                "without_email": self.without_email}


def report_reminders_send(*, now: datetime.datetime | None = None) -> ReminderReport:
    """Weekly: tell each verifier how many reports at the ministry level wait longer than
    ``OVERDUE_AFTER_DAYS`` days, each provincial coordinator how many reports of their provinces wait for
    their check, and each officer which of their reports were returned and not yet answered with a newer
    report."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.mail import EmailMessage, get_connection

    from mpp_portal.access import GROUP_NAMES, Role, users_with_role

    now = now or timezone.now()
    report = ReminderReport()
    messages = []

    def send(user, subject, body, bucket, count):
        if not user.email:
            report.without_email.append(user.get_username())
            return
        messages.append(EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL,
                                     to=[user.email]))
        bucket[user.get_username()] = count

    checking = report_rules.checking_province_ids()
    overdue = MppReport.objects.filter(
        report_rules.at_level_q(MppReport.Level.MINISTRY, checking=checking),
        created_at__lt=now - datetime.timedelta(days=OVERDUE_AFTER_DAYS),
    ).count()
    if overdue:
        verifiers = get_user_model().objects.filter(is_active=True, groups__name=GROUP_NAMES[Role.VERIFIER])
        for verifier in verifiers.order_by("username"):
            send(verifier, _("[Portal MPP] %(n)s laporan menunggu verifikasi lebih dari %(days)s hari") % {
                "n": overdue, "days": OVERDUE_AFTER_DAYS},
                _("%(n)s laporan petugas daerah menunggu verifikasi lebih dari %(days)s hari. Buka antrean "
                  "verifikasi di portal.") % {"n": overdue, "days": OVERDUE_AFTER_DAYS},
                report.verifiers, overdue)
    at_province = MppReport.objects.filter(report_rules.at_level_q(MppReport.Level.PROVINCE, checking=checking))
    for coordinator in users_with_role(Role.COORDINATOR).order_by("username"):
        waiting = at_province.filter(
            mpp__region__province__in=coordinator.coordinated_provinces.all()
        ).count()
        if waiting:
            send(coordinator, _("[Portal MPP] %(n)s laporan menunggu pemeriksaan provinsi") % {"n": waiting},
                 _("%(n)s laporan petugas kabupaten/kota di provinsi Anda menunggu pemeriksaan provinsi sebelum "
                   "diverifikasi kementerian. Buka antrean pemeriksaan di portal.") % {"n": waiting},
                 report.coordinators, waiting)
    returned: dict = {}
    latest_per_mpp: set[int] = set()
    for item in MppReport.objects.select_related("created_by", "mpp").order_by("-created_at", "-pk"):
        if item.mpp_id in latest_per_mpp:
            continue
        latest_per_mpp.add(item.mpp_id)
        if item.state == State.RETURNED and item.created_by is not None and item.created_by.is_active:
            returned.setdefault(item.created_by, []).append(item)
    for officer, items in sorted(returned.items(), key=lambda pair: pair[0].get_username()):
        lines = "\n".join(
            f"- {r.mpp}: {r.decision_note}"
            + (f" ({_('dikembalikan provinsi')})" if r.returned_at_level == MppReport.Level.PROVINCE else "")
            for r in items
        )
        send(officer, _("[Portal MPP] %(n)s laporan Anda dikembalikan") % {"n": len(items)},
             _("Laporan berikut dikembalikan verifikator; perbaiki lalu laporkan ulang di \"Wilayah saya\":\n"
               "%(lines)s") % {"lines": lines}, report.officers, len(items))
    if messages:
        get_connection().send_messages(messages)
    return report
