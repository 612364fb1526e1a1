"""The monthly-report reminder runs in a real Celery worker (the task beat sends), and its email goes out."""
import pytest

from mpp_portal.celery import app
from tests.processes import wait_for


@pytest.mark.integration
def test_a_worker_runs_the_operations_reminder_and_emails_the_officer(celery_worker, operating_mpp, batu_officer,
                                                                      tmp_path):
    batu_officer.email = "petugas@batukota.go.id"
    batu_officer.save()
    operating_mpp("35.79", "MPP Among Warga")
    # Sent by name, as beat does; the month just ended has no report.
    app.send_task("operations.reminders_send")
    log = tmp_path / "worker.log"
    try:
        wait_for(lambda: b"petugas@batukota.go.id" in log.read_bytes(), timeout=60, what="the reminder email")
    except AssertionError:
        raise AssertionError(log.read_text()[-3000:]) from None
    assert "MPP Among Warga" in log.read_text()
