"""One FilterSet per list, shared by the HTML pages and the API."""
import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Mpp, Province, Region


class ProvinceFilterSet(django_filters.FilterSet):
    search = django_filters.CharFilter(method="filter_search", label=_("Cari"))

    class Meta:
        model = Province
        fields = ["search"]

    def filter_search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(code=value))


class RegionFilterSet(django_filters.FilterSet):
    province = django_filters.ModelChoiceFilter(
        field_name="province", to_field_name="code", queryset=Province.objects.all(), label=_("Provinsi")
    )
    kind = django_filters.ChoiceFilter(choices=Region.Kind.choices, label=_("Jenis"))
    stage = django_filters.ChoiceFilter(choices=Region.Stage.choices, label=_("Tahap"), method="filter_stage")
    search = django_filters.CharFilter(method="filter_search", label=_("Cari nama"))

    class Meta:
        model = Region
        fields = ["province", "kind", "stage", "search"]

    def filter_search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value.strip()) | Q(code=value.strip()))

    def filter_stage(self, queryset, name, value):
        # ``stage`` is annotated by regions.selectors.with_stage on every queryset this set filters.
        return queryset.filter(stage=value)


class MppFilterSet(django_filters.FilterSet):
    region = django_filters.CharFilter(field_name="region__code", label=_("Kode wilayah"))
    province = django_filters.CharFilter(field_name="region__province__code", label=_("Kode provinsi"))
    status = django_filters.ChoiceFilter(choices=Mpp.Status.choices, label=_("Status"))
    search = django_filters.CharFilter(method="filter_search", label=_("Cari"))

    class Meta:
        model = Mpp
        fields = ["region", "province", "status", "search"]

    def filter_search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(region__name__icontains=value) | Q(address__icontains=value))
