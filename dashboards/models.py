"""Progress targets, the snapshots the recompute job writes, its run records, and publicly reported totals."""
import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mpp_portal.audit import Audited
from mpp_portal.seeded import translate_seeded
from regions import units


class Target(Audited, models.Model):
    """What the rollout is measured against: a metric, a basis of counted units and a deadline."""

    class Metric(models.TextChoices):
        OPERATING = "operating", _("MPP beroperasi")
        DIGITAL_LIVE = "digital_live", _("MPP Digital aktif")

    # Which kab/kota count and as how many units: regions.units decides.
    Basis = units.Basis

    name = models.CharField(_("nama"), max_length=200)
    metric = models.CharField(_("ukuran"), max_length=16, choices=Metric.choices, default=Metric.OPERATING)
    basis = models.CharField(_("basis"), max_length=16, choices=Basis.choices, default=Basis.KEMENPANRB)
    deadline = models.DateField(_("tenggat"))
    position = models.PositiveSmallIntegerField(
        _("urutan"), default=0, help_text=_("Sasaran dengan urutan terkecil tampil pertama di dasbor.")
    )
    is_active = models.BooleanField(_("aktif"), default=True)

    REGION_FIELD = None

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("sasaran")
        verbose_name_plural = _("sasaran")

    def __str__(self):
        return f"{self.name} ({self.get_basis_display()})"

    @property
    def display_name(self) -> str:
        """The name in the page's language (a seeded name has an English form; an edited one is shown as written)."""
        return translate_seeded(self.name)

    @property
    def basis_note(self) -> str:
        return BASIS_NOTES[self.basis]

    @property
    def unit_label(self) -> str:
        """What the target counts, in the words every page uses: units ("unit kab/kota"), never MPP records."""
        return UNIT_LABELS[self.metric]


# "unit kab/kota" always means a target unit; "MPP" alone always means MPP records.
UNIT_LABELS = {
    Target.Metric.OPERATING: _("Unit kab/kota dengan MPP beroperasi"),
    Target.Metric.DIGITAL_LIVE: _("Unit kab/kota dengan MPP Digital aktif"),
}

BASIS_NOTES = {
    Target.Basis.KEMENPANRB: _("508 kab/kota otonom ditambah DKI Jakarta sebagai satu unit (509 unit); DKI tercapai "
                               "bila salah satu dari enam wilayah administrasinya tercapai."),
    Target.Basis.KEMENDAGRI: _("seluruh kabupaten/kota daftar Kemendagri (514), termasuk enam wilayah administrasi "
                               "DKI Jakarta masing-masing."),
}


class RecomputeRun(models.Model):
    """One run of ``recompute_progress``. At most one run waits in the queue: later triggers join it."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Menunggu")
        RUNNING = "running", _("Berjalan")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    state = models.CharField(_("keadaan"), max_length=8, choices=State.choices, default=State.QUEUED, db_index=True)
    trigger = models.CharField(_("pemicu"), max_length=32)
    requested_at = models.DateTimeField(_("diminta"), auto_now_add=True)
    started_at = models.DateTimeField(_("mulai"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("durasi (ms)"), null=True, blank=True)
    snapshot_count = models.PositiveIntegerField(_("jumlah snapshot"), default=0)
    error = models.TextField(_("galat"), blank=True)

    REGION_FIELD = None

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("proses hitung ulang")
        verbose_name_plural = _("proses hitung ulang")
        constraints = [
            # The database, not a check-then-insert, guarantees one queued run: concurrent triggers coalesce.
            models.UniqueConstraint(fields=["state"], condition=models.Q(state="queued"), name="one_queued_recompute"),
        ]

    def __str__(self):
        return f"#{self.pk} {self.get_state_display()} ({self.trigger})"


class ProgressSnapshot(models.Model):
    """The figures of one target, nationally or for one province, as computed by one run. Written only by
    ``dashboards.services.progress_recompute``; dashboards and the API read nothing else."""

    class Scope(models.TextChoices):
        NATIONAL = "national", _("Nasional")
        PROVINCE = "province", _("Provinsi")

    run = models.ForeignKey(RecomputeRun, on_delete=models.CASCADE, related_name="snapshots")
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="snapshots")
    scope = models.CharField(_("cakupan"), max_length=8, choices=Scope.choices)
    province = models.ForeignKey(
        "regions.Province", null=True, blank=True, on_delete=models.CASCADE, related_name="progress_snapshots"
    )
    computed_at = models.DateTimeField(_("dihitung"))
    as_of = models.DateField(_("per tanggal"))
    # Every figure below counts recorded (non-demo) records only; the demo share is kept apart in the demo_*
    # fields and shown beside it ("98 tercatat + 207 contoh"), never inside it.
    numerator = models.PositiveIntegerField(
        _("unit tercapai"),
        help_text="Target units (kab/kota, on the target's basis) reached by recorded records only.")
    denominator = models.PositiveIntegerField(_("unit sasaran"), help_text="Target units on the target's basis.")
    stage_none = models.PositiveIntegerField(default=0, help_text="Target units at stage none, from recorded records.")
    stage_committed = models.PositiveIntegerField(
        default=0, help_text="Target units at stage committed, from recorded records.")
    stage_preparing = models.PositiveIntegerField(
        default=0, help_text="Target units at stage preparing, from recorded records.")
    stage_operating = models.PositiveIntegerField(
        default=0, help_text="Target units at stage operating, from recorded records.")
    mpp_count = models.PositiveIntegerField(
        _("MPP beroperasi"), default=0, help_text="Recorded MPP records that meet the metric (records, not units).")
    added_last_12_months = models.PositiveIntegerField(
        _("tercapai dalam 12 bulan terakhir"), default=0,
        help_text="Target units first reached by recorded records in the 12 months to as_of.")
    projected_completion = models.DateField(
        _("perkiraan selesai"), null=True, blank=True,
        help_text="Month all target units would be reached at the recorded pace of the last 12 months.")
    # [["2017-03", 1], ...]: units reached by the end of each month, from the first month with one.
    series = models.JSONField(
        _("deret bulanan"), default=list,
        help_text="[month, units] cumulative target units reached by recorded records by the end of each month; "
                  "units without a known date are not plotted (undated_count).")
    numerator_at_deadline = models.PositiveIntegerField(
        _("unit tercapai pada tenggat"), default=0,
        help_text="Target units reached by recorded records with a known date on or before the deadline.")
    undated_count = models.PositiveIntegerField(
        _("unit tanpa tanggal peresmian"), default=0,
        help_text="Target units counted in numerator whose recorded MPP has no known inauguration date or window; "
                  "not plotted on the series.")
    # [["2024-06-24", "2024-12-12", 20], ...]: units whose date is known only as a window, plotted at its end.
    windows = models.JSONField(
        _("rentang tanggal"), default=list,
        help_text="[after, by, units]: recorded units whose inauguration is known only within a window; the series "
                  "places them at the window's end.")
    demo_numerator = models.PositiveIntegerField(
        _("unit tercapai hanya oleh data contoh"), default=0,
        help_text="Target units reached only through demo records (contoh): not in numerator.")
    demo_numerator_at_deadline = models.PositiveIntegerField(
        default=0, help_text="Target units reached only through demo records on or before the deadline.")
    demo_mpp_count = models.PositiveIntegerField(
        default=0, help_text="Demo MPP records that meet the metric: not in mpp_count.")
    demo_series = models.JSONField(
        default=list, help_text="[month, units] cumulative target units reached by recorded and demo records "
                                "together; the demo share is this minus series.")
    demo_stages = models.JSONField(
        default=dict, help_text="Target units per stage when demo records are included ({stage: units}).")

    REGION_FIELD = None

    class Meta:
        ordering = ["-computed_at", "-pk"]
        verbose_name = _("snapshot kemajuan")
        verbose_name_plural = _("snapshot kemajuan")
        indexes = [models.Index(fields=["scope", "target", "-run"])]
        constraints = [
            models.UniqueConstraint(fields=["run", "target", "scope", "province"], name="one_snapshot_per_run_scope"),
        ]

    def __str__(self):
        where = self.province.name if self.province_id else _("Nasional")
        return f"{self.target.name} · {where} · {self.computed_at:%Y-%m-%d %H:%M}"

    @property
    def percent(self) -> float:
        return round(100 * self.numerator / self.denominator, 1) if self.denominator else 0.0

    @property
    def remaining(self) -> int:
        return self.denominator - self.numerator

    @property
    def percent_at_deadline(self) -> float:
        return round(100 * self.numerator_at_deadline / self.denominator, 1) if self.denominator else 0.0

    @property
    def deadline_passed(self) -> bool:
        return self.as_of > self.target.deadline

    @property
    def with_demo(self) -> int:
        """Units reached when demo records are included: what a page shows as "N tercatat + M contoh"."""
        return self.numerator + self.demo_numerator

    @property
    def months_past_deadline(self) -> int:
        return max(0, months_between(self.target.deadline, self.as_of))

    @property
    def pace_per_month(self) -> float:
        return self.added_last_12_months / 12

    @property
    def pace_needed(self) -> tuple[float, int]:
        """(units per month, over how many months): to the deadline while it lies ahead, else the next 12 months."""
        months = months_between(self.as_of, self.target.deadline)
        horizon = months if months > 0 else 12
        return self.remaining / horizon, horizon


class ProvinceRegionList(models.Model):
    """Every kab/kota of a province with its stage as one run saw it: the province dashboard's table.
    One per run and province, shared by all targets (a region's stage does not depend on the target)."""

    run = models.ForeignKey(RecomputeRun, on_delete=models.CASCADE, related_name="region_lists")
    province = models.ForeignKey("regions.Province", on_delete=models.CASCADE, related_name="+")
    # [[code, name, kind, is_dki_administrative, stage, mpp_count], ...] ordered by code: compact, as it is
    # written for every province on every run.
    regions = models.JSONField(_("kabupaten/kota"), default=list)

    REGION_FIELD = None

    class Meta:
        verbose_name = _("daftar kabupaten/kota provinsi")
        verbose_name_plural = _("daftar kabupaten/kota provinsi")
        constraints = [models.UniqueConstraint(fields=["run", "province"], name="one_region_list_per_run_province")]

    def __str__(self):
        return f"#{self.run_id} {self.province_id}"


def months_between(start: datetime.date, end: datetime.date) -> int:
    """Whole calendar months from ``start`` to ``end`` (negative when ``end`` comes first)."""
    return (end.year - start.year) * 12 + end.month - start.month - (1 if end.day < start.day else 0)


class ReportedTotal(Audited, models.Model):
    """A national count of operating MPPs as a public source reported it, beside the portal's own count."""

    date = models.DateField(_("tanggal"), unique=True)
    date_note = models.TextField(_("keterangan tanggal"), blank=True)
    total = models.PositiveIntegerField(_("jumlah MPP"))
    added = models.PositiveIntegerField(_("tambahan"), null=True, blank=True)
    source = models.TextField(_("sumber"))
    note = models.TextField(_("catatan"), blank=True)

    REGION_FIELD = None

    class Meta:
        ordering = ["date"]
        verbose_name = _("jumlah yang dilaporkan")
        verbose_name_plural = _("jumlah yang dilaporkan")

    def __str__(self):
        return f"{self.date}: {self.total}"


class DigestSubscription(models.Model):
    """A ministry staff member's opt-in to the weekly digest by email, in the language they chose."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_subscription",
                                verbose_name=_("pengguna"))
    language = models.CharField(_("bahasa"), max_length=8, choices=settings.LANGUAGES, default="id")
    subscribed_at = models.DateTimeField(_("berlangganan sejak"), auto_now_add=True)
    last_sent_at = models.DateTimeField(_("terakhir dikirim"), null=True, blank=True)

    REGION_FIELD = None

    class Meta:
        verbose_name = _("langganan ringkasan mingguan")
        verbose_name_plural = _("langganan ringkasan mingguan")

    def __str__(self):
        return str(self.user)
