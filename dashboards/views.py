import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from mpp_portal.access import coordinator_province_ids, is_member, role_of
from mpp_portal.http_cache import conditional, etag_for
from mpp_portal.inputs import parse_int
from mpp_portal.views import MemberRequiredMixin
from regions.models import Province, Region
from regions.report_selectors import pending_counts, province_check_count
from regions.selectors import region_search_public
from taskforce import selectors as taskforce_selectors

from . import pdf, selectors, services
from .forms import LaggingFilterForm
from .lagging import lagging_list

PAGE_TIMEOUT = 24 * 3600


def _target_id(request) -> int | None:
    value = request.GET.get("sasaran", "")
    target = parse_int(value)
    return target if target is not None and 0 < target < 2**63 else None


def _dashboard(snapshot):
    return selectors.Dashboard(snapshot) if snapshot is not None else None


def _public_dashboard(snapshot):
    """The public summary's view of a snapshot: recorded figures only, the demo share never shown."""
    return selectors.Dashboard(snapshot, public=True) if snapshot is not None else None


class SnapshotPageMixin:
    """A dashboard page answers conditional requests: its ETag is the snapshot, whether it is stale, the
    language, the user and the URL; private, since it shows who is signed in."""

    def snapshot(self):
        raise NotImplementedError

    def pending_counts(self) -> dict[str, int]:
        """The reports waiting for verification that the page names beside the verified figures."""
        return pending_counts()

    def live_parts(self) -> tuple:
        """What else the page shows from live data (not the snapshot), so part of its ETag."""
        return ()

    def get(self, request, *args, **kwargs):
        self.latest = self.snapshot()
        # Reports arrive between recomputes: their count is part of what the page shows, so of its ETag.
        self.pending = self.pending_counts()
        if self.latest is None:
            return super().get(request, *args, **kwargs)
        etag = etag_for(self.template_name, self.latest.pk, self.latest.stale, request.LANGUAGE_CODE, request.user.pk,
                        request.get_full_path(), sorted(self.pending.items()), *self.live_parts())

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
        return super().get_context_data(dashboard=_dashboard(self.latest), pending=self.pending, **kwargs)


class ProvinceDashboardView(MemberRequiredMixin, SnapshotPageMixin, TemplateView):
    template_name = "dashboards/province.html"

    def snapshot(self):
        return selectors.snapshot_latest(target_id=_target_id(self.request), province_code=self.kwargs["code"])

    def assistance_filter(self) -> tuple[str | None, int]:
        """The region table's filter on the task force's assistance, as on the lagging list; a bad value is
        ignored, as the page's other parameters are."""
        wanted = self.request.GET.get("pendampingan")
        months = parse_int(self.request.GET.get("bulan", ""))
        if months is None or not 1 <= months <= taskforce_selectors.MAX_MONTHS:
            months = taskforce_selectors.DEFAULT_MONTHS
        return (wanted if wanted in taskforce_selectors.ASSISTANCE_FILTERS else None), months

    def live_parts(self) -> tuple:
        wanted, _months = self.assistance_filter()
        return (taskforce_selectors.assistance_version(),) if wanted else ()

    def get_context_data(self, **kwargs):
        snapshot = self.latest
        if snapshot is None:
            province = Province.objects.filter(code=self.kwargs["code"]).first()
            if province is None:
                raise Http404
            return super().get_context_data(dashboard=None, province=province, pending=self.pending, **kwargs)
        dashboard = _dashboard(snapshot)
        wanted, months = self.assistance_filter()
        regions = dashboard.regions
        if wanted:
            ids = dict(Region.objects.filter(code__in=[r["code"] for r in regions]).values_list("code", "pk"))
            kept = taskforce_selectors.lagging_region_ids(
                assistance=wanted, months=months, stages={ids[r["code"]]: r["stage"] for r in regions if r["code"] in ids})
            regions = [r for r in regions if ids.get(r["code"]) in kept]
        return super().get_context_data(
            dashboard=dashboard, province=snapshot.province, pending=self.pending, regions=regions,
            assistance_filter=wanted, assistance_months=months, **kwargs,
        )

    def pending_counts(self) -> dict[str, int]:
        counts = dict(pending_counts(province_code=self.kwargs["code"]))
        # The province's own queue for its coordinator: reports waiting for the province's check.
        coordinated = coordinator_province_ids(self.request.user)  # no query for other roles
        if coordinated and Province.objects.filter(code=self.kwargs["code"], pk__in=coordinated).exists():
            counts["province_check"] = province_check_count(province_code=self.kwargs["code"])
        return counts


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
    pending = pending_counts(recorded_only=True)
    key = (generation, request.LANGUAGE_CODE, request.get_full_path(), pending["total"], pending["operating"])
    page = _PUBLIC_PAGES.get(key) if generation is not None else None
    if page is not None:
        return page
    snapshot = selectors.snapshot_latest_cached()
    if snapshot is None:
        return None
    etag = etag_for("public-summary", snapshot.pk, request.LANGUAGE_CODE, request.get_full_path(),
                    sorted(pending.items()))
    body = cache.get(f"dashboards:public-page:{etag}")
    if body is None:
        body = render(request, "dashboards/public_summary.html", _public_context(request, snapshot, pending)).content
        cache.set(f"dashboards:public-page:{etag}", body, PAGE_TIMEOUT)
    page = PublicPage(etag=etag, computed_at=snapshot.computed_at, body=body)
    if generation is not None:
        if any(known[0] != generation for known in _PUBLIC_PAGES) or len(_PUBLIC_PAGES) >= PUBLIC_PAGES_MAX:
            _PUBLIC_PAGES.clear()
        _PUBLIC_PAGES[key] = page
    return page


def _public_context(request, snapshot, pending=None) -> dict:
    """The public page's context: the snapshot's figures and, with ``?q=``, the visitor's search, resolved by
    the import's name resolver over recorded records only (the page is kept per URL, so per search)."""
    query = request.GET.get("q", "").strip()[:100]
    search = None
    if query:
        resolution, region, candidates = region_search_public(text=query)
        search = {"query": query, "status": resolution.status, "region": region, "candidates": candidates}
    if pending is None:
        pending = pending_counts(recorded_only=True)
    return {"dashboard": _public_dashboard(snapshot), "search": search, "pending": pending}


@login_not_required
@require_safe
def public_summary(request):
    """National figures, the curve, the provinces (map and table) and a search for one's own kab/kota
    (``?q=``, recorded data only) for anonymous visitors; no personal data, no demo records. Public and cacheable by
    proxies: for visitors who are not signed in the page is the same for everyone, so it is kept rendered per
    run, language and URL and answered with a 304 when the visitor already has it. Signed-in members get it
    rendered for them (it names them), private."""
    if request.user.is_authenticated:
        snapshot = selectors.snapshot_latest_cached()
        if snapshot is None:
            return render(request, "dashboards/public_summary.html", _public_context(request, None))
        return conditional(
            request, lambda: render(request, "dashboards/public_summary.html", _public_context(request, snapshot)),
            etag=etag_for("public-summary", snapshot.pk, request.LANGUAGE_CODE, request.get_full_path(),
                          request.user.pk),
            last_modified=snapshot.computed_at, public=False)
    page = _public_page(request)
    if page is None:
        return render(request, "dashboards/public_summary.html", _public_context(request, None))
    return conditional(request, lambda: HttpResponse(page.body), etag=page.etag, last_modified=page.computed_at,
                       public=True)


class LaggingView(MemberRequiredMixin, TemplateView):
    """"Tertinggal": the target units without an operating MPP, the most stuck first, with filters."""

    template_name = "dashboards/lagging.html"

    def get_context_data(self, **kwargs):
        params = self.request.GET.copy()
        form = LaggingFilterForm(params)
        if not form.is_valid() and set(form.errors) <= set(LaggingFilterForm.IGNORED_ON_PAGE):
            # A bad assistance filter is ignored on the page, as the dashboards' parameters are (the API says 400).
            for name in form.errors:
                params.pop(name, None)
            form = LaggingFilterForm(params)
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
