"""Monthly operations reports of operating MPPs (visitors, services, complaints, IKM), their flags for
follow-up, and the figures the recompute job derives from them (``OperationsFigure``, ``VisitorRanking``).

A report goes through the same verification as an officer's MPP change: the states of
``regions.models.MppReport.State`` and the verifier rule of ``regions.reports``.
"""
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regions.models import Mpp, MppReport, Province


class OperationsReport(models.Model):
    """One MPP's month: entered by its officer by the 10th of the next month."""

    State = MppReport.State

    mpp = models.ForeignKey(Mpp, on_delete=models.PROTECT, related_name="operations_reports", verbose_name=_("MPP"))
    # The first day of the month reported.
    month = models.DateField(_("bulan"), db_index=True)
    visitors = models.PositiveIntegerField(_("kunjungan"))
    transactions = models.PositiveIntegerField(_("transaksi layanan"))
    active_services = models.PositiveIntegerField(_("layanan aktif"))
    tenants_present = models.PositiveIntegerField(_("instansi hadir"))
    complaints_received = models.PositiveIntegerField(_("pengaduan masuk"))
    complaints_resolved = models.PositiveIntegerField(_("pengaduan selesai"))
    ikm = models.DecimalField(_("indeks kepuasan masyarakat (IKM)"), max_digits=5, decimal_places=2, null=True,
                              blank=True, help_text=_("25–100; kosongkan bila tidak diukur bulan ini."))
    opening_days = models.PositiveSmallIntegerField(_("hari buka"))
    note = models.TextField(_("catatan"), blank=True)
    state = models.CharField(_("keadaan"), max_length=10, choices=State.choices, default=State.REPORTED,
                             db_index=True)
    # Timeliness counts the first submission: a returned and corrected report keeps it.
    submitted_at = models.DateTimeField(_("pertama dilaporkan"), db_index=True)
    on_time = models.BooleanField(_("tepat waktu"))
    is_demo = models.BooleanField(_("data contoh"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("pelapor"))
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("diputuskan oleh"))
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    decision_note = models.TextField(_("catatan verifikasi / alasan pengembalian"), blank=True)

    REGION_FIELD = "mpp__region"

    class Meta:
        ordering = ["-month", "mpp__name", "pk"]
        verbose_name = _("laporan operasional bulanan")
        verbose_name_plural = _("laporan operasional bulanan")
        constraints = [models.UniqueConstraint(fields=["mpp", "month"], name="operations_report_one_per_month")]
        indexes = [models.Index(fields=["month", "state"])]

    def __str__(self):
        return f"{self.mpp} · {self.month:%Y-%m}"

    def get_absolute_url(self):
        return reverse("operations:report", args=[self.pk])


class OperationsFlag(models.Model):
    """An implausible value, accepted but listed for verifiers until resolved with a note."""

    class Kind(models.TextChoices):
        OUTLIER = "outlier", _("Jauh dari riwayat MPP")
        ZERO_VISITORS = "zero_visitors", _("Nol kunjungan pada hari buka")

    report = models.ForeignKey(OperationsReport, on_delete=models.CASCADE, related_name="flags",
                               verbose_name=_("laporan"))
    kind = models.CharField(_("jenis"), max_length=16, choices=Kind.choices)
    field = models.CharField(_("isian"), max_length=32)
    value = models.PositiveIntegerField(_("nilai"))
    score = models.FloatField(_("skor z termodifikasi"), null=True, blank=True)
    median = models.FloatField(_("median 12 bulan"), null=True, blank=True)
    created_at = models.DateTimeField(_("ditandai"), auto_now_add=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("diselesaikan oleh"))
    resolved_at = models.DateTimeField(_("diselesaikan"), null=True, blank=True)
    resolution_note = models.TextField(_("catatan penyelesaian"), blank=True)

    REGION_FIELD = "report__mpp__region"

    class Meta:
        ordering = ["resolved_at", "-created_at", "pk"]
        verbose_name = _("tanda tindak lanjut")
        verbose_name_plural = _("tanda tindak lanjut")

    def __str__(self):
        return f"{self.report}: {self.get_kind_display()} ({self.field})"


class OperationsFigure(models.Model):
    """Snapshot of one month, national (``province`` empty) or per province. Written only by the recompute
    job; recorded (non-demo) MPPs only. Sums come from verified reports; completeness counts every report
    submitted and not returned."""

    computed_at = models.DateTimeField(_("dihitung"))
    month = models.DateField(_("bulan"))
    province = models.ForeignKey(Province, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                                 verbose_name=_("provinsi"))
    operating = models.PositiveIntegerField(_("MPP beroperasi"))
    reported = models.PositiveIntegerField(_("melapor"))
    on_time = models.PositiveIntegerField(_("melapor tepat waktu"))
    verified = models.PositiveIntegerField(_("laporan terverifikasi"))
    visitors = models.PositiveBigIntegerField(_("kunjungan"))
    transactions = models.PositiveBigIntegerField(_("transaksi layanan"))
    complaints_received = models.PositiveBigIntegerField(_("pengaduan masuk"))
    complaints_resolved = models.PositiveBigIntegerField(_("pengaduan selesai"))
    ikm_average = models.DecimalField(_("rata-rata IKM"), max_digits=5, decimal_places=2, null=True, blank=True)

    REGION_FIELD = None

    class Meta:
        ordering = ["month", "province__code"]
        constraints = [models.UniqueConstraint(fields=["month", "province"], name="operations_figure_one_per_scope",
                                               nulls_distinct=False)]
        verbose_name = _("angka operasional bulanan")
        verbose_name_plural = _("angka operasional bulanan")

    @property
    def completeness(self) -> float | None:
        return self.reported / self.operating if self.operating else None

    @property
    def timeliness(self) -> float | None:
        return self.on_time / self.operating if self.operating else None

    @property
    def resolution_rate(self) -> float | None:
        return self.complaints_resolved / self.complaints_received if self.complaints_received else None


class VisitorRanking(models.Model):
    """Snapshot: an MPP's visitors in a recent month beside its own average of the 12 months before."""

    computed_at = models.DateTimeField(_("dihitung"))
    month = models.DateField(_("bulan"), db_index=True)
    mpp = models.ForeignKey(Mpp, on_delete=models.CASCADE, related_name="+", verbose_name=_("MPP"))
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+", verbose_name=_("provinsi"))
    visitors = models.PositiveIntegerField(_("kunjungan"))
    own_average = models.FloatField(_("rata-rata 12 bulan sebelumnya"), null=True, blank=True)
    relative = models.FloatField(_("terhadap rata-rata sendiri"), null=True, blank=True)

    REGION_FIELD = None

    class Meta:
        ordering = ["month", "visitors"]
        indexes = [models.Index(fields=["month", "visitors"]), models.Index(fields=["month", "relative"])]
        verbose_name = _("peringkat kunjungan")
        verbose_name_plural = _("peringkat kunjungan")


class OperationsRun(models.Model):
    """One run of the recompute job: when, how long, how many rows (DHIS2 logs its analytics runs)."""

    started_at = models.DateTimeField(_("mulai"))
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    trigger = models.CharField(_("pemicu"), max_length=32)
    figures = models.PositiveIntegerField(_("baris angka"), default=0)
    rankings = models.PositiveIntegerField(_("baris peringkat"), default=0)

    REGION_FIELD = None

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("perhitungan angka operasional")
        verbose_name_plural = _("perhitungan angka operasional")
