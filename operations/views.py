import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView

from mpp_portal.access import Role, can, can_verify, role_of, scope
from mpp_portal.inputs import parse_int
from mpp_portal.views import MemberRequiredMixin
from regions.models import Mpp, Province

from . import rules, selectors, services
from .filters import OperationsFlagFilterSet, OperationsReportFilterSet
from .forms import DecisionForm, FlagResolveForm, ImportForm, OperationsReportForm
from .imports import operations_import
from .models import OperationsFlag, OperationsReport


class ReporterRequiredMixin(MemberRequiredMixin):
    """Entering reports: officers (for their own MPPs) and admins."""

    def dispatch(self, request, *args, **kwargs):
        if role_of(request.user) not in (Role.OFFICER, Role.ADMIN):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class VerifierRequiredMixin(MemberRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if not can_verify(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _month(request, months: list[datetime.date]) -> datetime.date | None:
    text = request.GET.get("bulan", "")
    for month in months:
        if month.strftime("%Y-%m") == text:
            return month
    return months[0] if months else None


class DashboardView(MemberRequiredMixin, TemplateView):
    """Completeness, timeliness and trends per month, nationally and per province (from the snapshot)."""

    template_name = "operations/dashboard.html"

    def get_context_data(self, **kwargs):
        months = selectors.figure_months()
        month = _month(self.request, months)
        ranking_months = selectors.ranking_months()
        ranked = _month(self.request, ranking_months)
        province = self.request.GET.get("provinsi") or None
        return super().get_context_data(
            months=months, month=month, province=province, provinces=Province.objects.all(),
            series=selectors.figure_series(province_code=province),
            by_province=selectors.figures_by_province(month=month) if month else [],
            ranked_month=ranked,
            absolute=selectors.visitor_extremes(month=ranked, province_code=province) if ranked else None,
            relative=selectors.visitor_extremes(month=ranked, by="relative", province_code=province)
            if ranked else None,
            run=selectors.latest_run(), **kwargs)


class ReportListView(MemberRequiredMixin, ListView):
    template_name = "operations/report_list.html"
    paginate_by = 50

    def get_queryset(self):
        self.filterset = OperationsReportFilterSet(self.request.GET,
                                                   queryset=selectors.report_list(user=self.request.user))
        return self.filterset.qs if self.filterset.is_valid() else self.filterset.queryset.none()

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(filterset=self.filterset, states=OperationsReport.State.choices,
                                        provinces=Province.objects.all(), querystring=query.urlencode(), **kwargs)


class ReportCreateView(ReporterRequiredMixin, FormView):
    template_name = "operations/report_form.html"
    form_class = OperationsReportForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        initial = super().get_initial()
        mpp = parse_int(self.request.GET.get("mpp", ""))
        if mpp is not None:
            initial["mpp"] = mpp
        return initial

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        try:
            report = services.operations_report_submit(user=self.request.user, **data)
        except ValidationError as error:
            for name, problems in error.message_dict.items():
                form.add_error(name if name in form.fields else None, problems)
            return self.form_invalid(form)
        messages.success(self.request, _("Laporan %(report)s dicatat.") % {"report": report})
        return redirect(report)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ReportDetailView(MemberRequiredMixin, TemplateView):
    template_name = "operations/report_detail.html"

    def report(self) -> OperationsReport:
        return get_object_or_404(selectors.report_list(user=self.request.user), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        report = kwargs.pop("report", None) or self.report()
        return super().get_context_data(
            report=report, flags=report.flags.select_related("resolved_by"),
            can_decide=can_verify(self.request.user) and report.created_by_id != self.request.user.pk,
            decision_form=kwargs.pop("decision_form", None) or DecisionForm(), **kwargs)

    def post(self, request, *args, **kwargs):
        if not can_verify(request.user):
            raise PermissionDenied
        report = self.report()
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(report=report, decision_form=form), status=400)
        try:
            if form.cleaned_data["action"] == "verify":
                services.operations_report_verify(user=request.user, report=report, note=form.cleaned_data["note"])
            else:
                services.operations_report_return(user=request.user, report=report, reason=form.cleaned_data["note"])
        except ValidationError as error:
            form.add_error("note", error.messages)
            return self.render_to_response(self.get_context_data(report=report, decision_form=form), status=400)
        messages.success(request, _("Keputusan dicatat."))
        return redirect(report)


class ReportImportView(ReporterRequiredMixin, FormView):
    template_name = "operations/import.html"
    form_class = ImportForm

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        result = operations_import(user=self.request.user, content=upload.read(), filename=upload.name,
                                   dry_run=form.cleaned_data["dry_run"])
        if result.ok and not result.dry_run:
            messages.success(self.request, result.summary())
            return redirect("operations:reports")
        return self.render_to_response(self.get_context_data(form=form, result=result),
                                       status=200 if result.ok else 400)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class FlagListView(VerifierRequiredMixin, ListView):
    template_name = "operations/flag_list.html"
    paginate_by = 50

    def get_queryset(self):
        self.filterset = OperationsFlagFilterSet(self.request.GET,
                                                 queryset=selectors.flag_list(user=self.request.user, open_only=False))
        qs = self.filterset.qs if self.filterset.is_valid() else self.filterset.queryset.none()
        return qs if "resolved" in self.request.GET else qs.filter(resolved_at__isnull=True)

    def get_context_data(self, **kwargs):
        return super().get_context_data(filterset=self.filterset, kinds=OperationsFlag.Kind.choices,
                                        resolve_form=FlagResolveForm(), **kwargs)


class FlagResolveView(VerifierRequiredMixin, FormView):
    form_class = FlagResolveForm
    http_method_names = ["post"]

    def form_valid(self, form):
        flag = get_object_or_404(selectors.flag_list(user=self.request.user, open_only=False), pk=self.kwargs["pk"])
        try:
            services.operations_flag_resolve(user=self.request.user, flag=flag, note=form.cleaned_data["note"])
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect("operations:flags")
        messages.success(self.request, _("Tanda diselesaikan."))
        return redirect("operations:flags")

    def form_invalid(self, form):
        messages.error(self.request, _("Catatan penyelesaian wajib diisi."))
        response = redirect("operations:flags")
        response.status_code = 303
        return response


class MissingListView(MemberRequiredMixin, TemplateView):
    """Operating MPPs that have not reported a month (by default the month just ended)."""

    template_name = "operations/missing.html"

    def get_context_data(self, **kwargs):
        latest = rules.month_add(rules.month_start(timezone.localdate()), -1)
        months = [rules.month_add(latest, -k) for k in range(24)]
        month = _month(self.request, months)
        return super().get_context_data(month=month, months=months, due=rules.due_date(month),
                                        missing=selectors.missing_reports(month=month), **kwargs)


class MppOperationsView(MemberRequiredMixin, TemplateView):
    """An MPP's own 24-month history of reports."""

    template_name = "operations/mpp.html"

    def get_context_data(self, **kwargs):
        mpp = scope(self.request.user, Mpp.objects.select_related("region__province")).filter(
            pk=self.kwargs["pk"]).first()
        if mpp is None:
            raise Http404
        return super().get_context_data(mpp=mpp, history=selectors.mpp_history(mpp=mpp),
                                        can_report=can(self.request.user, mpp, action="change"), **kwargs)
