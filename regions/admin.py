from django.contrib import admin

from mpp_portal.admin import ScopedAdminMixin

from .models import Inauguration, Mpp, Province, Region, StatusUpdate


@admin.register(Province)
class ProvinceAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Region)
class RegionAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name", "kind", "province", "is_dki_administrative"]
    list_filter = ["kind", "is_dki_administrative", "province"]
    search_fields = ["code", "name"]
    list_select_related = ["province"]
    filter_horizontal = ["officers"]
    readonly_fields = ["code"]


@admin.register(Inauguration)
class InaugurationAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["date", "officiated_by", "place", "mode", "reported_count", "is_demo"]
    list_filter = ["mode", "is_demo"]
    search_fields = ["officiated_by", "place", "note"]


@admin.register(Mpp)
class MppAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["name", "region", "status", "inaugurated_on", "tenant_count", "service_count", "is_demo"]
    list_filter = ["status", "digital_status", "oss_integrated", "is_demo"]
    search_fields = ["name", "region__name", "region__code"]
    list_select_related = ["region"]
    raw_id_fields = ["region", "inauguration"]
    # Status changes go through the lifecycle service (officer pages and API), not a free edit here.
    readonly_fields = ["status", "version", "updated_at", "updated_by"]


@admin.register(StatusUpdate)
class StatusUpdateAdmin(ScopedAdminMixin, admin.ModelAdmin):
    list_display = ["at", "mpp", "from_status", "to_status", "by"]
    list_select_related = ["mpp", "by"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
