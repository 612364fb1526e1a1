from celery import shared_task

from . import services


@shared_task(name="dashboards.recompute_progress")
def recompute_progress(run_id: int | None = None, trigger: str = "beat") -> int | None:
    """Runs the queued recompute ``run_id`` (from a trigger), or a fresh one (nightly beat)."""
    run = services.progress_recompute(run_id=run_id, trigger=trigger)
    return run.pk if run else None


@shared_task(name="dashboards.recompute_waiting_send")
def recompute_waiting_send() -> int | None:
    """Every minute from beat: re-send a queued recompute the broker never received."""
    run = services.progress_recompute_waiting_send()
    return run.pk if run else None


@shared_task(name="dashboards.weekly_digest_send")
def weekly_digest_send() -> dict:
    """Weekly (CELERY_BEAT_SCHEDULE): the digest with the dashboard PDF to staff who opted in."""
    return services.weekly_digest_send().as_dict()
