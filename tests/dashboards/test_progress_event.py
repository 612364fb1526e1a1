"""Progress is announced, not imported: the apps that own the data send ``mpp_portal.events.progress_changed``
on commit; dashboards queues the recompute, and "stale" means exactly "a recompute asked for since this snapshot
has not finished"."""
import datetime

import pytest

from commitments.models import SigningEvent
from commitments.services import commitment_create
from dashboards import selectors
from dashboards.models import RecomputeRun
from dashboards.services import progress_recompute
from regions.models import Region
from tests.conftest import api_for
from tests.processes import wait_for

from .conftest import mpp_create


def _api_stale(user) -> bool:
    return api_for(user).get("/api/progress/").json()["stale"]


@pytest.mark.integration
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_oss_edit_through_the_api_clears_the_stale_flag_once_a_real_worker_has_run(
    registry, batu_officer, verifier, analyst, celery_worker
):
    mpp = mpp_create("35.79", on=datetime.date(2022, 12, 5))
    progress_recompute()
    assert _api_stale(analyst) is False

    # The officer's edit is a report; its verification is the write that changes progress.
    response = api_for(batu_officer).post(
        f"/api/mpp-quality/{mpp.pk}/oss/",
        {"oss_integrated": True, "oss_integrated_on": "2023-01-02", "version": mpp.version}, format="json")
    assert response.status_code == 202, response.content
    assert _api_stale(analyst) is False  # a report waiting for verification moves no figure
    report = response.json()
    verified = api_for(verifier).post(f"/api/reports/{report['id']}/verify/", {"stamp": report["stamp"]},
                                      format="json")
    assert verified.status_code == 200, verified.content

    # The edit queued a run (the worker may already be on it): no waiting for the nightly job.
    assert RecomputeRun.objects.filter(trigger="change").exists()
    wait_for(lambda: _api_stale(analyst) is False and RecomputeRun.objects.filter(
        state=RecomputeRun.State.DONE, trigger="change").exists(), timeout=60,
        what="the worker to recompute after the OSS edit")
    mpp.refresh_from_db()
    assert mpp.oss_integrated is True


@pytest.mark.django_db
def test_a_snapshot_is_stale_exactly_while_a_later_recompute_is_queued_running_or_failed(known_rollout):
    progress_recompute()
    snapshot = selectors.snapshot_latest()
    assert snapshot.stale is False
    for state in (RecomputeRun.State.QUEUED, RecomputeRun.State.RUNNING, RecomputeRun.State.FAILED):
        run = RecomputeRun.objects.create(state=state, trigger="change")
        assert selectors.snapshot_latest().stale is True, state
        run.delete()
    RecomputeRun.objects.create(state=RecomputeRun.State.DONE, trigger="change")
    assert selectors.snapshot_latest().stale is False


@pytest.mark.django_db
def test_a_signed_commitment_queues_a_recompute_and_moves_its_region_to_committed(
    registry, django_capture_on_commit_callbacks
):
    region = Region.objects.get(code="11.01")
    progress_recompute()
    event = SigningEvent.objects.create(date=datetime.date(2021, 3, 2), place="Jakarta")
    with django_capture_on_commit_callbacks(execute=True):
        commitment_create(user=None, event=event, region=region)
    assert RecomputeRun.objects.filter(state=RecomputeRun.State.QUEUED).exists()
    assert selectors.snapshot_latest().stale is True
    progress_recompute()
    region.refresh_from_db()
    assert region.has_signed_commitment is True
    assert selectors.snapshot_latest().stage_committed == 1
    assert selectors.snapshot_latest().stale is False


@pytest.mark.django_db
def test_assigning_officers_changes_no_progress_and_leaves_the_snapshot_fresh(
    registry, admin_user, batu_officer, django_capture_on_commit_callbacks
):
    from regions.services import region_officers_set

    progress_recompute()
    with django_capture_on_commit_callbacks(execute=True):
        region_officers_set(user=admin_user, region=Region.objects.get(code="35.79"), officers=[batu_officer])
    assert selectors.snapshot_latest().stale is False
