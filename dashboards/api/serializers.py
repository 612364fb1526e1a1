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
