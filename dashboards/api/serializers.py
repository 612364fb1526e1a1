from rest_framework import serializers

from dashboards.models import ProgressSnapshot

PERCENT_HELP = "numerator / denominator in percent: recorded records only."
PERCENT_AT_DEADLINE_HELP = "numerator_at_deadline / denominator in percent: recorded records only."
# What each figure counts, from the model's own help texts: the schema and the response say the same.
FIGURE_DEFINITIONS = {
    **{f.name: str(f.help_text) for f in ProgressSnapshot._meta.fields if f.help_text},
    "percent": PERCENT_HELP,
    "percent_at_deadline": PERCENT_AT_DEADLINE_HELP,
}


class ProvinceProgressSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="province.code")
    name = serializers.CharField(source="province.name")
    percent = serializers.FloatField(help_text=PERCENT_HELP)

    class Meta:
        model = ProgressSnapshot
        fields = ["code", "name", "numerator", "denominator", "percent", "stage_none", "stage_committed",
                  "stage_preparing", "stage_operating", "mpp_count", "demo_numerator", "demo_mpp_count"]


class SnapshotSerializer(serializers.ModelSerializer):
    """A target's national figures; ``basis`` says which units the percentage counts. Every figure counts
    recorded records only; the demo share is in the ``demo_*`` fields (see ``definitions``)."""

    target_id = serializers.IntegerField(source="target.pk")
    name = serializers.CharField(source="target.name")
    metric = serializers.CharField(source="target.metric")
    basis = serializers.CharField(source="target.basis")
    deadline = serializers.DateField(source="target.deadline")
    percent = serializers.FloatField(help_text=PERCENT_HELP)
    percent_at_deadline = serializers.FloatField(help_text=PERCENT_AT_DEADLINE_HELP)

    class Meta:
        model = ProgressSnapshot
        fields = ["id", "target_id", "name", "metric", "basis", "deadline", "denominator", "numerator", "percent",
                  "numerator_at_deadline", "percent_at_deadline", "as_of", "computed_at", "stage_none",
                  "stage_committed", "stage_preparing", "stage_operating", "mpp_count", "added_last_12_months",
                  "projected_completion", "undated_count", "windows", "demo_numerator",
                  "demo_numerator_at_deadline", "demo_mpp_count"]


class LatestTargetSerializer(SnapshotSerializer):
    """``series`` (with its demo share ``demo_series``) and ``provinces`` appear only when the request asks for
    them (``include`` in the context); every other figure and its demo share always appears."""

    OPTIONAL = {"series": ("series", "demo_series"), "provinces": ("provinces",)}

    stale = serializers.BooleanField()
    series = serializers.JSONField(
        required=False,
        help_text=f"Only with ?include=series. {ProgressSnapshot._meta.get_field('series').help_text}")
    demo_series = serializers.JSONField(
        required=False,
        help_text=f"Only with ?include=series. {ProgressSnapshot._meta.get_field('demo_series').help_text}")
    demo_stages = serializers.JSONField(help_text=str(ProgressSnapshot._meta.get_field("demo_stages").help_text))
    provinces = ProvinceProgressSerializer(many=True, required=False, help_text="Only with ?include=provinces.")

    class Meta(SnapshotSerializer.Meta):
        fields = SnapshotSerializer.Meta.fields + ["stale", "series", "demo_series", "demo_stages", "provinces"]

    def get_fields(self):
        fields = super().get_fields()
        include = self.context.get("include")
        if include is not None:
            for extra, names in self.OPTIONAL.items():
                if extra not in include:
                    for name in names:
                        fields.pop(name)
        return fields


class PendingVerificationSerializer(serializers.Serializer):
    total = serializers.IntegerField(help_text="Officers' reports waiting for verification (not counted above).")
    operating = serializers.IntegerField(help_text="Of those, reports that would make an MPP operating.")


class ProgressLatestSerializer(serializers.Serializer):
    computed_at = serializers.DateTimeField(allow_null=True)
    pending_verification = PendingVerificationSerializer(required=False)
    stale = serializers.BooleanField()
    definitions = serializers.DictField(child=serializers.CharField(), help_text="What each figure counts.")
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
