from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.views import APIView

from mpp_portal.api import AdminWritePermission, import_response

from .. import selectors
from ..filters import CommitmentFilterSet
from ..imports import import_run
from ..services import (
    DuplicateCommitment,
    commitment_create,
    commitment_delete,
    commitment_update,
    signing_event_create,
    signing_event_update,
)
from .serializers import CommitmentSerializer, ImportRequestSerializer, SigningEventSerializer


class SigningEventViewSet(viewsets.ModelViewSet):
    """Commitment signing events (penandatanganan komitmen). Writes: admins only."""

    serializer_class = SigningEventSerializer
    permission_classes = [AdminWritePermission]
    http_method_names = ["get", "post", "patch", "put", "head", "options"]

    def get_queryset(self):
        return selectors.signing_event_list(user=self.request.user).order_by("-date", "-year", "-pk")

    def perform_create(self, serializer):
        event = signing_event_create(user=self.request.user, **serializer.validated_data)
        # Re-read through the selector so the response carries the annotated counts the schema promises.
        serializer.instance = self.get_queryset().get(pk=event.pk)

    def perform_update(self, serializer):
        event = signing_event_update(user=self.request.user, event=serializer.instance, **serializer.validated_data)
        serializer.instance = self.get_queryset().get(pk=event.pk)


class CommitmentViewSet(viewsets.ModelViewSet):
    """Commitments: one per signing event and region. Writes: admins only."""

    serializer_class = CommitmentSerializer
    permission_classes = [AdminWritePermission]
    filterset_class = CommitmentFilterSet

    def get_queryset(self):
        return selectors.commitment_list(user=self.request.user)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        try:
            serializer.instance = commitment_create(
                user=self.request.user, event=data.pop("event"), region=data.pop("region"), **data
            )
        except DuplicateCommitment as error:
            raise ValidationError({"region": [str(error)]}) from error

    def perform_update(self, serializer):
        commitment_update(user=self.request.user, commitment=serializer.instance, **serializer.validated_data)

    def perform_destroy(self, instance):
        commitment_delete(user=self.request.user, commitment=instance)


class ImportView(APIView):
    """Import MPPs (kind=mpps) or commitments (kind=commitments) from a CSV/XLSX upload; admins only.

    ``dry_run`` (default true) reports what would change without saving. All or nothing: any failing row
    gives 400 with every row error and its line number, and nothing is saved.
    """

    permission_classes = [AdminWritePermission]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(request={"multipart/form-data": ImportRequestSerializer}, responses={200: dict, 400: dict})
    def post(self, request):
        serializer = ImportRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        upload = data["file"]
        report = import_run(
            kind=data["kind"], user=request.user, content=upload.read(), filename=upload.name,
            event_date=data["event_date"], officiated_by=data["officiated_by"], place=data["place"],
            counterpart=data["counterpart"], source=data["source"], dry_run=data["dry_run"],
        )
        return import_response(report)
