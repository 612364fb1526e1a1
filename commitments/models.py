from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from mpp_portal.audit import Audited
from mpp_portal.dates import programme_date_error, programme_year_error


class SigningEvent(Audited, models.Model):
    """A commitment signing (penandatanganan komitmen) by heads of region."""

    audit_fields = ("date", "year", "date_note", "place", "counterpart", "source", "note")

    date = models.DateField(_("tanggal"), null=True, blank=True, db_index=True)
    year = models.PositiveSmallIntegerField(_("tahun"), null=True, blank=True)
    date_note = models.CharField(_("keterangan tanggal"), max_length=255, blank=True)
    place = models.CharField(_("tempat"), max_length=255, blank=True)
    counterpart = models.CharField(_("disaksikan oleh"), max_length=255, blank=True)
    source = models.TextField(_("sumber"), blank=True)
    note = models.TextField(_("catatan"), blank=True)
    is_demo = models.BooleanField(_("data contoh"), default=False)

    REGION_FIELD = None

    class Meta:
        ordering = ["-date", "-year", "-pk"]
        verbose_name = _("penandatanganan komitmen")
        verbose_name_plural = _("penandatanganan komitmen")

    def clean(self):
        errors = {}
        if error := programme_date_error(self.date):
            errors["date"] = error
        if error := programme_year_error(self.year):
            errors["year"] = error
        if errors:
            raise ValidationError(errors)

    def __str__(self):
        when = self.date or self.year or self.date_note
        return f"{_('Penandatanganan komitmen')} {when}"


class Commitment(Audited, models.Model):
    audit_fields = ("region", "signatory_name", "signatory_title", "outcome", "absence_reason", "target_year", "source")

    class Outcome(models.TextChoices):
        SIGNED = "signed", _("Ditandatangani")
        ABSENT = "absent", _("Tidak hadir")

    event = models.ForeignKey(SigningEvent, on_delete=models.PROTECT, related_name="commitments")
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="commitments")
    signatory_name = models.CharField(_("nama penanda tangan"), max_length=200, blank=True)
    signatory_title = models.CharField(_("jabatan"), max_length=100, blank=True)
    outcome = models.CharField(_("hasil"), max_length=10, choices=Outcome.choices, default=Outcome.SIGNED)
    absence_reason = models.CharField(_("alasan tidak hadir"), max_length=255, blank=True)
    target_year = models.PositiveSmallIntegerField(_("target tahun MPP beroperasi"), null=True, blank=True)
    source = models.TextField(_("sumber"), blank=True)
    is_demo = models.BooleanField(_("data contoh"), default=False)

    REGION_FIELD = "region"

    class Meta:
        ordering = ["event", "region__code"]
        constraints = [models.UniqueConstraint(fields=["event", "region"], name="one_commitment_per_event_region")]
        verbose_name = _("komitmen")
        verbose_name_plural = _("komitmen")

    def __str__(self):
        return f"{self.region}: {self.get_outcome_display()}"
