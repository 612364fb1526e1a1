from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from mpp_portal.access import can, is_admin, is_ministry, scope
from mpp_portal.inputs import parse_int
from mpp_portal.views import AdminRequiredMixin, MemberRequiredMixin
from regions.models import Mpp, MppReport, Province
from regions.selectors import STALE_AFTER_DAYS
from regions.services import VersionConflict

from . import selectors, services
from .filters import EvaluationFilterSet, MppQualityFilterSet
from .forms import CsvImportForm, DigitalStatusForm, OssIntegrationForm, ReadinessCheckForm
from .imports import evaluations_import
from .models import EvaluationCategory, ReadinessCheck, ReadinessCriterion


def _year(request) -> int | None:
    value = request.GET.get("tahun", "")
    year = parse_int(value)
    return year if year is not None and 2000 <= year <= 2100 else None


class QualityDashboardView(MemberRequiredMixin, TemplateView):
    template_name = "quality/dashboard.html"

    def get_context_data(self, **kwargs):
        year = _year(self.request)
        sees_stale = is_ministry(self.request.user)
        return super().get_context_data(
            year=year,
            years=selectors.evaluation_years(),
            distribution=selectors.quality_distribution(year=year),
            prima=selectors.prima_list(year),
            digital=selectors.digital_summary(),
            pilots=selectors.digital_pilot_list(),
            readiness=selectors.readiness_by_criterion(),
            oss=selectors.oss_integration_count(),
            fiscal=selectors.regions_without_operating_mpp_by_fiscal_class(),
            stale=selectors.stale_regions() if sees_stale else None,
            stale_days=STALE_AFTER_DAYS,
            **kwargs,
        )


class FilteredListView(MemberRequiredMixin, ListView):
    paginate_by = 50
    filterset_class = None

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filterset=self.filterset, provinces=Province.objects.all(), querystring=query.urlencode(), **kwargs)


class EvaluationListView(FilteredListView):
    template_name = "quality/evaluation_list.html"

    def get_queryset(self):
        self.filterset = EvaluationFilterSet(self.request.GET or None,
                                             queryset=selectors.evaluation_list(user=self.request.user))
        return self.filterset.qs if self.filterset.is_valid() else self.filterset.queryset.none()

    def get_context_data(self, **kwargs):
        return super().get_context_data(categories=EvaluationCategory.objects.all(), **kwargs)


class EvaluationImportView(AdminRequiredMixin, FormView):
    template_name = "quality/evaluation_import.html"
    form_class = CsvImportForm

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        report = evaluations_import(user=self.request.user, content=upload.read(), filename=upload.name,
                                    dry_run=form.cleaned_data["dry_run"])
        if report.ok and not report.dry_run:
            messages.success(self.request, _("Hasil evaluasi diimpor: %(summary)s") % {"summary": report.summary()})
            return redirect("quality:evaluations")
        return self.render_to_response(self.get_context_data(form=form, report=report),
                                       status=200 if report.ok else 400)


class MppQualityListView(FilteredListView):
    template_name = "quality/mpp_list.html"

    def get_queryset(self):
        self.filterset = MppQualityFilterSet(self.request.GET or None, request_user=self.request.user,
                                             queryset=selectors.mpp_quality_list(user=self.request.user))
        return self.filterset.qs if self.filterset.is_valid() else self.filterset.queryset.none()


def _visible_mpp(request, pk) -> Mpp:
    mpp = scope(request.user, Mpp.objects.select_related("region__province")).filter(pk=pk).first()
    if mpp is None:
        raise Http404
    return mpp


def _detail_context(request, mpp, **forms):
    is_portal_admin = is_admin(request.user)
    return {
        "mpp": mpp,
        "can_change": can(request.user, mpp, action="change"),
        "can_verify": is_portal_admin,
        "checklist": selectors.readiness_checklist(mpp=mpp),
        "digital_form": forms.get("digital_form") or DigitalStatusForm(initial={
            "digital_status": mpp.digital_status, "digital_since": mpp.digital_since, "version": mpp.version}),
        "oss_form": forms.get("oss_form") or OssIntegrationForm(initial={
            "oss_integrated": mpp.oss_integrated, "oss_integrated_on": mpp.oss_integrated_on,
            "version": mpp.version}),
        "history": selectors.mpp_quality_history(mpp=mpp),
    }


class MppQualityDetailView(MemberRequiredMixin, View):
    def get(self, request, pk):
        mpp = _visible_mpp(request, pk)
        return render(request, "quality/mpp_detail.html", _detail_context(request, mpp))


class MppChangeView(MemberRequiredMixin, View):
    """POST a form to a service; errors are shown on the MPP's page (400, or 409 when it changed meanwhile)."""

    form_class = None
    form_name = ""
    success_message = ""  # subclasses also define ``perform(mpp, cleaned_data)``, which calls the service

    def post(self, request, pk):
        mpp = _visible_mpp(request, pk)
        if not can(request.user, mpp, action="change"):
            raise PermissionDenied  # before the form: a visitor who may not change it learns nothing from errors
        form = self.form_class(request.POST)
        status = 400
        if form.is_valid():
            try:
                written = self.perform(mpp, form.cleaned_data)
            except VersionConflict as exc:
                messages.error(request, exc.messages[0])
                status = 409
            except ValidationError as exc:
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                if isinstance(written, MppReport) and written.state == MppReport.State.REPORTED:
                    messages.success(request, _("Perubahan dilaporkan dan menunggu verifikasi kementerian."))
                else:
                    messages.success(request, self.success_message)
                return redirect("quality:mpp", pk=mpp.pk)
        mpp.refresh_from_db()
        return render(request, "quality/mpp_detail.html",
                      _detail_context(request, mpp, **{self.form_name: form}), status=status)


class DigitalStatusView(MppChangeView):
    form_class, form_name = DigitalStatusForm, "digital_form"
    success_message = gettext_lazy("Status MPP Digital disimpan.")

    def perform(self, mpp, data):
        return services.mpp_digital_status_set(
            mpp=mpp, user=self.request.user, digital_status=data["digital_status"],
            digital_since=data["digital_since"], note=data["note"], version=data["version"])


class OssIntegrationView(MppChangeView):
    form_class, form_name = OssIntegrationForm, "oss_form"
    success_message = gettext_lazy("Integrasi OSS disimpan.")

    def perform(self, mpp, data):
        return services.mpp_oss_integration_set(
            mpp=mpp, user=self.request.user, integrated=data["oss_integrated"],
            integrated_on=data["oss_integrated_on"], note=data["note"], version=data["version"])


class ReadinessCheckView(MemberRequiredMixin, View):
    def post(self, request, pk, criterion):
        mpp = _visible_mpp(request, pk)
        criterion = get_object_or_404(ReadinessCriterion, key=criterion)
        form = ReadinessCheckForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
            return redirect("quality:mpp", pk=mpp.pk)
        services.readiness_check_set(mpp=mpp, criterion=criterion, user=request.user, **form.cleaned_data)
        messages.success(request, _("Kriteria \"%(name)s\" disimpan.") % {"name": criterion.display_name})
        return redirect("quality:mpp", pk=mpp.pk)


class ReadinessVerifyView(MemberRequiredMixin, View):
    def post(self, request, pk):
        check = scope(request.user, ReadinessCheck.objects.all()).filter(pk=pk).first()
        if check is None:
            raise Http404
        services.readiness_check_verify(check=check, user=request.user)
        messages.success(request, _("Kriteria diverifikasi."))
        return redirect("quality:mpp", pk=check.mpp_id)
