"""Data files answer conditional requests from their release: 304 on a match, a new ETag after a change."""
import datetime

from django.test import Client

from .conftest import mpp_create, publish


def test_a_data_file_answers_304_to_its_etag_and_a_new_etag_after_a_recompute_that_changed_figures(
        recorded_and_demo, eager_tasks, django_capture_on_commit_callbacks):
    from dashboards.services import progress_recompute

    with django_capture_on_commit_callbacks(execute=True):
        progress_recompute()
    client = Client()
    first = client.get("/data/mpp.csv")
    assert first.status_code == 200
    assert first["Cache-Control"] == "public, max-age=60, stale-while-revalidate=600"
    assert first["Last-Modified"] and first["ETag"].startswith('"')

    repeat = client.get("/data/mpp.csv", headers={"If-None-Match": first["ETag"]})
    assert repeat.status_code == 304 and repeat.content == b""
    assert client.get("/data/mpp.csv", headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304
    for path in ("/data/", "/data/catalog.jsonld"):
        page = client.get(path)
        assert client.get(path, headers={"If-None-Match": page["ETag"]}).status_code == 304

    mpp_create("73.71", on=datetime.date(2025, 1, 15))
    with django_capture_on_commit_callbacks(execute=True):
        progress_recompute()
    changed = client.get("/data/mpp.csv", headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert "73.71" in changed.content.decode("utf-8-sig")


def test_a_file_of_a_release_is_cached_as_immutable(recorded_and_demo):
    release = publish()
    response = Client().get(f"/data/rilis/{release.tag}/mpp.json")
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert Client().get(f"/data/rilis/{release.tag}/tidak-ada.csv").status_code == 404
    assert Client().get("/data/rilis/0000.00.00-9/mpp.json").status_code == 404
