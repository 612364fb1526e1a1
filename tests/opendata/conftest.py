"""Recorded data with a demo MPP and a demo signing beside it, and recomputes that publish releases."""
import datetime
import io

import pytest

from commitments.models import Commitment, SigningEvent
from mou import history as mou_history
from mou.models import AgreementParty
from mpp_portal.celery import app as celery_app
from regions.models import Inauguration, Mpp, Region
from tests.dashboards.conftest import known_rollout, mpp_create  # noqa: F401  (fixture and helper)


@pytest.fixture
def eager_tasks():
    """Tasks run in the caller, as a worker would run them, without a broker."""
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = False


@pytest.fixture
def recorded_and_demo(known_rollout):  # noqa: F811
    """The known rollout (recorded) plus: an inauguration event linking Kota Batu's MPP, a signed commitment
    with the signatory's name, the national MoU as load_history records it, a demo MPP in Aceh and a demo
    signing with a demo commitment."""
    mou_history.load(stdout=io.StringIO())
    AgreementParty.objects.filter(pk=AgreementParty.objects.order_by("pk").values("pk")[:1]).update(
        signatory_name="Nama Pribadi Menteri")
    event = Inauguration.objects.create(date=datetime.date(2022, 12, 5), place="Kota Batu",
                                        officiated_by="Wakil Presiden", reported_count=26, source="kompas.com")
    Mpp.objects.filter(region__code="35.79").update(inauguration=event, name="MPP Among Warga")
    signing = SigningEvent.objects.get()
    Commitment.objects.filter(event=signing).update(signatory_name="Nama Pribadi Bupati", signatory_title="Bupati")
    mpp_create("11.02", on=datetime.date(2020, 1, 1), is_demo=True, address="=HYPERLINK(\"x\")")
    demo_signing = SigningEvent.objects.create(date=datetime.date(2020, 5, 5), place="Contoh", is_demo=True)
    Commitment.objects.create(event=demo_signing, region=Region.objects.get(code="11.03"), is_demo=True)
    return event


def publish():
    from opendata.services import release_publish

    return release_publish()
