"""Fixtures for agreements: the national MoU as load_history records it, operating MPPs and a Kota Batu PKS."""
import datetime
import io

import pytest

from mou import history, services
from mou.models import Agreement, Institution
from regions.models import Mpp, Region


@pytest.fixture
def national_mou(db, registry) -> Agreement:
    history.load(stdout=io.StringIO())
    return Agreement.objects.get(kind=Agreement.Kind.NATIONAL)


def mpp_create(code: str, name: str, *, status: str = Mpp.Status.OPERATING) -> Mpp:
    """An MPP made directly with the ORM (the MPP services live on another branch)."""
    operating = status == Mpp.Status.OPERATING
    return Mpp.objects.create(
        region=Region.objects.get(code=code), name=name, status=status,
        inaugurated_on=datetime.date(2023, 3, 1) if operating else None,
        tenant_count=10 if operating else 0, service_count=100 if operating else 0,
    )


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
