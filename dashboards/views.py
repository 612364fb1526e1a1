from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from django.views.decorators.http import require_safe

from mpp_portal.access import is_member, role_of
from mpp_portal.views import MemberRequiredMixin
from regions.models import Province
from regions.selectors import region_search_public

from . import pdf, selectors, services
from .forms import LaggingFilterForm
from .lagging import lagging_list


def _target_id(request) -> int | None:
    value = request.GET.get("sasaran", "")
    return int(value) if value.isdigit() else None


def _dashboard(snapshot):
    return selectors.Dashboard(snapshot) if snapshot is not None else None


class NationalDashboardView(MemberRequiredMixin, TemplateView):
    template_name = "dashboards/national.html"

    def get_context_data(self, **kwargs):
        snapshot = selectors.snapshot_latest(target_id=_target_id(self.request))
        return super().get_context_data(dashboard=_dashboard(snapshot), **kwargs)


class ProvinceDashboardView(MemberRequiredMixin, TemplateView):
    template_name = "dashboards/province.html"

    def get_context_data(self, **kwargs):
        snapshot = selectors.snapshot_latest(target_id=_target_id(self.request), province_code=self.kwargs["code"])
        if snapshot is None:
            province = Province.objects.filter(code=self.kwargs["code"]).first()
            if province is None:
                raise Http404
            return super().get_context_data(dashboard=None, province=province, **kwargs)
        return super().get_context_data(dashboard=_dashboard(snapshot), province=snapshot.province, **kwargs)


@login_not_required
@require_safe
def public_summary(request):
    """National figures, the curve, the provinces (map and table) and a search for one's own kab/kota, for
    anonymous visitors; no personal data."""
    query = request.GET.get("q", "").strip()[:100]
    search = None
    if query:
        resolution, region, candidates = region_search_public(text=query)
        search = {"query": query, "status": resolution.status, "region": region, "candidates": candidates}
    return render(request, "dashboards/public_summary.html",
                  {"dashboard": _dashboard(selectors.snapshot_latest()), "search": search})


class LaggingView(MemberRequiredMixin, TemplateView):
    """"Tertinggal": the target units without an operating MPP, the most stuck first, with filters."""

    template_name = "dashboards/lagging.html"

    def get_context_data(self, **kwargs):
        form = LaggingFilterForm(self.request.GET)
        rows = lagging_list(user=self.request.user, **form.selector_kwargs()) if form.is_valid() else []
        query = self.request.GET.urlencode()
        return super().get_context_data(form=form, rows=rows, querystring=query, **kwargs)


@require_safe
def dashboard_pdf(request):
    """The national dashboard of the latest snapshot as a PDF (the one the weekly digest attaches)."""
    if not is_member(request.user):
        raise PermissionDenied
    snapshot = selectors.snapshot_latest(target_id=_target_id(request))
    if snapshot is None:
        raise Http404
    filename = f"dasbor-nasional-{timezone.localdate():%Y%m%d}.pdf"
    return HttpResponse(pdf.dashboard_pdf(_dashboard(snapshot)), content_type="application/pdf",
                        headers={"Content-Disposition": f'attachment; filename="{filename}"'})


class DigestSubscriptionView(MemberRequiredMixin, TemplateView):
    """Opt in or out of the weekly digest (ministry staff and admins)."""

    template_name = "dashboards/digest.html"

    def get_context_data(self, **kwargs):
        subscription = selectors.digest_subscription_of(user=self.request.user)
        return super().get_context_data(
            subscription=subscription, may_subscribe=role_of(self.request.user) in services.DIGEST_ROLES, **kwargs
        )

    def post(self, request, *args, **kwargs):
        subscribed = request.POST.get("subscribed") == "1"
        services.digest_subscription_set(user=request.user, subscribed=subscribed, language=get_language())
        if subscribed:
            messages.success(request, _("Anda akan menerima ringkasan mingguan setiap Senin pukul 07.00 WIB."))
        else:
            messages.success(request, _("Anda tidak lagi menerima ringkasan mingguan."))
        return redirect("dashboards:digest")
