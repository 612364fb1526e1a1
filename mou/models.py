"""The national MoU, regional cooperation agreements (PKS), their parties and sign-off, and the services
each agency places in an MPP under a PKS."""
from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mpp_portal.audit import Audited
from mpp_portal.seeded import translate_seeded
from mpp_portal.uploads import validate_document


class Institution(Audited, models.Model):
    """A ministry, agency or state company; the 17 parties of the national MoU are seeded by load_history."""

    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Kementerian")
        COURT = "court", _("Lembaga peradilan")
        LAW_ENFORCEMENT = "law_enforcement", _("Penegak hukum")
        AGENCY = "agency", _("Lembaga/badan")
        SOCIAL_SECURITY = "social_security", _("Jaminan sosial")
        STATE_COMPANY = "state_company", _("BUMN")
        OTHER = "other", _("Lainnya")

    name = models.CharField(_("nama"), max_length=200, unique=True)
    short_name = models.CharField(_("nama singkat"), max_length=60)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices, default=Kind.OTHER)

    REGION_FIELD = None  # reference data: changed by admins only

    class Meta:
        ordering = ["name"]
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")

    def __str__(self):
        return self.short_name or self.name

    @property
    def display_name(self) -> str:
        """The name in the page's language: a seeded text has an English form, an edited one is shown as written."""
        return translate_seeded(self.name)


class Agreement(Audited, models.Model):
    """The national MoU or a regional PKS between a DPMPTSP and agencies' local offices for one MPP."""

    audit_fields = ("number", "title", "signed_on", "place", "term_years", "expires_on", "document", "note", "status")

    class Kind(models.TextChoices):
        NATIONAL = "national", _("Nota kesepahaman nasional")
        REGIONAL = "regional", _("PKS daerah")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SIGNED = "signed", _("Ditandatangani")
        IN_FORCE = "in_force", _("Berlaku")
        EXPIRED = "expired", _("Berakhir")
        TERMINATED = "terminated", _("Diakhiri")

    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, db_index=True)
    number = models.CharField(_("nomor"), max_length=120, blank=True)
    title = models.CharField(_("judul"), max_length=300)
    signed_on = models.DateField(_("tanggal penandatanganan"), null=True, blank=True)
    place = models.CharField(_("tempat"), max_length=200, blank=True)
    term_years = models.PositiveSmallIntegerField(
        _("jangka waktu (tahun)"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    expires_on = models.DateField(_("berakhir pada"), null=True, blank=True, db_index=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True, editable=False
    )
    document = models.FileField(
        _("dokumen"), upload_to="agreements/%Y/", blank=True, validators=[validate_document]
    )
    mpp = models.ForeignKey(
        "regions.Mpp", null=True, blank=True, on_delete=models.PROTECT, related_name="agreements",
        verbose_name=_("MPP"),
    )
    note = models.TextField(_("catatan"), blank=True)
    source = models.TextField(_("sumber"), blank=True)
    is_demo = models.BooleanField(_("data contoh"), default=False)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    REGION_FIELD = "mpp__region"

    class Meta:
        ordering = ["kind", "-signed_on", "-pk"]
        verbose_name = _("perjanjian")
        verbose_name_plural = _("perjanjian")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="national", mpp__isnull=True) | Q(kind="regional", mpp__isnull=False),
                name="agreement_pks_belongs_to_an_mpp",
            )
        ]

    def __str__(self):
        return self.number or self.title

    @property
    def display_title(self) -> str:
        """The title in the page's language: a seeded text has an English form, an edited one is shown as written."""
        return translate_seeded(self.title)

    @property
    def display_label(self) -> str:
        """What ``str()`` shows (the number, else the title), with the title in the page's language."""
        return self.number or self.display_title


class Clause(Audited, models.Model):
    class Section(models.TextChoices):
        PURPOSE = "purpose", _("Maksud dan tujuan")
        SCOPE = "scope", _("Ruang lingkup")
        ROLES = "roles", _("Pembagian peran para pihak")
        SERVICE_DELIVERY = "service_delivery", _("Pelaksanaan pemberian pelayanan pada MPP")
        TERM = "term", _("Jangka waktu")
        FINANCING = "financing", _("Pembiayaan")
        CORRESPONDENCE = "correspondence", _("Korespondensi")
        EVALUATION = "evaluation", _("Evaluasi")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="clauses")
    section = models.CharField(_("bagian"), max_length=20, choices=Section.choices)
    text = models.TextField(_("teks"), blank=True)
    text_published = models.BooleanField(
        _("teks dipublikasikan"), default=True,
        help_text=_("Mati bila teks resminya tidak dipublikasikan; ringkasan sumber ditampilkan sebagai gantinya."),
    )
    summary = models.TextField(_("ringkasan menurut sumber"), blank=True)

    REGION_FIELD = "agreement__mpp__region"

    class Meta:
        ordering = ["agreement", "pk"]
        verbose_name = _("pasal")
        verbose_name_plural = _("pasal")
        constraints = [models.UniqueConstraint(fields=["agreement", "section"], name="clause_one_per_section")]

    def __str__(self):
        return self.get_section_display()

    @property
    def display_summary(self) -> str:
        """The summary in the page's language: a seeded text has an English form, an edited one is shown as written."""
        return translate_seeded(self.summary)


class AgreementParty(Audited, models.Model):
    """One party to an agreement: an institution, or for a PKS the region's DPMPTSP. Admins sign it off."""

    audit_fields = ("signatory_title", "signatory_name", "signed_on", "signed_off_by")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    institution = models.ForeignKey(
        Institution, null=True, blank=True, on_delete=models.PROTECT, related_name="parties",
        verbose_name=_("instansi"),
    )
    is_dpmptsp = models.BooleanField(_("DPMPTSP daerah"), default=False)
    label = models.CharField(_("nama pihak"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("urutan"), default=0)
    signatory_title = models.CharField(_("jabatan penanda tangan"), max_length=200, blank=True)
    signatory_name = models.CharField(_("nama penanda tangan"), max_length=200, blank=True)
    signed_on = models.DateField(_("tanggal tanda tangan"), null=True, blank=True)
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("terakhir diubah oleh"),
    )
    last_edited_at = models.DateTimeField(_("terakhir diubah"), null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("disahkan oleh"),
    )
    signed_off_at = models.DateTimeField(_("disahkan pada"), null=True, blank=True)

    REGION_FIELD = "agreement__mpp__region"

    class Meta:
        ordering = ["agreement", "position", "pk"]
        verbose_name = _("pihak perjanjian")
        verbose_name_plural = _("pihak perjanjian")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "institution"], condition=Q(institution__isnull=False),
                name="party_institution_once_per_agreement",
            ),
            models.CheckConstraint(
                condition=Q(is_dpmptsp=True, institution__isnull=True) | Q(is_dpmptsp=False, institution__isnull=False),
                name="party_is_an_institution_or_the_dpmptsp",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.label or (self.institution.name if self.institution_id else "")

    @property
    def display_name(self) -> str:
        """The party in the page's language: a seeded institution's English name; a label as written."""
        return self.label or (self.institution.display_name if self.institution_id else "")

    @property
    def display_signatory_title(self) -> str:
        """The signatory's title in the page's language: a seeded text has an English form, an edited one is shown as written."""
        return translate_seeded(self.signatory_title)

    @property
    def is_signed_off(self) -> bool:
        return self.signed_off_at is not None


class SignOffRevocation(models.Model):
    """A withdrawn sign-off: who had signed off, who revoked it and why (append-only)."""

    party = models.ForeignKey(AgreementParty, on_delete=models.CASCADE, related_name="revocations")
    signed_off_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    signed_off_at = models.DateTimeField(_("disahkan pada"))
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    revoked_at = models.DateTimeField(_("dicabut pada"), auto_now_add=True)
    reason = models.TextField(_("alasan"))

    REGION_FIELD = "party__agreement__mpp__region"

    class Meta:
        ordering = ["-revoked_at", "-pk"]
        verbose_name = _("pencabutan pengesahan")
        verbose_name_plural = _("pencabutan pengesahan")

    def __str__(self):
        return f"{self.party}: {self.revoked_at:%Y-%m-%d}"


class ServicePlacement(models.Model):
    """From a PKS: an institution serves in the PKS's MPP with this many services."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="placements")
    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="placements", verbose_name=_("instansi")
    )
    service_count = models.PositiveIntegerField(_("jumlah layanan"), validators=[MinValueValidator(1)])
    services = models.TextField(_("layanan"), blank=True)
    rooms = models.CharField(_("ruang/loket"), max_length=200, blank=True)
    service_days = models.CharField(_("hari layanan"), max_length=200, blank=True)
    staff_count = models.PositiveSmallIntegerField(_("jumlah petugas"), null=True, blank=True)

    REGION_FIELD = "agreement__mpp__region"

    class Meta:
        ordering = ["agreement", "institution__name"]
        verbose_name = _("penempatan layanan")
        verbose_name_plural = _("penempatan layanan")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "institution"], name="placement_once_per_agreement")
        ]

    def __str__(self):
        return f"{self.institution} ({self.service_count})"


class Amendment(models.Model):
    """An addendum to an agreement."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="amendments")
    number = models.CharField(_("nomor"), max_length=120, blank=True)
    dated = models.DateField(_("tanggal"))
    note = models.TextField(_("isi perubahan"))
    document = models.FileField(
        _("dokumen"), upload_to="agreements/addenda/%Y/", blank=True, validators=[validate_document]
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)

    REGION_FIELD = "agreement__mpp__region"

    class Meta:
        ordering = ["agreement", "dated", "pk"]
        verbose_name = _("adendum")
        verbose_name_plural = _("adendum")

    def __str__(self):
        return f"{_('Adendum')} {self.dated:%Y-%m-%d}"
