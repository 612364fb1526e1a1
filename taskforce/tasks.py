from celery import shared_task

from . import services


@shared_task(name="taskforce.overdue_reminders_send")
def overdue_reminders_send() -> dict:
    """Daily (CELERY_BEAT_SCHEDULE): remind the owners of overdue follow-ups, once a day at most."""
    return services.overdue_reminders_send().as_dict()
