"""API for inauguration events: read for members, write for admins (through regions.inaugurations)."""
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework import serializers, viewsets

from mpp_portal.api import AdminWritePermission
from regions.inaugurations import EVENT_FIELDS, inauguration_create, inauguration_save, inauguration_update
from regions.models import Inauguration, Mpp
from regions.selectors import inauguration_list


class InauguratedMppSerializer(serializers.ModelSerializer):
    region = serializers.CharField(source="region.code")
    region_name = serializers.CharField(source="region.name")

    class Meta:
        model = Mpp
        fields = ["id", "name", "region", "region_name", "is_demo"]


class InaugurationSerializer(serializers.ModelSerializer):
    mpp_count = serializers.IntegerField(read_only=True)
    mpps = InauguratedMppSerializer(many=True, read_only=True)
    mpp_ids = serializers.PrimaryKeyRelatedField(
        many=True, write_only=True, required=False, queryset=Mpp.objects.all(),
        help_text=_("MPP yang diresmikan pada peristiwa ini (menggantikan daftar sebelumnya)."),
    )

    class Meta:
        model = Inauguration
        fields = ["id", *EVENT_FIELDS, "is_demo", "mpp_count", "mpps", "mpp_ids"]
        read_only_fields = ["is_demo"]

    def validate(self, attrs):
        date = attrs.get("date", getattr(self.instance, "date", None))
        date_note = attrs.get("date_note", getattr(self.instance, "date_note", ""))
        if not date and not date_note:
            raise serializers.ValidationError({"date": [_("Isi tanggal, atau keterangan tanggal bila tidak diketahui.")]})
        return attrs

    def create(self, validated_data):
        return self._save(None, validated_data)

    def update(self, instance, validated_data):
        return self._save(instance, validated_data)

    def _save(self, event, validated_data):
        mpps = validated_data.pop("mpp_ids", None)
        user = self.context["request"].user
        try:
            if mpps is None:  # the links stay as they are
                if event is None:
                    return inauguration_create(user=user, **validated_data)
                return inauguration_update(user=user, event=event, **validated_data)
            return inauguration_save(user=user, event=event, mpps=mpps, **validated_data)
        except DjangoValidationError as error:
            raise serializers.ValidationError(
                error.message_dict if hasattr(error, "error_dict") else {"mpp_ids": error.messages}) from None


class InaugurationViewSet(viewsets.ModelViewSet):
    """Inauguration batches (peresmian) and the MPPs they inaugurated. Writes: admins only."""

    serializer_class = InaugurationSerializer
    permission_classes = [AdminWritePermission]
    http_method_names = ["get", "post", "patch", "put", "head", "options"]

    def get_queryset(self):
        return inauguration_list(user=self.request.user).prefetch_related("mpps__region").order_by("-date", "-pk")

    def perform_create(self, serializer):
        serializer.save()
        # Re-read through the selector so the response carries the annotated counts the schema promises.
        serializer.instance = self.get_queryset().get(pk=serializer.instance.pk)

    def perform_update(self, serializer):
        serializer.save()
        serializer.instance = self.get_queryset().get(pk=serializer.instance.pk)
