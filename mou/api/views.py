"""Thin API views: validate input, call a service or selector, serialize the result.

Writes: POST /api/agreements/ records a PKS (officers for their own MPPs, admins anywhere), PATCH edits it;
POST /api/agreements/{id}/placements/ adds an institution and its services; POST .../amendments/ an addendum;
PATCH /api/agreement-parties/{id}/ edits a party record; POST /api/agreement-parties/{id}/sign-off/ and
/revoke/ are for admins (four-eyes). Forbidden: 403, a state conflict (already signed off): 409.
"""
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from mou import selectors, services
from mou.filters import AgreementFilterSet
from mou.models import AgreementParty, Institution
from mpp_portal.access import scope
from mpp_portal.api import PortalMemberPermission

from .serializers import (
    AgreementDetailSerializer,
    AgreementPartySerializer,
    AgreementSerializer,
    AgreementUpdateSerializer,
    AmendmentCreateSerializer,
    AmendmentSerializer,
    CoverageSerializer,
    InstitutionSerializer,
    PartyUpdateSerializer,
    PksCreateSerializer,
    PlacementCreateSerializer,
    PlacementSerializer,
    RevokeSerializer,
)


class InstitutionViewSet(viewsets.ReadOnlyModelViewSet):
    """Ministries, agencies and state companies; the 17 national MoU parties among them."""

    serializer_class = InstitutionSerializer
    permission_classes = [PortalMemberPermission]
    filterset_fields = ["kind"]

    def get_queryset(self):
        return scope(self.request.user, Institution.objects.all())


class AgreementViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """The national MoU and regional PKS. Filters: kind, status, institution, region, expiring_within (days)."""
    lookup_value_regex = r"[0-9]+"  # ids only: anything else is a 404, never a failed lookup

    permission_classes = [PortalMemberPermission]
    filterset_class = AgreementFilterSet

    def get_queryset(self):
        return selectors.agreement_list(user=self.request.user)

    def get_serializer_class(self):
        return AgreementDetailSerializer if self.action == "retrieve" else AgreementSerializer

    def get_object(self):
        agreement = selectors.agreement_get(user=self.request.user, pk=self.kwargs["pk"])
        if agreement is None:
            raise exceptions.NotFound
        self.check_object_permissions(self.request, agreement)
        return agreement

    @extend_schema(request=PksCreateSerializer, responses={201: AgreementDetailSerializer})
    def create(self, request, *args, **kwargs):
        """Record a PKS for an MPP you may change; the region's DPMPTSP becomes its first party."""
        data = PksCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        agreement = services.agreement_pks_create(user=request.user, **data.validated_data)
        detail = selectors.agreement_get(user=request.user, pk=agreement.pk)
        return Response(AgreementDetailSerializer(detail, context={"request": request}).data, status=201)

    @extend_schema(request=AgreementUpdateSerializer, responses=AgreementDetailSerializer)
    def partial_update(self, request, pk=None):
        """Edit an agreement's number, title, dates, term (expiry follows), document or note."""
        agreement = self.get_object()
        data = AgreementUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.agreement_update(user=request.user, agreement=agreement, **data.validated_data)
        detail = selectors.agreement_get(user=request.user, pk=agreement.pk)
        return Response(AgreementDetailSerializer(detail, context={"request": request}).data)

    @extend_schema(responses=AgreementPartySerializer(many=True))
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def parties(self, request, pk=None):
        agreement = self.get_object()
        parties = selectors.agreement_parties(user=request.user, agreement=agreement).prefetch_related("revocations")
        return Response(AgreementPartySerializer(parties, many=True).data)

    @extend_schema(request=PlacementCreateSerializer, responses={201: PlacementSerializer})
    @action(detail=True, methods=["post"])
    def placements(self, request, pk=None):
        """Add an institution to a PKS with the services it places in the MPP (it then awaits sign-off)."""
        agreement = self.get_object()
        data = PlacementCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        placement = services.pks_institution_add(user=request.user, agreement=agreement, **data.validated_data)
        return Response(PlacementSerializer(placement).data, status=201)

    @extend_schema(request=AmendmentCreateSerializer, responses={201: AmendmentSerializer})
    @action(detail=True, methods=["post"])
    def amendments(self, request, pk=None):
        """Record a dated addendum (adendum) to an agreement."""
        agreement = self.get_object()
        data = AmendmentCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        amendment = services.amendment_create(user=request.user, agreement=agreement, **data.validated_data)
        return Response(AmendmentSerializer(amendment, context={"request": request}).data, status=201)


SIGN_OFF_ERRORS = {
    400: OpenApiResponse(description="Field errors, e.g. a missing reason, or the agreement is not signed."),
    403: OpenApiResponse(description="Not an admin, or the admin who last edited the record (four-eyes)."),
    409: OpenApiResponse(description="Already signed off (sign-off) or not signed off (revoke)."),
}


class AgreementPartyViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """One party record of an agreement: edit it, sign it off (admins, four-eyes), revoke a sign-off."""
    lookup_value_regex = r"[0-9]+"  # ids only: anything else is a 404, never a failed lookup

    serializer_class = AgreementPartySerializer
    permission_classes = [PortalMemberPermission]

    def get_queryset(self):
        return scope(self.request.user, AgreementParty.objects.select_related(
            "institution", "last_edited_by", "signed_off_by"
        ).prefetch_related("revocations"))

    def _fresh(self, party):
        return AgreementPartySerializer(get_object_or_404(self.get_queryset(), pk=party.pk)).data

    @extend_schema(request=PartyUpdateSerializer, responses=AgreementPartySerializer)
    def partial_update(self, request, pk=None):
        party = self.get_object()
        data = PartyUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.agreement_party_update(user=request.user, party=party, **data.validated_data)
        return Response(self._fresh(party))

    @extend_schema(request=None, responses={200: AgreementPartySerializer, **SIGN_OFF_ERRORS})
    @action(detail=True, methods=["post"], url_path="sign-off")
    def sign_off(self, request, pk=None):
        """Sign off the record. Admins only, not the admin who last edited it; 409 if already signed off."""
        party = self.get_object()
        services.agreement_party_sign_off(user=request.user, party=party)
        return Response(self._fresh(party))

    @extend_schema(request=RevokeSerializer, responses={200: AgreementPartySerializer, **SIGN_OFF_ERRORS})
    @action(detail=True, methods=["post"])
    def revoke(self, request, pk=None):
        """Revoke a sign-off. Admins only; a reason is required; 409 if the record is not signed off."""
        party = self.get_object()
        data = RevokeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        reason = data.validated_data.get("reason", "")
        services.agreement_party_revoke(user=request.user, party=party, reason=reason)
        return Response(self._fresh(party))


class MouCoverageView(APIView):
    """For each national MoU party: operating MPPs where it serves (under a signed or in-force PKS) and without it."""

    permission_classes = [PortalMemberPermission]

    @extend_schema(responses=CoverageSerializer)
    def get(self, request):
        return Response(CoverageSerializer(selectors.mou_coverage(user=request.user)).data)
