"""Cross-cutting API pieces: pagination, the member permissions, the import endpoints' answer (the token
endpoint is ``token_api``)."""
from rest_framework import permissions, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from .access import Role, can, is_admin, is_member, role_of


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 1000


class PortalMemberPermission(permissions.BasePermission):
    """Reads for every portal member. Writes are for officers and admins, and per record as
    ``mpp_portal.access.can`` decides — checked before the request body is validated, so a refused
    write answers 403 rather than the body's errors."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return is_member(request.user)
        return role_of(request.user) in (Role.OFFICER, Role.ADMIN)

    def has_object_permission(self, request, view, obj):
        return request.method in permissions.SAFE_METHODS or can(request.user, obj, action="change")


class AdminWritePermission(PortalMemberPermission):
    """Reads for every portal member, writes for admins only (events, imports)."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return super().has_permission(request, view)
        return is_admin(request.user)


def import_response(report) -> Response:
    """Every import endpoint's answer: the report (``ImportReport.as_dict``); 400 when a row failed and so
    nothing was saved, each error with its line and column."""
    body = report.as_dict()
    if not report.ok:
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    return Response(body)
