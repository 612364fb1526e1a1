"""Releases: published by a recompute that changed the public data, immutable, reproducible from checksums."""
import datetime
import hashlib

from django.test import Client

from dashboards.services import progress_recompute
from opendata.models import Release

from .conftest import mpp_create


def recompute(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        progress_recompute()


def test_a_recompute_publishes_the_first_release_and_one_with_the_same_data_publishes_none(
        recorded_and_demo, eager_tasks, django_capture_on_commit_callbacks):
    recompute(django_capture_on_commit_callbacks)
    first = Release.objects.get()
    assert first.run_id is not None and first.changelog.startswith("Rilis pertama: 5 MPP beroperasi")

    recompute(django_capture_on_commit_callbacks)
    assert Release.objects.count() == 1


def test_a_recompute_after_new_operating_mpps_publishes_a_release_saying_which(
        recorded_and_demo, eager_tasks, django_capture_on_commit_callbacks):
    recompute(django_capture_on_commit_callbacks)
    first = Release.objects.get()
    first_files = {f.name: (bytes(f.content), f.sha256) for f in first.files.all()}

    mpp_create("73.71", on=datetime.date(2025, 1, 15))
    mpp_create("73.72", on=datetime.date(2025, 2, 15))
    mpp_create("73.73", on=datetime.date(2025, 3, 15), is_demo=True)
    recompute(django_capture_on_commit_callbacks)

    second = Release.objects.latest()
    assert second != first and second.published_at >= first.published_at
    assert second.changelog.splitlines()[0] == "+2 MPP beroperasi: MPP 73.71 (Kota Makassar), MPP 73.72 (Kota Parepare)"
    assert "mpp: +2 baris, -0 baris, 0 diubah" in second.changelog
    # The earlier release is still there, byte for byte.
    for name, (content, sha256) in first_files.items():
        response = Client().get(f"/data/rilis/{first.tag}/{name}")
        assert response.content == content and hashlib.sha256(response.content).hexdigest() == sha256


def test_a_release_is_reproducible_from_its_published_checksums(recorded_and_demo, eager_tasks,
                                                                django_capture_on_commit_callbacks):
    recompute(django_capture_on_commit_callbacks)
    release = Release.objects.get()
    sums = Client().get(f"/data/rilis/{release.tag}/SHA256SUMS").content.decode().splitlines()
    assert len(sums) == release.files.count() == 18
    for line in sums:
        sha256, name = line.split("  ")
        content = Client().get(f"/data/rilis/{release.tag}/{name}").content
        assert hashlib.sha256(content).hexdigest() == sha256
    # And the same data builds the same files again: publishing now finds nothing new.
    from opendata.services import release_publish

    assert release_publish() is None
