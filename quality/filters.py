"""One FilterSet per list, shared by the HTML pages and the API."""
import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mpp_portal.access import officer_region_ids
from regions.models import Mpp, Province, Region

from .models import DigitalPilot, Evaluation, EvaluationCategory, FiscalCapacity, ReadinessCheck, ReadinessCriterion


def _province_filter():
    return django_filters.ModelChoiceFilter(
        field_name="region__province", to_field_name="code", queryset=Province.objects.all(), label=_("Provinsi")
    )


class EvaluationFilterSet(django_filters.FilterSet):
    year = django_filters.NumberFilter(label=_("Tahun"), min_value=2000, max_value=2100)
    category = django_filters.ModelChoiceFilter(
        to_field_name="key", queryset=EvaluationCategory.objects.all(), label=_("Kategori")
    )
    region = django_filters.ModelChoiceFilter(
        to_field_name="code", queryset=Region.objects.all(), label=_("Wilayah (kode)")
    )
    province = _province_filter()

    class Meta:
        model = Evaluation
        fields = ["year", "category", "region", "province"]


class ReadinessCheckFilterSet(django_filters.FilterSet):
    mpp = django_filters.NumberFilter(field_name="mpp_id", label=_("MPP (id)"), min_value=1, max_value=2**63 - 1)
    criterion = django_filters.ModelChoiceFilter(
        to_field_name="key", queryset=ReadinessCriterion.objects.all(), label=_("Kriteria")
    )
    verified = django_filters.BooleanFilter(field_name="verified_at", lookup_expr="isnull", exclude=True,
                                            label=_("Terverifikasi"))
    met = django_filters.BooleanFilter(label=_("Terpenuhi"))

    class Meta:
        model = ReadinessCheck
        fields = ["mpp", "criterion", "verified", "met"]


class FiscalCapacityFilterSet(django_filters.FilterSet):
    year = django_filters.NumberFilter(label=_("Tahun"), min_value=2000, max_value=2100)
    fiscal_class = django_filters.ChoiceFilter(choices=FiscalCapacity.FiscalClass.choices, label=_("Kelas"))
    province = _province_filter()

    class Meta:
        model = FiscalCapacity
        fields = ["year", "fiscal_class", "province"]


class DigitalPilotFilterSet(django_filters.FilterSet):
    province = _province_filter()
    resolved = django_filters.BooleanFilter(field_name="region", lookup_expr="isnull", exclude=True,
                                            label=_("Wilayah pasti"))

    class Meta:
        model = DigitalPilot
        fields = ["province", "resolved"]


class MppQualityFilterSet(django_filters.FilterSet):
    province = _province_filter()
    digital_status = django_filters.ChoiceFilter(choices=Mpp.DigitalStatus.choices, label=_("MPP Digital"))
    oss_integrated = django_filters.BooleanFilter(label=_("Terintegrasi OSS"))
    mine = django_filters.BooleanFilter(method="filter_mine", label=_("Wilayah saya"))
    search = django_filters.CharFilter(method="filter_search", label=_("Cari"))

    class Meta:
        model = Mpp
        fields = ["province", "digital_status", "oss_integrated", "mine", "search"]

    def __init__(self, *args, request_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request_user = request_user if request_user is not None else getattr(self.request, "user", None)

    def filter_mine(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(region__pk__in=officer_region_ids(self.request_user))

    def filter_search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(region__name__icontains=value) | Q(region__code=value))
