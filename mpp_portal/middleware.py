from urllib.parse import unquote

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.db import OperationalError
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation import gettext as _

# Inline styles are avoided in templates; charts are server-rendered SVG, so no script source is needed
# beyond our own static files (and the offline Swagger UI bundle).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; "
    "object-src 'none'"
)


class RequestLimitsMiddleware:
    """First in the chain, before anything reads the body: a body above ``REQUEST_MAX_BYTES`` is refused
    (413) unread, and a NUL byte in the path or query string (which PostgreSQL cannot store or compare)
    is a 400."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from .error_pages import error_response

        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return error_response(request, 400)
        if length > settings.REQUEST_MAX_BYTES:
            return error_response(request, 413, message=_("Kiriman %(size)s MB melebihi batas %(max)s MB.") % {
                "size": f"{length / 1024 / 1024:.1f}", "max": settings.REQUEST_MAX_BYTES // (1024 * 1024)})
        if "\x00" in request.path_info or "\x00" in unquote(request.META.get("QUERY_STRING", "")):
            return error_response(request, 400, message=_("Alamat berisi karakter yang tidak sah."))
        return self.get_response(request)


class DatabaseBusyMiddleware:
    """A writer that cannot get SQLite's write lock within its busy timeout gets a 503 "coba lagi"
    (with Retry-After), not a 500; nothing was written."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from .error_pages import error_response

        if isinstance(exception, OperationalError) and "locked" in str(exception):
            response = error_response(request, 503)
            response["Retry-After"] = "5"
            return response
        return None


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class PagesRequireLoginMiddleware(LoginRequiredMiddleware):
    """Every page needs a login unless marked ``login_not_required``; the API authenticates itself."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith(("/api/", f"/{settings.STATIC_URL}", "/admin/")):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class PortalLocaleMiddleware(LocaleMiddleware):
    """Bahasa Indonesia unless the user chose another language with the switcher (its cookie).

    The browser's Accept-Language is ignored on purpose: officials with English-language browsers still
    expect the national portal in Indonesian.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
