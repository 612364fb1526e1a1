"""Conditional requests and Cache-Control, in one place for every page and file that supports them.

Public pages and data files are ``public`` with a short max-age and stale-while-revalidate, so a reverse proxy
or CDN can serve a crowd; logged-in dashboards are ``private``. The ETag and Last-Modified come from what the
response is made of (a release, a snapshot and the language), so a 304 costs no rendering.
"""
import datetime
import hashlib
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

PUBLIC_MAX_AGE = 60
PUBLIC_STALE_WHILE_REVALIDATE = 600
IMMUTABLE_MAX_AGE = 365 * 24 * 3600


def etag_for(*parts) -> str:
    """A strong ETag from the parts that determine a response's bytes."""
    return '"' + hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:32] + '"'


def cache_control(*, public: bool, immutable: bool = False) -> str:
    if immutable:
        return f"public, max-age={IMMUTABLE_MAX_AGE}, immutable"
    if public:
        return f"public, max-age={PUBLIC_MAX_AGE}, stale-while-revalidate={PUBLIC_STALE_WHILE_REVALIDATE}"
    return "private, max-age=0, must-revalidate"


def conditional(request: HttpRequest, render: Callable[[], HttpResponse], *, etag: str,
                last_modified: datetime.datetime | None, public: bool, immutable: bool = False) -> HttpResponse:
    """304 when the client's validators match, else the rendered response; both carry the validators and
    Cache-Control. A private response also varies on Cookie (it depends on who is signed in)."""
    modified = int(last_modified.timestamp()) if last_modified else None
    response = get_conditional_response(request, etag=etag, last_modified=modified)
    if response is None:
        response = render()
        if response.status_code != 200:
            return response
    response.headers["ETag"] = etag
    if modified is not None:
        response.headers["Last-Modified"] = http_date(modified)
    response.headers["Cache-Control"] = cache_control(public=public, immutable=immutable)
    if not public:
        patch_vary_headers(response, ("Cookie",))
    return response
