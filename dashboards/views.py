import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
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

        def render_page():
            key = _member_page_key(request, etag)
            body = cache.get(key) if key else None
            if body is not None:
                return HttpResponse(body)
            response = super(SnapshotPageMixin, self).get(request, *args, **kwargs).render()
            if key and response.status_code == 200:
                cache.set(key, response.content, PAGE_TIMEOUT)
            return response

        return conditional(request, render_page, etag=etag, last_modified=self.latest.computed_at, public=False)


def _member_page_key(request, etag: str) -> str | None:
    """A member's rendered dashboard can be reused while nothing on it changes: the same snapshot, staleness,
    language, user and URL (the ETag) and the same CSRF cookie (its forms carry a token of that cookie). Not
    while a message waits to be shown once."""
    csrf = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    if not csrf or "messages" in request.COOKIES or request.session.get("_messages"):
        return None
    return f"dashboards:member-page:{etag}:{hashlib.sha256(csrf.encode()).hexdigest()[:16]}"


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


@dataclass(frozen=True)
class PublicPage:
    etag: str
    computed_at: datetime.datetime
    body: bytes


# Rendered public summaries of the newest run, kept in each web process: a crowd of anonymous visitors then
# costs one cache read (is there a newer run?) per request. Bounded, as the URL (query string) is the visitor's.
_PUBLIC_PAGES: dict[tuple, PublicPage] = {}
PUBLIC_PAGES_MAX = 64


def _public_page(request) -> PublicPage | None:
    generation = selectors.generation_current()
    key = (generation, request.LANGUAGE_CODE, request.get_full_path())
    page = _PUBLIC_PAGES.get(key) if generation is not None else None
    if page is not None:
        return page
    snapshot = selectors.snapshot_latest_cached()
    if snapshot is None:
        return None
    etag = etag_for("public-summary", snapshot.pk, request.LANGUAGE_CODE, request.get_full_path())
    body = cache.get(f"dashboards:public-page:{etag}")
    if body is None:
        body = render(request, "dashboards/public_summary.html", {"dashboard": _dashboard(snapshot)}).content
        cache.set(f"dashboards:public-page:{etag}", body, PAGE_TIMEOUT)
    page = PublicPage(etag=etag, computed_at=snapshot.computed_at, body=body)
    if generation is not None:
        if any(known[0] != generation for known in _PUBLIC_PAGES) or len(_PUBLIC_PAGES) >= PUBLIC_PAGES_MAX:
            _PUBLIC_PAGES.clear()
        _PUBLIC_PAGES[key] = page
    return page


@login_not_required
@require_safe
def public_summary(request):
    """National figures and the curve for anonymous visitors; no personal data. Public and cacheable by
    proxies: for visitors who are not signed in the page is the same for everyone, so it is kept rendered per
    run, language and URL and answered with a 304 when the visitor already has it. Signed-in members get it
    rendered for them (it names them), private."""
    if request.user.is_authenticated:
        snapshot = selectors.snapshot_latest_cached()
        if snapshot is None:
            return render(request, "dashboards/public_summary.html", {"dashboard": None})
        return conditional(
            request, lambda: render(request, "dashboards/public_summary.html", {"dashboard": _dashboard(snapshot)}),
            etag=etag_for("public-summary", snapshot.pk, request.LANGUAGE_CODE, request.get_full_path(),
                          request.user.pk),
            last_modified=snapshot.computed_at, public=False)
    page = _public_page(request)
    if page is None:
        return render(request, "dashboards/public_summary.html", {"dashboard": None})
    return conditional(request, lambda: HttpResponse(page.body), etag=page.etag, last_modified=page.computed_at,
                       public=True)
