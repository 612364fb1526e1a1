from django.contrib import admin

from .models import Release, ReleaseFile


class ReleaseFileInline(admin.TabularInline):
    model = ReleaseFile
    fields = ["name", "media_type", "size", "sha256"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Release)
class ReleaseAdmin(admin.ModelAdmin):
    """Read-only: a published release never changes, so a quoted figure can be traced to it."""

    list_display = ["tag", "published_at", "run_id"]
    fields = ["tag", "published_at", "run_id", "changelog"]
    readonly_fields = fields
    inlines = [ReleaseFileInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
