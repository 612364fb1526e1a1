"""How good the MPPs are (yearly evaluation), how far MPP Digital has spread (pilots, readiness
checklist) and the fiscal capacity of regions, for the quality pages and the national dashboard."""
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mpp_portal.audit import Audited
from mpp_portal.seeded import translate_seeded
from regions.models import Mpp, Region


class EvaluationCategory(Audited, models.Model):
    """A category of the yearly evaluation (monev); rank 1 is the best ("Prima"). Seeded, editable by admins."""

    key = models.SlugField(_("kunci"), max_length=32, unique=True)
    name = models.CharField(_("nama"), max_length=64, unique=True)
    rank = models.PositiveSmallIntegerField(_("peringkat"), unique=True, help_text=_("1 = kategori terbaik."))

    REGION_FIELD = None

    class Meta:
        ordering = ["rank"]
        verbose_name = _("kategori evaluasi")
        verbose_name_plural = _("kategori evaluasi")

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        """The name in the page's language: a seeded text has an English form, an edited one is shown as written."""
        return translate_seeded(self.name)


class Evaluation(Audited, models.Model):
    """One year's evaluation result of a region's MPP.

    The region is required and the MPP optional: a published result names a region ("Prima: Badung"),
    and recording that fact must not require inventing an MPP record the portal does not yet have.
    """

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="evaluations", verbose_name=_("wilayah"))
    mpp = models.ForeignKey(
        Mpp, null=True, blank=True, on_delete=models.PROTECT, related_name="evaluations", verbose_name=_("MPP")
    )
    year = models.PositiveSmallIntegerField(
        _("tahun"), db_index=True, validators=[MinValueValidator(2017), MaxValueValidator(2100)]
    )
    category = models.ForeignKey(
        EvaluationCategory, on_delete=models.PROTECT, related_name="evaluations", verbose_name=_("kategori")
    )
    score = models.DecimalField(
        _("nilai"), max_digits=5, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    decree = models.CharField(_("keputusan"), max_length=120, blank=True, help_text=_("mis. SK MenPANRB 661/2024"))
    source = models.TextField(_("sumber"), blank=True)
    note = models.TextField(_("catatan"), blank=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    REGION_FIELD = "region"

    class Meta:
        ordering = ["-year", "category__rank", "region__code"]
        verbose_name = _("hasil evaluasi")
        verbose_name_plural = _("hasil evaluasi")
        constraints = [
            models.UniqueConstraint(
                fields=["mpp", "year"], condition=Q(mpp__isnull=False), name="quality_evaluation_one_per_mpp_year"
            ),
            models.UniqueConstraint(
                fields=["region", "year"], condition=Q(mpp__isnull=True),
                name="quality_evaluation_one_per_region_year_without_mpp",
            ),
        ]

    def __str__(self):
        return f"{self.mpp or self.region} {self.year}: {self.category}"


class DigitalPilot(Audited, models.Model):
    """A region where MPP Digital was piloted (soft launch of 20 June 2023), as the source wrote it."""

    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="digital_pilots",
        verbose_name=_("wilayah"), help_text=_("Kosong bila nama dari sumber tidak dapat dipastikan."),
    )
    written_as = models.CharField(_("ditulis sebagai"), max_length=120)
    launched_on = models.DateField(_("tanggal"))
    launched_by = models.CharField(_("diluncurkan oleh"), max_length=200, blank=True)
    source = models.TextField(_("sumber"), blank=True)
    note = models.TextField(_("catatan"), blank=True)

    REGION_FIELD = "region"

    class Meta:
        ordering = ["launched_on", "written_as"]
        verbose_name = _("rintisan MPP Digital")
        verbose_name_plural = _("rintisan MPP Digital")
        constraints = [
            models.UniqueConstraint(fields=["launched_on", "written_as"], name="quality_pilot_once_per_launch"),
        ]

    def __str__(self):
        return f"{self.written_as} ({self.launched_on})"


class ReadinessCriterion(Audited, models.Model):
    """One of the readiness criteria for MPP Digital (KepMenPANRB 457/2024). Seeded by a data migration."""

    key = models.SlugField(_("kunci"), max_length=64, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    position = models.PositiveSmallIntegerField(_("urutan"), unique=True)
    source = models.TextField(_("sumber"), blank=True)

    REGION_FIELD = None

    class Meta:
        ordering = ["position"]
        verbose_name = _("kriteria kesiapan MPP Digital")
        verbose_name_plural = _("kriteria kesiapan MPP Digital")

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        """The name in the page's language: a seeded text has an English form, an edited one is shown as written."""
        return translate_seeded(self.name)


class ReadinessCheck(Audited, models.Model):
    """Whether one MPP meets one readiness criterion: filled in by the region's officer, verified by an admin."""

    audit_fields = ("met", "evidence_note", "verified_by", "verified_at")

    mpp = models.ForeignKey(Mpp, on_delete=models.PROTECT, related_name="readiness_checks", verbose_name=_("MPP"))
    criterion = models.ForeignKey(
        ReadinessCriterion, on_delete=models.PROTECT, related_name="checks", verbose_name=_("kriteria")
    )
    met = models.BooleanField(_("terpenuhi"), default=False)
    evidence_note = models.TextField(_("catatan bukti"), blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("diisi oleh")
    )
    checked_at = models.DateTimeField(_("diisi pada"))
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("diverifikasi oleh"),
    )
    verified_at = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)

    REGION_FIELD = "mpp__region"

    class Meta:
        ordering = ["mpp__region__code", "mpp__name", "criterion__position"]
        verbose_name = _("pemeriksaan kesiapan")
        verbose_name_plural = _("pemeriksaan kesiapan")
        constraints = [models.UniqueConstraint(fields=["mpp", "criterion"], name="quality_check_one_per_criterion")]

    def __str__(self):
        return f"{self.mpp}: {self.criterion}"

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None


class FiscalCapacity(Audited, models.Model):
    """A region's fiscal capacity class for a year (Kemenkeu PMK "Peta Kapasitas Fiskal Daerah")."""

    class FiscalClass(models.TextChoices):
        VERY_HIGH = "sangat_tinggi", _("Sangat tinggi")
        HIGH = "tinggi", _("Tinggi")
        MEDIUM = "sedang", _("Sedang")
        LOW = "rendah", _("Rendah")
        VERY_LOW = "sangat_rendah", _("Sangat rendah")

    LOW_CLASSES = (FiscalClass.LOW, FiscalClass.VERY_LOW)

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="fiscal_capacities", verbose_name=_("wilayah")
    )
    year = models.PositiveSmallIntegerField(
        _("tahun"), db_index=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    fiscal_class = models.CharField(_("kapasitas fiskal"), max_length=16, choices=FiscalClass.choices, db_index=True)
    regulation = models.CharField(_("peraturan"), max_length=120, help_text=_("mis. PMK 65/2024"))
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    REGION_FIELD = "region"

    class Meta:
        ordering = ["-year", "region__code"]
        verbose_name = _("kapasitas fiskal")
        verbose_name_plural = _("kapasitas fiskal")
        constraints = [models.UniqueConstraint(fields=["region", "year"], name="quality_fiscal_one_per_region_year")]

    def __str__(self):
        return f"{self.region} {self.year}: {self.get_fiscal_class_display()}"
