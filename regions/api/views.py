from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from mpp_portal.access import is_admin
from mpp_portal.api import PortalMemberPermission
from regions import reports, selectors
from regions.filters import MppFilterSet, ProvinceFilterSet, RegionFilterSet

from .reports import ReportSerializer
from .serializers import (
    ChangeRecordSerializer,
    MppDetailSerializer,
    MppSerializer,
    MppStatusSerializer,
    MppTenantSerializer,
    MppWriteSerializer,
    ProvinceSerializer,
    RegionSerializer,
    StatusUpdateSerializer,
)


class ProvinceViewSet(viewsets.ReadOnlyModelViewSet):
    """The 38 provinces of the Kemendagri registry."""

    serializer_class = ProvinceSerializer
    filterset_class = ProvinceFilterSet
    permission_classes = [PortalMemberPermission]
    lookup_field = "code"

    def get_queryset(self):
        return selectors.province_list(user=self.request.user)


class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    """The 514 kabupaten/kota with their derived MPP stage."""

    serializer_class = RegionSerializer
    filterset_class = RegionFilterSet
    permission_classes = [PortalMemberPermission]
    lookup_field = "code"
    lookup_value_regex = r"[0-9.]+"

    def get_queryset(self):
        return selectors.region_list(user=self.request.user)


class MppViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """The MPPs. Everyone with a portal role reads all; officers write their own regions' MPPs, admins all.

    PATCH needs the ``version`` read (409 when stale). Status moves: ``POST /api/mpps/{id}/status/``.
    An officer's PATCH or status move is a report waiting for verification (202, the report; see
    ``/api/reports/``); an admin's is verified on entry (the MPP, or the status update).
    """

    serializer_class = MppSerializer
    filterset_class = MppFilterSet
    permission_classes = [PortalMemberPermission]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return selectors.mpp_list(user=self.request.user)

    def get_serializer_class(self):
        return MppDetailSerializer if self.action == "retrieve" else MppSerializer

    @extend_schema(responses=MppTenantSerializer(many=True))
    @action(detail=True, methods=["get"])
    def tenants(self, request, pk=None):
        """The agencies serving in the MPP (verified list, paginated); the MPP's counts are derived from it when
        it has one.
        Officers change it with ``tenants`` in a PATCH (a report to verify)."""
        tenants = self.paginate_queryset(selectors.mpp_tenants(mpp=self.get_object()))
        return self.get_paginated_response(MppTenantSerializer(tenants, many=True).data)

    @extend_schema(request=MppWriteSerializer, responses={201: MppSerializer})
    def create(self, request, *args, **kwargs):
        data = self._parsed(request, MppWriteSerializer(data=request.data))
        region = data.pop("region", None)
        if region is None:
            raise ValidationError({"region": [_("Wilayah wajib diisi.")]})
        data.pop("version", None)
        data.pop("note", None)
        mpp = reports.mpp_record(user=request.user, region=region, name=data.pop("name", ""), **data)
        return Response(MppSerializer(mpp).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=MppWriteSerializer, responses={200: MppSerializer, 202: ReportSerializer, 409: None})
    def partial_update(self, request, *args, **kwargs):
        mpp = self.get_object()
        data = self._parsed(request, MppWriteSerializer(data=request.data, partial=True))
        version = data.pop("version", None)
        if version is None:
            raise ValidationError({"version": [_("Versi data yang Anda baca wajib dikirim.")]})
        note = data.pop("note", "")
        if "status" in data:
            raise ValidationError({"status": [_("Status diubah lewat POST /api/mpps/{id}/status/.")]})
        report = reports.mpp_change_submit(user=request.user, mpp=mpp, version=version, note=note, **data)
        if not is_admin(request.user):
            return self._waiting(report)
        return Response(MppDetailSerializer(selectors.mpp_get(user=request.user, pk=mpp.pk)).data)

    @extend_schema(request=MppStatusSerializer, responses={201: StatusUpdateSerializer, 202: ReportSerializer, 409: None})
    @action(detail=True, methods=["post"], parser_classes=[JSONParser, MultiPartParser, FormParser])
    def status(self, request, pk=None):
        mpp = self.get_object()
        data = self._parsed(request, MppStatusSerializer(data=request.data))
        inaugurated_on = data.pop("inaugurated_on")
        fields = {"inaugurated_on": inaugurated_on} if inaugurated_on is not None else {}
        report = reports.mpp_change_submit(user=request.user, mpp=mpp, **data, **fields)
        if not is_admin(request.user) or report.kind != report.Kind.STATUS:
            return self._waiting(report)
        update = selectors.mpp_status_updates(mpp=mpp).first()
        return Response(StatusUpdateSerializer(update, context={"request": request}).data, status=status.HTTP_201_CREATED)

    def _waiting(self, report):
        return Response(ReportSerializer(report, context={"request": self.request}).data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(responses=ChangeRecordSerializer(many=True))
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None):
        """The MPP's change history, newest first (read-only: nothing edits or deletes it)."""
        records = self.paginate_queryset(selectors.mpp_history(mpp=self.get_object()))
        return self.get_paginated_response(ChangeRecordSerializer(records, many=True).data)

    @staticmethod
    def _parsed(request, serializer) -> dict:
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)
