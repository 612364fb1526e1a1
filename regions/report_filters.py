"""The verifier's queue filter, shared by the page and the API."""
import datetime

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import MppReport, Province


class ReportFilterSet(django_filters.FilterSet):
    province = django_filters.ModelChoiceFilter(
        field_name="mpp__region__province", to_field_name="code", queryset=Province.objects.all(),
        label=_("Provinsi"),
    )
    kind = django_filters.ChoiceFilter(choices=MppReport.Kind.choices, label=_("Jenis perubahan"))
    older_than = django_filters.NumberFilter(
        method="filter_older_than", label=_("Menunggu lebih dari (hari)"), min_value=0, max_value=36500,
    )
    state = django_filters.ChoiceFilter(choices=MppReport.State.choices, label=_("Keadaan"))
    mpp = django_filters.NumberFilter(field_name="mpp_id", label=_("MPP"), min_value=1, max_value=2_147_483_647)
    level = django_filters.ChoiceFilter(choices=MppReport.Level.choices, method="filter_level",
                                        label=_("Menunggu di tingkat"))

    class Meta:
        model = MppReport
        fields = ["province", "kind", "older_than", "state", "mpp", "level"]

    def filter_level(self, queryset, name, value):
        from .report_rules import at_level_q

        return queryset.filter(at_level_q(value))

    def filter_older_than(self, queryset, name, value):
        return queryset.filter(created_at__lt=timezone.now() - datetime.timedelta(days=int(value)))
