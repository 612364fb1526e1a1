from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from mpp_portal.views import MemberRequiredMixin
from regions.models import Province

from . import selectors


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
    """National figures and the curve for anonymous visitors; no personal data."""
    return render(request, "dashboards/public_summary.html", {"dashboard": _dashboard(selectors.snapshot_latest())})
