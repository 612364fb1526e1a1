from celery import shared_task

from . import services


@shared_task(name="opendata.release_publish")
def release_publish(run_id: int | None = None) -> str | None:
    """Publishes a release when the public data changed since the last one."""
    release = services.release_publish(run_id=run_id)
    return release.tag if release else None
