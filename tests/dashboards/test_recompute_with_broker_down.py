"""An officer's write while the broker is down: the write succeeds, the dashboards say they are stale."""
import subprocess
import sys

import pytest
from django.urls import reverse

from dashboards import selectors
from dashboards.models import RecomputeRun
from dashboards.services import progress_recompute, progress_recompute_schedule
from regions.models import Mpp
from tests.conftest import api_for, client_for
from tests.processes import ROOT, child_env, free_port

WRITE = """
import datetime
from django.db import transaction
from regions.models import Mpp, Region
from dashboards.services import progress_recompute_schedule
with transaction.atomic():
    Mpp.objects.create(region=Region.objects.get(code="35.79"), name="MPP Among Warga", status="operating",
                       inaugurated_on=datetime.date(2022, 12, 5), tenant_count=26, service_count=207)
    progress_recompute_schedule()
print("write committed")
"""


def _write_with_closed_broker() -> subprocess.CompletedProcess:
    env = child_env(CELERY_BROKER_URL=f"redis://127.0.0.1:{free_port()}/0")
    return subprocess.run([sys.executable, "manage.py", "shell", "-c", WRITE], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_write_succeeds_and_the_snapshot_is_marked_stale_when_the_broker_is_down(registry, analyst):
    progress_recompute()
    assert not selectors.snapshot_latest().stale

    result = _write_with_closed_broker()

    assert result.returncode == 0, result.stderr
    assert "write committed" in result.stdout
    assert "Broker unavailable" in result.stderr
    assert Mpp.objects.filter(region__code="35.79", status="operating").exists()
    waiting = RecomputeRun.objects.get(state=RecomputeRun.State.QUEUED)
    assert waiting.error.startswith("broker unavailable")
    assert selectors.snapshot_latest().stale
    page = client_for(analyst).get(reverse("dashboards:national")).text
    assert "Snapshot ini sudah usang" in page
    assert api_for(analyst).get("/api/progress/").json()["stale"] is True


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_next_trigger_resends_the_run_that_never_reached_the_broker(registry):
    progress_recompute()
    assert _write_with_closed_broker().returncode == 0
    waiting = RecomputeRun.objects.get(state=RecomputeRun.State.QUEUED)

    progress_recompute_schedule()  # broker reachable again; outside a transaction it runs at once

    assert RecomputeRun.objects.get(state=RecomputeRun.State.QUEUED).pk == waiting.pk
    assert RecomputeRun.objects.get(pk=waiting.pk).error == ""
    assert progress_recompute(run_id=waiting.pk).state == RecomputeRun.State.DONE
    assert not selectors.snapshot_latest().stale
