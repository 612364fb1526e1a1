"""Thin API views: validate input, call a service or selector, serialize the answer."""
from django.core.exceptions import PermissionDenied
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from mpp_portal.access import is_ministry
from mpp_portal.api import AdminWritePermission, PortalMemberPermission, import_response
from mpp_portal.inputs import query_int
from quality import selectors, services
from quality.filters import (
    DigitalPilotFilterSet,
    EvaluationFilterSet,
    FiscalCapacityFilterSet,
    MppQualityFilterSet,
    ReadinessCheckFilterSet,
)
from quality.imports import evaluations_import, fiscal_capacity_import
from quality.models import EvaluationCategory, ReadinessCriterion
from regions.api.reports import ReportSerializer
from regions.models import MppReport

from . import serializers as s


class EvaluationCategoryViewSet(viewsets.ReadOnlyModelViewSet):
    """The evaluation categories, best first."""

    serializer_class = s.EvaluationCategorySerializer
    permission_classes = [PortalMemberPermission]
    queryset = EvaluationCategory.objects.all()
    lookup_field = "key"
    pagination_class = None


class EvaluationViewSet(viewsets.ReadOnlyModelViewSet):
    """Yearly evaluation results; filter by year, category (key), region (code), province (code)."""

    serializer_class = s.EvaluationSerializer
    filterset_class = EvaluationFilterSet
    permission_classes = [PortalMemberPermission]

    def get_queryset(self):
        return selectors.evaluation_list(user=self.request.user)

    @action(detail=False, methods=["post"], url_path="import", serializer_class=s.CsvImportSerializer,
            permission_classes=[AdminWritePermission])
    def import_csv(self, request):
        """Admins: import a CSV (multipart ``file``, optional ``dry_run``); all or nothing, errors per line."""
        serializer = s.CsvImportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = serializer.validated_data["file"]
        report = evaluations_import(user=request.user, content=upload.read(), filename=upload.name,
                                    dry_run=serializer.validated_data["dry_run"])
        return import_response(report)


class DigitalPilotViewSet(viewsets.ReadOnlyModelViewSet):
    """The MPP Digital pilot regions (20 June 2023); an unresolved name has no region."""

    serializer_class = s.DigitalPilotSerializer
    filterset_class = DigitalPilotFilterSet
    permission_classes = [PortalMemberPermission]

    def get_queryset(self):
        return selectors.digital_pilot_list()


class ReadinessCriterionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.ReadinessCriterionSerializer
    permission_classes = [PortalMemberPermission]
    queryset = ReadinessCriterion.objects.all()
    lookup_field = "key"
    pagination_class = None


class ReadinessCheckViewSet(viewsets.mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """MPP Digital checklist answers. POST {mpp, criterion, met, evidence_note} fills one in (the region's
    officers and admins); POST .../verify/ confirms it (admins)."""

    serializer_class = s.ReadinessCheckSerializer
    filterset_class = ReadinessCheckFilterSet
    permission_classes = [PortalMemberPermission]

    def get_queryset(self):
        return selectors.readiness_check_list(user=self.request.user)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        check = services.readiness_check_set(
            mpp=data["mpp"], criterion=data["criterion"], user=request.user, met=data.get("met", False),
            evidence_note=data.get("evidence_note", ""))
        return Response(self.get_serializer(check).data, status=status.HTTP_200_OK)

    @extend_schema(request=None, responses=s.ReadinessCheckSerializer)
    @action(detail=True, methods=["post"])
    def verify(self, request, pk=None):
        check = services.readiness_check_verify(check=self.get_object(), user=request.user)
        return Response(s.ReadinessCheckSerializer(check).data)


class FiscalCapacityViewSet(viewsets.ReadOnlyModelViewSet):
    """Fiscal capacity class per region and year; filter by year, fiscal_class, province (code)."""

    serializer_class = s.FiscalCapacitySerializer
    filterset_class = FiscalCapacityFilterSet
    permission_classes = [PortalMemberPermission]

    def get_queryset(self):
        return selectors.fiscal_capacity_list(user=self.request.user)

    @action(detail=False, methods=["post"], url_path="import", serializer_class=s.FiscalCapacityImportSerializer,
            permission_classes=[AdminWritePermission])
    def import_csv(self, request):
        """Admins: import one year's classes (multipart ``file`` with columns region, class; ``year``, ``regulation``)."""
        serializer = s.FiscalCapacityImportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        report = fiscal_capacity_import(
            user=request.user, content=data["file"].read(), filename=data["file"].name, year=data["year"],
            regulation=data["regulation"], dry_run=data["dry_run"])
        return import_response(report)


class MppQualityViewSet(viewsets.ReadOnlyModelViewSet):
    """MPPs with MPP Digital status, OSS integration and checklist counts; the two actions change them
    (the region's officers and admins; send ``version`` to be told, 409, when someone else changed it)."""

    serializer_class = s.MppQualitySerializer
    filterset_class = MppQualityFilterSet
    permission_classes = [PortalMemberPermission]

    def get_queryset(self):
        return selectors.mpp_quality_list(user=self.request.user)

    def _change(self, request, serializer_class, service, **names):
        mpp = self.get_object()
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        written = service(mpp=mpp, user=request.user, note=data["note"], version=data["version"],
                          **{arg: data[field] for arg, field in names.items()})
        if isinstance(written, MppReport) and written.state == MppReport.State.REPORTED:
            # An officer's change waits for verification: the answer is the report (as for /api/mpps/).
            return Response(ReportSerializer(written, context={"request": request}).data,
                            status=status.HTTP_202_ACCEPTED)
        return Response(self.get_serializer(self.get_queryset().get(pk=mpp.pk)).data)

    @extend_schema(request=s.DigitalStatusSerializer, responses={200: s.DigitalStatusSerializer, 202: ReportSerializer})
    @action(detail=True, methods=["post"], url_path="digital-status", serializer_class=s.DigitalStatusSerializer)
    def digital_status(self, request, pk=None):
        return self._change(request, s.DigitalStatusSerializer, services.mpp_digital_status_set,
                            digital_status="digital_status", digital_since="digital_since")

    @extend_schema(request=s.OssIntegrationSerializer, responses={200: s.OssIntegrationSerializer, 202: ReportSerializer})
    @action(detail=True, methods=["post"], url_path="oss", serializer_class=s.OssIntegrationSerializer)
    def oss(self, request, pk=None):
        return self._change(request, s.OssIntegrationSerializer, services.mpp_oss_integration_set,
                            integrated="oss_integrated", integrated_on="oss_integrated_on")


class QualitySummaryView(APIView):
    """The figures of /kualitas/: evaluation distribution and Prima list, MPP Digital, readiness, OSS, fiscal lens."""

    permission_classes = [PortalMemberPermission]

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request):
        year = query_int(request.query_params, "year", minimum=2017, maximum=2100)
        distribution = selectors.quality_distribution(year=year)
        readiness = selectors.readiness_by_criterion()
        fiscal = selectors.regions_without_operating_mpp_by_fiscal_class(
            query_int(request.query_params, "fiscal_year", minimum=2000, maximum=2100))
        return Response({
            "quality_distribution": {
                "categories": [c.key for c in distribution["categories"]],
                "rows": [{"year": r["year"], "total": r["total"],
                          "counts": {c["category"].key: c["count"] for c in r["cells"]}} for r in distribution["rows"]],
                "reported": distribution["reported"],
            },
            "prima": s.EvaluationSerializer(selectors.prima_list(year), many=True).data,
            "digital": selectors.digital_summary(),
            "readiness_by_criterion": {
                "assessed_mpps": readiness["assessed_mpps"],
                "criteria": [{"key": c.key, "name": c.name, "met": c.met, "verified": c.verified}
                             for c in readiness["criteria"]],
            },
            "oss_integration": selectors.oss_integration_count(),
            "fiscal_lens": {
                "year": fiscal["year"], "regulations": fiscal["regulations"], "total": fiscal["total"],
                "without_data": fiscal["without_data"],
                "counts": {c["key"]: c["count"] for c in fiscal["classes"]},
                "low": [{"code": r.code, "name": r.name, "province": r.province.code, "fiscal_class": r.fiscal_class}
                        for r in fiscal["low"]],
            },
        })


class StaleRegionsView(APIView):
    """Regions whose MPP records were not updated in 90 days (admins and ministry staff)."""

    permission_classes = [PortalMemberPermission]

    @extend_schema(responses={200: {"type": "array", "items": {"type": "object"}}})
    def get(self, request):
        if not is_ministry(request.user):
            raise PermissionDenied
        return Response([
            {"region": e["region"].code, "region_name": e["region"].name,
             "mpps": [{"id": m.pk, "name": m.name, "updated_at": m.updated_at} for m in e["mpps"]],
             "officers": [o.username for o in e["officers"]]}
            for e in selectors.stale_regions()
        ])
