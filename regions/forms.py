"""Forms for the officer pages. They only parse input; the services decide what is allowed."""
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Mpp

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the form: field errors on their field, the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, messages in error.message_dict.items():
        form.add_error(name if name in form.fields else None, messages)


class MppForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    note = forms.CharField(
        label=_("Catatan perubahan"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mengapa data ini diubah; tampil di riwayat."),
    )

    class Meta:
        model = Mpp
        fields = [
            "name", "address", "tenant_count", "service_count", "oss_integrated", "oss_integrated_on",
            "digital_status", "digital_since", "latitude", "longitude",
        ]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 2}),
            "oss_integrated_on": DATE_INPUT,
            "digital_since": DATE_INPUT,
        }

    def _post_clean(self):
        # Model validation belongs to the services, which see the whole record and the lifecycle rules.
        pass

    def changed_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.changed_data}


class MppStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status baru"), choices=Mpp.Status.choices)
    inaugurated_on = forms.DateField(
        label=_("Tanggal peresmian"), required=False, widget=DATE_INPUT,
        help_text=_("Wajib untuk status Beroperasi; tidak boleh di masa depan."),
    )
    note = forms.CharField(
        label=_("Catatan / alasan"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib untuk status Tidak beroperasi dan untuk koreksi oleh admin."),
    )
    evidence = forms.FileField(
        label=_("Bukti (PDF, JPEG atau PNG, maks. 10 MB)"), required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
