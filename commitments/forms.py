"""Forms for events, commitments and the spreadsheet import; rules come from the services."""
from django import forms
from django.utils.translation import gettext_lazy as _

from regions.imports import RegionLookup
from regions.models import Inauguration, Mpp

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


class InaugurationForm(forms.ModelForm):
    regions = forms.CharField(
        label=_("MPP yang diresmikan"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Satu wilayah per baris (nama atau kode); MPP wilayah itu ditautkan ke peresmian ini."),
    )

    class Meta:
        model = Inauguration
        fields = ["date", "date_note", "place", "officiated_by", "mode", "reported_count", "source", "note"]
        widgets = {"date": DATE_WIDGET, "source": forms.Textarea(attrs={"rows": 2}),
                   "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["regions"].initial = "\n".join(
                f"{m.region.code} {m.region.name}" for m in self.instance.mpps.select_related("region")
            )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("date") and not cleaned.get("date_note"):
            self.add_error("date", _("Isi tanggal, atau keterangan tanggal bila tanggalnya tidak diketahui."))
        return cleaned

    def clean_regions(self):
        lookup, mpps, problems = RegionLookup(), [], []
        for number, line in enumerate(self.cleaned_data["regions"].splitlines(), start=1):
            if not line.strip():
                continue
            # "35.79 Kota Batu" as the form shows it: the code alone decides.
            text = line.split()[0] if line.split()[0][:2].isdigit() else line
            region, message = lookup.find(text)
            if region is None:
                problems.append(_("baris %(n)s: %(message)s") % {"n": number, "message": message})
                continue
            found = list(Mpp.objects.filter(region=region, is_demo=self.instance.is_demo))
            if len(found) != 1:
                problems.append(_("baris %(n)s: %(region)s memiliki %(count)s MPP; tautkan lewat impor atau API.")
                                % {"n": number, "region": region.name, "count": len(found)})
                continue
            mpps.append(found[0])
        if problems:
            raise forms.ValidationError(problems)
        return mpps


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
