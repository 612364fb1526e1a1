"""Writes for quality, MPP Digital and fiscal capacity. Each runs in one transaction, checks rights through
``mpp_portal.access`` and records what it changed in the change history."""
import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mpp_portal.access import can, is_admin
from mpp_portal.audit import audited_save
from mpp_portal.models import ChangeRecord
from regions.models import Mpp, MppReport
from regions.reports import mpp_change_submit
from regions.selectors import STALE_AFTER_DAYS
from regions.services import mpp_write

from . import selectors
from .models import ReadinessCheck, ReadinessCriterion

logger = logging.getLogger(__name__)


def _today() -> datetime.date:
    return timezone.localdate()


def _mpp_change(*, mpp: Mpp, user, version: int | None, note: str, fields: dict):
    """An officer's change to an MPP is a report that waits for verification (regions.reports), like every
    officer change to an MPP: MPP Digital counts in a target. An admin's, or the system's, is written at once
    through the MPP gateway. Returns the report, or the MPP as written."""
    if user is not None and not is_admin(user):
        return mpp_change_submit(user=user, mpp=mpp, version=version, note=note, **fields)
    return mpp_write(user=user, mpp=mpp, version=version, note=note, fields=fields).mpp


def mpp_digital_status_set(
    *, mpp: Mpp, user, digital_status: str, digital_since: datetime.date | None, note: str = "",
    version: int | None = None,
) -> Mpp | MppReport:
    """Set an MPP's MPP Digital status through the MPP gateway. "live" needs the date it went live (the
    gateway's rule); "none" clears the date."""
    if digital_status == Mpp.DigitalStatus.NONE:
        digital_since = None
    return _mpp_change(mpp=mpp, user=user, version=version, note=note,
                       fields={"digital_status": digital_status, "digital_since": digital_since})


def mpp_oss_integration_set(
    *, mpp: Mpp, user, integrated: bool, integrated_on: datetime.date | None, note: str = "",
    version: int | None = None,
) -> Mpp | MppReport:
    """Record whether an MPP is integrated with OSS (the national business-licensing system) and since when,
    through the MPP gateway."""
    if not integrated:
        integrated_on = None
    elif integrated_on is None:
        raise ValidationError({"oss_integrated_on": [_("Isi tanggal integrasi OSS.")]})
    return _mpp_change(mpp=mpp, user=user, version=version, note=note,
                       fields={"oss_integrated": integrated, "oss_integrated_on": integrated_on})




@transaction.atomic
def readiness_check_set(
    *, mpp: Mpp, criterion: ReadinessCriterion, user, met: bool, evidence_note: str = ""
) -> ReadinessCheck:
    """Fill in one criterion of an MPP's MPP Digital checklist (the region's officers, or admins).
    Changing a verified answer withdraws its verification: an admin has to look again."""
    if not can(user, mpp, action="change"):
        raise PermissionDenied(_("Anda tidak berwenang mengisi daftar periksa MPP ini."))
    evidence_note = evidence_note.strip()
    check = ReadinessCheck.objects.select_for_update().filter(mpp=mpp, criterion=criterion).first()
    now = timezone.now()
    if check is None:
        check = ReadinessCheck(
            mpp=mpp, criterion=criterion, met=met, evidence_note=evidence_note, checked_by=user, checked_at=now
        )
        audited_save(check, user=user)
        return check
    if check.met == met and check.evidence_note == evidence_note:
        return check
    note = _("Verifikasi dicabut karena isian berubah.") if check.verified_at else ""
    check.met, check.evidence_note = met, evidence_note
    check.checked_by, check.checked_at = user, now
    check.verified_by, check.verified_at = None, None
    audited_save(check, user=user, note=note)
    return check


@transaction.atomic
def readiness_check_verify(*, check: ReadinessCheck, user) -> ReadinessCheck:
    """An admin confirms an officer's answer. Verifying twice changes nothing."""
    if not is_admin(user):
        raise PermissionDenied(_("Hanya admin yang dapat memverifikasi daftar periksa."))
    check = ReadinessCheck.objects.select_for_update().select_related("mpp__region").get(pk=check.pk)
    if check.verified_at is not None:
        return check
    check.verified_by, check.verified_at = user, timezone.now()
    audited_save(check, user=user, action=ChangeRecord.Action.SIGN_OFF)
    return check


# --- Stale-data reminders ----------------------------------------------------------------------------

@dataclass
class ReminderReport:
    emailed: list[str] = field(default_factory=list)
    without_email: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"emailed": self.emailed, "without_email": self.without_email}


def _reminder_text(officer, mpps: list[Mpp], days: int) -> str:
    lines = [
        _("Yth. %(name)s,") % {"name": officer.get_full_name() or officer.username},
        "",
        _("Data MPP berikut belum diperbarui selama lebih dari %(days)s hari di Portal Pemantauan MPP:") % {
            "days": days},
        "",
    ]
    for mpp in mpps:
        lines.append(_("- %(mpp)s (%(region)s), terakhir diperbarui %(date)s") % {
            "mpp": mpp.name, "region": mpp.region.name,
            "date": timezone.localtime(mpp.updated_at).strftime("%d-%m-%Y")})
    lines += [
        "",
        _("Mohon periksa dan perbarui status, jumlah instansi dan layanan, serta status MPP Digital dan OSS."),
        _("Bila tidak ada perubahan, konfirmasikan dengan menyimpan data MPP tersebut."),
        "",
        _("Salam,"),
        _("Kedeputian Pelayanan Publik, Kementerian PANRB"),
    ]
    return "\n".join(lines)


def stale_reminders_send(*, now: datetime.datetime | None = None) -> ReminderReport:
    """Email each active officer once, listing the MPPs of their regions not updated in
    ``STALE_AFTER_DAYS`` days. Officers without an email address are reported, not emailed."""
    report = ReminderReport()
    messages = []
    for officer, mpps in selectors.stale_mpps_by_officer(now=now):
        if not officer.email:
            report.without_email.append(officer.username)
            continue
        messages.append(EmailMessage(
            subject=_("[Portal MPP] %(n)s data MPP perlu diperbarui") % {"n": len(mpps)},
            body=_reminder_text(officer, mpps, STALE_AFTER_DAYS),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[officer.email],
        ))
        report.emailed.append(officer.username)
    if messages:
        get_connection().send_messages(messages)
    logger.info("stale-data reminders: %s emailed, %s officers without an email address",
                len(report.emailed), len(report.without_email))
    return report
