from django.contrib import admin

from .audit import Audited, audited_delete, audited_save
from .models import ApiToken, ChangeRecord


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


class AuditedModelAdmin(admin.ModelAdmin):
    """The admin's writes of an audited model go through ``audited_save`` / ``audited_delete``, so each
    leaves exactly one change record, as a service's write does. Inlines of audited models too.

    ``protected_relations`` names reverse relations whose records a deletion would unlink or remove: while
    any exist, the record cannot be deleted here (and the bulk delete action is off).
    """

    protected_relations: tuple[str, ...] = ()

    def save_model(self, request, obj, form, change):
        audited_save(obj, user=request.user)

    def delete_model(self, request, obj):
        audited_delete(obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        if not issubclass(formset.model, Audited):
            return super().save_formset(request, form, formset, change)
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            audited_delete(obj, user=request.user)
        for obj in instances:
            audited_save(obj, user=request.user)
        formset.save_m2m()

    def has_delete_permission(self, request, obj=None):
        if obj is not None and any(getattr(obj, name).exists() for name in self.protected_relations):
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if self.protected_relations:
            actions.pop("delete_selected", None)
        return actions


@admin.register(ApiToken)
class ApiTokenAdmin(AuditedModelAdmin):
    """Admins see who holds a token and revoke it (delete, recorded in the history); they never see a key
    nor mint one for another user, so no one can act as someone else through the API."""

    list_display = ["user", "prefix", "created_at", "expires_at"]
    list_select_related = ["user"]
    search_fields = ["user__username"]
    fields = ["user", "prefix", "created_at", "expires_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
