"""Listeners to other apps' events (connected in ``apps.OpendataConfig.ready``)."""
import logging

logger = logging.getLogger(__name__)


def release_publish_queue(sender, *, run_id: int, **kwargs) -> None:
    """After a recompute, check in the worker whether the public data changed; the recompute itself never
    waits for the files to be built, and a broker that is down never fails it (the next run checks again)."""
    from .tasks import release_publish

    try:
        release_publish.delay(run_id=run_id)
    except Exception:
        logger.exception("Could not queue opendata.release_publish after run #%s", run_id)
