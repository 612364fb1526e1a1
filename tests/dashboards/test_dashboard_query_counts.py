"""Dashboards read only snapshots: a constant, small number of queries however many regions there are."""
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dashboards.services import progress_recompute
from regions.models import Province, Region
from tests.conftest import api_for, client_for

pytestmark = pytest.mark.django_db

PAGES = [reverse("dashboards:national"), reverse("dashboards:province", args=["35"]), "/api/progress/",
         "/api/progress/history/"]


def _client(user, url):
    # A fresh user object each time, so a role cached on it by an earlier request does not hide a query.
    fresh = type(user).objects.get(pk=user.pk)
    return api_for(fresh) if url.startswith("/api/") else client_for(fresh)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _grow_registry(extra: int) -> None:
    province = Province.objects.create(code="99", name="Provinsi Uji")
    Region.objects.bulk_create(
        Region(code=f"9{i:04d}", name=f"Kabupaten Uji {i}", kind="kabupaten", province=province)
        for i in range(extra)
    )


@pytest.mark.parametrize("url", PAGES)
def test_dashboard_pages_use_few_queries(known_rollout, analyst, url, django_assert_max_num_queries):
    progress_recompute()
    client = _client(analyst, url)
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200


def test_the_cached_national_page_runs_only_the_snapshot_query(known_rollout, analyst):
    progress_recompute()
    client = client_for(analyst)
    cold = _queries(client, reverse("dashboards:national"))
    warm = _queries(client, reverse("dashboards:national"))
    assert warm < cold
    assert warm <= 4  # session, user, role, the snapshot with its staleness


def test_the_public_summary_runs_one_query_when_cached(known_rollout, client):
    progress_recompute()
    _queries(client, reverse("dashboards:public"))
    assert _queries(client, reverse("dashboards:public")) <= 2


def test_query_counts_stay_constant_as_regions_grow(known_rollout, analyst):
    progress_recompute()
    before = [_queries(_client(analyst, url), url) for url in PAGES]
    _grow_registry(1200)
    progress_recompute()
    cache.clear()
    after = [_queries(_client(analyst, url), url) for url in PAGES]
    assert after == before
    assert "dari 1.709 unit" in client_for(analyst).get(reverse("dashboards:national")).text
