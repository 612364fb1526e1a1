"""Writes for quality, MPP Digital and fiscal capacity. Each runs in one transaction, checks rights through
``mpp_portal.access`` and records what it changed in the change history."""
import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dashboards.services import progress_recompute_schedule
from mpp_portal.access import can, is_admin
from mpp_portal.audit import audited_save, change_record_create, diff, snapshot
from mpp_portal.models import ChangeRecord
from regions.models import Mpp

from . import selectors
from .imports import ImportReport, LineError, RegionLookup, csv_rows, decimal_or_none
from .models import EvaluationCategory, Evaluation, FiscalCapacity, ReadinessCheck, ReadinessCriterion


logger = logging.getLogger(__name__)


class VersionConflict(Exception):
    """The record changed since the client read it (optimistic locking on ``Mpp.version``)."""


def _today() -> datetime.date:
    return timezone.localdate()


def _mpp_for_change(*, mpp: Mpp, user, version: int | None) -> Mpp:
    if not can(user, mpp, action="change"):
        raise PermissionDenied(_("Anda tidak berwenang mengubah MPP ini."))
    locked = Mpp.objects.select_for_update().get(pk=mpp.pk)
    if version is not None and version != locked.version:
        raise VersionConflict(_("MPP ini telah diubah orang lain; muat ulang lalu coba lagi."))
    return locked


def _mpp_save(*, mpp: Mpp, user, before: dict, fields: list[str], note: str) -> Mpp:
    changes = diff(before, snapshot(mpp, fields))
    if not changes:
        return mpp
    mpp.version += 1
    mpp.updated_by = user
    mpp.save(update_fields=[*fields, "version", "updated_by", "updated_at"])
    change_record_create(instance=mpp, user=user, action="update", changes=changes, note=note, region=mpp.region)
    return mpp


@transaction.atomic
def mpp_digital_status_set(
    *, mpp: Mpp, user, digital_status: str, digital_since: datetime.date | None, note: str = "",
    version: int | None = None,
) -> Mpp:
    """Set an MPP's MPP Digital status. "live" needs the date it went live; "none" clears the date."""
    mpp = _mpp_for_change(mpp=mpp, user=user, version=version)
    errors = {}
    if digital_status not in Mpp.DigitalStatus.values:
        errors["digital_status"] = [_("Status MPP Digital \"%(value)s\" tidak dikenal.") % {"value": digital_status}]
    elif digital_status == Mpp.DigitalStatus.NONE:
        digital_since = None
    elif digital_status == Mpp.DigitalStatus.LIVE and digital_since is None:
        errors["digital_since"] = [_("Isi tanggal MPP Digital mulai aktif.")]
    if digital_since is not None and digital_since > _today():
        errors["digital_since"] = [_("Tanggal tidak boleh di masa depan.")]
    if errors:
        raise ValidationError(errors)
    fields = ["digital_status", "digital_since"]
    before = snapshot(mpp, fields)
    mpp.digital_status, mpp.digital_since = digital_status, digital_since
    saved = _mpp_save(mpp=mpp, user=user, before=before, fields=fields, note=note)
    progress_recompute_schedule()  # targets may count MPP Digital
    return saved


@transaction.atomic
def mpp_oss_integration_set(
    *, mpp: Mpp, user, integrated: bool, integrated_on: datetime.date | None, note: str = "",
    version: int | None = None,
) -> Mpp:
    """Record whether an MPP is integrated with OSS (the national business-licensing system) and since when."""
    mpp = _mpp_for_change(mpp=mpp, user=user, version=version)
    if not integrated:
        integrated_on = None
    elif integrated_on is None:
        raise ValidationError({"oss_integrated_on": [_("Isi tanggal integrasi OSS.")]})
    if integrated_on is not None and integrated_on > _today():
        raise ValidationError({"oss_integrated_on": [_("Tanggal tidak boleh di masa depan.")]})
    fields = ["oss_integrated", "oss_integrated_on"]
    before = snapshot(mpp, fields)
    mpp.oss_integrated, mpp.oss_integrated_on = integrated, integrated_on
    return _mpp_save(mpp=mpp, user=user, before=before, fields=fields, note=note)




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


# --- Imports ---------------------------------------------------------------------------------------

EVALUATION_FIELDS = ["mpp", "category", "score", "decree", "source"]


def _category_lookup() -> dict[str, EvaluationCategory]:
    lookup = {}
    for category in EvaluationCategory.objects.all():
        lookup[category.key.lower()] = category
        lookup[category.name.lower()] = category
    return lookup


def _evaluation_rows(text: str, report: ImportReport) -> list[dict]:
    rows, report.errors = csv_rows(
        text, required=("region", "year", "category"), optional=("score", "decree", "source", "mpp")
    )
    if not rows:
        return []
    regions, categories = RegionLookup(), _category_lookup()
    category_names = ", ".join(sorted({c.name for c in categories.values()}, key=lambda n: categories[n.lower()].rank))
    resolved = [(line, values, *regions.resolve(values["region"])) for line, values in rows]
    mpps_by_region = defaultdict(list)
    for mpp in Mpp.objects.filter(region__in=[region for _l, _v, region, _m in resolved if region]):
        mpps_by_region[mpp.region_id].append(mpp)
    this_year, seen, valid = _today().year, {}, []
    for line, values, region, message in resolved:
        errors = [message] if region is None else []
        category = categories.get(values["category"].lower())
        if category is None:
            errors.append(_("Kategori \"%(value)s\" tidak dikenal; pilih: %(choices)s.") % {
                "value": values["category"], "choices": category_names})
        year = int(values["year"]) if values["year"].isdigit() else None
        if year is None or not 2017 <= year <= this_year:
            errors.append(_("Tahun \"%(value)s\" tidak sah (2017–%(max)s).") % {"value": values["year"], "max": this_year})
        try:
            score = decimal_or_none(values.get("score", ""))
            if score is not None and not 0 <= score <= 100:
                raise ValueError
        except ValueError:
            score = None
            errors.append(_("Nilai \"%(value)s\" harus angka 0–100.") % {"value": values["score"]})
        mpp = None
        if region is not None:
            mpp, mpp_error = _region_mpp(region, mpps_by_region[region.pk], values.get("mpp", ""))
            errors += [mpp_error] if mpp_error else []
        if mpp is not None and year is not None:
            first = seen.setdefault((mpp.pk, year), line)
            if first != line:
                errors.append(_("%(mpp)s tahun %(year)s sudah ada di baris %(line)s.") % {
                    "mpp": mpp.name, "year": year, "line": first})
        if errors:
            report.errors += [LineError(line, error) for error in errors]
            continue
        row = {"region": region, "mpp": mpp, "year": year, "category": category}
        # An optional column the file leaves out keeps what is recorded; a column present but empty clears it.
        optional = {"score": score, "decree": values.get("decree"), "source": values.get("source")}
        valid.append(row | {name: value for name, value in optional.items() if name in values})
    return valid


def _region_mpp(region, mpps: list[Mpp], name: str) -> tuple[Mpp | None, str]:
    if not mpps:
        return None, _("%(region)s belum memiliki MPP tercatat; tambahkan MPP-nya dahulu.") % {"region": region.name}
    if name:
        match = [mpp for mpp in mpps if mpp.name.casefold() == name.casefold()]
        if match:
            return match[0], ""
        return None, _("MPP \"%(name)s\" tidak ada di %(region)s; yang ada: %(names)s.") % {
            "name": name, "region": region.name, "names": ", ".join(m.name for m in mpps)}
    if len(mpps) > 1:
        return None, _("%(region)s memiliki %(n)s MPP (%(names)s); isi kolom mpp.") % {
            "region": region.name, "n": len(mpps), "names": ", ".join(m.name for m in mpps)}
    return mpps[0], ""


@transaction.atomic
def evaluations_import(*, text: str, user, dry_run: bool = False) -> ImportReport:
    """Import yearly evaluation results from CSV (region, year, category[, score, decree, source, mpp]).
    All or nothing: any bad line and nothing is saved; every bad line is reported."""
    if user is not None and not is_admin(user):
        raise PermissionDenied(_("Hanya admin yang dapat mengimpor hasil evaluasi."))
    report = ImportReport(dry_run=dry_run)
    rows = _evaluation_rows(text, report)
    if report.errors:
        return report
    existing = {}
    for evaluation in Evaluation.objects.filter(region__in=[row["region"] for row in rows]):
        # A region-level record (MPP not yet known) is completed by the row naming its MPP.
        existing.setdefault((evaluation.region_id, evaluation.year, evaluation.mpp_id), evaluation)
    for row in rows:
        key = (row["region"].pk, row["year"])
        evaluation = existing.get((*key, row["mpp"].pk)) or existing.pop((*key, None), None)
        if evaluation is None:
            report.created += 1
            if not dry_run:
                audited_save(Evaluation(**row), user=user, action=ChangeRecord.Action.IMPORT)
            continue
        before = snapshot(evaluation, EVALUATION_FIELDS)
        for name, value in row.items():
            setattr(evaluation, name, value)
        changes = diff(before, snapshot(evaluation, EVALUATION_FIELDS))
        if not changes:
            report.unchanged += 1
            continue
        report.updated += 1
        if not dry_run:
            audited_save(evaluation, user=user, action=ChangeRecord.Action.IMPORT)
    return report


# "sangat rendah" as the PMK writes it, or the stored value "sangat_rendah"; case is ignored by the caller.
FISCAL_CLASSES = {
    **{value: value for value in FiscalCapacity.FiscalClass.values},
    **{value.replace("_", " "): value for value in FiscalCapacity.FiscalClass.values},
}


@transaction.atomic
def fiscal_capacity_import(*, text: str, year: int, regulation: str, user=None, dry_run: bool = False) -> ImportReport:
    """Import one year's fiscal capacity classes from CSV (region, class). All or nothing."""
    if user is not None and not is_admin(user):
        raise PermissionDenied(_("Hanya admin yang dapat mengimpor kapasitas fiskal."))
    report = ImportReport(dry_run=dry_run)
    regulation = regulation.strip()
    if not regulation:
        report.errors.append(LineError(0, _("Sebutkan peraturannya, mis. \"PMK 65/2024\".")))
    if not 2000 <= year <= _today().year + 1:
        report.errors.append(LineError(0, _("Tahun %(year)s tidak sah.") % {"year": year}))
    rows, errors = csv_rows(text, required=("region", "class"))
    report.errors += errors
    regions, seen, valid = RegionLookup(), {}, []
    for line, values in rows:
        region, message = regions.resolve(values["region"])
        fiscal_class = FISCAL_CLASSES.get(" ".join(values["class"].lower().split()))
        line_errors = [message] if region is None else []
        if fiscal_class is None:
            line_errors.append(_("Kelas \"%(value)s\" tidak dikenal; pilih: %(choices)s.") % {
                "value": values["class"],
                "choices": ", ".join(str(label) for label in FiscalCapacity.FiscalClass.labels)})
        if region is not None:
            first = seen.setdefault(region.pk, line)
            if first != line:
                line_errors.append(_("%(region)s sudah ada di baris %(line)s.") % {"region": region.name, "line": first})
        report.errors += [LineError(line, error) for error in line_errors]
        if not line_errors:
            valid.append((region, fiscal_class))
    if report.errors:
        return report
    existing = {f.region_id: f for f in FiscalCapacity.objects.filter(year=year)}
    for region, fiscal_class in valid:
        record = existing.get(region.pk)
        if record is None:
            report.created += 1
            if not dry_run:
                audited_save(FiscalCapacity(region=region, year=year, fiscal_class=fiscal_class, regulation=regulation),
                             user=user, action=ChangeRecord.Action.IMPORT)
            continue
        before = snapshot(record, ["fiscal_class", "regulation"])
        record.fiscal_class, record.regulation = fiscal_class, regulation
        changes = diff(before, snapshot(record, ["fiscal_class", "regulation"]))
        if not changes:
            report.unchanged += 1
            continue
        report.updated += 1
        if not dry_run:
            audited_save(record, user=user, action=ChangeRecord.Action.IMPORT)
    return report


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
    ``selectors.STALE_AFTER_DAYS`` days. Officers without an email address are reported, not emailed."""
    report = ReminderReport()
    messages = []
    for officer, mpps in selectors.stale_mpps_by_officer(now=now):
        if not officer.email:
            report.without_email.append(officer.username)
            continue
        messages.append(EmailMessage(
            subject=_("[Portal MPP] %(n)s data MPP perlu diperbarui") % {"n": len(mpps)},
            body=_reminder_text(officer, mpps, selectors.STALE_AFTER_DAYS),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[officer.email],
        ))
        report.emailed.append(officer.username)
    if messages:
        get_connection().send_messages(messages)
    logger.info("stale-data reminders: %s emailed, %s officers without an email address",
                len(report.emailed), len(report.without_email))
    return report
