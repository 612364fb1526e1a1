import datetime

import pytest
from django.db import transaction

from dashboards import selectors
from dashboards.models import RecomputeRun
from dashboards.services import progress_recompute, progress_recompute_schedule
from regions.models import Mpp
from tests.processes import wait_for

from .conftest import mpp_create


def _reached() -> tuple[int, bool] | None:
    snapshot = selectors.snapshot_latest()
    return snapshot.numerator, snapshot.stale


@pytest.mark.integration
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_moves_the_numbers_after_an_mpp_becomes_operating(registry, celery_worker):
    mpp = mpp_create("35.79", status=Mpp.Status.PREPARING)
    progress_recompute()
    assert _reached() == (0, False)

    with transaction.atomic():
        mpp.status = Mpp.Status.OPERATING
        mpp.inaugurated_on, mpp.tenant_count, mpp.service_count = datetime.date(2022, 12, 5), 26, 207
        mpp.save()
        progress_recompute_schedule()

    assert _reached() == (0, True)
    wait_for(lambda: _reached() == (1, False), timeout=60, what="the worker to recompute progress")
    run = RecomputeRun.objects.order_by("-pk").first()
    assert (run.state, run.trigger) == (RecomputeRun.State.DONE, "change")
