from django import forms
from django.utils.translation import gettext_lazy as _

from regions.models import Region

from .models import Assistance, FollowUp


class AssistanceForm(forms.Form):
    """The page's (and the admin's) form; every rule is the service's."""

    region = forms.ModelChoiceField(label=_("Kabupaten/kota"), queryset=Region.objects.select_related("province"),
                                    to_field_name="code", empty_label=_("Pilih kabupaten/kota"))
    date = forms.DateField(label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}))
    form = forms.ChoiceField(label=_("Bentuk"), choices=Assistance.Form.choices)
    areas = forms.MultipleChoiceField(label=_("Bidang"), choices=Assistance.Area.choices,
                                      widget=forms.CheckboxSelectMultiple)
    findings = forms.CharField(label=_("Temuan"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        if regions is not None:
            self.fields["region"].queryset = regions


class FollowUpForm(forms.Form):
    description = forms.CharField(label=_("Uraian"), widget=forms.Textarea(attrs={"rows": 2}))
    owner_kind = forms.ChoiceField(label=_("Penanggung jawab"), choices=FollowUp.Owner.choices)
    agency = forms.CharField(label=_("Nama instansi"), required=False, max_length=200,
                             help_text=_("Wajib bila penanggung jawab instansi lain."))
    due_on = forms.DateField(label=_("Tenggat"), widget=forms.DateInput(attrs={"type": "date"}))


class FollowUpCloseForm(forms.Form):
    state = forms.ChoiceField(label=_("Tutup sebagai"), choices=[(FollowUp.State.DONE, FollowUp.State.DONE.label),
                                                                 (FollowUp.State.CANCELLED,
                                                                  FollowUp.State.CANCELLED.label)])
    note = forms.CharField(label=_("Catatan penutupan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
