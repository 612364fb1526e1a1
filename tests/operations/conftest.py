import datetime

import pytest
from django.utils import timezone

from operations import services
from regions.models import Mpp, Region
from regions.services import mpp_create

# Fixed dates, so what "on time", "the future" and "the last 12 months" mean never depends on the clock.
MONTH = datetime.date(2025, 6, 1)


def at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def values(**overrides) -> dict:
    base = {"visitors": 1000, "transactions": 1500, "active_services": 120, "tenants_present": 18,
            "complaints_received": 10, "complaints_resolved": 8, "ikm": 86.5, "opening_days": 21}
    return {**base, **overrides}


@pytest.fixture
def operating_mpp(registry):
    """Make an operating MPP through the regions gateway, opened on ``opened`` (default 2023-01-10)."""

    def make(code: str, name: str | None = None, *, opened=datetime.date(2023, 1, 10), **fields) -> Mpp:
        region = Region.objects.get(code=code)
        return mpp_create(user=None, region=region, name=name or f"MPP {region.name}",
                          status=Mpp.Status.OPERATING, inaugurated_on=opened, tenant_count=10, service_count=100,
                          **fields)

    return make


@pytest.fixture
def batu_mpp(operating_mpp):
    return operating_mpp("35.79", "MPP Among Warga")


@pytest.fixture
def submit():
    """Submit a report of ``month`` on ``day`` (default: the 5th of the next month, on time)."""

    def do(user, mpp, month=MONTH, day=None, **overrides):
        day = day or (month.replace(day=28) + datetime.timedelta(days=8)).replace(day=5)
        return services.operations_report_submit(user=user, mpp=mpp, month=month, now=at(day), **values(**overrides))

    return do
