import datetime

import pytest

from regions.models import Mpp, Region


@pytest.fixture
def make_mpp(registry):
    """Create an MPP directly with the ORM (the MPP services live on another branch)."""

    def make(code: str, name: str | None = None, status: str = Mpp.Status.OPERATING, **fields) -> Mpp:
        region = Region.objects.get(code=code)
        if status == Mpp.Status.OPERATING:
            fields = {"inaugurated_on": datetime.date(2023, 5, 1), "tenant_count": 10, "service_count": 100,
                      **fields}
        return Mpp.objects.create(region=region, name=name or f"MPP {region.name}", status=status, **fields)

    return make
