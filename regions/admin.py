from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from mpp_portal.admin import AuditedModelAdmin, ReadOnlyAdminMixin, ScopedAdminMixin

from . import report_rules
from .models import Inauguration, Mpp, MppReport, MppTenant, Province, Region, StatusUpdate
from .services import region_officers_set


@admin.register(Province)
class ProvinceAdmin(ReadOnlyAdminMixin, ScopedAdminMixin, admin.ModelAdmin):
    """Read-only: the registry comes from Kemendagri through load_regions."""

    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Region)
class RegionAdmin(ScopedAdminMixin, AuditedModelAdmin):
    list_display = ["code", "name", "kind", "province", "is_dki_administrative"]
    list_filter = ["kind", "is_dki_administrative", "province"]
    search_fields = ["code", "name"]
    list_select_related = ["province"]
    filter_horizontal = ["officers"]
    # The registry fields come from Kemendagri through load_regions; only the officers are set here.
    readonly_fields = ["code", "name", "kind", "province", "is_dki_administrative"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_related(self, request, form, formsets, change):
        region_officers_set(user=request.user, region=form.instance, officers=form.cleaned_data["officers"])


@admin.register(Inauguration)
class InaugurationAdmin(ScopedAdminMixin, AuditedModelAdmin):
    list_display = ["date", "officiated_by", "place", "mode", "reported_count", "is_demo"]
    list_filter = ["mode", "is_demo"]
    search_fields = ["officiated_by", "place", "note"]
    # Deleting an event would silently unlink the MPPs it inaugurated.
    protected_relations = ("mpps",)


@admin.register(Mpp)
class MppAdmin(ReadOnlyAdminMixin, ScopedAdminMixin, admin.ModelAdmin):
    """Read-only: MPPs change only through regions.services (portal pages and API), so every change is
    checked by the lifecycle and recorded in the history. "View on site" opens the portal's page."""

    list_display = ["name", "region", "status", "inaugurated_on", "tenant_count", "service_count", "is_demo"]
    list_filter = ["status", "digital_status", "oss_integrated", "is_demo"]
    search_fields = ["name", "region__name", "region__code"]
    list_select_related = ["region"]


@admin.register(StatusUpdate)
class StatusUpdateAdmin(ReadOnlyAdminMixin, ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["at", "mpp", "from_status", "to_status", "by"]
    list_select_related = ["mpp", "by"]


@admin.register(MppReport)
class MppReportAdmin(ReadOnlyAdminMixin, ScopedAdminMixin, admin.ModelAdmin):
    """Read-only: reports are verified or returned on the verifier's pages (regions.reports), so every
    step is checked and recorded in the MPP's history."""

    list_display = ["pk", "mpp", "kind", "state", "level_now", "created_by", "created_at", "checked_by",
                    "decided_by", "decided_at", "is_demo"]
    list_filter = ["state", "kind", "returned_at_level", "is_demo"]
    search_fields = ["mpp__name", "mpp__region__name", "note", "decision_note"]
    list_select_related = ["mpp__region", "created_by", "checked_by", "decided_by"]

    def changelist_view(self, request, extra_context=None):
        self._checking = report_rules.checking_province_ids()  # once per page, not per row
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("menunggu di tingkat"))
    def level_now(self, report):
        """The same predicate as the pages and API (``regions.report_rules``)."""
        level = report_rules.level_now(report, checking=getattr(self, "_checking", None))
        return MppReport.Level(level).label if level else "—"


@admin.register(MppTenant)
class MppTenantAdmin(ReadOnlyAdminMixin, ScopedAdminMixin, admin.ModelAdmin):
    """Read-only: an MPP's tenant list is written only by the MPP gateway (regions.services.mpp_write), from the
    portal's tenant page, the API or a verified report, so every change is in the MPP's history."""

    list_display = ["name", "mpp", "kind", "service_count", "since", "institution_key", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["name", "institution_key", "mpp__name", "mpp__region__name"]
    list_select_related = ["mpp"]
