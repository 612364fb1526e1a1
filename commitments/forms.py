"""Forms for events, commitments and the spreadsheet import; rules come from the services."""
from django import forms
from django.utils.translation import gettext_lazy as _

from regions.imports import RegionLookup

from .models import Commitment, SigningEvent
from .services import commitment_errors

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RegionField(forms.CharField):
    """A kab/kota as people write it ("Kab. Magelang", "35.79"), resolved by the region name resolver."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Wilayah (nama atau kode)"))
        kwargs.setdefault("help_text", _('Mis. "Kota Batu", "Kab. Magelang" atau "35.79".'))
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        region, message = RegionLookup().find(text)
        if region is None:
            raise forms.ValidationError(message)
        return region


class SigningEventForm(forms.ModelForm):
    class Meta:
        model = SigningEvent
        fields = ["date", "year", "date_note", "place", "counterpart", "source", "note"]
        widgets = {"date": DATE_WIDGET, "source": forms.Textarea(attrs={"rows": 2}),
                   "note": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("date") and not cleaned.get("year"):
            self.add_error("date", _("Isi tanggal, atau tahunnya bila tanggalnya tidak diketahui."))
        return cleaned


class CommitmentForm(forms.ModelForm):
    region = RegionField()

    class Meta:
        model = Commitment
        fields = ["region", "signatory_name", "signatory_title", "outcome", "absence_reason", "target_year", "source"]
        widgets = {"source": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"signatory_title": _("Bupati, Wali Kota, Pj Bupati, Pj Wali Kota ...")}

    def __init__(self, *args, event: SigningEvent, **kwargs):
        self.event = event
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["region"] = self.instance.region.code

    def clean(self):
        cleaned = super().clean()
        if "region" in cleaned and "outcome" in cleaned:
            errors = commitment_errors(
                event=self.event, region=cleaned["region"], outcome=cleaned["outcome"],
                absence_reason=cleaned.get("absence_reason", ""), target_year=cleaned.get("target_year"),
                exclude_pk=self.instance.pk,
            )
            for field, messages in errors.items():
                for message in messages:
                    self.add_error(field, message)
        return cleaned

    def _post_clean(self):
        # The services save; the model's own unique check would only repeat commitment_errors.
        pass


class ImportForm(forms.Form):
    KINDS = [("mpps", _("MPP (peresmian)")), ("commitments", _("Komitmen (penandatanganan)"))]
    kind = forms.ChoiceField(label=_("Jenis data"), choices=KINDS)
    file = forms.FileField(label=_("Berkas CSV atau XLSX"))
    event_date = forms.DateField(
        label=_("Tanggal peristiwa"), required=False, widget=DATE_WIDGET,
        help_text=_("Peresmian: opsional. Penandatanganan komitmen: wajib."),
    )
    officiated_by = forms.CharField(label=_("Diresmikan oleh"), required=False)
    place = forms.CharField(label=_("Tempat"), required=False)
    counterpart = forms.CharField(label=_("Disaksikan oleh"), required=False)
    source = forms.CharField(
        label=_("Sumber"), required=False, max_length=2000,
        help_text=_("Kutipan atau URL sumber data ini. Wajib, kecuali setiap baris berkas mengisi kolom source."),
    )

    MAX_BYTES = 2 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar (maksimum 2 MB)."))
        if not upload.name.casefold().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Berkas harus berformat CSV atau XLSX."))
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == "commitments" and not cleaned.get("event_date"):
            self.add_error("event_date", _("Tanggal penandatanganan wajib diisi untuk impor komitmen."))
        return cleaned
