"""Coverage on a known fixture: three operating MPPs, one in preparation, PKS in several states."""
import datetime

import pytest

from mou import selectors, services
from mou.models import Institution
from regions.models import Mpp
from tests.conftest import api_for, client_for

from .conftest import mpp_create


def _pks(user, mpp, placements, *, signed_on=datetime.date(2023, 5, 2), term_years=None):
    agreement = services.agreement_pks_create(user=user, mpp=mpp, title=f"PKS {mpp.name}", signed_on=signed_on,
                                              term_years=term_years)
    for short_name, count in placements:
        services.pks_institution_add(user=user, agreement=agreement,
                                     institution=Institution.objects.get(short_name=short_name), service_count=count)
    return agreement


@pytest.fixture
def fixture(national_mou, admin_user, second_admin):
    batu = mpp_create("35.79", "MPP Among Warga")
    malang = mpp_create("35.73", "MPP Kota Malang")
    surabaya = mpp_create("35.78", "MPP Siola")
    blitar = mpp_create("35.72", "MPP Kota Blitar", status=Mpp.Status.PREPARING)
    in_force = _pks(admin_user, batu, [("Polri", 3), ("BPJS Kesehatan", 2)])
    for party in in_force.parties.all():
        services.agreement_party_sign_off(user=second_admin, party=party)
    _pks(admin_user, malang, [("Polri", 1)])  # signed, not yet signed off: counts
    _pks(admin_user, surabaya, [("Polri", 4)], signed_on=None)  # a draft: does not count
    _pks(admin_user, blitar, [("BPJS Kesehatan", 1)])  # the MPP is not operating: does not count
    _pks(admin_user, malang, [("Kemenag", 1)], term_years=10)
    # Expired: the paperwork lapses, but presence is the MPP's verified tenant list (issue 20): Kemenag still
    # serves there until an officer reports it left.
    services.agreements_expire(today=datetime.date(2034, 1, 1))
    return {"surabaya": surabaya}


def test_it_counts_for_each_of_the_17_parties_the_operating_mpps_where_it_serves(fixture, analyst):
    coverage = selectors.mou_coverage(user=analyst)
    assert coverage["operating_total"] == 3
    by_name = {row["institution"].short_name: (row["served"], row["not_served"]) for row in coverage["rows"]}
    assert len(by_name) == 17
    assert by_name["Polri"] == (2, 1)
    assert by_name["BPJS Kesehatan"] == (1, 2)
    assert by_name["Kemenag"] == (1, 2)
    assert by_name["BPOM"] == (0, 3)


def test_it_lists_the_operating_mpps_an_institution_is_missing_from(fixture, analyst):
    polri = Institution.objects.get(short_name="Polri")
    assert [m.name for m in selectors.operating_mpps_without(user=analyst, institution=polri)] == ["MPP Siola"]
    page = client_for(analyst).get(f"/nota-kesepahaman/cakupan/{polri.pk}/")
    assert page.status_code == 200 and "MPP Siola" in page.content.decode()


def test_the_api_and_the_page_show_the_same_figures(fixture, analyst):
    body = api_for(analyst).get("/api/mou-coverage/").json()
    assert body["operating_total"] == 3
    polri = next(row for row in body["rows"] if row["institution"]["short_name"] == "Polri")
    assert (polri["served"], polri["not_served"]) == (2, 1)
    page = client_for(analyst).get("/nota-kesepahaman/cakupan/").content.decode()
    assert "Kepolisian Negara Republik Indonesia" in page


def test_coverage_takes_a_constant_number_of_queries(fixture, analyst, django_assert_max_num_queries):
    selectors.mou_coverage(user=analyst)  # the user's role is read once, then cached on the user
    with django_assert_max_num_queries(2):
        selectors.mou_coverage(user=analyst)
    mpp_create("35.15", "MPP Sidoarjo")
    with django_assert_max_num_queries(2):
        assert selectors.mou_coverage(user=analyst)["operating_total"] == 4
