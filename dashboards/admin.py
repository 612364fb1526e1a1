from django.contrib import admin

from .models import ProgressSnapshot, RecomputeRun, ReportedTotal, Target
from .services import progress_recompute_schedule


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["name", "metric", "basis", "deadline", "position", "is_active"]
    list_filter = ["metric", "basis", "is_active"]

    # Dashboards show a target only once a run has computed it.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        progress_recompute_schedule(trigger="target")

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        progress_recompute_schedule(trigger="target")


class ReadOnlyAdmin(admin.ModelAdmin):
    """Written only by the recompute job: administrators look, never edit."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RecomputeRun)
class RecomputeRunAdmin(ReadOnlyAdmin):
    list_display = ["pk", "state", "trigger", "requested_at", "started_at", "finished_at", "duration_ms",
                    "snapshot_count", "has_error"]
    list_filter = ["state", "trigger"]
    readonly_fields = [f.name for f in RecomputeRun._meta.fields]

    @admin.display(boolean=True, description="galat")
    def has_error(self, obj):
        return bool(obj.error)


@admin.register(ProgressSnapshot)
class ProgressSnapshotAdmin(ReadOnlyAdmin):
    list_display = ["computed_at", "target", "scope", "province", "numerator", "denominator", "percent"]
    list_filter = ["scope", "target"]
    list_select_related = ["target", "province"]


@admin.register(ReportedTotal)
class ReportedTotalAdmin(admin.ModelAdmin):
    list_display = ["date", "total", "added", "source"]
