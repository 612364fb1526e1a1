from rest_framework import serializers

from mpp_portal.limits import INT_MAX
from quality.models import (
    DigitalPilot,
    Evaluation,
    EvaluationCategory,
    FiscalCapacity,
    ReadinessCheck,
    ReadinessCriterion,
)
from regions.models import Mpp


class RegionRefMixin(serializers.Serializer):
    region = serializers.CharField(source="region.code", read_only=True, allow_null=True)
    region_name = serializers.CharField(source="region.name", read_only=True, allow_null=True)
    province = serializers.CharField(source="region.province.code", read_only=True, allow_null=True)


class EvaluationCategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = EvaluationCategory
        fields = ["key", "name", "rank"]


class EvaluationSerializer(RegionRefMixin, serializers.ModelSerializer):
    category = serializers.CharField(source="category.key", read_only=True)
    category_name = serializers.CharField(source="category.name", read_only=True)
    mpp_name = serializers.CharField(source="mpp.name", read_only=True, allow_null=True)

    class Meta:
        model = Evaluation
        fields = ["id", "year", "region", "region_name", "province", "mpp", "mpp_name", "category",
                  "category_name", "score", "decree", "source", "note"]


class CsvImportSerializer(serializers.Serializer):
    file = serializers.FileField()
    dry_run = serializers.BooleanField(default=False)


class FiscalCapacityImportSerializer(CsvImportSerializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    regulation = serializers.CharField(max_length=120)


class DigitalPilotSerializer(RegionRefMixin, serializers.ModelSerializer):
    class Meta:
        model = DigitalPilot
        fields = ["id", "written_as", "region", "region_name", "province", "launched_on", "launched_by", "source",
                  "note"]


class ReadinessCriterionSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReadinessCriterion
        fields = ["key", "name", "position", "source"]


class ReadinessCheckSerializer(serializers.ModelSerializer):
    criterion = serializers.SlugRelatedField(slug_field="key", queryset=ReadinessCriterion.objects.all())
    mpp = serializers.PrimaryKeyRelatedField(queryset=Mpp.objects.all())
    checked_by = serializers.CharField(source="checked_by.username", read_only=True, allow_null=True)
    verified_by = serializers.CharField(source="verified_by.username", read_only=True, allow_null=True)

    class Meta:
        model = ReadinessCheck
        fields = ["id", "mpp", "criterion", "met", "evidence_note", "checked_by", "checked_at", "verified_by",
                  "verified_at"]
        read_only_fields = ["checked_at", "verified_at"]
        validators = []  # one answer per (mpp, criterion) is an upsert in the service, not a uniqueness error


class FiscalCapacitySerializer(RegionRefMixin, serializers.ModelSerializer):
    class Meta:
        model = FiscalCapacity
        fields = ["id", "region", "region_name", "province", "year", "fiscal_class", "regulation"]


class MppQualitySerializer(RegionRefMixin, serializers.ModelSerializer):
    criteria_met = serializers.IntegerField(read_only=True)
    criteria_verified = serializers.IntegerField(read_only=True)

    class Meta:
        model = Mpp
        fields = ["id", "name", "region", "region_name", "province", "status", "digital_status", "digital_since",
                  "oss_integrated", "oss_integrated_on", "criteria_met", "criteria_verified", "version",
                  "updated_at"]


class DigitalStatusSerializer(serializers.Serializer):
    digital_status = serializers.ChoiceField(choices=Mpp.DigitalStatus.choices)
    digital_since = serializers.DateField(required=False, allow_null=True, default=None)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1, max_value=INT_MAX)


class OssIntegrationSerializer(serializers.Serializer):
    oss_integrated = serializers.BooleanField()
    oss_integrated_on = serializers.DateField(required=False, allow_null=True, default=None)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1, max_value=INT_MAX)
