import threading
import time

import pytest
from django.db import connection, transaction

from dashboards.models import RecomputeRun
from dashboards.services import _lock, _queued_run_create, progress_recompute, progress_recompute_schedule


@pytest.mark.django_db
def test_a_burst_of_triggers_queues_one_run(registry, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            progress_recompute_schedule()
    assert RecomputeRun.objects.filter(state="queued").count() == 1
    assert RecomputeRun.objects.get().error == ""


@pytest.mark.django_db
def test_nothing_is_queued_until_the_write_commits(registry, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        progress_recompute_schedule()
    assert not RecomputeRun.objects.exists()
    assert len(callbacks) == 1


@pytest.mark.django_db
def test_a_trigger_while_a_run_is_running_queues_the_next_one(registry, django_capture_on_commit_callbacks):
    RecomputeRun.objects.create(state=RecomputeRun.State.RUNNING, trigger="change")
    with django_capture_on_commit_callbacks(execute=True):
        progress_recompute_schedule()
    assert RecomputeRun.objects.filter(state="queued").count() == 1


@pytest.mark.django_db
def test_a_queued_run_taken_by_one_worker_is_skipped_by_another(registry):
    queued = RecomputeRun.objects.create(trigger="change")
    assert progress_recompute(run_id=queued.pk).pk == queued.pk
    assert progress_recompute(run_id=queued.pk) is None
    assert RecomputeRun.objects.count() == 1


@pytest.mark.django_db
def test_the_nightly_or_manual_run_serves_the_waiting_trigger(registry):
    queued = RecomputeRun.objects.create(trigger="change")
    assert progress_recompute(trigger="nightly").pk == queued.pk
    assert not RecomputeRun.objects.filter(state="queued").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_triggers_coalesce_into_one_queued_run(registry):
    barrier = threading.Barrier(6)
    results = []

    def trigger():
        barrier.wait()
        try:
            results.append(_queued_run_create(trigger="change"))
        finally:
            connection.close()

    threads = [threading.Thread(target=trigger) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert RecomputeRun.objects.filter(state="queued").count() == 1
    assert len([run for run in results if run is not None]) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_runs_never_compute_at_once(registry):
    holding, release = threading.Event(), threading.Event()

    def other_worker():
        try:
            with transaction.atomic():
                _lock()
                holding.set()
                release.wait(5)
                time.sleep(0.2)  # still computing when the second run wants to start
        finally:
            connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    assert holding.wait(5)
    started = time.monotonic()
    release.set()
    run = progress_recompute()
    waited = time.monotonic() - started
    thread.join()
    assert run.state == RecomputeRun.State.DONE
    assert waited >= 0.2
