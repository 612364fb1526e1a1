"""Writes for agreements: recording PKS, editing party records, four-eyes sign-off and its revocation, expiry.

Each service runs in one transaction, checks permissions through ``mpp_portal.access`` and records what it
changed in the change history. An agreement's status is derived here and nowhere else (``_status_for``),
and stored by ``agreement_status_refresh``.
"""
import calendar
import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mpp_portal.access import can, is_admin
from mpp_portal.audit import audited_save, diff, snapshot
from mpp_portal.errors import Conflict
from mpp_portal.models import ChangeRecord
from mpp_portal.uploads import document_accept
from regions import reports as region_reports
from regions.models import Mpp, MppTenant

from . import rules
from .models import Agreement, AgreementParty, Amendment, Institution, ServicePlacement, SignOffRevocation

Status = Agreement.Status
AGREEMENT_FIELDS = ["number", "title", "signed_on", "place", "term_years", "expires_on", "document", "note"]
EDITABLE_AGREEMENT_FIELDS = [f for f in AGREEMENT_FIELDS if f != "expires_on"]  # expiry follows the term
PARTY_FIELDS = ["signatory_title", "signatory_name", "signed_on"]


class SignOffConflict(Conflict):
    """The record is not in the state the request assumed (already signed off, or not signed off)."""


def years_after(day: datetime.date, years: int) -> datetime.date:
    """The same calendar day ``years`` later; 29 February falls back to 28 February."""
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


def agreement_expiry_for(*, signed_on: datetime.date | None, term_years: int | None) -> datetime.date | None:
    if signed_on is None or not term_years:
        return None
    return years_after(signed_on, term_years)


def _status_for(agreement: Agreement, *, today: datetime.date, all_signed_off: bool | None = None) -> str:
    """``all_signed_off`` is asked of the database unless the caller knows it (a new agreement: no)."""
    if agreement.status == Status.TERMINATED:
        return Status.TERMINATED
    if agreement.expires_on is not None and agreement.expires_on < today:
        return Status.EXPIRED
    if agreement.signed_on is None:
        return Status.DRAFT
    if all_signed_off is None:
        parties = agreement.parties.all()
        all_signed_off = parties.exists() and not parties.filter(signed_off_at__isnull=True).exists()
    return Status.IN_FORCE if all_signed_off else Status.SIGNED


def agreement_status_refresh(
    *, agreement: Agreement, user, today: datetime.date | None = None, note: str = ""
) -> str:
    """Store the derived status; a change is recorded in the agreement's history."""
    status = _status_for(agreement, today=today or timezone.localdate())
    if status != agreement.status:
        was_signed = agreement.status in rules.SIGNABLE_STATUSES
        agreement.status = status
        audited_save(agreement, user=user, action=ChangeRecord.Action.STATUS, note=note)
        if status in rules.SIGNABLE_STATUSES and not was_signed:
            # Signed now: its agencies serve in the MPP (the tenant list, the one presence fact).
            for placement in agreement.placements.select_related("institution"):
                _placement_link(user=user, agreement=agreement, placement=placement)
    return status


def _require_change(user, obj) -> None:
    if not can(user, obj, action="change"):
        raise PermissionDenied(_("Anda tidak berwenang mengubah rekaman ini."))


def _check_dates(*, signed_on: datetime.date | None, field: str = "signed_on") -> None:
    if signed_on is not None and signed_on > timezone.localdate():
        raise ValidationError({field: _("Tanggal tidak boleh di masa depan.")})


def _check_document(document) -> None:
    if document:
        try:
            document_accept(document)
        except ValidationError as error:
            raise ValidationError({"document": error.messages}) from None


@transaction.atomic
def agreement_pks_create(
    *,
    user,
    mpp: Mpp,
    title: str,
    number: str = "",
    signed_on: datetime.date | None = None,
    place: str = "",
    term_years: int | None = None,
    document=None,
    note: str = "",
    dpmptsp_signatory_title: str = "",
    dpmptsp_signatory_name: str = "",
    is_demo: bool = False,
) -> Agreement:
    """A PKS of ``mpp``'s region, with the region's DPMPTSP as its first party. Institutions are added after."""
    _require_change(user, mpp)
    _check_dates(signed_on=signed_on)
    _check_document(document)
    if not title.strip():
        raise ValidationError({"title": _("Judul wajib diisi.")})
    agreement = Agreement(
        kind=Agreement.Kind.REGIONAL, mpp=mpp, title=title.strip(), number=number.strip(), signed_on=signed_on,
        place=place, term_years=term_years, expires_on=agreement_expiry_for(signed_on=signed_on, term_years=term_years),
        document=document or "", note=note, is_demo=is_demo,
    )
    # Created with its status, so the new agreement has one record; its DPMPTSP party is not signed off yet.
    agreement.status = _status_for(agreement, today=timezone.localdate(), all_signed_off=False)
    audited_save(agreement, user=user)
    audited_save(AgreementParty(
        agreement=agreement, is_dpmptsp=True, label=_("DPMPTSP %(region)s") % {"region": mpp.region.name},
        position=0, signatory_title=dpmptsp_signatory_title, signatory_name=dpmptsp_signatory_name,
        signed_on=signed_on, last_edited_by=user, last_edited_at=timezone.now(),
    ), user=user)
    agreement_status_refresh(agreement=agreement, user=user)
    return agreement


@transaction.atomic
def agreement_update(*, user, agreement: Agreement, **fields) -> Agreement:
    """Edit an agreement's own fields (number, title, dates, term, document, note); expiry follows the term."""
    _require_change(user, agreement)
    unknown = set(fields) - set(EDITABLE_AGREEMENT_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if "title" in fields and not fields["title"].strip():
        raise ValidationError({"title": _("Judul wajib diisi.")})
    _check_dates(signed_on=fields.get("signed_on", agreement.signed_on))
    _check_document(fields.get("document"))
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    for name, value in fields.items():
        if name == "document" and not value:
            continue  # an empty upload keeps the document already on file
        setattr(agreement, name, value)
    agreement.expires_on = agreement_expiry_for(signed_on=agreement.signed_on, term_years=agreement.term_years)
    audited_save(agreement, user=user)
    agreement_status_refresh(agreement=agreement, user=user)
    return agreement


@transaction.atomic
def pks_institution_add(
    *,
    user,
    agreement: Agreement,
    institution: Institution,
    service_count: int,
    signatory_title: str = "",
    signatory_name: str = "",
    signed_on: datetime.date | None = None,
    services: str = "",
    rooms: str = "",
    service_days: str = "",
    staff_count: int | None = None,
) -> ServicePlacement:
    """Add an agency's local office to a PKS: a party (awaiting admin sign-off) and the services it places."""
    _require_change(user, agreement)
    agreement = Agreement.objects.select_for_update(of=("self",)).select_related("mpp__region").get(pk=agreement.pk)
    if agreement.kind != Agreement.Kind.REGIONAL:
        raise ValidationError(_("Penempatan layanan hanya dicatat pada PKS daerah."))
    if agreement.status in (Status.EXPIRED, Status.TERMINATED):
        raise ValidationError(_("Perjanjian ini sudah tidak berlaku."))
    if agreement.parties.filter(institution=institution).exists():
        raise ValidationError({"institution": _("Instansi ini sudah menjadi pihak perjanjian ini.")})
    if service_count is None or service_count < 1:
        raise ValidationError({"service_count": _("Jumlah layanan paling sedikit 1.")})
    _check_dates(signed_on=signed_on)
    audited_save(AgreementParty(
        agreement=agreement, institution=institution, position=agreement.parties.count(),
        signatory_title=signatory_title, signatory_name=signatory_name, signed_on=signed_on or agreement.signed_on,
        last_edited_by=user, last_edited_at=timezone.now(),
    ), user=user)
    # Placements are part of the agreement: its history records them.
    placement = ServicePlacement.objects.create(
        agreement=agreement, institution=institution, service_count=service_count, services=services,
        rooms=rooms, service_days=service_days, staff_count=staff_count,
    )
    audited_save(agreement, user=user, extra_changes={"placement": [None, f"{institution}: {service_count}"]})
    if agreement.status in rules.SIGNABLE_STATUSES:
        # The agency's presence in the MPP is one fact: the MPP's tenant list (regions), which coverage reads.
        # A draft's placements are linked when it is signed (``agreement_status_refresh``).
        _placement_link(user=user, agreement=agreement, placement=placement)
    # A new party is not signed off yet, so an agreement in force falls back to signed.
    agreement_status_refresh(agreement=agreement, user=user)
    return placement


TENANT_KIND = {Institution.Kind.STATE_COMPANY: MppTenant.Kind.STATE_COMPANY}


def _placement_link(*, user, agreement: Agreement, placement: ServicePlacement) -> None:
    if agreement.kind != Agreement.Kind.REGIONAL or agreement.mpp_id is None:
        return
    # Demo agreements are the loader's (the system's): their entries are written at once, marked contoh.
    institution_tenant_link(user=None if agreement.is_demo else user, institution=placement.institution,
                            mpp=agreement.mpp, service_count=placement.service_count, since=agreement.signed_on)


def institution_tenant_link(*, user, institution: Institution, mpp: Mpp, service_count: int, since=None):
    """Link ``institution`` to the MPP's tenant list by its short name (the key regions keeps): an officer's
    addition is a report to verify, an admin's or a loader's is written at once (``regions.reports.tenant_link``).
    Returns the report, if one was made."""
    return region_reports.tenant_link(user=user, mpp=mpp, entry={
        "name": institution.name, "kind": TENANT_KIND.get(institution.kind, MppTenant.Kind.CENTRAL),
        "service_count": service_count, "since": since.isoformat() if since else None,
        "institution_key": institution.short_name,
    }, note=_("Instansi %(name)s dari PKS.") % {"name": institution.short_name})


@transaction.atomic
def agreement_party_update(*, user, party: AgreementParty, **fields) -> AgreementParty:
    """Edit a party record (signatory, date). A signed-off record is locked until its sign-off is revoked."""
    _require_change(user, party)
    unknown = set(fields) - set(PARTY_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    party = (
        AgreementParty.objects.select_for_update(of=("self",)).select_related("agreement__mpp__region").get(pk=party.pk)
    )
    if party.is_signed_off:
        raise SignOffConflict(_("Rekaman pihak ini sudah disahkan; cabut pengesahannya dulu untuk mengubahnya."))
    _check_dates(signed_on=fields.get("signed_on"))
    before = snapshot(party, PARTY_FIELDS)
    for name, value in fields.items():
        setattr(party, name, value)
    if not diff(before, snapshot(party, PARTY_FIELDS)):
        # An edit that changes nothing is not an edit: it must not make its sender an editor (four-eyes).
        return party
    party.last_edited_by, party.last_edited_at = user, timezone.now()
    audited_save(party, user=user)
    return party


def _locked(party: AgreementParty) -> tuple[Agreement, AgreementParty]:
    """Lock the agreement, then the party, always in that order, so concurrent sign-offs queue up."""
    agreement = Agreement.objects.select_for_update().get(pk=party.agreement_id)
    party = AgreementParty.objects.select_for_update().get(pk=party.pk)
    if agreement.mpp_id:
        agreement.mpp = Mpp.objects.select_related("region").get(pk=agreement.mpp_id)
    party.agreement = agreement
    return agreement, party


@transaction.atomic
def agreement_party_sign_off(*, user, party: AgreementParty) -> AgreementParty:
    """An admin who never changed the record's content signs it off (four-eyes); the sign-off names them."""
    if not is_admin(user):
        raise PermissionDenied(_("Hanya admin yang dapat mengesahkan rekaman pihak perjanjian."))
    agreement, party = _locked(party)
    if party.is_signed_off:
        raise SignOffConflict(
            _("Rekaman pihak ini sudah disahkan oleh %(user)s pada %(at)s.")
            % {"user": party.signed_off_by, "at": timezone.localtime(party.signed_off_at).strftime("%d-%m-%Y %H:%M")}
        )
    if rules.is_own_edit(user=user, party=party):
        raise PermissionDenied(
            _(
                "Anda pernah mengubah isi rekaman pihak ini; pengesahan harus dilakukan admin lain "
                "(prinsip empat mata)."
            )
        )
    if not rules.accepts_sign_off(agreement):
        raise ValidationError(
            _("Perjanjian berstatus %(status)s; hanya perjanjian yang sudah ditandatangani dapat disahkan.")
            % {"status": agreement.get_status_display()}
        )
    party.signed_off_by, party.signed_off_at = user, timezone.now()
    audited_save(party, user=user, action=ChangeRecord.Action.SIGN_OFF)
    agreement_status_refresh(agreement=agreement, user=user, note=_("Semua pihak telah disahkan."))
    return party


# A revocation undoes another admin's approval: its reason must say what is wrong, not just "x".
REVOCATION_REASON_MIN = 20


@transaction.atomic
def agreement_party_revoke(*, user, party: AgreementParty, reason: str) -> SignOffRevocation:
    """Withdraw a sign-off, with a reason; the agreement falls back from in force to signed."""
    if not is_admin(user):
        raise PermissionDenied(_("Hanya admin yang dapat mencabut pengesahan."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Alasan pencabutan wajib diisi.")})
    agreement, party = _locked(party)
    if not party.is_signed_off:
        raise SignOffConflict(_("Rekaman pihak ini belum disahkan, jadi tidak ada yang dicabut."))
    if len(reason) < REVOCATION_REASON_MIN:
        raise ValidationError({"reason": _(
            "Alasan pencabutan terlalu singkat: tulis paling sedikit %(n)s karakter agar pengesah berikutnya "
            "tahu apa yang harus diperbaiki."
        ) % {"n": REVOCATION_REASON_MIN}})
    revocation = SignOffRevocation.objects.create(
        party=party, signed_off_by=party.signed_off_by, signed_off_at=party.signed_off_at, revoked_by=user,
        reason=reason,
    )
    party.signed_off_by, party.signed_off_at = None, None
    audited_save(party, user=user, action=ChangeRecord.Action.REVOKE, note=reason)
    agreement_status_refresh(agreement=agreement, user=user, note=reason)
    return revocation


@transaction.atomic
def amendment_create(*, user, agreement: Agreement, dated: datetime.date, note: str, number: str = "",
                     document=None) -> Amendment:
    """Record an addendum to an agreement."""
    _require_change(user, agreement)
    _check_dates(signed_on=dated, field="dated")
    _check_document(document)
    if not (note or "").strip():
        raise ValidationError({"note": _("Isi perubahan wajib diisi.")})
    agreement = Agreement.objects.select_related("mpp__region").get(pk=agreement.pk)
    if agreement.signed_on is not None and dated < agreement.signed_on:
        raise ValidationError({"dated": _("Adendum tidak dapat bertanggal sebelum perjanjian ditandatangani.")})
    amendment = Amendment.objects.create(
        agreement=agreement, dated=dated, note=note.strip(), number=number.strip(), document=document or "",
        created_by=user,
    )
    audited_save(agreement, user=user, note=amendment.note,
                 extra_changes={"amendment": [None, f"{amendment.number or _('Adendum')} {dated.isoformat()}"]})
    return amendment


@transaction.atomic
def agreements_expire(*, today: datetime.date | None = None) -> list[Agreement]:
    """Mark agreements past their expiry date as expired (the daily beat task). Idempotent."""
    today = today or timezone.localdate()
    due = (
        Agreement.objects.select_for_update(of=("self",))
        .filter(expires_on__lt=today)
        .exclude(status__in=[Status.EXPIRED, Status.TERMINATED])
        .select_related("mpp__region")
    )
    expired = []
    for agreement in due:
        agreement_status_refresh(
            agreement=agreement, user=None, today=today, note=_("Jangka waktu perjanjian berakhir.")
        )
        expired.append(agreement)
    return expired
