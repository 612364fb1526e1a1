from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .access import Role, is_admin, is_member, role_of
from .celery import app as celery_app
from .tokens import api_tokens_revoke


def require_member(request) -> None:
    """The one gate of pages for signed-in portal members (staff, officers, admins): others get 403."""
    if not is_member(request.user):
        raise PermissionDenied


class MemberRequiredMixin:
    """Pages for signed-in portal members (staff, officers, admins); others get 403."""

    def dispatch(self, request, *args, **kwargs):
        require_member(request)
        return super().dispatch(request, *args, **kwargs)


def require_admin(request) -> None:
    """The one gate of admin-only pages (the API's is ``mpp_portal.api.AdminWritePermission``)."""
    if not is_admin(request.user):
        raise PermissionDenied


class AdminRequiredMixin(MemberRequiredMixin):
    """Pages for admins only (events, imports, the sign-off queue); others get 403."""

    def dispatch(self, request, *args, **kwargs):
        require_admin(request)
        return super().dispatch(request, *args, **kwargs)


def _database_ok() -> bool:
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        # A broken connection is dropped so the next request reconnects without a restart.
        connection.close_if_unusable_or_obsolete()
        try:
            connection.close()
        except Exception:
            pass
        return False


# A queue no worker consumes: /healthz writes a message to it and takes it back.
HEALTH_QUEUE = "mpp.healthz"


def _broker_ok() -> bool:
    """A real write to the broker's queue (a ping answers even when the queue cannot be written)."""
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            queue = conn.SimpleQueue(HEALTH_QUEUE)
            try:
                queue.put({"healthz": True}, retry=False)
                # Take back what is there (this message, or one a concurrent check left), so the queue stays empty.
                for _message in range(10):
                    try:
                        queue.get_nowait().ack()
                    except queue.Empty:
                        break
            finally:
                queue.close()
        return True
    except Exception:
        return False


@login_not_required
@never_cache
@require_safe
def healthz(request):
    database, broker = _database_ok(), _broker_ok()
    body = {
        "status": "ok" if database and broker else ("degraded" if database else "error"),
        "database": "ok" if database else "unavailable",
        "broker": "ok" if broker else "unavailable",
    }
    return JsonResponse(body, status=200 if database else 503)


@login_not_required
@require_safe
def ping(request):
    """The cheapest possible page: the benchmark's yardstick for every other page's cost."""
    return HttpResponse("pong", content_type="text/plain")


@login_not_required
@require_safe
def home(request):
    if role_of(request.user) == Role.OFFICER:
        # Officers start from their own regions and what needs doing there.
        return redirect("regions:mine")
    if role_of(request.user) == Role.COORDINATOR:
        # A provincial coordinator starts from their province's dashboard (and its queue count).
        code = request.user.coordinated_provinces.order_by("code").values_list("code", flat=True).first()
        if code:
            return redirect("dashboards:province", code=code)
    if is_member(request.user):
        return redirect("dashboards:national")
    return redirect("dashboards:public")


class LogoutView(auth_views.LogoutView):
    """Signing out of the portal also retires the user's API token."""

    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            api_tokens_revoke(user=request.user)
        return super().post(request, *args, **kwargs)
