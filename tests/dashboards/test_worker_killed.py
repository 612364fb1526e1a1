"""A worker killed in the middle of a recompute: the broker hands the task to a new worker, which finishes
the run once, with the right figures. The recompute is held up by its own lock, taken by the test (the
PostgreSQL advisory lock, or SQLite's write lock), so the worker is killed while the task is in progress.

The broker is Redis: it keeps a taken message until the worker acknowledges it (acks late), so a dead
worker's task is handed out again; kombu's filesystem transport deletes a message as it hands it out."""
import contextlib
import os
import signal
import time

import pytest
from django.db import connection, transaction

from dashboards import selectors
from dashboards.models import ProgressSnapshot, RecomputeRun, Target
from dashboards.services import ADVISORY_LOCK_KEY
from dashboards.tasks import recompute_progress
from mpp_portal.celery import app
from regions.models import Mpp
from tests.processes import child_env, running, wait_for

from .conftest import mpp_create

WORKER = ["celery", "--app", "mpp_portal", "worker", "--loglevel", "INFO", "--concurrency", "1",
          "--without-heartbeat", "--without-gossip", "--without-mingle"]


@contextlib.contextmanager
def recompute_held_up():
    """Hold the lock a recompute takes before it writes, until the block ends."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_KEY])
    else:
        with transaction.atomic():  # BEGIN IMMEDIATE: the one write lock, held until the block ends
            Target.objects.filter(pk=0).update(is_active=True)
            yield


def started(log) -> bool:
    return b"ready." in log.read_bytes()


@pytest.mark.integration
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    not connection.settings_dict["ENGINE"].endswith("postgresql"),
    reason="needs PostgreSQL: SQLite's write lock times out (busy_timeout) instead of holding the task in "
    "progress, so the worker fails the task before it can be killed; the takeover itself is tested below",
)
def test_a_recompute_whose_worker_is_killed_runs_again_on_a_new_worker_and_finishes_once(
    registry, redis_url, tmp_path
):
    for code in ("35.79", "35.73", "33.71"):
        mpp_create(code)
    mpp_create("32.73", status=Mpp.Status.PREPARING)
    run = RecomputeRun.objects.create(trigger="change")
    env = child_env(CELERY_BROKER_URL=redis_url, CELERY_VISIBILITY_TIMEOUT=2)
    first_log, second_log = tmp_path / "first.log", tmp_path / "second.log"

    with recompute_held_up(), running(WORKER, env, first_log) as first:
        wait_for(lambda: started(first_log), timeout=60, what="the first worker to start")
        with app.connection_for_write(redis_url) as broker:
            recompute_progress.apply_async(kwargs={"run_id": run.pk}, connection=broker)
        if connection.vendor == "postgresql":
            # Claimed and waiting for the lock: the run is in progress.
            wait_for(lambda: RecomputeRun.objects.get(pk=run.pk).state == RecomputeRun.State.RUNNING,
                     timeout=30, what="the worker to start the run")
        else:
            wait_for(lambda: b"recompute_progress" in first_log.read_bytes().split(b" ready.", 1)[-1], timeout=30,
                     what="the worker to take the task")
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    assert not ProgressSnapshot.objects.filter(run=run).exists()
    # Past the visibility timeout (2 s here), so the new worker's first sweep hands the message out again;
    # kombu's later sweeps run only every ~100 s by default.
    time.sleep(3)

    with running(WORKER, env, second_log):
        wait_for(lambda: RecomputeRun.objects.get(pk=run.pk).state == RecomputeRun.State.DONE, timeout=60,
                 what="a new worker to finish the run")

    run.refresh_from_db()
    targets = Target.objects.filter(is_active=True).count()
    assert run.snapshot_count == targets * 39 == ProgressSnapshot.objects.filter(run=run).count()
    assert ProgressSnapshot.objects.filter(run=run, scope=ProgressSnapshot.Scope.NATIONAL).count() == targets
    assert selectors.snapshot_latest().numerator == 3
    assert RecomputeRun.objects.filter(state=RecomputeRun.State.RUNNING).count() == 0


def test_a_redelivered_task_takes_over_a_run_left_running_and_a_second_delivery_adds_nothing(registry):
    from dashboards.services import progress_recompute

    mpp_create("35.79")
    run = RecomputeRun.objects.create(trigger="change", state=RecomputeRun.State.RUNNING)  # its worker died

    assert progress_recompute(run_id=run.pk) == run
    run.refresh_from_db()
    assert run.state == RecomputeRun.State.DONE
    assert run.snapshot_count == ProgressSnapshot.objects.filter(run=run).count() > 0

    assert progress_recompute(run_id=run.pk) is None
    assert ProgressSnapshot.objects.filter(run=run).count() == run.snapshot_count
