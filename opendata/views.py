"""/data/: the open datasets, their DCAT catalog and every release. Public, no login; answered with
ETag/Last-Modified from the release and Cache-Control public, so proxies can serve the crowd."""
import json

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from mpp_portal.http_cache import conditional, etag_for

from . import selectors
from .catalog import catalog as catalog_build
from .datasets import DATASETS
from .models import Release


def _release(tag: str) -> Release:
    release = Release.objects.filter(tag=tag).first()
    if release is None:
        raise Http404
    return release


def _page(request, release: Release, *, latest: bool):
    def render_page():
        files = {f.name: f for f in selectors.release_files(release=release)}
        datasets = [(d, [files[f"{d.slug}.{ext}"] for ext in ("csv", "json", "metadata.json")
                         if f"{d.slug}.{ext}" in files]) for d in DATASETS]
        releases = selectors.release_list() if latest else None
        return render(request, "opendata/index.html", {"release": release, "datasets": datasets,
                                                       "releases": releases, "latest": latest, "newest": newest})

    newest = release.tag if latest else selectors.release_latest_tag()
    return conditional(request, render_page, etag=etag_for("opendata-page", release.tag, newest, request.LANGUAGE_CODE),
                       last_modified=release.published_at, public=True)


@login_not_required
@require_safe
def index(request):
    release = selectors.release_latest()
    if release is None:
        return render(request, "opendata/index.html", {"release": None, "latest": True})
    return _page(request, release, latest=True)


@login_not_required
@require_safe
def release_detail(request, tag: str):
    return _page(request, _release(tag), latest=False)


@login_not_required
@require_safe
def catalog(request):
    release = selectors.release_latest()
    if release is None:
        raise Http404

    def render_catalog():
        body = json.dumps(catalog_build(release=release, absolute=request.build_absolute_uri), ensure_ascii=False,
                          indent=1)
        return HttpResponse(body, content_type="application/ld+json; charset=utf-8")

    return conditional(request, render_catalog, etag=etag_for("opendata-catalog", release.tag, request.get_host()),
                       last_modified=release.published_at, public=True)


def _file_response(request, release: Release, name: str, *, immutable: bool):
    meta = selectors.release_files(release=release).filter(name=name).first()
    if meta is None:
        raise Http404

    def render_file():
        f = selectors.release_file(release=release, name=name)
        response = HttpResponse(bytes(f.content), content_type=f"{f.media_type}; charset=utf-8")
        stem, _dot, ext = name.partition(".")
        response.headers["Content-Disposition"] = f'inline; filename="{stem}-{release.tag}.{ext}"'
        response.headers["X-Open-Data-Release"] = release.tag
        return response

    return conditional(request, render_file, etag=f'"{meta.sha256}"', last_modified=release.published_at,
                       public=True, immutable=immutable)


@login_not_required
@require_safe
def current_file(request, name: str):
    release = selectors.release_latest()
    if release is None:
        raise Http404
    return _file_response(request, release, name, immutable=False)


@login_not_required
@require_safe
def release_file(request, tag: str, name: str):
    return _file_response(request, _release(tag), name, immutable=True)


@login_not_required
@require_safe
def release_checksums(request, tag: str):
    """``sha256sum -c SHA256SUMS`` checks a downloaded release."""
    release = _release(tag)

    def render_sums():
        lines = "".join(f"{f.sha256}  {f.name}\n" for f in selectors.release_files(release=release))
        return HttpResponse(lines, content_type="text/plain; charset=utf-8")

    return conditional(request, render_sums, etag=etag_for("opendata-sums", release.tag),
                       last_modified=release.published_at, public=True, immutable=True)
