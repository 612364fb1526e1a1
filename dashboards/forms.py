"""The filters of the lagging list, one form for the page, the API and the export."""
from django import forms
from django.utils.translation import gettext_lazy as _

from quality.models import FiscalCapacity
from regions.models import Province, Region
from taskforce.selectors import DEFAULT_MONTHS, MAX_MONTHS

from .models import Target

LAGGING_STAGES = [(Region.Stage.NONE.value, Region.Stage.NONE.label),
                  (Region.Stage.COMMITTED.value, Region.Stage.COMMITTED.label),
                  (Region.Stage.PREPARING.value, Region.Stage.PREPARING.label)]


class LaggingFilterForm(forms.Form):
    basis = forms.ChoiceField(label=_("Basis"), choices=Target.Basis.choices, required=False)
    province = forms.ModelChoiceField(label=_("Provinsi"), queryset=Province.objects.all(), to_field_name="code",
                                      required=False, empty_label=_("Semua provinsi"))
    stage = forms.ChoiceField(label=_("Tahap"), choices=[("", _("Semua"))] + LAGGING_STAGES, required=False)
    min_months = forms.IntegerField(label=_("Lama di tahap, minimal (bulan)"), min_value=0, max_value=600,
                                    required=False)
    fiscal_class = forms.ChoiceField(
        label=_("Kapasitas fiskal"), required=False,
        choices=[("", _("Semua")), *FiscalCapacity.FiscalClass.choices, ("none", _("Tidak ada data"))],
    )
    # The task force's assistance (taskforce.selectors.lagging_region_ids): never assisted, or assisted in the
    # last ``bulan`` months and still in the same stage.
    pendampingan = forms.ChoiceField(label=_("Pendampingan"), required=False, choices=[
        ("", _("Semua")), ("tanpa", _("Belum pernah didampingi")),
        ("tetap", _("Didampingi, tahap tetap"))])
    bulan = forms.IntegerField(label=_("Didampingi dalam (bulan) terakhir"), min_value=1, max_value=MAX_MONTHS,
                               required=False, help_text=_("Untuk \"didampingi, tahap tetap\"; bawaan 6."))

    IGNORED_ON_PAGE = ("pendampingan", "bulan")

    def selector_kwargs(self) -> dict:
        """The cleaned filters as ``dashboards.lagging.lagging_list`` takes them."""
        data = self.cleaned_data
        months = data.get("min_months")
        return {
            "basis": data.get("basis") or Target.Basis.KEMENPANRB,
            "province": data["province"].code if data.get("province") else None,
            "stage": data.get("stage") or None,
            # A month as the calendar has it on average, so "12 months" is a year.
            "min_days": round(months * 365 / 12) if months else None,
            "fiscal_class": data.get("fiscal_class") or None,
            "assistance": data.get("pendampingan") or None,
            "assistance_months": data.get("bulan") or DEFAULT_MONTHS,
        }
