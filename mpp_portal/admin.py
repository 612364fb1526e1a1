from django.contrib import admin

from .models import ChangeRecord


class ReadOnlyAdminMixin:
    """The change history is append-only: viewable in the admin, never edited or deleted there."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ChangeRecord)
class ChangeRecordAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["at", "object_repr", "action", "user", "region"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_repr", "note"]
    list_select_related = ["user", "region"]
    date_hierarchy = "at"


class ScopedAdminMixin:
    """Admin querysets pass through the same scoping function as pages and API."""

    def get_queryset(self, request):
        from .access import scope

        return scope(request.user, super().get_queryset(request), action="view")
