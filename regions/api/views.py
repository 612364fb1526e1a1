from rest_framework import viewsets

from mpp_portal.api import PortalMemberPermission
from regions import selectors
from regions.filters import ProvinceFilterSet, RegionFilterSet

from .serializers import ProvinceSerializer, RegionSerializer


class ProvinceViewSet(viewsets.ReadOnlyModelViewSet):
    """The 38 provinces of the Kemendagri registry."""

    serializer_class = ProvinceSerializer
    filterset_class = ProvinceFilterSet
    permission_classes = [PortalMemberPermission]
    lookup_field = "code"

    def get_queryset(self):
        return selectors.province_list(user=self.request.user)


class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    """The 514 kabupaten/kota with their derived MPP stage."""

    serializer_class = RegionSerializer
    filterset_class = RegionFilterSet
    permission_classes = [PortalMemberPermission]
    lookup_field = "code"
    lookup_value_regex = r"[0-9.]+"

    def get_queryset(self):
        return selectors.region_list(user=self.request.user)
