from celery import shared_task

from . import services


@shared_task(name="mou.agreements_expire")
def agreements_expire() -> int:
    """Daily: mark agreements past their term as expired."""
    return len(services.agreements_expire())
