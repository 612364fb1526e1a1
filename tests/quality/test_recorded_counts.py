"""/kualitas/ counts recorded MPPs and names the demo ones apart."""
import datetime

import pytest

from quality.selectors import digital_summary, oss_integration_count, regions_without_operating_mpp_by_fiscal_class
from regions.models import Mpp, Region
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def operating(code: str, **extra) -> Mpp:
    return Mpp.objects.create(region=Region.objects.get(code=code), name=f"MPP {code}", status="operating",
                              inaugurated_on=datetime.date(2023, 1, 1), tenant_count=5, service_count=50, **extra)


def test_quality_figures_count_recorded_mpps_and_the_demo_ones_apart(registry, analyst):
    operating("35.79", digital_status="live", oss_integrated=True)
    operating("35.73", is_demo=True, digital_status="live", oss_integrated=True)
    digital, oss = digital_summary(), oss_integration_count()
    assert (digital["target"], digital["live"], digital["demo_operating"], digital["demo_live"]) == (1, 1, 1, 1)
    assert (oss["operating"], oss["integrated_operating"], oss["demo_operating"]) == (1, 1, 1)
    page = client_for(analyst).get("/kualitas/").text
    assert "MPP beroperasi: 1 tercatat + 1 contoh" in page


def test_a_region_with_only_a_demo_mpp_still_counts_as_without_one(registry):
    operating("35.73", is_demo=True)
    operating("35.79")
    without = regions_without_operating_mpp_by_fiscal_class()
    assert without["total"] == 508 - 1
