"""The task force's assistance (pendampingan) to kab/kota and the follow-ups (tindak lanjut) it agreed.

The Tim Kerja Percepatan Penyelenggaraan MPP strengthens regions on institutions, budgeting and IT and
assists those forming an MPP. Who may log an assistance is ``mpp_portal.access.can_log_assistance``.
"""
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mpp_portal.audit import Audited
from regions.models import Region

FIRST_DAY = datetime.date(2017, 1, 1)  # the programme's first year (Permenpan RB 23/2017)


class Assistance(Audited, models.Model):
    """One assistance to one kab/kota on one day."""

    class Form(models.TextChoices):
        FIELD_VISIT = "kunjungan", _("Kunjungan lapangan")
        ONLINE = "daring", _("Daring")
        CLINIC = "klinik", _("Klinik konsultasi (coaching clinic)")
        WRITTEN = "tertulis", _("Tertulis")

    class Area(models.TextChoices):
        """The areas of the guidelines (pedoman penyelenggaraan MPP)."""

        INSTITUTION = "kelembagaan", _("Kelembagaan")
        BUDGET = "anggaran", _("Anggaran")
        BUILDING = "gedung", _("Gedung/sarana")
        IT = "ti", _("Teknologi informasi")
        SERVICES = "layanan", _("Layanan & tenant")
        REGULATION = "regulasi", _("Regulasi")

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="assistances",
                               verbose_name=_("kabupaten/kota"))
    date = models.DateField(_("tanggal"), db_index=True)
    form = models.CharField(_("bentuk"), max_length=10, choices=Form.choices)
    # The chosen areas, comma-separated in the order of ``Area`` ("kelembagaan,ti"): portable filtering on
    # SQLite and PostgreSQL without a join.
    areas = models.CharField(_("bidang"), max_length=100)
    findings = models.TextField(_("temuan"))
    # The region's recorded stage (regions.selectors.with_stage) when the assistance was logged: the lagging
    # list's "assisted and still in the same stage".
    stage_at_visit = models.CharField(_("tahap saat pendampingan"), max_length=10, choices=Region.Stage.choices,
                                      editable=False)
    is_demo = models.BooleanField(_("data contoh"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("dicatat oleh"), editable=False)
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    REGION_FIELD = "region"
    audit_fields = ("region", "date", "form", "areas", "findings", "stage_at_visit", "is_demo")

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("pendampingan")
        verbose_name_plural = _("pendampingan")
        indexes = [models.Index(fields=["region", "date"])]

    def __str__(self):
        return f"{self.region} · {self.date:%d/%m/%Y}"

    def get_absolute_url(self):
        return reverse("taskforce:detail", args=[self.pk])

    def clean(self):
        """The rules every path shares (service, admin): the date lies between 2017 and today."""
        if self.date is not None and self.date > timezone.localdate():
            raise ValidationError({"date": _("Tanggal pendampingan tidak boleh di masa depan.")})
        if self.date is not None and self.date < FIRST_DAY:
            raise ValidationError({"date": _("Tanggal pendampingan tidak boleh sebelum tahun 2017.")})

    @property
    def area_list(self) -> list[str]:
        return [area for area in self.areas.split(",") if area]

    @property
    def area_labels(self) -> list[str]:
        labels = dict(self.Area.choices)
        return [str(labels.get(area, area)) for area in self.area_list]


def areas_join(areas) -> str:
    """The stored form of a set of areas: known ones, in the order of ``Assistance.Area``."""
    chosen = set(areas or ())
    return ",".join(area for area in Assistance.Area.values if area in chosen)


def area_q(area: str) -> Q:
    """Assistances that cover ``area``."""
    return (Q(areas=area) | Q(areas__startswith=f"{area},") | Q(areas__endswith=f",{area}")
            | Q(areas__contains=f",{area},"))


class FollowUp(Audited, models.Model):
    """A follow-up agreed at an assistance: who does what by when."""

    class Owner(models.TextChoices):
        REGION = "daerah", _("Pemerintah daerah")
        PROVINCE = "provinsi", _("Pemerintah provinsi")
        MINISTRY = "kementerian", _("Kementerian PANRB")
        AGENCY = "instansi", _("Instansi lain")

    class State(models.TextChoices):
        OPEN = "terbuka", _("Terbuka")
        DONE = "selesai", _("Selesai")
        CANCELLED = "dibatalkan", _("Dibatalkan")

    assistance = models.ForeignKey(Assistance, on_delete=models.CASCADE, related_name="follow_ups",
                                   verbose_name=_("pendampingan"))
    description = models.TextField(_("uraian"))
    owner_kind = models.CharField(_("penanggung jawab"), max_length=12, choices=Owner.choices)
    agency = models.CharField(_("nama instansi"), max_length=200, blank=True,
                              help_text=_("Wajib bila penanggung jawab instansi lain."))
    due_on = models.DateField(_("tenggat"), db_index=True)
    state = models.CharField(_("keadaan"), max_length=12, choices=State.choices, default=State.OPEN, db_index=True)
    closed_at = models.DateTimeField(_("ditutup"), null=True, blank=True, editable=False)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="+", verbose_name=_("ditutup oleh"), editable=False)
    closing_note = models.TextField(_("catatan penutupan"), blank=True)
    # The day the overdue reminder last went out: at most one a day.
    last_reminded_on = models.DateField(_("terakhir diingatkan"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)

    REGION_FIELD = "assistance__region"
    audit_fields = ("description", "owner_kind", "agency", "due_on", "state", "closing_note")

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("tindak lanjut")
        verbose_name_plural = _("tindak lanjut")

    def __str__(self):
        return f"{self.assistance.region}: {self.description[:60]}"

    def get_absolute_url(self):
        return reverse("taskforce:detail", args=[self.assistance_id]) + f"#tindak-lanjut-{self.pk}"

    def clean(self):
        errors = {}
        if self.owner_kind == self.Owner.AGENCY and not self.agency.strip():
            errors["agency"] = _("Sebutkan nama instansi penanggung jawab.")
        if self.due_on is not None and self.assistance_id and self.due_on < self.assistance.date:
            errors["due_on"] = _("Tenggat tidak boleh sebelum tanggal pendampingan.")
        if errors:
            raise ValidationError(errors)

    @property
    def owner_label(self) -> str:
        if self.owner_kind == self.Owner.AGENCY and self.agency:
            return self.agency
        return self.get_owner_kind_display()

    @property
    def is_overdue(self) -> bool:
        return is_overdue(self)


# Overdue: still open and its due date has passed. One rule, as a Python predicate and as the same query.
def is_overdue(follow_up: FollowUp, today: datetime.date | None = None) -> bool:
    return follow_up.state == FollowUp.State.OPEN and follow_up.due_on < (today or timezone.localdate())


def overdue_q(today: datetime.date | None = None) -> Q:
    return Q(state=FollowUp.State.OPEN, due_on__lt=today or timezone.localdate())
