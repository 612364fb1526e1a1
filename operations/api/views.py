"""Thin API views: validate input, call a service or selector, serialize the answer."""
import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from mpp_portal.access import Role, can_verify, role_of
from mpp_portal.api import PortalMemberPermission
from operations import rules, selectors, services
from operations.filters import OperationsFlagFilterSet, OperationsReportFilterSet
from operations.imports import operations_import

from . import serializers as s


def _service(fn, **kwargs):
    try:
        return fn(**kwargs)
    except ValidationError as exc:
        raise serializers.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages) from None
    except PermissionDenied as exc:
        raise ApiPermissionDenied(str(exc)) from None


class VerifierPermission(PortalMemberPermission):
    """Verifiers and admins; which records they may decide on is the service's verifier rule."""

    def has_permission(self, request, view):
        return can_verify(request.user)

    def has_object_permission(self, request, view, obj):
        return True


class OperationsReportViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Monthly operations reports; filter by state, month (YYYY-MM), province, region, mpp, flagged."""

    serializer_class = s.OperationsReportSerializer
    permission_classes = [PortalMemberPermission]
    filterset_class = OperationsReportFilterSet

    def get_queryset(self):
        return selectors.report_list(user=self.request.user, with_flags=True).order_by("-month", "pk")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = _service(services.operations_report_submit, user=self.request.user, **data)

    @extend_schema(request=s.DecisionSerializer, responses=s.OperationsReportSerializer)
    @action(detail=True, methods=["post"], permission_classes=[VerifierPermission])
    def verify(self, request, pk=None):
        body = s.DecisionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        report = _service(services.operations_report_verify, user=request.user, report=self.get_object(),
                          note=body.validated_data["note"])
        return Response(s.OperationsReportSerializer(report).data)

    @extend_schema(request=s.ReturnSerializer, responses=s.OperationsReportSerializer)
    @action(detail=True, methods=["post"], url_path="return", url_name="return", permission_classes=[VerifierPermission])
    def return_(self, request, pk=None):
        body = s.ReturnSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        report = _service(services.operations_report_return, user=request.user, report=self.get_object(),
                          reason=body.validated_data["reason"])
        return Response(s.OperationsReportSerializer(report).data)


class OperationsFlagViewSet(viewsets.ReadOnlyModelViewSet):
    """Flags of implausible values, for verifiers; open ones first. Resolve with a note."""

    serializer_class = s.OperationsFlagSerializer
    permission_classes = [VerifierPermission]
    filterset_class = OperationsFlagFilterSet

    def get_queryset(self):
        return selectors.flag_list(user=self.request.user, open_only=False)

    @extend_schema(request=s.ResolveSerializer, responses=s.OperationsFlagSerializer)
    @action(detail=True, methods=["post"])
    def resolve(self, request, pk=None):
        body = s.ResolveSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        flag = _service(services.operations_flag_resolve, user=request.user, flag=self.get_object(),
                        note=body.validated_data["note"])
        return Response(s.OperationsFlagSerializer(flag).data)


class OperationsFigureListView(APIView):
    """Monthly figures from the latest recompute: national, or one province's (``province`` code)."""

    permission_classes = [PortalMemberPermission]

    @extend_schema(parameters=[OpenApiParameter("province", str)], responses=s.OperationsFigureSerializer(many=True))
    def get(self, request):
        series = selectors.figure_series(province_code=request.query_params.get("province") or None)
        return Response(s.OperationsFigureSerializer(series, many=True).data)


def _month_param(request, default: datetime.date | None) -> datetime.date | None:
    text = request.query_params.get("month", "")
    if not text:
        return default
    try:
        return datetime.datetime.strptime(text[:7], "%Y-%m").date()
    except ValueError:
        raise serializers.ValidationError({"month": ["YYYY-MM"]}) from None


class VisitorExtremesView(APIView):
    """The MPPs with the fewest and the most visitors in a month (latest ranked by default), by absolute
    visitors or relative to their own 12-month average (``by=relative``)."""

    permission_classes = [PortalMemberPermission]

    @extend_schema(parameters=[OpenApiParameter("month", str), OpenApiParameter("by", str, enum=["visitors", "relative"]),
                               OpenApiParameter("province", str)],
                   responses={200: {"type": "object", "properties": {
                       "month": {"type": "string", "nullable": True}, "fewest": {"type": "array"}, "most": {"type": "array"}}}})
    def get(self, request):
        months = selectors.ranking_months()
        month = _month_param(request, months[0] if months else None)
        by = "relative" if request.query_params.get("by") == "relative" else "visitors"
        if month is None:
            return Response({"month": None, "fewest": [], "most": []})
        lists = selectors.visitor_extremes(month=month, by=by, province_code=request.query_params.get("province"))
        return Response({"month": month.isoformat(), "by": by,
                         **{k: s.VisitorRankingSerializer(v, many=True).data for k, v in lists.items()}})


class MissingReportsView(APIView):
    """Operating MPPs without a report for ``month`` (default: the month just ended)."""

    permission_classes = [PortalMemberPermission]

    @extend_schema(parameters=[OpenApiParameter("month", str)], responses=s.MissingMppSerializer(many=True))
    def get(self, request):
        month = _month_param(request, rules.month_add(rules.month_start(timezone.localdate()), -1))
        return Response(s.MissingMppSerializer(selectors.missing_reports(month=month), many=True).data)


class OperationsImportView(APIView):
    """Import a CSV/XLSX of monthly reports for many MPPs: all rows or none."""

    permission_classes = [PortalMemberPermission]
    parser_classes = [MultiPartParser]

    @extend_schema(request={"multipart/form-data": s.ImportSerializer}, responses={200: dict, 400: dict})
    def post(self, request):
        if role_of(request.user) not in (Role.OFFICER, Role.ADMIN):
            raise ApiPermissionDenied()
        body = s.ImportSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        upload = body.validated_data["file"]
        result = operations_import(user=request.user, content=upload.read(), filename=upload.name,
                                   dry_run=body.validated_data["dry_run"])
        return Response(result.as_dict(), status=status.HTTP_200_OK if result.ok else status.HTTP_400_BAD_REQUEST)


