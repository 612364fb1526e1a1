from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from regions.imports import RegionLookup

from ..models import Commitment, SigningEvent
from ..services import EVENT_FIELDS, commitment_errors


class SigningEventSerializer(serializers.ModelSerializer):
    commitment_count = serializers.IntegerField(read_only=True)
    signed_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = SigningEvent
        fields = ["id", *EVENT_FIELDS, "is_demo", "commitment_count", "signed_count"]
        read_only_fields = ["is_demo"]

    def validate(self, attrs):
        date = attrs.get("date", getattr(self.instance, "date", None))
        year = attrs.get("year", getattr(self.instance, "year", None))
        if not date and not year:
            raise serializers.ValidationError({"date": [_("Isi tanggal, atau tahunnya bila tanggalnya tidak diketahui.")]})
        return attrs


@extend_schema_field(OpenApiTypes.STR)
class RegionReferenceField(serializers.Field):
    """A kab/kota by Kemendagri code or by name as people write it; ambiguous names are refused."""

    def to_representation(self, value):
        return value.code

    def to_internal_value(self, data):
        region, message = RegionLookup().find(data)
        if region is None:
            raise serializers.ValidationError(message)
        return region


class CommitmentSerializer(serializers.ModelSerializer):
    region = RegionReferenceField()
    region_name = serializers.CharField(source="region.name", read_only=True)
    event = serializers.PrimaryKeyRelatedField(queryset=SigningEvent.objects.all())

    class Meta:
        model = Commitment
        fields = ["id", "event", "region", "region_name", "signatory_name", "signatory_title", "outcome",
                  "absence_reason", "target_year", "source", "is_demo"]
        read_only_fields = ["is_demo"]
        validators = []  # the duplicate rule is commitment_errors', with a message naming the region

    def validate(self, attrs):
        merged = {name: getattr(self.instance, name) for name in
                  ("event", "region", "outcome", "absence_reason", "target_year")} if self.instance else {}
        merged.update(attrs)
        errors = commitment_errors(
            event=merged["event"], region=merged["region"], outcome=merged.get("outcome", Commitment.Outcome.SIGNED),
            absence_reason=merged.get("absence_reason", ""), target_year=merged.get("target_year"),
            exclude_pk=self.instance.pk if self.instance else None,
        )
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class ImportRequestSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["mpps", "commitments"])
    file = serializers.FileField()
    dry_run = serializers.BooleanField(default=True)
    event_date = serializers.DateField(required=False, allow_null=True, default=None)
    officiated_by = serializers.CharField(required=False, allow_blank=True, default="")
    place = serializers.CharField(required=False, allow_blank=True, default="")
    counterpart = serializers.CharField(required=False, allow_blank=True, default="")
    source = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=2000,
        help_text="Citation or URL of the data; required unless every row fills the source column.",
    )

    MAX_BYTES = 2 * 1024 * 1024

    def validate_file(self, upload):
        if upload.size > self.MAX_BYTES:
            raise serializers.ValidationError(_("Berkas terlalu besar (maksimum 2 MB)."))
        return upload

    def validate(self, attrs):
        if attrs["kind"] == "commitments" and not attrs.get("event_date"):
            raise serializers.ValidationError({"event_date": [_("Tanggal penandatanganan wajib untuk impor komitmen.")]})
        return attrs
