"""Releases of the open datasets: immutable once published, so a figure quoted in the news can be traced."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class Release(models.Model):
    """One published set of the open data files. Only ``services.release_publish`` creates releases; nothing
    changes them afterwards (the admin is read-only)."""

    tag = models.CharField(_("nomor rilis"), max_length=32, unique=True)
    published_at = models.DateTimeField(_("diterbitkan"))
    run_id = models.PositiveIntegerField(_("proses hitung ulang"), null=True, blank=True)
    changelog = models.TextField(_("catatan perubahan"))

    REGION_FIELD = None

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = ["published_at", "pk"]
        verbose_name = _("rilis data terbuka")
        verbose_name_plural = _("rilis data terbuka")

    def __str__(self):
        return self.tag


class ReleaseFile(models.Model):
    """One file of a release, kept byte for byte with its SHA-256."""

    release = models.ForeignKey(Release, on_delete=models.PROTECT, related_name="files")
    name = models.CharField(_("nama berkas"), max_length=100)
    media_type = models.CharField(_("jenis media"), max_length=60)
    content = models.BinaryField(_("isi"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("ukuran (bita)"))

    REGION_FIELD = None

    class Meta:
        ordering = ["release", "name"]
        verbose_name = _("berkas rilis")
        verbose_name_plural = _("berkas rilis")
        constraints = [models.UniqueConstraint(fields=["release", "name"], name="one_file_name_per_release")]

    def __str__(self):
        return f"{self.release.tag}/{self.name}"
