from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from dashboards import selectors
from dashboards.forms import LaggingFilterForm
from dashboards.lagging import lagging_list
from mpp_portal.api import PortalMemberPermission
from regions.models import Region

from .serializers import LaggingRegionSerializer, ProgressLatestSerializer, SnapshotSerializer


class ProgressLatestView(APIView):
    """The latest snapshot: for each active target its national figures, staleness and per-province figures."""

    permission_classes = [PortalMemberPermission]

    @extend_schema(responses=ProgressLatestSerializer)
    def get(self, request):
        latest = selectors.snapshot_latest()
        if latest is None:
            return Response(ProgressLatestSerializer({"computed_at": None, "stale": True, "targets": []}).data)
        stale = latest.stale
        nationals, provinces = [], {}
        for snapshot in selectors.run_snapshots(run_id=latest.run_id):
            if snapshot.province_id is None:
                snapshot.stale = stale
                nationals.append(snapshot)
            else:
                provinces.setdefault(snapshot.target_id, []).append(snapshot)
        for snapshot in nationals:
            snapshot.provinces = provinces.get(snapshot.target_id, [])
        return Response(ProgressLatestSerializer({"computed_at": latest.computed_at, "stale": stale,
                                                  "targets": nationals}).data)


class ProgressHistoryView(generics.ListAPIView):
    """National snapshots, newest first (``?target=<id>`` for one target)."""

    permission_classes = [PortalMemberPermission]
    serializer_class = SnapshotSerializer

    def get_queryset(self):
        queryset = selectors.snapshot_history()
        target = self.request.query_params.get("target", "")
        return queryset.filter(target_id=int(target)) if target.isdigit() else queryset


@extend_schema(parameters=[
    OpenApiParameter("basis", str, enum=["kemenpanrb", "kemendagri"]),
    OpenApiParameter("province", str, description="Kode provinsi, mis. 35"),
    OpenApiParameter("stage", str, enum=["none", "committed", "preparing"]),
    OpenApiParameter("min_months", int, description="Lama di tahap, minimal (bulan)"),
    OpenApiParameter("fiscal_class", str,
                     enum=["sangat_tinggi", "tinggi", "sedang", "rendah", "sangat_rendah", "none"]),
])
class LaggingListView(generics.ListAPIView):
    """Target units without an operating MPP, the most stuck first (the "Tertinggal" page's list)."""

    permission_classes = [PortalMemberPermission]
    serializer_class = LaggingRegionSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator asks without a real request
            return Region.objects.none()
        form = LaggingFilterForm(self.request.query_params)
        if not form.is_valid():
            raise ValidationError({name: list(messages) for name, messages in form.errors.items()})
        return lagging_list(user=self.request.user, **form.selector_kwargs())
