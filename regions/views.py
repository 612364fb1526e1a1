import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, FormView, ListView, TemplateView

from mpp_portal.access import can, is_admin, is_member
from mpp_portal.audit import change_records_for
from mpp_portal.extensions import region_events, region_panels
from mpp_portal.uploads import document_response
from mpp_portal.views import AdminRequiredMixin, MemberRequiredMixin

from . import lifecycle, report_selectors, reports, selectors
from .filters import RegionFilterSet
from .forms import InaugurationForm, MppForm, MppStatusForm, TenantFormSet, TenantListForm, add_service_errors
from .inaugurations import inauguration_save
from .models import Inauguration, Province
from .tenants import tenant_rows


class RegionListView(MemberRequiredMixin, ListView):
    template_name = "regions/region_list.html"
    paginate_by = 50

    def get_queryset(self):
        self.filterset = RegionFilterSet(
            self.request.GET or None, queryset=selectors.region_list(user=self.request.user)
        )
        return self.filterset.qs if self.filterset.is_bound and self.filterset.is_valid() else self.filterset.queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(filterset=self.filterset, provinces=Province.objects.all(), querystring=query.urlencode())
        return context


def _region_or_404(request, code: str):
    region = selectors.region_get(user=request.user, code=code)
    if region is None:
        raise Http404
    return region


def _mpp_or_404(request, pk: int):
    mpp = selectors.mpp_get(user=request.user, pk=pk)
    if mpp is None:
        raise Http404
    return mpp


class RegionDetailView(MemberRequiredMixin, DetailView):
    template_name = "regions/region_detail.html"
    context_object_name = "region"

    def get_object(self, queryset=None):
        return _region_or_404(self.request, self.kwargs["code"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        region = self.object
        context["mpps"] = selectors.mpp_list(user=self.request.user, filters={"region": region.code})
        context["history"] = selectors.region_history(region=region)[:50]
        context["can_change"] = can(self.request.user, region, action="change")
        # Commitments come from the commitments app through mpp_portal.extensions; inaugurations are our own.
        context["events"] = region_events(user=self.request.user, region=region) + [
            ("regions/partials/region_inauguration.html", event)
            for event in selectors.region_inaugurations(user=self.request.user, region=region)
        ]
        # Sections of upper apps (the task force's assistance), registered in their AppConfig.ready().
        context["panels"] = region_panels(user=self.request.user, region=region)
        return context


class MppDetailView(MemberRequiredMixin, DetailView):
    template_name = "regions/mpp_detail.html"
    context_object_name = "mpp"

    def get_object(self, queryset=None):
        return _mpp_or_404(self.request, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["status_updates"] = selectors.mpp_status_updates(mpp=self.object)
        context["history"] = selectors.mpp_history(mpp=self.object)[:100]
        context["can_change"] = can(self.request.user, self.object, action="change")
        context["reports"] = report_selectors.report_list(user=self.request.user, filters={"mpp": self.object.pk})
        context["tenants"] = list(selectors.mpp_tenants(mpp=self.object))
        return context


@require_safe
def mpp_tenants_csv(request, pk: int):
    """The MPP's tenant list as CSV (members only, like the page)."""
    if not is_member(request.user):
        raise PermissionDenied
    mpp = _mpp_or_404(request, pk)
    response = HttpResponse("\ufeff", content_type="text/csv; charset=utf-8")  # BOM: spreadsheets read UTF-8
    response["Content-Disposition"] = f'attachment; filename="instansi-mpp-{mpp.pk}.csv"'
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("instansi"), _("jenis"), _("jumlah layanan"), _("melayani sejak"), _("kunci instansi nasional"),
                     _("contoh")])
    for tenant in selectors.mpp_tenants(mpp=mpp):
        # A name a spreadsheet would run as a formula is written as text.
        name = f"'{tenant.name}" if tenant.name[:1] in ("=", "+", "-", "@", "\t", "\r") else tenant.name
        writer.writerow([name, tenant.get_kind_display(), tenant.service_count,
                         tenant.since.isoformat() if tenant.since else "", tenant.institution_key,
                         _("ya") if tenant.is_demo else ""])
    return response


def _submitted(request, mpp, form, **fields):
    """Submit a change through ``regions.reports``: an officer's waits for verification, an admin's is
    verified on entry. Returns the response, or None with the refusal on the form."""
    data = form.cleaned_data
    try:
        reports.mpp_change_submit(
            user=request.user, mpp=mpp, version=data["version"] or 0, note=data["note"], evidence=data["evidence"],
            **fields,
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    if is_admin(request.user):
        messages.success(request, _("Perubahan disimpan dan terverifikasi saat dicatat."))
    else:
        messages.success(request, _("Laporan dikirim dan menunggu verifikasi kementerian; angka terverifikasi "
                                    "berubah setelah diverifikasi."))
    return redirect(mpp)


class _MppChangeMixin(MemberRequiredMixin):
    """Officer forms: the page itself is refused (403) to anyone who may not change this MPP."""

    template_name = "regions/mpp_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not is_member(request.user):
            raise PermissionDenied
        self.mpp = _mpp_or_404(request, kwargs["pk"])
        if not can(request.user, self.mpp, action="change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(mpp=self.mpp, region=self.mpp.region, **kwargs)


class MppUpdateView(_MppChangeMixin, FormView):
    form_class = MppForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(instance=self.mpp, initial={"version": self.mpp.version})
        return kwargs

    def form_valid(self, form):
        return _submitted(self.request, self.mpp, form, **form.changed_values()) or self.form_invalid(form)


class MppTenantsView(_MppChangeMixin, View):
    """Edit the MPP's tenant list: an officer's list is a report to verify, an admin's is verified on entry
    (through ``regions.reports`` and the MPP gateway)."""

    template_name = "regions/mpp_tenants_form.html"

    def get(self, request, *args, **kwargs):
        initial = [{**row, "since": row["since"] or None} for row in tenant_rows(self.mpp)]
        return self._render(TenantListForm(initial={"version": self.mpp.version}), TenantFormSet(initial=initial))

    def post(self, request, *args, **kwargs):
        form, rows = TenantListForm(request.POST), TenantFormSet(request.POST)
        if form.is_valid() and rows.is_valid():
            tenants = [row for row in (f.row() for f in rows.forms) if row is not None]
            try:
                reports.mpp_change_submit(user=request.user, mpp=self.mpp, version=form.cleaned_data["version"] or 0,
                                          note=form.cleaned_data["note"], tenants=tenants)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if is_admin(request.user):
                    messages.success(request, _("Perubahan disimpan dan terverifikasi saat dicatat."))
                else:
                    messages.success(request, _("Daftar instansi dilaporkan; menunggu verifikasi."))
                return redirect(self.mpp.get_absolute_url())
        return self._render(form, rows)

    def _render(self, form, rows):
        return render(self.request, self.template_name, {"mpp": self.mpp, "region": self.mpp.region, "form": form,
                                                         "rows": rows})


class MppStatusView(_MppChangeMixin, FormView):
    form_class = MppStatusForm
    template_name = "regions/mpp_status_form.html"

    def moves(self):
        return lifecycle.moves(current=self.mpp.status, is_admin=is_admin(self.request.user))

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"mpp": self.mpp, "moves": self.moves()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(refused=[m for m in self.moves() if not m.allowed], **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        # Counts left empty keep the recorded ones.
        fields = {name: data[name] for name in ("inaugurated_on", "tenant_count", "service_count")
                  if data[name] is not None or name == "inaugurated_on"}
        return _submitted(self.request, self.mpp, form, status=data["status"], **fields) or self.form_invalid(form)


class MppCreateView(MemberRequiredMixin, FormView):
    form_class = MppForm
    template_name = "regions/mpp_form.html"

    def dispatch(self, request, *args, **kwargs):
        if not is_member(request.user):
            raise PermissionDenied
        self.region = _region_or_404(request, kwargs["code"])
        if not can(request.user, self.region, action="change"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(region=self.region, **kwargs)

    def form_valid(self, form):
        fields = {k: v for k, v in form.cleaned_data.items() if k in form._meta.fields and k != "name"}
        try:
            mpp = reports.mpp_record(user=self.request.user, region=self.region, name=form.cleaned_data["name"], **fields)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("MPP dicatat."))
        return redirect(mpp)


@require_safe
def mpp_evidence(request, pk: int, update_pk: int):
    """Evidence files are served only to those who may see the MPP, never from a public media URL."""
    if not is_member(request.user):
        raise PermissionDenied
    mpp = _mpp_or_404(request, pk)
    update = get_object_or_404(selectors.mpp_status_updates(mpp=mpp), pk=update_pk)
    if not update.evidence:
        raise Http404
    return document_response(update.evidence, download_stem=f"bukti-mpp-{mpp.pk}-{update.pk}")


class OfficerHomeView(MemberRequiredMixin, TemplateView):
    template_name = "regions/officer_home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            regions=report_selectors.officer_home_regions(user=self.request.user),
            stale_days=selectors.STALE_AFTER_DAYS, **kwargs,
        )


# --- Inaugurations (peresmian) ---------------------------------------------------------------------

class InaugurationDetailView(MemberRequiredMixin, TemplateView):
    template_name = "regions/inauguration_detail.html"

    def get_context_data(self, **kwargs):
        event = selectors.inauguration_get(user=self.request.user, pk=self.kwargs["pk"])
        if event is None:
            raise Http404
        return super().get_context_data(
            event=event, mpps=selectors.inauguration_mpps(user=self.request.user, event=event),
            history=change_records_for(event)[:50], **kwargs
        )


class InaugurationFormView(AdminRequiredMixin, View):
    template_name = "regions/inauguration_form.html"

    def get_event(self):
        return get_object_or_404(Inauguration, pk=self.kwargs["pk"]) if "pk" in self.kwargs else None

    def get(self, request, **kwargs):
        return self.render(InaugurationForm(instance=self.get_event()))

    def post(self, request, **kwargs):
        event = self.get_event()
        form = InaugurationForm(request.POST, instance=event or Inauguration())
        if not form.is_valid():
            return self.render(form)
        fields = {name: form.cleaned_data[name] for name in InaugurationForm.Meta.fields}
        try:
            event = inauguration_save(user=request.user, event=event, mpps=form.cleaned_data["regions"], **fields)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.render(form)
        messages.success(request, _("Peresmian disimpan."))
        return redirect("regions:inauguration", pk=event.pk)

    def render(self, form):
        title = _("Ubah peresmian") if form.instance.pk else _("Peresmian baru")
        return render(self.request, self.template_name, {"form": form, "title": title})
