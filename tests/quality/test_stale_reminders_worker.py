"""The weekly reminder runs in a real Celery worker (the task beat sends), and its email goes out there."""
import datetime

import pytest
from django.utils import timezone

from mpp_portal.celery import app
from regions.models import Mpp
from tests.processes import wait_for


@pytest.mark.integration
def test_a_worker_runs_the_reminder_task_and_sends_the_email(celery_worker, make_mpp, batu_officer, tmp_path):
    batu_officer.email = "petugas@batukota.go.id"
    batu_officer.save()
    mpp = make_mpp("35.79", "MPP Among Warga")
    Mpp.objects.filter(pk=mpp.pk).update(updated_at=timezone.now() - datetime.timedelta(days=120))
    # Sent through the project's app by name, as beat does: another test may have made a client app current.
    app.send_task("quality.stale_reminders_send")
    log = tmp_path / "worker.log"
    # The console email backend of development writes the message to the worker's output.
    try:
        wait_for(lambda: b"petugas@batukota.go.id" in log.read_bytes(), timeout=60, what="the reminder email")
    except AssertionError:
        raise AssertionError(log.read_text()[-3000:]) from None
    assert "MPP Among Warga" in log.read_text()
