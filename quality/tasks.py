from celery import shared_task

from . import services


@shared_task(name="quality.stale_reminders_send")
def stale_reminders_send() -> dict:
    """Weekly (CELERY_BEAT_SCHEDULE): remind officers of MPP records not updated in 90 days."""
    return services.stale_reminders_send().as_dict()
