import django_filters
from django.utils.translation import gettext_lazy as _

from .models import OperationsFlag, OperationsReport


class OperationsReportFilterSet(django_filters.FilterSet):
    """One filter set for the report list page and the API list."""

    state = django_filters.ChoiceFilter(choices=OperationsReport.State.choices, label=_("Keadaan"))
    month = django_filters.DateFilter(input_formats=["%Y-%m", "%Y-%m-%d"], label=_("Bulan"))
    province = django_filters.CharFilter(field_name="mpp__region__province__code", label=_("Provinsi"))
    region = django_filters.CharFilter(field_name="mpp__region__code", label=_("Wilayah"))
    mpp = django_filters.NumberFilter(field_name="mpp_id", label=_("MPP"), min_value=1, max_value=2_147_483_647)
    flagged = django_filters.BooleanFilter(method="filter_flagged", label=_("Bertanda"))
    is_demo = django_filters.BooleanFilter(label=_("Data contoh"))

    class Meta:
        model = OperationsReport
        fields = ["state", "month", "province", "region", "mpp", "flagged", "is_demo"]

    def filter_flagged(self, queryset, name, value):
        if value is None:
            return queryset
        open_flag = {"flags__resolved_at__isnull": True}
        return (queryset.filter(**open_flag) if value else queryset.exclude(**open_flag)).distinct()


class OperationsFlagFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=OperationsFlag.Kind.choices, label=_("Jenis"))
    province = django_filters.CharFilter(field_name="report__mpp__region__province__code", label=_("Provinsi"))
    resolved = django_filters.BooleanFilter(field_name="resolved_at", lookup_expr="isnull", exclude=True,
                                            label=_("Sudah diselesaikan"))

    class Meta:
        model = OperationsFlag
        fields = ["kind", "province", "resolved"]
