"""Dashboards answer conditional requests: public and shareable for the public summary, private for members."""
import datetime

from django.conf import settings
from django.test import Client

from dashboards.models import RecomputeRun
from dashboards.services import progress_recompute
from tests.conftest import api_for, client_for

from .conftest import mpp_create


def test_the_public_summary_answers_304_to_its_etag_and_a_new_etag_after_a_recompute_that_changed_figures(
        known_rollout):
    progress_recompute()
    client = Client()
    first = client.get("/ringkasan/")
    assert first.status_code == 200
    assert first["Cache-Control"] == "public, max-age=60, stale-while-revalidate=600"
    assert first["Last-Modified"] and first["ETag"]
    assert not first.cookies  # nothing per visitor, so a proxy may keep one copy for everyone

    again = client.get("/ringkasan/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == first["ETag"]
    assert client.get("/ringkasan/", headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304

    mpp_create("73.71", on=datetime.date(2025, 1, 15))
    progress_recompute()
    changed = client.get("/ringkasan/", headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert '<span class="tile-value">4 <small' in first.content.decode()
    assert '<span class="tile-value">5 <small' in changed.content.decode()


def test_the_public_summary_differs_by_language(known_rollout):
    progress_recompute()
    indonesian = Client().get("/ringkasan/")
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/ringkasan/")
    assert english["ETag"] != indonesian["ETag"]
    assert client.get("/ringkasan/", headers={"If-None-Match": indonesian["ETag"]}).status_code == 200
    assert 'lang="en"' in english.content.decode() and 'lang="id"' in indonesian.content.decode()


def test_the_national_dashboard_is_private_and_answers_304_per_user_snapshot_and_language(known_rollout, analyst,
                                                                                          admin_user):
    progress_recompute()
    client = client_for(analyst)
    first = client.get("/dasbor/")
    assert first.status_code == 200 and first["Cache-Control"].startswith("private")
    assert "Cookie" in first["Vary"]
    assert client.get("/dasbor/", headers={"If-None-Match": first["ETag"]}).status_code == 304
    # Another user, or the same user after the figures went stale, gets the page again.
    assert client_for(admin_user).get("/dasbor/", headers={"If-None-Match": first["ETag"]}).status_code == 200
    mpp_create("73.71", on=datetime.date(2025, 1, 15))
    RecomputeRun.objects.create(trigger="change")  # what the write's announcement queues: the snapshot is stale
    stale = client.get("/dasbor/", headers={"If-None-Match": first["ETag"]})
    assert stale.status_code == 200 and stale["ETag"] != first["ETag"]


def test_the_progress_api_answers_304_until_the_figures_change(known_rollout, analyst):
    progress_recompute()
    client = api_for(analyst)
    first = client.get("/api/progress/")
    assert first["Cache-Control"].startswith("private")
    assert client.get("/api/progress/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    with_provinces = client.get("/api/progress/", {"include": "provinces"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert with_provinces.status_code == 200
    mpp_create("73.71", on=datetime.date(2025, 1, 15))
    progress_recompute()
    changed = client.get("/api/progress/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed.json()["targets"][0]["numerator"] == 5


def test_a_dashboard_reused_from_the_cache_still_carries_a_working_csrf_token(known_rollout, analyst):
    import re

    progress_recompute()
    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst)
    pages = [client.get("/dasbor/").content.decode() for _ in range(3)]
    assert pages[1] == pages[2]  # the third came from the cache, token and all
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', pages[2]).group(1)
    assert client.post("/keluar/", {"csrfmiddlewaretoken": token}).status_code == 302
    assert client.get("/dasbor/")["Location"].startswith("/masuk/")  # signed out
