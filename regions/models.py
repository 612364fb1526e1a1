from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mpp_portal.audit import Audited
from mpp_portal.dates import programme_date_error


class Province(models.Model):
    code = models.CharField(_("kode Kemendagri"), max_length=2, unique=True)
    name = models.CharField(_("nama"), max_length=100)
    # The provincial organisation bureau's accounts (role "Koordinator Provinsi"), see mpp_portal.access.
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="coordinated_provinces", verbose_name=_("koordinator")
    )

    REGION_FIELD = None  # provinces are read-only reference data for every role but admins

    class Meta:
        ordering = ["code"]
        verbose_name = _("provinsi")
        verbose_name_plural = _("provinsi")

    def __str__(self):
        return self.name


class Region(Audited, models.Model):
    """A kabupaten or kota of the Kemendagri registry, keyed by its code ("35.79")."""

    audit_fields = ("name", "kind")

    class Kind(models.TextChoices):
        KABUPATEN = "kabupaten", _("Kabupaten")
        KOTA = "kota", _("Kota")

    class Stage(models.TextChoices):
        NONE = "none", _("Belum ada")
        COMMITTED = "committed", _("Komitmen")
        PREPARING = "preparing", _("Persiapan")
        OPERATING = "operating", _("Beroperasi")

    code = models.CharField(_("kode Kemendagri"), max_length=13, unique=True)
    name = models.CharField(_("nama"), max_length=100, db_index=True)
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, db_index=True)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="regions")
    is_dki_administrative = models.BooleanField(
        _("unit administratif DKI Jakarta"),
        default=False,
        help_text=_("Salah satu dari enam kabupaten/kota administrasi DKI Jakarta (bukan daerah otonom)."),
    )
    officers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="officer_regions", verbose_name=_("petugas")
    )
    # Whether the head of region has signed a commitment: kept by ``regions.services.
    # region_commitment_signed_set``, which the commitments app calls after each change of its records, so
    # the region's stage is derived here without regions reading the commitments app.
    has_signed_commitment = models.BooleanField(_("komitmen ditandatangani"), default=False, editable=False)
    # The same, counting recorded (non-demo) commitments only: the recorded stage every figure shows.
    has_recorded_signed_commitment = models.BooleanField(
        _("komitmen tercatat ditandatangani"), default=False, editable=False)

    REGION_FIELD = ""

    class Meta:
        ordering = ["code"]
        verbose_name = _("kabupaten/kota")
        verbose_name_plural = _("kabupaten/kota")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("regions:detail", args=[self.code])


class Inauguration(Audited, models.Model):
    """A batch inauguration ceremony (peresmian) and the MPPs it inaugurated."""

    audit_fields = ("date", "date_note", "date_after", "date_before", "place", "officiated_by", "mode", "reported_count",
                    "source", "note")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("Tatap muka")
        ONLINE = "online", _("Daring")

    date = models.DateField(_("tanggal"), null=True, blank=True, db_index=True)
    date_note = models.CharField(_("keterangan tanggal"), max_length=255, blank=True)
    # When the day is unknown but the sources bound it (the 2024 soft launches: after 24 June, by 12 December
    # 2024), the curve places its MPPs at the end of this window and says so.
    date_after = models.DateField(_("setelah tanggal"), null=True, blank=True,
                                  help_text=_("Bila tanggalnya tidak diketahui: batas awal menurut sumber."))
    date_before = models.DateField(_("paling lambat tanggal"), null=True, blank=True,
                                   help_text=_("Bila tanggalnya tidak diketahui: batas akhir menurut sumber."))
    place = models.CharField(_("tempat"), max_length=255, blank=True)
    officiated_by = models.CharField(_("diresmikan oleh"), max_length=255, blank=True)
    # Blank when the source does not say whether the ceremony was in person or online.
    mode = models.CharField(_("cara"), max_length=10, choices=Mode.choices, blank=True, default=Mode.IN_PERSON)
    reported_count = models.PositiveIntegerField(_("jumlah MPP menurut sumber"), null=True, blank=True)
    source = models.TextField(_("sumber"), blank=True)
    note = models.TextField(_("catatan"), blank=True)
    is_demo = models.BooleanField(_("data contoh"), default=False)

    REGION_FIELD = None

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("peresmian")
        verbose_name_plural = _("peresmian")

    def __str__(self):
        return f"{_('Peresmian')} {self.date or self.date_note}"

    def clean(self):
        if self.date_after and self.date_before and self.date_after >= self.date_before:
            raise ValidationError({"date_before": _("Batas akhir rentang tanggal harus sesudah batas awalnya.")})
        if error := programme_date_error(self.date):
            raise ValidationError({"date": error})


class Mpp(Audited, models.Model):
    """A public service mall. A region may have more than one; the region's stage derives from them."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Direncanakan")
        COMMITTED = "committed", _("Komitmen")
        PREPARING = "preparing", _("Persiapan")
        OPERATING = "operating", _("Beroperasi")
        SUSPENDED = "suspended", _("Tidak beroperasi")

    class DigitalStatus(models.TextChoices):
        NONE = "none", _("Belum")
        ONBOARDING = "onboarding", _("Dalam proses")
        LIVE = "live", _("Aktif")

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="mpps", verbose_name=_("wilayah"))
    name = models.CharField(_("nama"), max_length=200)
    address = models.TextField(_("alamat"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED, db_index=True
    )
    inaugurated_on = models.DateField(_("tanggal peresmian"), null=True, blank=True, db_index=True)
    inauguration = models.ForeignKey(
        Inauguration, null=True, blank=True, on_delete=models.SET_NULL, related_name="mpps",
        verbose_name=_("peresmian"),
    )
    tenant_count = models.PositiveIntegerField(_("jumlah instansi/UPP"), default=0)
    service_count = models.PositiveIntegerField(_("jumlah layanan"), default=0)
    # Recorded history names MPPs whose tenant and service counts no source gives: kept as unknown, not as 0.
    counts_unknown = models.BooleanField(
        _("jumlah instansi/layanan tidak diketahui"), default=False,
        help_text=_("Sumber tidak menyebut jumlah instansi/UPP dan layanan MPP ini."),
    )
    # A tenant list started by one linked agency (a PKS placement) is partial: the MPP's recorded counts stand
    # until someone gives the whole list (regions.tenants.counts_from_list).
    tenant_list_complete = models.BooleanField(
        _("daftar instansi lengkap"), default=False,
        help_text=_("Daftar instansi memuat semua instansi yang melayani; jumlah instansi dan layanan dihitung darinya."),
    )
    oss_integrated = models.BooleanField(_("terintegrasi OSS"), default=False)
    oss_integrated_on = models.DateField(_("tanggal integrasi OSS"), null=True, blank=True)
    digital_status = models.CharField(
        _("MPP Digital"), max_length=10, choices=DigitalStatus.choices, default=DigitalStatus.NONE, db_index=True
    )
    digital_since = models.DateField(_("MPP Digital sejak"), null=True, blank=True)
    latitude = models.DecimalField(
        _("lintang"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("bujur"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    source = models.TextField(_("sumber"), blank=True, help_text=_("Kutipan atau URL sumber data MPP ini."))
    is_demo = models.BooleanField(_("data contoh"), default=False)
    version = models.PositiveIntegerField(_("versi"), default=1)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("diperbarui oleh"),
    )

    REGION_FIELD = "region"

    class Meta:
        ordering = ["region__code", "name"]
        verbose_name = _("MPP")
        verbose_name_plural = _("MPP")
        indexes = [models.Index(fields=["status", "inaugurated_on"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("regions:mpp-detail", args=[self.pk])


def evidence_path(instance, filename):
    return f"evidence/{instance.mpp_id}/{filename}"


class StatusUpdate(models.Model):
    """The append-only status history of an MPP, with its evidence."""

    mpp = models.ForeignKey(Mpp, on_delete=models.PROTECT, related_name="status_updates")
    from_status = models.CharField(_("dari"), max_length=10, choices=Mpp.Status.choices)
    to_status = models.CharField(_("menjadi"), max_length=10, choices=Mpp.Status.choices)
    note = models.TextField(_("catatan"), blank=True)
    evidence = models.FileField(_("bukti"), upload_to=evidence_path, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)

    REGION_FIELD = "mpp__region"

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("pembaruan status")
        verbose_name_plural = _("pembaruan status")

    def __str__(self):
        return f"{self.mpp}: {self.from_status} → {self.to_status}"


def report_evidence_path(instance, filename):
    return f"reports/{instance.mpp_id}/{filename}"


class MppTenant(models.Model):
    """An agency serving in an MPP (instansi penyelenggara): its kind, service count and since when it serves.

    Written only by the MPP gateway (``regions.services.mpp_write``, ``tenants=``), so the list holds verified
    values like the MPP row; officers change it through reports. Where an MPP has a list, its ``tenant_count``
    and ``service_count`` are derived from it (``regions.tenants.tenant_totals``). ``institution_key`` is the
    short name of a national institution (``mou.models.Institution.short_name``): mou reads a party's presence
    in an MPP from here (regions does not import mou)."""

    class Kind(models.TextChoices):
        CENTRAL = "central", _("Instansi pusat")
        REGIONAL = "regional", _("OPD daerah")
        STATE_COMPANY = "bumn", _("BUMN")
        BANK = "bank", _("Bank")

    mpp = models.ForeignKey(Mpp, on_delete=models.CASCADE, related_name="tenants", verbose_name=_("MPP"))
    name = models.CharField(_("nama instansi"), max_length=200)
    kind = models.CharField(_("jenis instansi"), max_length=10, choices=Kind.choices)
    service_count = models.PositiveIntegerField(_("jumlah layanan"), default=0)
    since = models.DateField(_("melayani sejak"), null=True, blank=True)
    institution_key = models.CharField(_("kunci instansi nasional"), max_length=60, blank=True, db_index=True)
    is_demo = models.BooleanField(_("data contoh"), default=False)

    REGION_FIELD = "mpp__region"

    class Meta:
        ordering = ["mpp", "name"]
        verbose_name = _("instansi penyelenggara")
        verbose_name_plural = _("instansi penyelenggara")
        constraints = [models.UniqueConstraint(fields=["mpp", "name"], name="tenant_once_per_mpp")]

    def __str__(self):
        return f"{self.name} ({self.mpp})"


class MppReport(models.Model):
    """An officer's proposed change to an MPP: field values (before/after), a note and evidence.

    The MPP row holds verified values only; a report changes it when a verifier verifies it
    (``regions.reports``). Admin corrections are reports verified on entry.
    """

    class State(models.TextChoices):
        REPORTED = "reported", _("Menunggu verifikasi")
        # Passed by the province's coordinator (first level): waits for the ministry's verification.
        CHECKED = "checked", _("Diperiksa provinsi")
        VERIFIED = "verified", _("Terverifikasi")
        RETURNED = "returned", _("Dikembalikan")

    class Level(models.TextChoices):
        """Who acts on a waiting report (``regions.report_rules``): the province's coordinator first where
        the province has one, then the ministry's verifier."""

        PROVINCE = "province", _("provinsi")
        MINISTRY = "ministry", _("kementerian")

    class Kind(models.TextChoices):
        STATUS = "status", _("Perubahan status")
        DATA = "data", _("Perubahan data")
        NOTE = "note", _("Catatan/bukti saja")

    mpp = models.ForeignKey(Mpp, on_delete=models.PROTECT, related_name="reports", verbose_name=_("MPP"))
    kind = models.CharField(_("jenis laporan"), max_length=10, choices=Kind.choices, db_index=True)
    state = models.CharField(
        _("keadaan"), max_length=10, choices=State.choices, default=State.REPORTED, db_index=True
    )
    # {field: [verified value when reported, proposed value]}, as JSON values.
    changes = models.JSONField(_("perubahan"), default=dict, blank=True)
    base_version = models.PositiveIntegerField(_("versi MPP yang dilaporkan"))
    note = models.TextField(_("catatan"), blank=True)
    evidence = models.FileField(_("bukti"), upload_to=report_evidence_path, blank=True)
    is_demo = models.BooleanField(_("data contoh"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("pelapor")
    )
    created_at = models.DateTimeField(_("dilaporkan"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("diputuskan oleh"),
    )
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    decision_note = models.TextField(_("catatan verifikasi / alasan pengembalian"), blank=True)
    # The province's first check (two-level approval); empty for a province without a coordinator.
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("diperiksa oleh"),
    )
    checked_at = models.DateTimeField(_("diperiksa provinsi"), null=True, blank=True)
    check_note = models.TextField(_("catatan pemeriksaan provinsi"), blank=True)
    # The level that returned a returned report (province or ministry).
    returned_at_level = models.CharField(
        _("dikembalikan di tingkat"), max_length=10, choices=Level.choices, blank=True
    )

    REGION_FIELD = "mpp__region"

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("laporan MPP")
        verbose_name_plural = _("laporan MPP")
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self):
        return f"{_('Laporan')} #{self.pk} · {self.mpp}"


class MppReportBatch(models.Model):
    """A bulk verification: the reports a verifier saw in a filtered queue, verified by a Celery job that
    records a result per report (verified, skipped because it changed after the page was shown, failed)."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Menunggu")
        DONE = "done", _("Selesai")

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    note = models.TextField(_("catatan verifikasi"), blank=True)
    # [[report id, the report's updated_at as shown], ...]
    requested = models.JSONField(_("laporan yang diminta"), default=list)
    state = models.CharField(_("keadaan"), max_length=10, choices=State.choices, default=State.QUEUED)
    # [{"report": id, "outcome": "verified" | "skipped" | "failed", "message": str}, ...]
    results = models.JSONField(_("hasil"), default=list, blank=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)

    REGION_FIELD = None

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("verifikasi massal")
        verbose_name_plural = _("verifikasi massal")

    def __str__(self):
        return f"{_('Verifikasi massal')} #{self.pk}"
