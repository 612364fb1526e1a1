from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from mou.models import Agreement, AgreementParty, Amendment, Clause, Institution, ServicePlacement, SignOffRevocation
from mpp_portal.limits import INT_MAX
from regions.models import Mpp


class InstitutionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Institution
        fields = ["id", "name", "short_name", "kind"]


class RevocationSerializer(serializers.ModelSerializer):
    signed_off_by = serializers.StringRelatedField(allow_null=True)
    revoked_by = serializers.StringRelatedField(allow_null=True)

    class Meta:
        model = SignOffRevocation
        fields = ["signed_off_by", "signed_off_at", "revoked_by", "revoked_at", "reason"]


class AgreementPartySerializer(serializers.ModelSerializer):
    institution = InstitutionSerializer(read_only=True, allow_null=True)  # none for the region's DPMPTSP
    last_edited_by = serializers.StringRelatedField(allow_null=True)
    signed_off_by = serializers.StringRelatedField(allow_null=True)
    revocations = RevocationSerializer(many=True, read_only=True)

    class Meta:
        model = AgreementParty
        fields = [
            "id", "agreement", "name", "institution", "is_dpmptsp", "position", "signatory_title", "signatory_name",
            "signed_on", "last_edited_by", "last_edited_at", "signed_off_by", "signed_off_at", "revocations",
        ]
        read_only_fields = fields


class PartyUpdateSerializer(serializers.Serializer):
    signatory_title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    signatory_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    signed_on = serializers.DateField(required=False, allow_null=True)


class RevokeSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, help_text="Wajib: alasan pencabutan.")


class ClauseSerializer(serializers.ModelSerializer):
    section_label = serializers.CharField(source="get_section_display", read_only=True)

    class Meta:
        model = Clause
        fields = ["section", "section_label", "text", "text_published", "summary"]


class PlacementSerializer(serializers.ModelSerializer):
    institution_name = serializers.CharField(source="institution.name", read_only=True)

    class Meta:
        model = ServicePlacement
        fields = ["id", "institution", "institution_name", "service_count", "services", "rooms", "service_days",
                  "staff_count"]
        read_only_fields = ["id"]


class PlacementCreateSerializer(serializers.Serializer):
    institution = serializers.PrimaryKeyRelatedField(queryset=Institution.objects.all())
    service_count = serializers.IntegerField(min_value=1, max_value=INT_MAX)
    signatory_title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    signatory_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    signed_on = serializers.DateField(required=False, allow_null=True, default=None)
    services = serializers.CharField(required=False, allow_blank=True, default="")
    rooms = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    service_days = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    staff_count = serializers.IntegerField(min_value=0, max_value=INT_MAX, required=False, allow_null=True, default=None)


def _absolute(serializer, url: str) -> str:
    request = serializer.context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


class AmendmentSerializer(serializers.ModelSerializer):
    document = serializers.SerializerMethodField(help_text="Link to the document (members only, a download).")

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_document(self, amendment) -> str | None:
        if not amendment.document:
            return None
        return _absolute(self, reverse("mou:amendment-document", args=[amendment.agreement_id, amendment.pk]))

    class Meta:
        model = Amendment
        fields = ["id", "number", "dated", "note", "document", "created_at"]
        read_only_fields = ["id", "created_at"]


class AgreementSerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="mpp.region.code", read_only=True, default=None, allow_null=True)
    document = serializers.SerializerMethodField(help_text="Link to the document (members only, a download).")
    party_count = serializers.IntegerField(read_only=True)
    signed_off_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Agreement
        fields = [
            "id", "kind", "number", "title", "signed_on", "place", "term_years", "expires_on", "status", "mpp",
            "region", "document", "party_count", "signed_off_count", "is_demo",
        ]

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_document(self, agreement) -> str | None:
        return _absolute(self, reverse("mou:document", args=[agreement.pk])) if agreement.document else None


class AgreementDetailSerializer(AgreementSerializer):
    parties = AgreementPartySerializer(many=True, read_only=True)
    clauses = ClauseSerializer(many=True, read_only=True)
    placements = PlacementSerializer(many=True, read_only=True)
    amendments = AmendmentSerializer(many=True, read_only=True)
    party_count = None
    signed_off_count = None

    class Meta(AgreementSerializer.Meta):
        fields = [f for f in AgreementSerializer.Meta.fields if f not in ("party_count", "signed_off_count")] + [
            "note", "source", "parties", "clauses", "placements", "amendments",
        ]


class PksCreateSerializer(serializers.Serializer):
    mpp = serializers.PrimaryKeyRelatedField(queryset=Mpp.objects.select_related("region"))
    title = serializers.CharField(max_length=300)
    number = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    signed_on = serializers.DateField(required=False, allow_null=True, default=None)
    place = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    term_years = serializers.IntegerField(min_value=1, max_value=50, required=False, allow_null=True, default=None)
    document = serializers.FileField(required=False, allow_null=True, default=None)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    dpmptsp_signatory_title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    dpmptsp_signatory_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class AgreementUpdateSerializer(serializers.Serializer):
    number = serializers.CharField(max_length=120, required=False, allow_blank=True)
    title = serializers.CharField(max_length=300, required=False)
    signed_on = serializers.DateField(required=False, allow_null=True)
    place = serializers.CharField(max_length=200, required=False, allow_blank=True)
    term_years = serializers.IntegerField(min_value=1, max_value=50, required=False, allow_null=True)
    document = serializers.FileField(required=False)
    note = serializers.CharField(required=False, allow_blank=True)


class AmendmentCreateSerializer(serializers.Serializer):
    dated = serializers.DateField()
    note = serializers.CharField()
    number = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")
    document = serializers.FileField(required=False, allow_null=True, default=None)


class CoverageRowSerializer(serializers.Serializer):
    institution = InstitutionSerializer()
    served = serializers.IntegerField(help_text="Operating MPPs where it serves under a signed or in-force PKS.")
    not_served = serializers.IntegerField(help_text="Operating MPPs without it.")
    share = serializers.FloatField()


class CoverageSerializer(serializers.Serializer):
    operating_total = serializers.IntegerField()
    rows = CoverageRowSerializer(many=True)
