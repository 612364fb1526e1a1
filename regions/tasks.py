from celery import shared_task

from . import reports


@shared_task(name="regions.report_batch_run")
def report_batch_run(batch_id: int) -> dict:
    """Bulk verification queued from the verifier's queue page or the API."""
    batch = reports.report_batch_run(batch_id=batch_id)
    return {"batch": batch.pk, "results": len(batch.results)}


@shared_task(name="regions.report_reminders_send")
def report_reminders_send() -> dict:
    """Weekly (CELERY_BEAT_SCHEDULE): overdue counts to verifiers, returned reports to their officers."""
    return reports.report_reminders_send().as_dict()
