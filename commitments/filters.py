"""One FilterSet per list, shared by pages and API."""
import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Commitment


class CommitmentFilterSet(django_filters.FilterSet):
    region = django_filters.CharFilter(field_name="region__code", label=_("Kode wilayah"))
    province = django_filters.CharFilter(field_name="region__province__code", label=_("Kode provinsi"))
    outcome = django_filters.ChoiceFilter(choices=Commitment.Outcome.choices, label=_("Hasil"))

    class Meta:
        model = Commitment
        fields = ["event", "region", "province", "outcome", "is_demo"]
