from django.urls import reverse
from rest_framework import serializers

from mpp_portal.limits import INT_MAX
from mpp_portal.models import ChangeRecord
from regions.models import Mpp, MppTenant, Province, Region, StatusUpdate
from regions.tenants import counts_from_list


class ProvinceSerializer(serializers.ModelSerializer):
    region_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Province
        fields = ["code", "name", "region_count"]


class RegionSerializer(serializers.ModelSerializer):
    province = serializers.CharField(source="province.code", read_only=True)
    province_name = serializers.CharField(source="province.name", read_only=True)
    stage = serializers.ChoiceField(choices=Region.Stage.choices, read_only=True,
                                    help_text="Stage derived from recorded (non-demo) MPPs and commitments.")
    mpp_count = serializers.IntegerField(read_only=True, help_text="Recorded (non-demo) MPP records of the region.")
    demo_mpp_count = serializers.IntegerField(read_only=True, help_text="Demo MPP records (contoh): not in mpp_count.")

    class Meta:
        model = Region
        fields = ["code", "name", "kind", "province", "province_name", "is_dki_administrative", "stage", "mpp_count",
                  "demo_mpp_count"]


class MppSerializer(serializers.ModelSerializer):
    """An MPP as read. Writes take ``MppWriteSerializer`` and go through ``regions.services``."""

    region = serializers.CharField(source="region.code", read_only=True)
    region_name = serializers.CharField(source="region.name", read_only=True)
    province = serializers.CharField(source="region.province.code", read_only=True)
    tenant_count = serializers.IntegerField(read_only=True, allow_null=True,
                                            help_text="Tenant agencies (instansi/UPP); null when no source gives it.")
    service_count = serializers.IntegerField(read_only=True, allow_null=True,
                                             help_text="Services (layanan); null when no source gives it.")

    class Meta:
        model = Mpp
        fields = [
            "id", "region", "region_name", "province", "name", "address", "status", "inaugurated_on",
            "inauguration", "tenant_count", "service_count", "oss_integrated", "oss_integrated_on",
            "digital_status", "digital_since", "latitude", "longitude", "counts_unknown", "source", "is_demo",
            "version", "updated_at",
        ]
        read_only_fields = fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if instance.counts_unknown:
            # No source gives them: unknown, not zero.
            data["tenant_count"] = data["service_count"] = None
        return data


class MppTenantSerializer(serializers.ModelSerializer):
    """An agency serving in the MPP (tenant list entry)."""

    class Meta:
        model = MppTenant
        fields = ["name", "kind", "service_count", "since", "institution_key", "is_demo"]
        read_only_fields = fields


class MppTenantInSerializer(serializers.Serializer):
    """An entry of a proposed tenant list (the whole list replaces the MPP's when verified)."""

    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=MppTenant.Kind.choices)
    # Parsed without bounds: the services report out-of-range values together with every other error.
    service_count = serializers.IntegerField()
    since = serializers.DateField(required=False, allow_null=True, default=None)
    institution_key = serializers.CharField(required=False, allow_blank=True, default="",
                                            help_text="Short name of a national institution (MoU party), e.g. Polri.")

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        value["since"] = value["since"].isoformat() if value.get("since") else None
        return value


class MppDetailSerializer(MppSerializer):
    """One MPP as read, with its tenant list; ``counts_source`` says whether the counts come from it."""

    tenants = MppTenantSerializer(many=True, read_only=True)
    counts_source = serializers.SerializerMethodField(
        help_text="\"tenants\" when tenant_count and service_count are derived from the tenant list "
                  "(dari daftar instansi), \"reported\" otherwise.")

    class Meta(MppSerializer.Meta):
        fields = [*MppSerializer.Meta.fields, "counts_source", "tenants"]
        read_only_fields = fields

    def get_counts_source(self, mpp) -> str:
        return "tenants" if counts_from_list(mpp) else "reported"


class MppWriteSerializer(serializers.ModelSerializer):
    """Parses the fields of a create (with ``region`` and optionally ``status``) or a PATCH (with ``version``)."""

    region = serializers.SlugRelatedField(slug_field="code", queryset=Region.objects.all(), required=False)
    status = serializers.ChoiceField(choices=Mpp.Status.choices, required=False)
    version = serializers.IntegerField(required=False, min_value=1, max_value=INT_MAX)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    # Parsed without bounds: the services report out-of-range values together with every other error.
    tenant_count = serializers.IntegerField(required=False)
    service_count = serializers.IntegerField(required=False)
    latitude = serializers.DecimalField(max_digits=12, decimal_places=6, required=False, allow_null=True)
    longitude = serializers.DecimalField(max_digits=12, decimal_places=6, required=False, allow_null=True)
    tenants = MppTenantInSerializer(many=True, required=False, help_text="The whole tenant list (replaces it).")

    class Meta:
        model = Mpp
        fields = [
            "region", "name", "address", "status", "inaugurated_on", "inauguration", "tenant_count",
            "service_count", "oss_integrated", "oss_integrated_on", "digital_status", "digital_since",
            "latitude", "longitude", "is_demo", "version", "note", "tenants",
        ]
        extra_kwargs = {"name": {"required": False}}
        # Uniqueness and cross-field rules are the services' job; the serializer only parses.
        validators = []


class MppStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=Mpp.Status.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    inaugurated_on = serializers.DateField(required=False, allow_null=True, default=None)
    evidence = serializers.FileField(required=False, allow_null=True, default=None)
    version = serializers.IntegerField(required=False, allow_null=True, default=None, min_value=1, max_value=INT_MAX)


class StatusUpdateSerializer(serializers.ModelSerializer):
    by = serializers.CharField(source="by.username", read_only=True, default=None)
    evidence = serializers.SerializerMethodField()

    class Meta:
        model = StatusUpdate
        fields = ["id", "from_status", "to_status", "note", "evidence", "by", "at"]

    def get_evidence(self, update) -> str | None:
        if not update.evidence:
            return None
        url = reverse("regions:mpp-evidence", args=[update.mpp_id, update.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class ChangeRecordSerializer(serializers.ModelSerializer):
    user = serializers.CharField(source="user.username", read_only=True, default=None, allow_null=True)

    class Meta:
        model = ChangeRecord
        fields = ["id", "at", "action", "object_repr", "changes", "note", "user"]
        read_only_fields = fields
