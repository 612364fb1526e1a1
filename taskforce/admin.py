from django.contrib import admin

from mpp_portal.access import can_log_assistance
from mpp_portal.admin import AuditedModelAdmin, ScopedAdminMixin

from .models import Assistance, FollowUp


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    fields = ["description", "owner_kind", "agency", "due_on", "state", "closing_note"]
    readonly_fields = ["state", "closing_note"]


@admin.register(Assistance)
class AssistanceAdmin(ScopedAdminMixin, AuditedModelAdmin):
    """Edits are recorded (``audited_save``) and allowed where ``can_log_assistance`` allows."""

    list_display = ["region", "date", "form", "areas", "stage_at_visit", "is_demo", "created_by"]
    list_filter = ["form", "is_demo", "date"]
    search_fields = ["region__name", "region__code", "findings"]
    list_select_related = ["region", "created_by"]
    readonly_fields = ["region", "areas", "stage_at_visit", "created_by", "is_demo"]
    protected_relations = ("follow_ups",)  # a deletion would remove them unrecorded
    fields = ["region", "date", "form", "areas", "findings", "stage_at_visit", "is_demo", "created_by"]
    inlines = [FollowUpInline]

    def has_add_permission(self, request):
        return False  # logged on the portal page or the API, which take the region's stage

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or can_log_assistance(request.user, obj.region))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or can_log_assistance(request.user, obj.region))


@admin.register(FollowUp)
class FollowUpAdmin(ScopedAdminMixin, AuditedModelAdmin):
    list_display = ["assistance", "owner_kind", "agency", "due_on", "state", "last_reminded_on"]
    list_filter = ["state", "owner_kind"]
    search_fields = ["description", "agency", "assistance__region__name"]
    list_select_related = ["assistance__region"]
    fields = ["assistance", "description", "owner_kind", "agency", "due_on", "state", "closing_note"]
    readonly_fields = ["assistance"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or can_log_assistance(request.user, obj.assistance.region))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or can_log_assistance(request.user, obj.assistance.region))
