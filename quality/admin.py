from django.contrib import admin

from mpp_portal.admin import AuditedModelAdmin, ReadOnlyAdminMixin, ScopedAdminMixin

from .models import DigitalPilot, Evaluation, EvaluationCategory, FiscalCapacity, ReadinessCheck, ReadinessCriterion


@admin.register(EvaluationCategory)
class EvaluationCategoryAdmin(ScopedAdminMixin, AuditedModelAdmin):
    list_display = ["rank", "name", "key"]
    protected_relations = ("evaluations",)


@admin.register(Evaluation)
class EvaluationAdmin(ScopedAdminMixin, AuditedModelAdmin):
    list_display = ["year", "region", "mpp", "category", "score", "decree"]
    list_filter = ["year", "category"]
    search_fields = ["region__name", "region__code", "mpp__name", "decree"]
    list_select_related = ["region", "mpp", "category"]
    raw_id_fields = ["region", "mpp"]


@admin.register(DigitalPilot)
class DigitalPilotAdmin(ScopedAdminMixin, AuditedModelAdmin):
    list_display = ["written_as", "region", "launched_on", "launched_by"]
    list_select_related = ["region"]
    raw_id_fields = ["region"]


@admin.register(ReadinessCriterion)
class ReadinessCriterionAdmin(ScopedAdminMixin, AuditedModelAdmin):
    list_display = ["position", "name", "key"]
    protected_relations = ("checks",)


@admin.register(ReadinessCheck)
class ReadinessCheckAdmin(ReadOnlyAdminMixin, ScopedAdminMixin, admin.ModelAdmin):
    """Read-only here: answers and verification go through the services (pages and API), which keep history."""

    list_display = ["mpp", "criterion", "met", "checked_by", "checked_at", "verified_by", "verified_at"]
    list_filter = ["criterion", "met"]
    list_select_related = ["mpp", "criterion", "checked_by", "verified_by"]


@admin.register(FiscalCapacity)
class FiscalCapacityAdmin(ScopedAdminMixin, AuditedModelAdmin):
    list_display = ["year", "region", "fiscal_class", "regulation"]
    list_filter = ["year", "fiscal_class"]
    search_fields = ["region__name", "region__code"]
    list_select_related = ["region"]
    raw_id_fields = ["region"]
