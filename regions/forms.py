"""Forms for the officer pages. They only parse input; the services decide what is allowed."""
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from mpp_portal.limits import INT_MAX

from .imports import RegionLookup
from .models import Inauguration, Mpp, MppTenant

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the form: field errors on their field, the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, messages in error.message_dict.items():
        form.add_error(name if name in form.fields else None, messages)


def evidence_field():
    return forms.FileField(
        label=_("Bukti (PDF, JPEG atau PNG, maks. 10 MB)"), required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )


class MppForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=INT_MAX)
    note = forms.CharField(
        label=_("Catatan perubahan"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mengapa data ini diubah; tampil di riwayat."),
    )
    evidence = evidence_field()
    # No bounds here: the services report every out-of-range value together with the other errors.
    tenant_count = forms.IntegerField(label=_("jumlah instansi/UPP"))
    service_count = forms.IntegerField(label=_("jumlah layanan"))

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
    """Starts on the MPP's current status; offers the moves ``regions.lifecycle.moves`` allows, each
    labelled with what it requires. Keeping the current status reports a note, evidence, dates or counts
    without a status change."""

    status = forms.ChoiceField(label=_("Status"), choices=Mpp.Status.choices, widget=forms.RadioSelect)
    inaugurated_on = forms.DateField(
        label=_("Tanggal peresmian"), required=False, widget=DATE_INPUT,
        help_text=_("Wajib untuk status Beroperasi; tidak boleh di masa depan."),
    )
    tenant_count = forms.IntegerField(label=_("Jumlah instansi/UPP"), required=False, max_value=INT_MAX)
    service_count = forms.IntegerField(label=_("Jumlah layanan"), required=False, max_value=INT_MAX)
    note = forms.CharField(
        label=_("Catatan / alasan"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Wajib untuk status Tidak beroperasi dan untuk koreksi oleh admin."),
    )
    evidence = evidence_field()
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=INT_MAX)

    def __init__(self, *args, mpp: Mpp, moves, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"] = {
            "status": mpp.status, "inaugurated_on": mpp.inaugurated_on, "tenant_count": mpp.tenant_count,
            "service_count": mpp.service_count, "version": mpp.version,
        } | kwargs["initial"]
        super().__init__(*args, **kwargs)
        # Every status parses, so a refused one gets the lifecycle's reason; only the allowed are offered.
        offered = [(mpp.status, _("Tetap %(status)s (tanpa perubahan status)") % {"status": mpp.get_status_display()})]
        for move in moves:
            if move.allowed:
                needs = "; ".join(str(r) for r in move.requires)
                offered.append((move.status, f"{move.label} — {_('perlu')}: {needs}" if needs else move.label))
        self.fields["status"].widget.choices = offered

class InaugurationForm(forms.ModelForm):
    regions = forms.CharField(
        label=_("MPP yang diresmikan"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Satu wilayah per baris (nama atau kode); MPP wilayah itu ditautkan ke peresmian ini."),
    )

    class Meta:
        model = Inauguration
        fields = ["date", "date_note", "date_after", "date_before", "place", "officiated_by", "mode", "reported_count",
                  "source", "note"]
        widgets = {"date": DATE_INPUT, "date_after": DATE_INPUT, "date_before": DATE_INPUT,
                   "source": forms.Textarea(attrs={"rows": 2}),
                   "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mode"].choices = [("", _("Tidak disebut sumber")), *Inauguration.Mode.choices]
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


class TenantRowForm(forms.Form):
    """One agency of an MPP's tenant list; a row left empty is dropped."""

    name = forms.CharField(label=_("nama instansi"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("jenis instansi"), required=False,
                             choices=[("", _("Pilih jenis")), *MppTenant.Kind.choices])
    service_count = forms.IntegerField(label=_("jumlah layanan"), required=False)
    since = forms.DateField(label=_("melayani sejak"), required=False, widget=DATE_INPUT)
    institution_key = forms.CharField(label=_("kunci instansi nasional"), required=False, max_length=60,
                                      help_text=_("Nama singkat pihak nota kesepahaman, mis. Polri."))

    def row(self) -> dict | None:
        data = self.cleaned_data
        if not data or not (data.get("name") or "").strip():
            return None
        return {"name": data["name"], "kind": data.get("kind") or "", "service_count": data.get("service_count") or 0,
                "since": data["since"].isoformat() if data.get("since") else None,
                "institution_key": data.get("institution_key") or ""}


TenantFormSet = forms.formset_factory(TenantRowForm, extra=3, max_num=500, validate_max=True)


class TenantListForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=INT_MAX)
    note = forms.CharField(label=_("Catatan perubahan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
