"""Writes of the task force app: logging an assistance, its follow-ups, closing them, and the overdue
reminders. Permission is ``mpp_portal.access.can_log_assistance`` on every path; each write is recorded
through ``audited_save``."""
import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mpp_portal.access import can_log_assistance
from mpp_portal.audit import audited_save
from regions.models import Region
from regions.selectors import with_stage

from .models import Assistance, FollowUp, areas_join, overdue_q


def _require(user, region: Region) -> None:
    if not can_log_assistance(user, region):
        raise PermissionDenied(_("Anda tidak berwenang mencatat pendampingan untuk wilayah ini."))


def recorded_stage(region: Region) -> str:
    """The region's recorded stage now, as the lagging list reads it (demo MPPs and commitments left out)."""
    return with_stage(Region.objects.filter(pk=region.pk), include_demo=False).values_list("stage", flat=True)[0]


def assistance_errors(*, form, areas) -> dict[str, list[str]]:
    """What the model cannot say itself (the date's range is ``Assistance.clean``)."""
    errors: dict[str, list[str]] = {}
    if form not in Assistance.Form.values:
        errors["form"] = [_("Pilih bentuk pendampingan.")]
    areas = list(areas or ())
    if not areas:
        errors["areas"] = [_("Pilih setidaknya satu bidang.")]
    elif any(area not in Assistance.Area.values for area in areas):
        errors["areas"] = [_("Bidang tidak dikenal.")]
    return errors


def _check(instance, errors: dict) -> None:
    """Every error at once: the service's and the model's (``full_clean``)."""
    errors = {name: list(messages) for name, messages in errors.items()}
    try:
        instance.full_clean(exclude=list(errors))
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def assistance_create(*, user, region: Region, date: datetime.date, form: str, areas: list[str], findings: str,
                      is_demo: bool = False) -> Assistance:
    """Log an assistance; the region's recorded stage is kept with it (``stage_at_visit``)."""
    _require(user, region)
    errors = assistance_errors(form=form, areas=areas)
    assistance = Assistance(region=region, date=date, form=form, areas=areas_join(areas),
                            findings=(findings or "").strip(), is_demo=is_demo, stage_at_visit=recorded_stage(region),
                            created_by=user if user is not None and user.is_authenticated else None)
    _check(assistance, errors)
    audited_save(assistance, user=user)
    return assistance


@transaction.atomic
def assistance_update(*, user, assistance: Assistance, **changes) -> Assistance:
    """Change an assistance (any of region, date, form, areas, findings). Moving it to another region needs
    the right there too, and takes that region's stage now."""
    locked = Assistance.objects.select_for_update().select_related("region").get(pk=assistance.pk)
    _require(user, locked.region)
    region = changes.get("region", locked.region)
    if region.pk != locked.region_id:
        _require(user, region)
        locked.region, locked.stage_at_visit = region, recorded_stage(region)
    values = {"date": locked.date, "form": locked.form, "areas": locked.area_list, "findings": locked.findings}
    values.update({name: changes[name] for name in values if name in changes})
    errors = assistance_errors(form=values["form"], areas=values["areas"])
    locked.date, locked.form, locked.findings = values["date"], values["form"], (values["findings"] or "").strip()
    locked.areas = areas_join(values["areas"])
    _check(locked, errors)
    audited_save(locked, user=user)
    return locked


@transaction.atomic
def follow_up_create(*, user, assistance: Assistance, description: str, owner_kind: str, due_on: datetime.date,
                     agency: str = "") -> FollowUp:
    _require(user, assistance.region)
    follow_up = FollowUp(assistance=assistance, description=(description or "").strip(), owner_kind=owner_kind,
                         agency=(agency or "").strip() if owner_kind == FollowUp.Owner.AGENCY else "", due_on=due_on)
    _check(follow_up, {})
    audited_save(follow_up, user=user)
    return follow_up


@transaction.atomic
def follow_up_close(*, user, follow_up: FollowUp, state: str, note: str = "") -> FollowUp:
    """Close an open follow-up as done or cancelled; a cancellation needs its reason."""
    locked = FollowUp.objects.select_for_update().select_related("assistance__region").get(pk=follow_up.pk)
    _require(user, locked.assistance.region)
    errors: dict[str, list[str]] = {}
    if locked.state != FollowUp.State.OPEN:
        errors["state"] = [_("Tindak lanjut ini sudah %(state)s.") % {"state": locked.get_state_display().lower()}]
    elif state not in (FollowUp.State.DONE, FollowUp.State.CANCELLED):
        errors["state"] = [_("Pilih selesai atau dibatalkan.")]
    note = (note or "").strip()
    if state == FollowUp.State.CANCELLED and not note:
        errors["note"] = [_("Sebutkan alasan pembatalan.")]
    if errors:
        raise ValidationError(errors)
    locked.state, locked.closing_note = state, note
    locked.closed_at, locked.closed_by = timezone.now(), user if user.is_authenticated else None
    audited_save(locked, user=user)
    return locked


@dataclass
class ReminderReport:
    day: str
    sent: dict[str, int] = field(default_factory=dict)  # address -> overdue follow-ups named
    without_email: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"day": self.day, "sent": self.sent, "without_email": self.without_email}


def _owners(follow_up: FollowUp) -> list:
    """Who answers for a follow-up: the region's officers, the province's coordinators, or (the ministry or
    another agency) the author of the assistance, who follows it up with them."""
    region = follow_up.assistance.region
    if follow_up.owner_kind == FollowUp.Owner.REGION:
        return list(region.officers.filter(is_active=True))
    if follow_up.owner_kind == FollowUp.Owner.PROVINCE:
        return list(region.province.coordinators.filter(is_active=True))
    author = follow_up.assistance.created_by
    return [author] if author is not None and author.is_active else []


def overdue_reminders_send(*, today: datetime.date | None = None) -> ReminderReport:
    """Daily (beat): email each overdue follow-up's owners, once a day at most: a follow-up reminded today
    is skipped, so a second run the same day sends nothing. Demo follow-ups are never sent."""
    today = today or timezone.localdate()
    report = ReminderReport(day=today.isoformat())
    with transaction.atomic():
        due = list(FollowUp.objects.select_for_update(of=("self",)).filter(overdue_q(today), assistance__is_demo=False)
                   .exclude(last_reminded_on__gte=today)
                   .select_related("assistance__region__province", "assistance__created_by").order_by("due_on", "pk"))
        by_user: dict[int, list[FollowUp]] = {}
        users = {}
        for follow_up in due:
            for owner in _owners(follow_up):
                users[owner.pk] = owner
                by_user.setdefault(owner.pk, []).append(follow_up)
        messages = []
        for pk, items in sorted(by_user.items()):
            owner = users[pk]
            if not owner.email:
                report.without_email.append(owner.get_username())
                continue
            subject = _("[Portal MPP] %(n)s tindak lanjut pendampingan lewat tenggat") % {"n": len(items)}
            lines = "\n".join(
                _("- %(region)s: %(text)s (tenggat %(due)s)") % {
                    "region": item.assistance.region.name, "text": item.description[:200],
                    "due": item.due_on.strftime("%d/%m/%Y")} for item in items)
            body = _("Tindak lanjut berikut masih terbuka dan sudah lewat tenggat:\n%(lines)s\n"
                     "Perbarui atau tutup di portal: Pendampingan.") % {"lines": lines}
            messages.append(EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL,
                                         to=[owner.email]))
            report.sent[owner.email] = len(items)
        # Sent before the day is marked: a failed send rolls the mark back and the next run tries again.
        if messages:
            get_connection().send_messages(messages)
        FollowUp.objects.filter(pk__in=[item.pk for item in due]).update(last_reminded_on=today)
    return report
