"""Tenant agencies per MPP (issue 20, part 4): one verified list, written through the MPP gateway, from which
the MPP's counts are derived and MoU coverage reads a party's presence."""
import datetime
import io

import pytest
from django.core.exceptions import ValidationError

from mou import history
from mou import selectors as mou_selectors
from mou import services as mou_services
from mou.models import Institution
from mpp_portal.models import ChangeRecord
from regions import reports, services
from regions.models import Mpp, MppReport, MppTenant
from regions.tenants import tenant_totals
from tests.conftest import api_for, client_for
from tests.regions.conftest import mpp_in

LIST = [
    {"name": "Kepolisian Negara Republik Indonesia", "kind": "central", "service_count": 3, "since": "2023-02-01",
     "institution_key": "Polri"},
    {"name": "Dinas Kependudukan dan Pencatatan Sipil", "kind": "regional", "service_count": 12},
    {"name": "Bank Jatim", "kind": "bank", "service_count": 4},
]


def test_the_counts_are_derived_from_the_list_by_one_function():
    assert tenant_totals([]) is None
    assert tenant_totals([{"service_count": 3}, {"service_count": 12}]) == {"tenant_count": 2, "service_count": 15}


def test_an_admin_writes_the_list_through_the_gateway_and_the_counts_follow(admin_user, batu_mpp, analyst):
    response = api_for(admin_user).patch(f"/api/mpps/{batu_mpp.pk}/", {"version": batu_mpp.version, "tenants": LIST},
                                         format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["tenant_count"], body["service_count"], body["counts_source"]) == (3, 19, "tenants")
    assert [t["name"] for t in body["tenants"]] == sorted(t["name"] for t in LIST)
    batu_mpp.refresh_from_db()
    assert (batu_mpp.tenant_count, batu_mpp.service_count) == (3, 19)
    assert MppTenant.objects.get(institution_key="Polri").since == datetime.date(2023, 2, 1)
    # One write, one change record carrying the list.
    record = ChangeRecord.objects.filter(object_id=str(batu_mpp.pk)).order_by("-pk").first()
    assert "tenants" in record.changes
    listed = api_for(analyst).get(f"/api/mpps/{batu_mpp.pk}/tenants/").json()["results"]
    assert {t["name"]: t["kind"] for t in listed}["Bank Jatim"] == "bank"
    page = client_for(analyst).get(f"/mpp/{batu_mpp.pk}/").content.decode()
    assert "dari daftar instansi" in page and "Bank Jatim" in page
    csv = client_for(analyst).get(f"/mpp/{batu_mpp.pk}/instansi.csv")
    assert csv.status_code == 200 and "Bank Jatim;Bank;4" in csv.content.decode()


def test_an_mpp_without_a_list_keeps_its_own_counts(analyst, batu_mpp):
    body = api_for(analyst).get(f"/api/mpps/{batu_mpp.pk}/").json()
    assert (body["counts_source"], body["tenants"]) == ("reported", [])
    assert "dari daftar instansi" not in client_for(analyst).get(f"/mpp/{batu_mpp.pk}/").content.decode()


def test_a_count_set_by_hand_that_differs_from_the_list_is_refused(batu_mpp):
    services.mpp_write(user=None, mpp=batu_mpp, fields={}, tenants=LIST)
    with pytest.raises(ValidationError) as refused:
        services.mpp_write(user=None, mpp=Mpp.objects.get(pk=batu_mpp.pk), fields={"tenant_count": 40})
    assert "tenant_count" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.mpp_write(user=None, mpp=batu_mpp, fields={}, tenants=[{"name": "", "kind": "x", "service_count": -1}])
    assert len(refused.value.message_dict["tenants"]) == 3


def test_an_officers_list_is_a_report_and_the_mpp_holds_verified_values_only(batu_officer, verifier, batu_mpp):
    before = (batu_mpp.tenant_count, batu_mpp.service_count)
    response = api_for(batu_officer).patch(f"/api/mpps/{batu_mpp.pk}/", {"version": batu_mpp.version, "tenants": LIST},
                                           format="json")
    assert response.status_code == 202, response.content
    report = MppReport.objects.get(pk=response.json()["id"])
    assert report.kind == MppReport.Kind.DATA and "tenants" in report.changes
    batu_mpp.refresh_from_db()
    assert (batu_mpp.tenant_count, batu_mpp.service_count) == before
    assert not MppTenant.objects.exists()
    page = client_for(verifier).get(f"/verifikasi/laporan/{report.pk}/").content.decode()
    assert "3 instansi, 19 layanan" in page
    reports.report_verify(user=verifier, report=report)
    batu_mpp.refresh_from_db()
    assert (batu_mpp.tenant_count, batu_mpp.service_count) == (3, 19)
    assert MppTenant.objects.filter(mpp=batu_mpp).count() == 3


@pytest.fixture
def national_mou(registry):
    history.load(stdout=io.StringIO())


def test_mou_coverage_reads_the_one_tenant_list(national_mou, admin_user, batu_officer, verifier, analyst):
    batu = mpp_in("35.79", status=Mpp.Status.OPERATING, name="MPP Among Warga")
    malang = mpp_in("35.73", status=Mpp.Status.OPERATING, name="MPP Kota Malang")
    polri = Institution.objects.get(short_name="Polri")

    def served():
        rows = mou_selectors.mou_coverage(user=analyst)["rows"]
        return next(row["served"] for row in rows if row["institution"].short_name == "Polri")

    assert served() == 0
    # A tenant entry keyed to the party is its presence, whether or not a PKS records it.
    services.mpp_write(user=admin_user, mpp=malang, fields={}, tenants=[LIST[0]])
    assert served() == 1
    assert [m.name for m in mou_selectors.operating_mpps_without(user=analyst, institution=polri)] == ["MPP Among Warga"]
    # An officer's PKS placement links the tenant entry through a report: it counts once verified.
    pks = mou_services.agreement_pks_create(user=batu_officer, mpp=batu, title="PKS Batu",
                                            signed_on=datetime.date(2023, 2, 1), term_years=5)
    mou_services.pks_institution_add(user=batu_officer, agreement=pks, institution=polri, service_count=3)
    assert served() == 1
    report = MppReport.objects.get(mpp=batu, state=MppReport.State.REPORTED)
    assert report.changes["tenants"][1][0]["institution_key"] == "Polri"
    reports.report_verify(user=verifier, report=report)
    assert served() == 2
    assert MppTenant.objects.get(mpp=batu).since == datetime.date(2023, 2, 1)
    # An admin's placement where the party already serves links to the same entry: no second fact.
    pks_malang = mou_services.agreement_pks_create(user=admin_user, mpp=malang, title="PKS Malang",
                                                   signed_on=datetime.date(2023, 2, 1), term_years=5)
    mou_services.pks_institution_add(user=admin_user, agreement=pks_malang, institution=polri, service_count=2)
    assert MppTenant.objects.filter(mpp=malang, institution_key="Polri").count() == 1
    assert served() == 2


def _form(rows, *, version, note=""):
    data = {"version": version, "note": note, "form-TOTAL_FORMS": len(rows), "form-INITIAL_FORMS": 0,
            "form-MIN_NUM_FORMS": 0, "form-MAX_NUM_FORMS": 1000}
    for index, row in enumerate(rows):
        data.update({f"form-{index}-{key}": value or "" for key, value in row.items()})
    return data


def test_the_page_form_sends_an_officers_list_as_a_report_and_an_admins_through_the_gateway(
    batu_officer, admin_user, malang_officer, batu_mpp
):
    assert client_for(malang_officer).get(f"/mpp/{batu_mpp.pk}/instansi/").status_code == 403
    response = client_for(batu_officer).post(f"/mpp/{batu_mpp.pk}/instansi/", _form(LIST, version=batu_mpp.version))
    assert response.status_code == 302
    report = MppReport.objects.get(mpp=batu_mpp)
    assert len(report.changes["tenants"][1]) == 3 and not MppTenant.objects.exists()
    response = client_for(admin_user).post(f"/mpp/{batu_mpp.pk}/instansi/", _form(LIST[:2], version=batu_mpp.version))
    assert response.status_code == 302
    batu_mpp.refresh_from_db()
    assert (batu_mpp.tenant_count, batu_mpp.service_count) == (2, 15)
    page = client_for(admin_user).get(f"/mpp/{batu_mpp.pk}/instansi/").content.decode()
    assert "Bank Jatim" not in page and "Dinas Kependudukan" in page
    bad = client_for(admin_user).post(f"/mpp/{batu_mpp.pk}/instansi/",
                                      _form([{"name": "X", "kind": "", "service_count": 1}], version=batu_mpp.version))
    assert bad.status_code == 200 and "jenis instansi tidak dikenal" in bad.content.decode()


def test_a_draft_pks_links_its_placements_when_it_is_signed(national_mou, admin_user, analyst):
    mpp = mpp_in("35.79", status=Mpp.Status.OPERATING, name="MPP Among Warga")
    polri = Institution.objects.get(short_name="Polri")
    draft = mou_services.agreement_pks_create(user=admin_user, mpp=mpp, title="PKS Batu", signed_on=None)
    mou_services.pks_institution_add(user=admin_user, agreement=draft, institution=polri, service_count=3)
    assert not MppTenant.objects.exists()  # a draft is not yet a presence
    mou_services.agreement_update(user=admin_user, agreement=draft, signed_on=datetime.date(2024, 1, 2), term_years=5)
    tenant = MppTenant.objects.get(mpp=mpp)
    assert (tenant.institution_key, tenant.service_count, tenant.since) == ("Polri", 3, datetime.date(2024, 1, 2))
    mpp.refresh_from_db()
    # One linked agency starts a partial list: the recorded counts stand (26 UPP, 207 layanan), not 1 and 3.
    assert (mpp.tenant_count, mpp.service_count, mpp.tenant_list_complete) == (26, 207, False)


def test_a_partial_list_keeps_the_recorded_counts_until_the_whole_list_is_given(national_mou, admin_user,
                                                                               analyst):
    mpp = mpp_in("35.79", status=Mpp.Status.OPERATING, name="MPP Among Warga", tenant_count=26,
                 service_count=207)
    polri = Institution.objects.get(short_name="Polri")
    pks = mou_services.agreement_pks_create(user=admin_user, mpp=mpp, title="PKS Batu",
                                            signed_on=datetime.date(2024, 1, 2))
    mou_services.pks_institution_add(user=admin_user, agreement=pks, institution=polri, service_count=3)
    mpp.refresh_from_db()
    assert (mpp.tenant_count, mpp.service_count, mpp.tenant_list_complete) == (26, 207, False)
    assert MppTenant.objects.filter(mpp=mpp, institution_key="Polri").exists()  # the presence fact, for coverage
    body = api_for(analyst).get(f"/api/mpps/{mpp.pk}/").json()
    assert (body["counts_source"], len(body["tenants"])) == ("reported", 1)
    page = client_for(analyst).get(f"/mpp/{mpp.pk}/").content.decode()
    assert "daftar instansi belum lengkap" in page and "(dari daftar instansi)" not in page
    # An admin's correction of the counts is still accepted while the list is partial.
    reports.mpp_change_submit(user=admin_user, mpp=mpp, version=mpp.version, tenant_count=27)
    mpp.refresh_from_db()
    assert mpp.tenant_count == 27
    # The whole list, given on the page or the API, makes the counts derived from it.
    whole = [{"name": "Polri", "kind": "central", "service_count": 3, "institution_key": "Polri"},
             {"name": "Bank Jatim", "kind": "bank", "service_count": 4}]
    reports.mpp_change_submit(user=admin_user, mpp=mpp, version=mpp.version, tenants=whole)
    mpp.refresh_from_db()
    assert (mpp.tenant_count, mpp.service_count, mpp.tenant_list_complete) == (2, 7, True)
