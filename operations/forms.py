from django import forms
from django.utils.translation import gettext_lazy as _

from mpp_portal.access import scope
from regions.models import Mpp

from .models import OperationsReport


class MonthField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "month"})
    input_formats = ["%Y-%m", "%Y-%m-%d", "%m/%Y"]


class OperationsReportForm(forms.ModelForm):
    month = MonthField(label=_("Bulan"))

    class Meta:
        model = OperationsReport
        fields = ["mpp", "month", "visitors", "transactions", "active_services", "tenants_present",
                  "complaints_received", "complaints_resolved", "ikm", "opening_days", "note"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mpp"].empty_label = _("Pilih MPP")
        self.fields["mpp"].queryset = scope(user, Mpp.objects.filter(
            status__in=[Mpp.Status.OPERATING, Mpp.Status.SUSPENDED]).select_related("region"), action="change")
        for name in ("visitors", "transactions", "active_services", "tenants_present", "complaints_received",
                     "complaints_resolved", "opening_days"):
            # Negative numbers reach the service, which refuses them with the one message the API gives too.
            self.fields[name] = forms.IntegerField(label=self.fields[name].label)
        self.fields["ikm"] = forms.DecimalField(label=self.fields["ikm"].label, required=False,
                                                help_text=self.fields["ikm"].help_text, decimal_places=2)

    def _post_clean(self):
        """Values are checked by the service (one rule for page, import and API), not by the model."""


class DecisionForm(forms.Form):
    action = forms.ChoiceField(choices=[("verify", _("Verifikasi")), ("return", _("Kembalikan"))])
    note = forms.CharField(label=_("Catatan / alasan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class FlagResolveForm(forms.Form):
    note = forms.CharField(label=_("Catatan penyelesaian"), widget=forms.Textarea(attrs={"rows": 2}))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Berkas CSV atau XLSX"))
    dry_run = forms.BooleanField(label=_("Uji coba saja (tidak disimpan)"), required=False)
