from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from regions.models import Region
from taskforce.models import Assistance, FollowUp


class FollowUpSerializer(serializers.ModelSerializer):
    """A follow-up. ``agency`` is required when ``owner_kind`` is "instansi"; ``due_on`` not before the
    assistance. Overdue: open and due before today."""

    assistance = serializers.PrimaryKeyRelatedField(queryset=Assistance.objects.all())
    region = serializers.CharField(source="assistance.region.code", read_only=True)
    agency = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    is_overdue = serializers.BooleanField(read_only=True)
    closed_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = FollowUp
        fields = ["id", "assistance", "region", "description", "owner_kind", "agency", "due_on", "state",
                  "is_overdue", "closed_at", "closed_by", "closing_note", "last_reminded_on"]
        read_only_fields = ["state", "closed_at", "closing_note", "last_reminded_on"]


class AssistanceSerializer(serializers.ModelSerializer):
    """An assistance to a kab/kota (``region``: Kemendagri code). ``date`` from 2017 and not in the future;
    at least one of ``areas``. ``stage_at_visit`` is the region's recorded stage when it was logged."""

    region = serializers.SlugRelatedField(slug_field="code", queryset=Region.objects.all())
    areas = serializers.ListField(source="area_list", child=serializers.ChoiceField(choices=Assistance.Area.choices),
                                  allow_empty=False, max_length=len(Assistance.Area.choices),
                                  help_text=_("Setidaknya satu bidang."))
    created_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    follow_ups = FollowUpSerializer(many=True, read_only=True)

    class Meta:
        model = Assistance
        fields = ["id", "region", "date", "form", "areas", "findings", "stage_at_visit", "is_demo", "created_by",
                  "created_at", "updated_at", "follow_ups"]
        read_only_fields = ["stage_at_visit", "is_demo", "created_at", "updated_at"]


class CloseSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=[FollowUp.State.DONE.value, FollowUp.State.CANCELLED.value])
    note = serializers.CharField(required=False, allow_blank=True, default="",
                                 help_text=_("Wajib bila dibatalkan."))
