"""Error pages and answers outside the API views: branded pages in the reader's language, JSON under /api/. One
place for every status the middleware and URL handlers answer (the API views' exceptions: ``errors``)."""
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

API_PREFIX = "/api/"


def _default_message(status: int) -> str:
    return {
        400: _("Permintaan tidak valid."),
        403: _("Anda tidak memiliki izin untuk membuka atau mengubah halaman ini."),
        404: _("Halaman yang Anda cari tidak ada atau sudah dipindahkan."),
        413: _("Kiriman Anda melebihi batas ukuran portal."),
        500: _("Terjadi kesalahan pada portal; coba lagi nanti."),
        503: _("Portal sedang menyimpan perubahan lain; coba lagi sebentar lagi."),
    }[status]


def is_api(request) -> bool:
    return request.path_info.startswith(API_PREFIX)


def error_response(request, status: int, *, message: str | None = None) -> HttpResponse:
    if is_api(request):
        return JsonResponse({"detail": message or _default_message(status)}, status=status)
    return render(request, f"{status}.html", {"message": message}, status=status)


def bad_request(request, exception=None):
    return error_response(request, 400)


def forbidden(request, exception=None):
    return error_response(request, 403)


def not_found(request, exception=None):
    return error_response(request, 404)


def server_error(request):
    # Rendered without the request context: whatever failed (database, session) must not fail this too.
    if is_api(request):
        return JsonResponse({"detail": _default_message(500)}, status=500)
    return HttpResponse(render_to_string("500.html"), status=500)


def csrf_failure(request, reason=""):
    return error_response(request, 403, message=_("Sesi formulir kedaluwarsa atau tidak sah; muat ulang halaman lalu coba lagi."))
