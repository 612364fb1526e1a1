"""The verifier's pages: the queue (filter, bulk verification), a report with its before/after and
evidence (verify or return), and a bulk verification's results."""
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView

from mpp_portal.access import Role, is_member, role_of
from mpp_portal.inputs import parse_int
from mpp_portal.limits import INT_MAX
from mpp_portal.uploads import document_response
from mpp_portal.views import MemberRequiredMixin

from . import report_rules, report_selectors, reports
from .forms import add_service_errors
from .report_filters import ReportFilterSet


class ReviewerRequiredMixin(MemberRequiredMixin):
    """Verifiers, admins and provincial coordinators (``report_rules.reviews_reports``)."""

    def dispatch(self, request, *args, **kwargs):
        if not report_rules.reviews_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class BulkVerifyForm(forms.Form):
    reports = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(label=gettext_lazy("Catatan verifikasi (opsional)"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))
    confirm = forms.BooleanField(label=gettext_lazy("Saya sudah memeriksa laporan dalam saringan ini."))

    def requested(self) -> list[tuple[int, str]]:
        pairs = []
        for item in self.cleaned_data["reports"].split():
            pk, _sep, stamp = item.partition("|")
            number = parse_int(pk)
            if number is not None and 1 <= number <= INT_MAX and stamp:
                pairs.append((number, stamp))
        return pairs


class ReportQueueView(ReviewerRequiredMixin, ListView):
    template_name = "regions/report_queue.html"
    paginate_by = 100

    def get_queryset(self):
        self.filterset = ReportFilterSet(
            self.request.GET or None, queryset=report_selectors.report_queue(user=self.request.user)
        )
        return self.filterset.qs if self.filterset.is_bound and self.filterset.is_valid() else self.filterset.queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = list(context["object_list"])
        checking = report_rules.checking_province_ids()
        for report in page:
            report.overdue = report_selectors.is_overdue(report)
            report.state_label = report_rules.state_label(report, checking=checking)
        # Bulk verification covers the whole filter, every page of it, as it is shown now.
        shown = list(self.object_list.values_list("pk", "updated_at"))
        stamps = " ".join(f"{pk}|{updated_at.isoformat()}" for pk, updated_at in shown)
        is_coordinator = role_of(self.request.user) == Role.COORDINATOR
        context.update(
            object_list=page, filterset=self.filterset, overdue_days=reports.OVERDUE_AFTER_DAYS,
            shown_count=len(shown), is_coordinator=is_coordinator,
            # The ministry sees how many reports are still with the provinces (not yet in its queue).
            waiting_for_provinces=None if is_coordinator else report_selectors.province_check_count(),
            bulk_form=kwargs.get("bulk_form") or BulkVerifyForm(initial={"reports": stamps}),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = BulkVerifyForm(request.POST)
        if form.is_valid():
            try:
                batch = reports.report_batch_queue(user=request.user, requested=form.requested(),
                                                   note=form.cleaned_data["note"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect("regions:report-batch", batch.pk)
        self.object_list = self.get_queryset()
        return self.render_to_response(self.get_context_data(bulk_form=form))


class ReportDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("verify", "verify"), ("return", "return")], widget=forms.HiddenInput)
    note = forms.CharField(label=gettext_lazy("Catatan / alasan"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))
    stamp = forms.CharField(widget=forms.HiddenInput)


class ReportDetailView(MemberRequiredMixin, DetailView):
    template_name = "regions/report_detail.html"
    context_object_name = "report"

    def get_object(self, queryset=None):
        report = report_selectors.report_get(user=self.request.user, pk=self.kwargs["pk"])
        if report is None:
            raise Http404
        return report

    def get_context_data(self, **kwargs):
        report = self.object
        checking = report_rules.checking_province_ids()
        level = report_rules.level_now(report, checking=checking)
        may_decide = report_rules.may_act(self.request.user, report, checking=checking)
        kwargs.setdefault("form", ReportDecisionForm(initial={"stamp": reports.report_stamp(report)}))
        return super().get_context_data(
            rows=report_selectors.report_rows(report), overdue=report_selectors.is_overdue(report),
            overdue_days=reports.OVERDUE_AFTER_DAYS, may_decide=may_decide,
            level=level, at_province=level == report.Level.PROVINCE,
            state_label=report_rules.state_label(report, checking=checking), **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not report_rules.reviews_reports(request.user):
            raise PermissionDenied
        self.object = self.get_object()
        form = ReportDecisionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["decision"] == "verify":
                    done = reports.report_verify(user=request.user, report=self.object, note=data["note"],
                                                 stamp=data["stamp"])
                    if done.state == done.State.CHECKED:
                        messages.success(request, _("Laporan diperiksa provinsi dan diteruskan ke kementerian."))
                    else:
                        messages.success(request, _("Laporan diverifikasi; angka kemajuan dihitung ulang."))
                else:
                    reports.report_return(user=request.user, report=self.object, reason=data["note"],
                                          stamp=data["stamp"])
                    messages.success(request, _("Laporan dikembalikan kepada petugas."))
            except ValidationError as error:
                if hasattr(error, "error_dict") and "reason" in error.error_dict:
                    error = ValidationError({"note": error.error_dict["reason"]})
                add_service_errors(form, error)
            else:
                return redirect("regions:report-queue")
        return self.render_to_response(self.get_context_data(form=form))


class ReportBatchView(ReviewerRequiredMixin, DetailView):
    template_name = "regions/report_batch.html"
    context_object_name = "batch"

    def get_object(self, queryset=None):
        batch = report_selectors.batch_get(user=self.request.user, pk=self.kwargs["pk"])
        if batch is None:
            raise Http404
        return batch


@require_safe
def report_evidence(request, pk: int):
    """A report's evidence, served only to portal members, never from a public media URL."""
    if not is_member(request.user):
        raise PermissionDenied
    report = report_selectors.report_get(user=request.user, pk=pk)
    if report is None or not report.evidence:
        raise Http404
    return document_response(report.evidence, download_stem=f"bukti-laporan-{report.pk}")
