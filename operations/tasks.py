from celery import shared_task

from . import services


@shared_task(name="operations.figures_recompute")
def figures_recompute(trigger: str = "task") -> dict:
    """Nightly (CELERY_BEAT_SCHEDULE) and after a verification: rebuild the operations figures."""
    run = services.figures_recompute(trigger=trigger)
    return {"figures": run.figures, "rankings": run.rankings}


@shared_task(name="operations.reminders_send")
def reminders_send() -> dict:
    """The 7th and the 11th (CELERY_BEAT_SCHEDULE): remind officers of missing monthly reports."""
    return services.operations_reminders_send().as_dict()
