"""Fixtures for agreements: the national MoU as load_history records it, operating MPPs and a Kota Batu PKS."""
import datetime
import io

import pytest

from mou import history, services
from mou.models import Agreement, Institution
from regions.models import Mpp
from tests.factories import MppFactory


@pytest.fixture
def national_mou(db, registry) -> Agreement:
    history.load(stdout=io.StringIO())
    return Agreement.objects.get(kind=Agreement.Kind.NATIONAL)


def mpp_create(code: str, name: str, *, status: str = Mpp.Status.OPERATING) -> Mpp:
    return MppFactory(code=code, name=name, status=status)


@pytest.fixture
def batu_mpp(db, registry) -> Mpp:
    return mpp_create("35.79", "MPP Among Warga")


@pytest.fixture
def batu_pks(national_mou, batu_mpp, batu_officer) -> Agreement:
    """A Kota Batu PKS recorded by its officer, with Polri placing 3 services; nothing signed off yet."""
    agreement = services.agreement_pks_create(
        user=batu_officer, mpp=batu_mpp, title="PKS Penyelenggaraan Layanan pada MPP Kota Batu",
        number="180/12/422.010/2023", signed_on=datetime.date(2023, 2, 1), term_years=5,
        dpmptsp_signatory_title="Kepala DPMPTSP Kota Batu",
    )
    services.pks_institution_add(
        user=batu_officer, agreement=agreement, institution=Institution.objects.get(short_name="Polri"),
        service_count=3, signatory_title="Kapolres Batu",
    )
    return agreement
