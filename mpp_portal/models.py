"""The change history: one append-only record per change to a tracked record (who, when, what, why)."""
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _


class Audited:
    """Mixin for models whose every write is recorded.

    ``audit_fields`` names what the history shows (default: every editable concrete field);
    ``audit_region`` is the region whose timeline lists the record's changes, found along the same
    ``REGION_FIELD`` path that scoping uses.
    """

    audit_fields: tuple[str, ...] | None = None

    def audit_region(self):
        path = getattr(self, "REGION_FIELD", None)
        if path is None:
            return None
        obj = self
        for name in filter(None, path.split("__")):
            obj = getattr(obj, name, None)
            if obj is None:
                return None
        return obj


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied(_("Riwayat perubahan tidak dapat diubah."))

    def delete(self):
        raise PermissionDenied(_("Riwayat perubahan tidak dapat dihapus."))


class ChangeRecord(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("Dibuat")
        UPDATE = "update", _("Diubah")
        STATUS = "status", _("Perubahan status")
        SIGN_OFF = "sign_off", _("Disahkan")
        REVOKE = "revoke", _("Pengesahan dicabut")
        DELETE = "delete", _("Dihapus")
        IMPORT = "import", _("Diimpor")
        REPORT = "report", _("Dilaporkan")
        VERIFY = "verify", _("Diverifikasi")
        RETURN = "return", _("Dikembalikan")

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(_("rekaman"), max_length=255)
    # The region the record belongs to, so a region's timeline shows its MPPs' changes too.
    region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="change_records"
    )
    action = models.CharField(_("tindakan"), max_length=16, choices=Action.choices)
    changes = models.JSONField(_("perubahan"), default=dict, blank=True)
    note = models.TextField(_("catatan"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The author's name as it was when the change was made: a later rename does not rewrite history.
    user_name = models.CharField(_("oleh"), max_length=150, blank=True)
    at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "-at"])]
        verbose_name = _("riwayat perubahan")
        verbose_name_plural = _("riwayat perubahan")

    @property
    def author_name(self) -> str:
        """Who made the change, as named at the time; "sistem" for commands and loaders."""
        return self.user_name or (self.user.get_username() if self.user_id else _("sistem"))

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.object_repr}: {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied(_("Riwayat perubahan tidak dapat diubah."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied(_("Riwayat perubahan tidak dapat dihapus."))


class ApiToken(Audited, models.Model):
    """An API token. Only its SHA-256 digest is stored, so the key is shown once, when it is issued.

    A token expires, dies with a password change (it remembers a fingerprint of the password hash it was
    issued under) and is revoked by its user (``DELETE /api/auth/token/``), by a new login or by an admin.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens",
                             verbose_name=_("pengguna"))
    digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("awalan"), max_length=8, editable=False)
    password_fingerprint = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    expires_at = models.DateTimeField(_("berakhir"))

    # An admin's revocation (the admin's delete) is recorded; the digest never appears in the history.
    audit_fields = ("user", "prefix", "expires_at")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("token API")
        verbose_name_plural = _("token API")

    def __str__(self):
        return f"{self.prefix}… ({self.user})"
