import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Assistance, FollowUp, area_q, overdue_q


class AssistanceFilterSet(django_filters.FilterSet):
    """One filter set for the assistance list page, the API list and the export."""

    province = django_filters.CharFilter(field_name="region__province__code", label=_("Provinsi"))
    region = django_filters.CharFilter(field_name="region__code", label=_("Kabupaten/kota"))
    area = django_filters.ChoiceFilter(choices=Assistance.Area.choices, method="filter_area", label=_("Bidang"))
    form = django_filters.ChoiceFilter(choices=Assistance.Form.choices, label=_("Bentuk"))
    is_demo = django_filters.BooleanFilter(label=_("Data contoh"))

    class Meta:
        model = Assistance
        fields = ["province", "region", "area", "form", "is_demo"]

    def filter_area(self, queryset, name, value):
        return queryset.filter(area_q(value)) if value else queryset


class FollowUpFilterSet(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=FollowUp.State.choices, label=_("Keadaan"))
    owner_kind = django_filters.ChoiceFilter(choices=FollowUp.Owner.choices, label=_("Penanggung jawab"))
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("Lewat tenggat"))
    province = django_filters.CharFilter(field_name="assistance__region__province__code", label=_("Provinsi"))
    region = django_filters.CharFilter(field_name="assistance__region__code", label=_("Kabupaten/kota"))
    assistance = django_filters.NumberFilter(field_name="assistance_id", label=_("Pendampingan"), min_value=1,
                                             max_value=2_147_483_647)

    class Meta:
        model = FollowUp
        fields = ["state", "owner_kind", "overdue", "province", "region", "assistance"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(overdue_q()) if value else queryset.exclude(overdue_q())
