from django.contrib import admin

from mpp_portal.admin import AuditedModelAdmin, ReadOnlyAdminMixin

from .models import ProgressSnapshot, RecomputeRun, ReportedTotal, Target
from .services import progress_recompute_schedule


@admin.register(Target)
class TargetAdmin(AuditedModelAdmin):
    list_display = ["name", "metric", "basis", "deadline", "position", "is_active"]
    list_filter = ["metric", "basis", "is_active"]

    # Dashboards show a target only once a run has computed it.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        progress_recompute_schedule(trigger="target")

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        progress_recompute_schedule(trigger="target")


@admin.register(RecomputeRun)
class RecomputeRunAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Written only by the recompute job: administrators look, never edit."""

    list_display = ["pk", "state", "trigger", "requested_at", "started_at", "finished_at", "duration_ms",
                    "snapshot_count", "has_error"]
    list_filter = ["state", "trigger"]
    readonly_fields = [f.name for f in RecomputeRun._meta.fields]

    @admin.display(boolean=True, description="galat")
    def has_error(self, obj):
        return bool(obj.error)


@admin.register(ProgressSnapshot)
class ProgressSnapshotAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["computed_at", "target", "scope", "province", "numerator", "denominator", "percent"]
    list_filter = ["scope", "target"]
    list_select_related = ["target", "province"]


@admin.register(ReportedTotal)
class ReportedTotalAdmin(AuditedModelAdmin):
    list_display = ["date", "total", "added", "source"]
