"""A small known fixture for the progress figures, on top of the full registry (514 kab/kota)."""
import datetime

import pytest
from django.utils import timezone

from commitments.models import SigningEvent
from commitments.services import commitment_create
from regions.models import Mpp, Region
from tests.factories import MppFactory


def mpp_create(code: str, *, status: str = Mpp.Status.OPERATING, on: datetime.date | None = None, **extra) -> Mpp:
    """An MPP inaugurated ``on`` (None: not on the monthly curve)."""
    return MppFactory(code=code, name=f"MPP {code}", status=status, inaugurated_on=on, **extra)


def recent_day() -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=30)


@pytest.fixture
def known_rollout(registry):
    """Five operating MPPs in five kab/kota (two of them DKI Jakarta units), one preparing, one committed by
    MPP and one by a signed commitment."""
    mpp_create("31.71", on=datetime.date(2017, 6, 1))
    mpp_create("35.73", on=datetime.date(2021, 3, 2))
    mpp_create("35.79", on=datetime.date(2022, 12, 5))
    mpp_create("31.72", on=datetime.date(2023, 1, 10))
    mpp_create("35.78", on=recent_day())
    mpp_create("35.07", status=Mpp.Status.PREPARING)
    mpp_create("35.08", status=Mpp.Status.COMMITTED)
    event = SigningEvent.objects.create(date=datetime.date(2021, 3, 2), place="Jakarta")
    commitment_create(user=None, event=event, region=Region.objects.get(code="11.01"))
