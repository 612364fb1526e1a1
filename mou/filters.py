"""One FilterSet for the agreement list page and the API."""
import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Agreement, Institution


class AgreementFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Agreement.Kind.choices, label=_("Jenis"))
    status = django_filters.ChoiceFilter(choices=Agreement.Status.choices, label=_("Status"))
    institution = django_filters.ModelChoiceFilter(
        field_name="parties__institution", queryset=Institution.objects.all(), distinct=True, label=_("Instansi")
    )
    region = django_filters.CharFilter(field_name="mpp__region__code", label=_("Kode wilayah"))
    expiring_within = django_filters.NumberFilter(
        method="filter_expiring_within", min_value=0, max_value=3650, label=_("Berakhir dalam (hari)")
    )
    search = django_filters.CharFilter(method="filter_search", label=_("Cari"))

    class Meta:
        model = Agreement
        fields = ["kind", "status", "institution", "region", "expiring_within", "search"]

    def filter_expiring_within(self, queryset, name, value):
        today = timezone.localdate()
        return queryset.filter(
            expires_on__gte=today, expires_on__lte=today + datetime.timedelta(days=int(value)),
            status__in=[Agreement.Status.SIGNED, Agreement.Status.IN_FORCE],
        )

    def filter_search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(title__icontains=value) | Q(number__icontains=value) | Q(mpp__name__icontains=value))
