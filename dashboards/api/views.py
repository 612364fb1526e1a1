from django.core.cache import cache
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from dashboards import selectors
from mpp_portal.api import PortalMemberPermission
from mpp_portal.http_cache import conditional, etag_for

from .serializers import ProgressLatestSerializer, SnapshotSerializer

INCLUDES = ("provinces", "series")
INCLUDE_PARAMETER = OpenApiParameter(
    "include", OpenApiTypes.STR, description=(
        "Comma-separated extras, none by default: `provinces` adds each target's per-province figures, "
        "`series` its monthly cumulative series (e.g. `?include=provinces,series`)."),
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
        targets = ProgressLatestSerializer({"computed_at": None, "stale": False, "targets": nationals},
                                           context={"include": includes}).data["targets"]
        cache.set(key, targets, selectors.LATEST_TIMEOUT)
    return targets


class ProgressLatestView(APIView):
    """The latest snapshot: for each active target its national figures and staleness; per-province
    figures and the monthly series only when asked for with ``?include=provinces,series``."""

    permission_classes = [PortalMemberPermission]

    @extend_schema(responses=ProgressLatestSerializer, parameters=[INCLUDE_PARAMETER])
    def get(self, request):
        latest = selectors.snapshot_latest()
        if latest is None:
            return Response(ProgressLatestSerializer({"computed_at": None, "stale": True, "targets": []}).data)
        includes = _includes(request)

        targets = [dict(target, stale=latest.stale) for target in _targets(run_id=latest.run_id, includes=includes)]
        data = {"computed_at": serializers.DateTimeField().to_representation(latest.computed_at),
                "stale": latest.stale, "targets": targets}
        etag = etag_for("api-progress", latest.run_id, latest.stale, includes)
        return conditional(request, lambda: Response(data), etag=etag, last_modified=latest.computed_at,
                           public=False)


class ProgressHistoryView(generics.ListAPIView):
    """National snapshots, newest first (``?target=<id>`` for one target)."""

    permission_classes = [PortalMemberPermission]
    serializer_class = SnapshotSerializer

    def get_queryset(self):
        queryset = selectors.snapshot_history()
        target = self.request.query_params.get("target", "")
        return queryset.filter(target_id=int(target)) if target.isdigit() else queryset
