from django import forms
from django.utils.translation import gettext_lazy as _

from mpp_portal.limits import INT_MAX
from regions.models import Mpp


class DateInput(forms.DateInput):
    """A native date picker; it needs ISO dates whatever the page's language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DigitalStatusForm(forms.Form):
    digital_status = forms.ChoiceField(label=_("Status MPP Digital"), choices=Mpp.DigitalStatus.choices)
    digital_since = forms.DateField(label=_("Sejak"), required=False, widget=DateInput)
    note = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=INT_MAX)


class OssIntegrationForm(forms.Form):
    oss_integrated = forms.BooleanField(label=_("Terintegrasi dengan OSS"), required=False)
    oss_integrated_on = forms.DateField(label=_("Tanggal integrasi"), required=False, widget=DateInput)
    note = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=INT_MAX)


class ReadinessCheckForm(forms.Form):
    met = forms.BooleanField(label=_("Terpenuhi"), required=False)
    evidence_note = forms.CharField(label=_("Catatan bukti"), required=False, max_length=2000,
                                    widget=forms.Textarea(attrs={"rows": 2}))


class CsvImportForm(forms.Form):
    file = forms.FileField(label=_("Berkas CSV atau XLSX"), help_text=_("CSV: pemisah koma atau titik koma."))
    dry_run = forms.BooleanField(label=_("Uji coba saja (jangan simpan)"), required=False)
