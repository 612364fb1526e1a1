"""Bulk verification runs as a job in a real Celery worker, which records a result per report."""
import os

import pytest

from regions import reports
from regions.models import Mpp, MppReport, MppReportBatch
from tests.processes import wait_for
from tests.regions.conftest import mpp_in


@pytest.mark.integration
def test_a_real_worker_verifies_the_reports_of_a_bulk_verification(celery_worker, batu_officer, verifier, tmp_path,
                                                                    caplog, settings):
    mpp = mpp_in("35.79", name="MPP Among Warga", status=Mpp.Status.PREPARING)
    report = reports.mpp_change_submit(user=batu_officer, mpp=mpp, version=1, status=Mpp.Status.OPERATING,
                                       note="Diresmikan")
    batch = reports.report_batch_queue(user=verifier, requested=[(report.pk, reports.report_stamp(report))])
    log = tmp_path / "worker.log"
    try:
        # In the full suite the worker first drains messages earlier tests left on the filesystem broker.
        wait_for(lambda: MppReportBatch.objects.get(pk=batch.pk).state == MppReportBatch.State.DONE, timeout=240,
                 what="the bulk verification to finish")
    except AssertionError:
        queue = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("data_folder_out")
        waiting = sorted(os.listdir(queue)) if queue else "(not the filesystem broker)"
        raise AssertionError(f"sender's log: {caplog.text[-2000:]}\nqueue folder: {waiting}\n"
                             f"worker's log: {log.read_text()[-3000:]}") from None
    batch.refresh_from_db()
    assert [(r["report"], r["outcome"]) for r in batch.results] == [(report.pk, "verified")]
    assert MppReport.objects.get(pk=report.pk).state == MppReport.State.VERIFIED
    assert Mpp.objects.get(pk=mpp.pk).status == Mpp.Status.OPERATING
