from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from operations.models import OperationsFigure, OperationsFlag, OperationsReport, VisitorRanking
from regions.models import Mpp


class OperationsFlagSerializer(serializers.ModelSerializer):
    report = serializers.PrimaryKeyRelatedField(read_only=True)
    resolved_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = OperationsFlag
        fields = ["id", "report", "kind", "field", "value", "score", "median", "created_at", "resolved_by",
                  "resolved_at", "resolution_note"]


# The schema states the constraints; ``operations.rules`` enforces them, with every error at once, for the
# page, the import and the API alike.
@extend_schema_field({"type": "integer", "minimum": 0})
class CountField(serializers.IntegerField):
    pass


@extend_schema_field({"type": "integer", "minimum": 0, "maximum": 31})
class DaysField(serializers.IntegerField):
    pass


@extend_schema_field({"type": "number", "format": "decimal", "minimum": 25, "maximum": 100, "nullable": True})
class IkmField(serializers.DecimalField):
    pass


class OperationsReportSerializer(serializers.ModelSerializer):
    """A monthly report. Counts are whole numbers >= 0; complaints_resolved <= complaints_received;
    ikm 25–100 or null; opening_days at most the days of the month; month (YYYY-MM-01) has ended and is not
    before the MPP's inauguration. Values far from the MPP's history are accepted and flagged."""

    mpp = serializers.PrimaryKeyRelatedField(queryset=Mpp.objects.all())
    month = serializers.DateField(help_text=_("Hari pertama bulan yang dilaporkan (YYYY-MM-01)."))
    visitors = CountField()
    transactions = CountField()
    active_services = CountField()
    tenants_present = CountField()
    complaints_received = CountField()
    complaints_resolved = CountField(help_text=_("Tidak boleh melebihi complaints_received."))
    ikm = IkmField(max_digits=6, decimal_places=2, required=False, allow_null=True, coerce_to_string=False,
                   help_text=_("Indeks kepuasan masyarakat, 25–100; null bila tidak diukur."))
    opening_days = DaysField(help_text=_("Paling banyak jumlah hari bulan itu."))
    flags = OperationsFlagSerializer(many=True, read_only=True)
    created_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    decided_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = OperationsReport
        fields = ["id", "mpp", "month", "visitors", "transactions", "active_services", "tenants_present",
                  "complaints_received", "complaints_resolved", "ikm", "opening_days", "note", "state",
                  "submitted_at", "on_time", "is_demo", "created_by", "decided_by", "decided_at", "decision_note",
                  "flags"]
        read_only_fields = ["state", "submitted_at", "on_time", "is_demo", "decided_at", "decision_note"]
        validators = []  # one report per MPP and month: the service says so, with the rest of the errors


class DecisionSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")


class ReturnSerializer(serializers.Serializer):
    reason = serializers.CharField()


class ResolveSerializer(serializers.Serializer):
    note = serializers.CharField()


class OperationsFigureSerializer(serializers.ModelSerializer):
    province = serializers.SlugRelatedField(slug_field="code", read_only=True)
    completeness = serializers.FloatField(read_only=True, allow_null=True)
    timeliness = serializers.FloatField(read_only=True, allow_null=True)
    resolution_rate = serializers.FloatField(read_only=True, allow_null=True)

    class Meta:
        model = OperationsFigure
        fields = ["month", "province", "operating", "reported", "on_time", "verified", "completeness",
                  "timeliness", "visitors", "transactions", "complaints_received", "complaints_resolved",
                  "resolution_rate", "ikm_average", "computed_at"]


class VisitorRankingSerializer(serializers.ModelSerializer):
    mpp_name = serializers.CharField(source="mpp.name", read_only=True)
    region = serializers.CharField(source="mpp.region.name", read_only=True)
    province = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = VisitorRanking
        fields = ["month", "mpp", "mpp_name", "region", "province", "visitors", "own_average", "relative"]


class MissingMppSerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="region.code")
    region_name = serializers.CharField(source="region.name")

    class Meta:
        model = Mpp
        fields = ["id", "name", "region", "region_name"]


class ImportSerializer(serializers.Serializer):
    file = serializers.FileField()
    dry_run = serializers.BooleanField(required=False, default=False)
