from django.contrib import admin

from mpp_portal.admin import AuditedModelAdmin, ReadOnlyAdminMixin, ScopedAdminMixin

from .models import Agreement, AgreementParty, Amendment, Clause, Institution, ServicePlacement


@admin.register(Institution)
class InstitutionAdmin(ScopedAdminMixin, AuditedModelAdmin):
    list_display = ["name", "short_name", "kind"]
    protected_relations = ("parties", "placements")
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


class ClauseInline(admin.StackedInline):
    model = Clause
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(ScopedAdminMixin, AuditedModelAdmin):
    """Clause texts and descriptive fields only: dates, term, parties and status go through the services
    (pages and API), which derive expiry and status and record the history."""

    list_display = ["__str__", "kind", "signed_on", "status", "expires_on", "mpp"]
    list_filter = ["kind", "status", "is_demo"]
    search_fields = ["number", "title", "mpp__name"]
    list_select_related = ["mpp"]
    readonly_fields = ["kind", "mpp", "signed_on", "term_years", "expires_on", "status", "is_demo"]
    inlines = [ClauseInline]
    # Agreements end by status (expired, terminated), never by deleting their parties and history.
    protected_relations = ("parties", "clauses", "placements", "amendments")

    def has_add_permission(self, request):
        return False


@admin.register(AgreementParty)
class AgreementPartyAdmin(ReadOnlyAdminMixin, ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "agreement", "signatory_title", "signed_off_by", "signed_off_at"]
    list_select_related = ["agreement", "institution", "signed_off_by"]


@admin.register(ServicePlacement)
class ServicePlacementAdmin(ReadOnlyAdminMixin, ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["institution", "agreement", "service_count", "staff_count"]
    list_select_related = ["institution", "agreement"]


@admin.register(Amendment)
class AmendmentAdmin(ReadOnlyAdminMixin, ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["agreement", "dated", "number"]
    list_select_related = ["agreement"]
