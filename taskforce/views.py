from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView, TemplateView

from mpp_portal.access import can_log_assistance
from mpp_portal.views import MemberRequiredMixin
from regions.models import Province

from . import selectors, services
from .filters import AssistanceFilterSet, FollowUpFilterSet
from .forms import AssistanceForm, FollowUpCloseForm, FollowUpForm
from .models import Assistance, FollowUp


def _errors_to_form(form, error: ValidationError) -> None:
    for name, problems in error.message_dict.items():
        form.add_error(name if name in form.fields else None, problems)


class AssistanceListView(MemberRequiredMixin, ListView):
    template_name = "taskforce/assistance_list.html"
    paginate_by = 50

    def get_queryset(self):
        self.filterset = AssistanceFilterSet(self.request.GET, queryset=selectors.assistance_list(user=self.request.user))
        return self.filterset.qs if self.filterset.is_valid() else self.filterset.queryset.none()

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filterset=self.filterset, provinces=Province.objects.all(), forms=Assistance.Form.choices,
            areas=Assistance.Area.choices, querystring=query.urlencode(),
            may_log=selectors.may_log_somewhere(user=self.request.user), **kwargs)


class FollowUpListView(MemberRequiredMixin, ListView):
    """Every follow-up, open ones first by due date; ``?overdue=true`` for those past it."""

    template_name = "taskforce/follow_up_list.html"
    paginate_by = 50

    def get_queryset(self):
        self.filterset = FollowUpFilterSet(self.request.GET, queryset=selectors.follow_up_list(user=self.request.user)
                                           .order_by("-state", "due_on", "pk"))
        return self.filterset.qs if self.filterset.is_valid() else self.filterset.queryset.none()

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filterset=self.filterset, provinces=Province.objects.all(), states=FollowUp.State.choices,
            owners=FollowUp.Owner.choices, querystring=query.urlencode(), **kwargs)


class AssistanceDetailView(MemberRequiredMixin, TemplateView):
    template_name = "taskforce/assistance_detail.html"

    def get_context_data(self, **kwargs):
        assistance = selectors.assistance_get(user=self.request.user, pk=self.kwargs["pk"])
        if assistance is None:
            raise Http404
        return super().get_context_data(
            assistance=assistance, follow_ups=list(assistance.follow_ups.all()),
            can_log=can_log_assistance(self.request.user, assistance.region),
            follow_up_form=kwargs.pop("follow_up_form", None) or FollowUpForm(),
            close_form=FollowUpCloseForm(), **kwargs)


class AssistanceFormView(MemberRequiredMixin, FormView):
    """Log an assistance (``/pendampingan/baru/``) or change one (``.../<pk>/ubah/``)."""

    template_name = "taskforce/assistance_form.html"
    form_class = AssistanceForm

    def dispatch(self, request, *args, **kwargs):
        self.assistance = None
        if "pk" in kwargs and request.user.is_authenticated:
            self.assistance = selectors.assistance_get(user=request.user, pk=kwargs["pk"])
            if self.assistance is None:
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def regions(self):
        regions = selectors.loggable_regions(user=self.request.user)
        if self.assistance is not None and not can_log_assistance(self.request.user, self.assistance.region):
            raise PermissionDenied
        if not regions.exists():
            raise PermissionDenied
        return regions

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "regions": self.regions()}

    def get_initial(self):
        if self.assistance is not None:
            a = self.assistance
            return {"region": a.region.code, "date": a.date, "form": a.form, "areas": a.area_list,
                    "findings": a.findings}
        return {"region": self.request.GET.get("wilayah", "")}

    def get_context_data(self, **kwargs):
        return super().get_context_data(assistance=self.assistance, **kwargs)

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        try:
            if self.assistance is None:
                assistance = services.assistance_create(user=self.request.user, **data)
            else:
                assistance = services.assistance_update(user=self.request.user, assistance=self.assistance, **data)
        except ValidationError as error:
            _errors_to_form(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Pendampingan %(a)s dicatat.") % {"a": assistance})
        return redirect(assistance)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class FollowUpCreateView(AssistanceDetailView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        assistance = selectors.assistance_get(user=request.user, pk=kwargs["pk"])
        if assistance is None:
            raise Http404
        if not can_log_assistance(request.user, assistance.region):
            raise PermissionDenied
        form = FollowUpForm(request.POST)
        if form.is_valid():
            try:
                services.follow_up_create(user=request.user, assistance=assistance, **form.cleaned_data)
            except ValidationError as error:
                _errors_to_form(form, error)
            else:
                messages.success(request, _("Tindak lanjut dicatat."))
                return redirect(assistance)
        self.template_name = AssistanceDetailView.template_name
        return self.render_to_response(self.get_context_data(follow_up_form=form), status=400)


class FollowUpCloseView(MemberRequiredMixin, FormView):
    form_class = FollowUpCloseForm
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        follow_up = selectors.follow_up_list(user=request.user).filter(pk=kwargs["pk"]).first()
        if follow_up is None:
            raise Http404
        if not can_log_assistance(request.user, follow_up.assistance.region):
            raise PermissionDenied
        form = FollowUpCloseForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Pilih selesai atau dibatalkan."))
            return redirect(follow_up.assistance)
        try:
            services.follow_up_close(user=request.user, follow_up=follow_up, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(follow_up.assistance)
        messages.success(request, _("Tindak lanjut ditutup."))
        return redirect(follow_up.assistance)
