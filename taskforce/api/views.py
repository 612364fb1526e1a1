"""Thin API views: validate input, call a service or selector, serialize the answer. Writes are for whoever
``mpp_portal.access.can_log_assistance`` allows; the services check it again per region."""
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from mpp_portal.access import can_log_assistance, is_member
from taskforce import selectors, services
from taskforce.filters import AssistanceFilterSet, FollowUpFilterSet
from taskforce.models import Assistance

from . import serializers as s


class AssistancePermission(permissions.BasePermission):
    """Reads for every member; writes for those who may log an assistance somewhere, and per record where
    its region allows — checked before the body is validated, so a refused write answers 403."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return is_member(request.user)
        return is_member(request.user) and selectors.may_log_somewhere(user=request.user)

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        region = obj.region if isinstance(obj, Assistance) else obj.assistance.region
        return can_log_assistance(request.user, region)


class AssistanceViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """The task force's assistance to kab/kota; filter by province, region, area, form, is_demo."""

    serializer_class = s.AssistanceSerializer
    permission_classes = [AssistancePermission]
    filterset_class = AssistanceFilterSet
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def get_queryset(self):
        return selectors.assistance_list(user=self.request.user).prefetch_related("follow_ups__closed_by").order_by(
            "-date", "-pk")

    @staticmethod
    def _values(serializer) -> dict:
        data = dict(serializer.validated_data)
        if "area_list" in data:
            data["areas"] = data.pop("area_list")
        return data

    def perform_create(self, serializer):
        serializer.instance = services.assistance_create(user=self.request.user, **self._values(serializer))

    def perform_update(self, serializer):
        serializer.instance = services.assistance_update(user=self.request.user, assistance=serializer.instance,
                                                         **self._values(serializer))


class FollowUpViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Follow-ups of assistances; filter by state, owner_kind, overdue, province, region, assistance."""

    serializer_class = s.FollowUpSerializer
    permission_classes = [AssistancePermission]
    filterset_class = FollowUpFilterSet

    def get_queryset(self):
        return selectors.follow_up_list(user=self.request.user).order_by("due_on", "pk")

    def perform_create(self, serializer):
        serializer.instance = services.follow_up_create(user=self.request.user, **serializer.validated_data)

    @extend_schema(request=s.CloseSerializer, responses=s.FollowUpSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        follow_up = self.get_object()
        body = s.CloseSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        closed = services.follow_up_close(user=request.user, follow_up=follow_up, **body.validated_data)
        return Response(s.FollowUpSerializer(closed).data)
