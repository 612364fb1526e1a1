from celery import shared_task


@shared_task(name="mpp_portal.ping")
def ping() -> str:
    """A no-op the health checks and integration tests use to see a worker answer."""
    return "pong"
