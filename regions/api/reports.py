"""API for officers' reports and their verification: the same services and permissions as the pages."""
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from mpp_portal.access import is_member
from mpp_portal.api import PortalMemberPermission
from mpp_portal.limits import INT_MAX
from regions import report_rules, report_selectors, reports, services
from regions.models import Mpp, MppReport, MppReportBatch
from regions.report_filters import ReportFilterSet

from .serializers import MppTenantInSerializer


class ReportSerializer(serializers.ModelSerializer):
    mpp_name = serializers.CharField(source="mpp.name", read_only=True)
    region = serializers.CharField(source="mpp.region.code", read_only=True)
    province = serializers.CharField(source="mpp.region.province.code", read_only=True)
    created_by = serializers.CharField(source="created_by.username", read_only=True, default=None, allow_null=True)
    decided_by = serializers.CharField(source="decided_by.username", read_only=True, default=None, allow_null=True)
    evidence = serializers.SerializerMethodField()
    stamp = serializers.SerializerMethodField(help_text="Send back with verify/return/bulk-verify; a report "
                                                        "changed since is not acted on.")
    overdue = serializers.SerializerMethodField()
    level = serializers.SerializerMethodField(help_text="Who acts on the report now: \"province\" (the "
                                                        "province's coordinator checks first), \"ministry\", or "
                                                        "null once decided.")
    state_label = serializers.SerializerMethodField()
    checked_by = serializers.CharField(source="checked_by.username", read_only=True, default=None, allow_null=True)
    returned_at_level = serializers.SerializerMethodField(help_text="\"province\" or \"ministry\" for a returned "
                                                                    "report; null otherwise.")

    class Meta:
        model = MppReport
        fields = ["id", "mpp", "mpp_name", "region", "province", "kind", "state", "state_label", "level", "changes",
                  "base_version", "note", "evidence", "is_demo", "created_by", "created_at", "checked_by",
                  "checked_at", "check_note", "decided_by", "decided_at", "decision_note", "returned_at_level",
                  "stamp", "overdue"]
        read_only_fields = fields

    def get_evidence(self, report) -> str | None:
        if not report.evidence:
            return None
        url = reverse("regions:report-evidence", args=[report.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url

    def get_stamp(self, report) -> str:
        return reports.report_stamp(report)

    def get_overdue(self, report) -> bool:
        return report_selectors.is_overdue(report)

    def _checking(self):
        if "checking" not in self.context:
            self.context["checking"] = report_rules.checking_province_ids()
        return self.context["checking"]

    def get_level(self, report) -> str | None:
        return report_rules.level_now(report, checking=self._checking())

    def get_returned_at_level(self, report) -> str | None:
        return report.returned_at_level or None

    def get_state_label(self, report) -> str:
        return report_rules.state_label(report, checking=self._checking())


class ReportCreateSerializer(serializers.Serializer):
    """A change to an MPP: any of its fields and/or a status, with a note and evidence (multipart)."""

    mpp = serializers.PrimaryKeyRelatedField(queryset=Mpp.objects.all())
    version = serializers.IntegerField(min_value=1, max_value=INT_MAX, help_text="The MPP version you read (409 when stale).")
    status = serializers.ChoiceField(choices=Mpp.Status.choices, required=False)
    name = serializers.CharField(required=False)
    address = serializers.CharField(required=False, allow_blank=True)
    inaugurated_on = serializers.DateField(required=False, allow_null=True)
    tenant_count = serializers.IntegerField(required=False, min_value=-INT_MAX - 1, max_value=INT_MAX)
    service_count = serializers.IntegerField(required=False, min_value=-INT_MAX - 1, max_value=INT_MAX)
    tenants = MppTenantInSerializer(many=True, required=False,
                                    help_text="The whole proposed tenant list (agencies serving in the MPP).")
    oss_integrated = serializers.BooleanField(required=False)
    oss_integrated_on = serializers.DateField(required=False, allow_null=True)
    digital_status = serializers.ChoiceField(choices=Mpp.DigitalStatus.choices, required=False)
    digital_since = serializers.DateField(required=False, allow_null=True)
    latitude = serializers.DecimalField(max_digits=12, decimal_places=6, required=False, allow_null=True)
    longitude = serializers.DecimalField(max_digits=12, decimal_places=6, required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    evidence = serializers.FileField(required=False, allow_null=True, default=None)


class ReportDecisionSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")
    stamp = serializers.CharField(required=False, allow_blank=True, default="")


class ReportReturnSerializer(serializers.Serializer):
    reason = serializers.CharField(allow_blank=True)
    stamp = serializers.CharField(required=False, allow_blank=True, default="")


class BulkVerifyItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    stamp = serializers.CharField()


class BulkVerifySerializer(serializers.Serializer):
    reports = BulkVerifyItemSerializer(many=True, help_text="Each report as listed: its id and stamp.")
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ReportBatchSerializer(serializers.ModelSerializer):
    created_by = serializers.CharField(source="created_by.username", read_only=True)

    class Meta:
        model = MppReportBatch
        fields = ["id", "created_by", "created_at", "note", "requested", "state", "results", "finished_at"]
        read_only_fields = fields


class ReportPermission(permissions.BasePermission):
    """Reads for members; creating for officers and admins (the record decides, in the service);
    verify, return and bulk verification for reviewers (verifiers, admins, provincial coordinators; the
    report's level decides in ``regions.report_rules``)."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return is_member(request.user)
        # By route, not by method: any write on a decision route is the verifiers' (405 when unmapped).
        if set(getattr(view, "action_map", {}).values()) & {"verify", "return_", "bulk_verify"}:
            return report_rules.reviews_reports(request.user)
        return PortalMemberPermission().has_permission(request, view)


class VerifierPermission(permissions.BasePermission):
    def has_permission(self, request, view):
        return report_rules.reviews_reports(request.user)


def _api_error(exc):
    if isinstance(exc, services.VersionConflict):
        return Response(exc.body, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, reports.ReportChanged):
        return Response({"stamp": exc.messages}, status=status.HTTP_409_CONFLICT)
    return None


class ReportViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Officers' reports on MPPs. An officer's report waits for verification and does not change the MPP
    (nor the progress figures) until a verifier verifies it; an admin's is verified on entry.
    Filters: ``province``, ``kind``, ``older_than`` (days), ``state``, ``mpp``."""

    serializer_class = ReportSerializer
    filterset_class = ReportFilterSet
    permission_classes = [ReportPermission]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self):
        return report_selectors.report_list(user=self.request.user)

    def handle_exception(self, exc):
        response = _api_error(exc)
        if response is not None:
            return response
        if isinstance(exc, DjangoValidationError):
            exc = ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages})
        return super().handle_exception(exc)

    @extend_schema(request=ReportCreateSerializer, responses={201: ReportSerializer, 409: None})
    def create(self, request, *args, **kwargs):
        parsed = ReportCreateSerializer(data=request.data)
        parsed.is_valid(raise_exception=True)
        data = dict(parsed.validated_data)
        mpp = data.pop("mpp")
        report = reports.mpp_change_submit(
            user=request.user, mpp=mpp, version=data.pop("version"), status=data.pop("status", None),
            note=data.pop("note"), evidence=data.pop("evidence"), **data,
        )
        return Response(self._out(report), status=status.HTTP_201_CREATED)

    @extend_schema(request=ReportDecisionSerializer, responses={200: ReportSerializer, 409: None})
    @action(detail=True, methods=["post"])
    def verify(self, request, pk=None):
        """Approve at the report's level now: a coordinator's check passes it to the ministry; a verifier's
        verification makes its values the MPP's verified values."""
        report = self.get_object()
        data = self._parsed(ReportDecisionSerializer, request)
        report = reports.report_verify(user=request.user, report=report, note=data["note"], stamp=data["stamp"] or None)
        return Response(self._out(report))

    @extend_schema(request=ReportReturnSerializer, responses={200: ReportSerializer, 409: None})
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_(self, request, pk=None):
        """Return the report to its officer with a reason (required)."""
        report = self.get_object()
        data = self._parsed(ReportReturnSerializer, request)
        report = reports.report_return(user=request.user, report=report, reason=data["reason"],
                                       stamp=data["stamp"] or None)
        return Response(self._out(report))

    @extend_schema(request=BulkVerifySerializer, responses={202: ReportBatchSerializer})
    @action(detail=False, methods=["post"], url_path="bulk-verify", url_name="bulk-verify")
    def bulk_verify(self, request):
        """Verify every listed report in a background job; ``GET /api/report-batches/{id}/`` gives the result
        per report (a report changed since it was listed is skipped)."""
        data = self._parsed(BulkVerifySerializer, request)
        batch = reports.report_batch_queue(
            user=request.user, requested=[(item["id"], item["stamp"]) for item in data["reports"]], note=data["note"]
        )
        return Response(ReportBatchSerializer(batch).data, status=status.HTTP_202_ACCEPTED)

    def _out(self, report):
        return ReportSerializer(report_selectors.report_get(user=self.request.user, pk=report.pk) or report,
                                context={"request": self.request}).data

    @staticmethod
    def _parsed(serializer_class, request) -> dict:
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        return dict(serializer.validated_data)


class ReportBatchViewSet(viewsets.GenericViewSet):
    """A bulk verification and its result per report (the verifier's own)."""

    lookup_value_regex = r"[0-9]+"
    queryset = MppReportBatch.objects.none()  # for the schema; get_queryset gives the verifier's own

    serializer_class = ReportBatchSerializer
    permission_classes = [VerifierPermission]

    def get_queryset(self):
        return MppReportBatch.objects.filter(created_by=self.request.user)

    def retrieve(self, request, pk=None):
        return Response(ReportBatchSerializer(get_object_or_404(self.get_queryset(), pk=pk)).data)
