from rest_framework import serializers

from dashboards.models import ProgressSnapshot


class ProvinceProgressSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="province.code")
    name = serializers.CharField(source="province.name")
    percent = serializers.FloatField()

    class Meta:
        model = ProgressSnapshot
        fields = ["code", "name", "numerator", "denominator", "percent", "stage_none", "stage_committed",
                  "stage_preparing", "stage_operating", "mpp_count"]


class SnapshotSerializer(serializers.ModelSerializer):
    """A target's national figures; ``basis`` says which units the percentage counts."""

    target_id = serializers.IntegerField(source="target.pk")
    name = serializers.CharField(source="target.name")
    metric = serializers.CharField(source="target.metric")
    basis = serializers.CharField(source="target.basis")
    deadline = serializers.DateField(source="target.deadline")
    percent = serializers.FloatField()

    class Meta:
        model = ProgressSnapshot
        fields = ["id", "target_id", "name", "metric", "basis", "deadline", "denominator", "numerator", "percent",
                  "as_of", "computed_at", "stage_none", "stage_committed", "stage_preparing", "stage_operating",
                  "mpp_count", "added_last_12_months", "projected_completion"]


class LatestTargetSerializer(SnapshotSerializer):
    """``series`` and ``provinces`` appear only when the request asks for them (``include`` in the context)."""

    OPTIONAL = ("series", "provinces")

    stale = serializers.BooleanField()
    series = serializers.JSONField(required=False, help_text="Only with ?include=series: [[\"YYYY-MM\", units], ...]")
    provinces = ProvinceProgressSerializer(many=True, required=False, help_text="Only with ?include=provinces.")

    class Meta(SnapshotSerializer.Meta):
        fields = SnapshotSerializer.Meta.fields + ["stale", "series", "provinces"]

    def get_fields(self):
        fields = super().get_fields()
        include = self.context.get("include")
        if include is not None:
            for name in self.OPTIONAL:
                if name not in include:
                    fields.pop(name)
        return fields


class ProgressLatestSerializer(serializers.Serializer):
    computed_at = serializers.DateTimeField(allow_null=True)
    stale = serializers.BooleanField()
    targets = LatestTargetSerializer(many=True)


class LaggingRegionSerializer(serializers.Serializer):
    """A target unit without an operating MPP. ``days_in_stage`` is null when the region never started or
    the move into its stage is not in the history; ``has_demo`` says whether demo records ("contoh") are part
    of it."""

    code = serializers.CharField(source="region.code")
    name = serializers.CharField(source="region.name")
    province_code = serializers.CharField(source="region.province.code")
    province = serializers.CharField(source="region.province.name")
    stage = serializers.CharField()
    in_stage_since = serializers.DateTimeField(source="since", allow_null=True)
    days_in_stage = serializers.IntegerField(allow_null=True)
    last_update = serializers.DateTimeField(allow_null=True)
    commitment_signed_on = serializers.DateField(source="signed_on", allow_null=True)
    commitment_target_year = serializers.IntegerField(source="target_year", allow_null=True)
    fiscal_class = serializers.CharField(allow_null=True)
    fiscal_year = serializers.IntegerField(allow_null=True)
    mpp_count = serializers.IntegerField()
    demo_mpp_count = serializers.IntegerField()
    has_demo = serializers.BooleanField()
