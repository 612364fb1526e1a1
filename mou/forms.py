"""Page forms: they only shape input; the services decide and record."""
from django import forms
from django.utils.translation import gettext_lazy as _

from mpp_portal.limits import INT_MAX
from mpp_portal.uploads import validate_document

from .models import Institution

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ACCEPT = forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"})


def _document_field():
    return forms.FileField(
        label=_("Dokumen (PDF/JPEG/PNG, maks. 10 MB)"), required=False, widget=ACCEPT,
        validators=[validate_document],
    )


class AgreementForm(forms.Form):
    number = forms.CharField(label=_("Nomor"), max_length=120, required=False)
    title = forms.CharField(label=_("Judul"), max_length=300)
    signed_on = forms.DateField(label=_("Tanggal penandatanganan"), required=False, widget=DATE)
    place = forms.CharField(label=_("Tempat"), max_length=200, required=False)
    term_years = forms.IntegerField(
        label=_("Jangka waktu (tahun)"), min_value=1, max_value=50, required=False,
        help_text=_("Tanggal berakhir dihitung dari tanggal penandatanganan dan jangka waktu."),
    )
    document = _document_field()
    note = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class PksForm(AgreementForm):
    mpp = forms.ModelChoiceField(queryset=None, label=_("MPP"), empty_label=_("Pilih MPP"))
    dpmptsp_signatory_title = forms.CharField(label=_("Jabatan penanda tangan DPMPTSP"), max_length=200, required=False)
    dpmptsp_signatory_name = forms.CharField(label=_("Nama penanda tangan DPMPTSP"), max_length=200, required=False)

    field_order = ["mpp", "number", "title", "signed_on", "place", "term_years", "dpmptsp_signatory_title",
                   "dpmptsp_signatory_name", "document", "note"]

    def __init__(self, *args, mpps, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mpp"].queryset = mpps
        self.fields["mpp"].label_from_instance = lambda mpp: f"{mpp.name} — {mpp.region.name}"
        if len(mpps) == 1:
            self.fields["mpp"].initial = mpps[0].pk


class PlacementForm(forms.Form):
    institution = forms.ModelChoiceField(queryset=Institution.objects.all(), label=_("Instansi"),
                                         empty_label=_("Pilih instansi"))
    signatory_title = forms.CharField(label=_("Jabatan penanda tangan"), max_length=200, required=False)
    signatory_name = forms.CharField(label=_("Nama penanda tangan"), max_length=200, required=False)
    signed_on = forms.DateField(label=_("Tanggal tanda tangan"), required=False, widget=DATE)
    service_count = forms.IntegerField(label=_("Jumlah layanan"), min_value=1, max_value=INT_MAX)
    services = forms.CharField(label=_("Layanan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    rooms = forms.CharField(label=_("Ruang/loket"), max_length=200, required=False)
    service_days = forms.CharField(label=_("Hari layanan"), max_length=200, required=False)
    staff_count = forms.IntegerField(label=_("Jumlah petugas"), min_value=0, max_value=INT_MAX, required=False)


class AmendmentForm(forms.Form):
    dated = forms.DateField(label=_("Tanggal adendum"), widget=DATE)
    number = forms.CharField(label=_("Nomor"), max_length=120, required=False)
    note = forms.CharField(label=_("Isi perubahan"), widget=forms.Textarea(attrs={"rows": 3}))
    document = _document_field()


class PartyForm(forms.Form):
    signatory_title = forms.CharField(label=_("Jabatan penanda tangan"), max_length=200, required=False)
    signatory_name = forms.CharField(label=_("Nama penanda tangan"), max_length=200, required=False)
    signed_on = forms.DateField(label=_("Tanggal tanda tangan"), required=False, widget=DATE)
