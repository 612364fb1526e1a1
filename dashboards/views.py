from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from mpp_portal.http_cache import conditional, etag_for
from mpp_portal.views import MemberRequiredMixin
from regions.models import Province

from . import selectors

PAGE_TIMEOUT = 24 * 3600


def _target_id(request) -> int | None:
    value = request.GET.get("sasaran", "")
    return int(value) if value.isdigit() else None


def _dashboard(snapshot):
    return selectors.Dashboard(snapshot) if snapshot is not None else None


class SnapshotPageMixin:
    """A dashboard page answers conditional requests: its ETag is the snapshot, whether it is stale, the
    language, the user and the URL; private, since it shows who is signed in."""

    def snapshot(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        self.latest = self.snapshot()
        if self.latest is None:
            return super().get(request, *args, **kwargs)
        etag = etag_for(self.template_name, self.latest.pk, self.latest.stale, request.LANGUAGE_CODE, request.user.pk,
                        request.get_full_path())
        return conditional(request, lambda: super(SnapshotPageMixin, self).get(request, *args, **kwargs).render(),
                           etag=etag, last_modified=self.latest.computed_at, public=False)


class NationalDashboardView(MemberRequiredMixin, SnapshotPageMixin, TemplateView):
    template_name = "dashboards/national.html"

    def snapshot(self):
        return selectors.snapshot_latest(target_id=_target_id(self.request))

    def get_context_data(self, **kwargs):
        return super().get_context_data(dashboard=_dashboard(self.latest), **kwargs)


class ProvinceDashboardView(MemberRequiredMixin, SnapshotPageMixin, TemplateView):
    template_name = "dashboards/province.html"

    def snapshot(self):
        return selectors.snapshot_latest(target_id=_target_id(self.request), province_code=self.kwargs["code"])

    def get_context_data(self, **kwargs):
        snapshot = self.latest
        if snapshot is None:
            province = Province.objects.filter(code=self.kwargs["code"]).first()
            if province is None:
                raise Http404
            return super().get_context_data(dashboard=None, province=province, **kwargs)
        return super().get_context_data(dashboard=_dashboard(snapshot), province=snapshot.province, **kwargs)


@login_not_required
@require_safe
def public_summary(request):
    """National figures and the curve for anonymous visitors; no personal data. Public and cacheable by
    proxies: for visitors who are not signed in the whole page is the same for everyone, so it is kept
    rendered per snapshot, language and URL and answered with a 304 when the visitor already has it."""
    snapshot = selectors.snapshot_latest_cached()
    if snapshot is None:
        return render(request, "dashboards/public_summary.html", {"dashboard": None})
    anonymous = not request.user.is_authenticated
    etag = etag_for("public-summary", snapshot.pk, request.LANGUAGE_CODE, request.get_full_path(),
                    "" if anonymous else request.user.pk)

    def render_page():
        if not anonymous:
            return render(request, "dashboards/public_summary.html", {"dashboard": _dashboard(snapshot)})
        key = f"dashboards:public-page:{etag}"
        body = cache.get(key)
        if body is None:
            body = render(request, "dashboards/public_summary.html", {"dashboard": _dashboard(snapshot)}).content
            cache.set(key, body, PAGE_TIMEOUT)
        return HttpResponse(body)

    return conditional(request, render_page, etag=etag, last_modified=snapshot.computed_at, public=anonymous)
