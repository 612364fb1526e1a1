"""The weekly reminder runs in a real Celery worker (the task beat sends), and its email goes out there."""
import datetime

import pytest
from django.utils import timezone

from quality.tasks import stale_reminders_send
from regions.models import Mpp
from tests.processes import wait_for


@pytest.mark.integration
def test_a_worker_runs_the_reminder_task_and_sends_the_email(celery_worker, make_mpp, batu_officer, tmp_path):
    batu_officer.email = "petugas@batukota.go.id"
    batu_officer.save()
    mpp = make_mpp("35.79", "MPP Among Warga")
    Mpp.objects.filter(pk=mpp.pk).update(updated_at=timezone.now() - datetime.timedelta(days=120))
    stale_reminders_send.delay()
    log = tmp_path / "worker.log"
    # The console email backend of development writes the message to the worker's output.
    wait_for(lambda: b"petugas@batukota.go.id" in log.read_bytes(), timeout=60, what="the reminder email")
    assert "MPP Among Warga" in log.read_text()
