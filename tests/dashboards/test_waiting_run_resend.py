"""A recompute queued while the broker was down is sent again by beat once the broker answers."""
from django.conf import settings

from dashboards.models import RecomputeRun
from dashboards.tasks import recompute_waiting_send


def test_beat_sends_a_waiting_run_again_every_minute(db):
    entry = settings.CELERY_BEAT_SCHEDULE["recompute-waiting-send"]
    assert entry["task"] == "dashboards.recompute_waiting_send"
    assert entry["schedule"] <= 60


def test_a_run_the_broker_never_received_is_sent_once_it_answers(db):
    run = RecomputeRun.objects.create(trigger="change", error="broker unavailable: connection refused")
    assert recompute_waiting_send() == run.pk
    run.refresh_from_db()
    assert run.state == RecomputeRun.State.QUEUED and run.error == ""


def test_a_run_already_on_its_way_is_not_sent_twice(db):
    RecomputeRun.objects.create(trigger="change")
    assert recompute_waiting_send() is None
