from django.contrib import admin

from mpp_portal.admin import ScopedAdminMixin

from .models import OperationsFigure, OperationsFlag, OperationsReport, OperationsRun


class ReadOnlyAdmin(ScopedAdminMixin, admin.ModelAdmin):
    """Read-only: reports, decisions and flags go through the services (pages and API), which keep history."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OperationsReport)
class OperationsReportAdmin(ReadOnlyAdmin):
    list_display = ["mpp", "month", "visitors", "transactions", "state", "on_time", "is_demo"]
    list_filter = ["state", "on_time", "is_demo", "month"]
    search_fields = ["mpp__name", "mpp__region__name", "mpp__region__code"]
    list_select_related = ["mpp"]


@admin.register(OperationsFlag)
class OperationsFlagAdmin(ReadOnlyAdmin):
    list_display = ["report", "kind", "field", "value", "score", "resolved_at"]
    list_filter = ["kind"]
    list_select_related = ["report__mpp"]


@admin.register(OperationsFigure)
class OperationsFigureAdmin(ReadOnlyAdmin):
    list_display = ["month", "province", "operating", "reported", "on_time", "visitors"]
    list_filter = ["month"]


@admin.register(OperationsRun)
class OperationsRunAdmin(ReadOnlyAdmin):
    list_display = ["started_at", "finished_at", "trigger", "figures", "rankings"]
