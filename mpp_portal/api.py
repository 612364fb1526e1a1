"""Cross-cutting API pieces: pagination, the member permission, the token endpoint."""
from rest_framework import permissions
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.pagination import PageNumberPagination
from rest_framework.throttling import ScopedRateThrottle

from .access import is_admin, is_member


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 1000


class PortalMemberPermission(permissions.BasePermission):
    """Reads for every portal member. Writes are decided per record by ``mpp_portal.access.scope``."""

    def has_permission(self, request, view):
        return is_member(request.user)


class TokenView(ObtainAuthToken):
    """POST {"username", "password"} to get {"token"}; send it as ``Authorization: Token <token>``."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "token"


class AdminWritePermission(PortalMemberPermission):
    """Reads for every portal member, writes for admins only (events, imports)."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return super().has_permission(request, view)
        return is_admin(request.user)
