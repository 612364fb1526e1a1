import pytest

from mpp_portal.tasks import ping
from tests.processes import wait_for


@pytest.mark.integration
def test_a_real_worker_on_the_configured_broker_completes_a_task(celery_worker, tmp_path):
    # Without a result backend, the worker's own log (written by the celery_worker fixture) is the witness.
    ping.delay()
    log = tmp_path / "worker.log"
    wait_for(lambda: b"succeeded" in log.read_bytes() and b"'pong'" in log.read_bytes(), timeout=60,
             what="the ping task to succeed")
