from django.core.cache import cache
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from dashboards import selectors
from dashboards.forms import LaggingFilterForm
from dashboards.lagging import lagging_list
from mpp_portal.api import PortalMemberPermission
from mpp_portal.http_cache import conditional, etag_for
from mpp_portal.inputs import query_int
from regions.models import Region
from regions.report_selectors import pending_counts

from .serializers import FIGURE_DEFINITIONS, LaggingRegionSerializer, ProgressLatestSerializer, SnapshotSerializer

INCLUDES = ("provinces", "series")
INCLUDE_PARAMETER = OpenApiParameter(
    "include", OpenApiTypes.STR, description=(
        "Comma-separated extras, none by default: `provinces` adds each target's per-province figures, "
        "`series` its monthly cumulative series and the series' demo share (e.g. `?include=provinces,series`). "
        "The other figures and their demo share are always given."),
    enum=["provinces", "series", "provinces,series"],
)


def _includes(request) -> tuple[str, ...]:
    asked = {part.strip() for part in request.query_params.get("include", "").split(",")}
    return tuple(name for name in INCLUDES if name in asked)


def _targets(*, run_id: int, includes: tuple[str, ...]) -> list[dict]:
    """Each active target's figures of one run, serialized once per run and set of extras (a run never
    changes), so a request costs the staleness query and no serializing."""
    key = f"dashboards:api-progress:{run_id}:{','.join(includes)}"
    targets = cache.get(key)
    if targets is None:
        nationals, provinces = [], {}
        for snapshot in selectors.run_snapshots(run_id=run_id, with_provinces="provinces" in includes):
            if snapshot.province_id is None:
                snapshot.stale = False  # set per request: staleness is not part of the run
                nationals.append(snapshot)
            else:
                provinces.setdefault(snapshot.target_id, []).append(snapshot)
        for snapshot in nationals:
            snapshot.provinces = provinces.get(snapshot.target_id, [])
        targets = ProgressLatestSerializer({"computed_at": None, "stale": False, "definitions": {},
                                            "targets": nationals}, context={"include": includes}).data["targets"]
        cache.set(key, targets, selectors.LATEST_TIMEOUT)
    return targets


class ProgressLatestView(APIView):
    """The latest snapshot: for each active target its national figures and staleness; per-province
    figures and the monthly series only when asked for with ``?include=provinces,series``. Figures count
    recorded records only; the demo share is apart in ``demo_*``; ``definitions`` says what each figure counts."""

    permission_classes = [PortalMemberPermission]

    @extend_schema(responses=ProgressLatestSerializer, parameters=[INCLUDE_PARAMETER])
    def get(self, request):
        latest = selectors.snapshot_latest()
        if latest is None:
            return Response(ProgressLatestSerializer({"computed_at": None, "stale": True, "targets": [],
                                                      "definitions": FIGURE_DEFINITIONS,
                                                      "pending_verification": pending_counts()}).data)
        includes = _includes(request)
        pending = pending_counts()

        targets = [dict(target, stale=latest.stale) for target in _targets(run_id=latest.run_id, includes=includes)]
        data = {"computed_at": serializers.DateTimeField().to_representation(latest.computed_at),
                "stale": latest.stale, "definitions": FIGURE_DEFINITIONS, "targets": targets,
                "pending_verification": pending}
        etag = etag_for("api-progress", latest.run_id, latest.stale, includes, sorted(pending.items()))
        return conditional(request, lambda: Response(data), etag=etag, last_modified=latest.computed_at,
                           public=False)


class ProgressHistoryView(generics.ListAPIView):
    """National snapshots, newest first (``?target=<id>`` for one target)."""

    permission_classes = [PortalMemberPermission]
    serializer_class = SnapshotSerializer

    def get_queryset(self):
        queryset = selectors.snapshot_history()
        target = query_int(self.request.query_params, "target", minimum=1, maximum=2**63 - 1)
        return queryset if target is None else queryset.filter(target_id=target)


@extend_schema(parameters=[
    OpenApiParameter("basis", str, enum=["kemenpanrb", "kemendagri"]),
    OpenApiParameter("province", str, description="Kode provinsi, mis. 35"),
    OpenApiParameter("stage", str, enum=["none", "committed", "preparing"]),
    OpenApiParameter("min_months", int, description="Lama di tahap, minimal (bulan)"),
    OpenApiParameter("fiscal_class", str,
                     enum=["sangat_tinggi", "tinggi", "sedang", "rendah", "sangat_rendah", "none"]),
    OpenApiParameter("pendampingan", str, enum=["tanpa", "tetap"],
                     description="tanpa: belum pernah didampingi Tim Kerja; tetap: didampingi dalam `bulan` bulan "
                                 "terakhir dan masih di tahap yang sama seperti saat pendampingan pertama di rentang itu"),
    OpenApiParameter("bulan", int, description="1–36, bawaan 6 (untuk pendampingan=tetap)"),
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
