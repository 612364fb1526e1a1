"""The officer's pages: edit an MPP, post a status update with evidence, record a new MPP, his home page;
the region list's stage filter and the region page's MPP links."""
import datetime

import pytest

from regions import reports
from regions.models import Mpp, MppReport, StatusUpdate
from tests.conftest import client_for
from tests.regions.conftest import HTML_BYTES, PDF_BYTES, mpp_in, upload

pytestmark = pytest.mark.django_db


def edit_form(mpp, **changes):
    return {"name": mpp.name, "address": mpp.address, "tenant_count": mpp.tenant_count,
            "service_count": mpp.service_count, "digital_status": mpp.digital_status, "version": mpp.version} | changes


def test_the_officers_correction_of_tenants_and_services_waits_for_verification(batu_officer, verifier, batu_mpp):
    response = client_for(batu_officer).post(
        f"/mpp/{batu_mpp.pk}/ubah/", edit_form(batu_mpp, tenant_count=27, service_count=210, note="Data Prokopim"))
    assert response.status_code == 302 and response.url == f"/mpp/{batu_mpp.pk}/"
    batu_mpp.refresh_from_db()
    assert (batu_mpp.tenant_count, batu_mpp.service_count, batu_mpp.version) == (26, 207, 1)
    report = MppReport.objects.get(mpp=batu_mpp)
    assert report.changes == {"tenant_count": [26, 27], "service_count": [207, 210]}
    reports.report_verify(user=verifier, report=report)
    batu_mpp.refresh_from_db()
    assert (batu_mpp.tenant_count, batu_mpp.service_count, batu_mpp.version) == (27, 210, 2)
    assert batu_mpp.updated_by == batu_officer


def test_the_edit_form_shows_field_errors_and_saves_nothing(batu_officer):
    mpp = mpp_in("35.79", status=Mpp.Status.OPERATING)
    response = client_for(batu_officer).post(f"/mpp/{mpp.pk}/ubah/", edit_form(mpp, service_count=0))
    assert response.status_code == 200
    assert "sedikitnya 1 layanan" in response.content.decode()
    mpp.refresh_from_db()
    assert (mpp.service_count, mpp.version) == (207, 1)


def test_the_officer_reports_his_mpp_operating_with_a_scanned_decree(batu_officer, verifier, batu_mpp):
    response = client_for(batu_officer).post(f"/mpp/{batu_mpp.pk}/status/", {
        "status": "operating", "inaugurated_on": "2022-12-05", "note": "Diresmikan Wapres",
        "evidence": upload("sk-peresmian.pdf", PDF_BYTES), "version": 1,
    })
    assert response.status_code == 302
    batu_mpp.refresh_from_db()
    assert batu_mpp.status == "preparing"
    reports.report_verify(user=verifier, report=MppReport.objects.get(mpp=batu_mpp))
    batu_mpp.refresh_from_db()
    assert (batu_mpp.status, batu_mpp.inaugurated_on) == ("operating", datetime.date(2022, 12, 5))
    update = StatusUpdate.objects.get(mpp=batu_mpp)
    page = client_for(batu_officer).get(f"/mpp/{batu_mpp.pk}/").content.decode()
    assert f"/mpp/{batu_mpp.pk}/bukti/{update.pk}/" in page


def test_the_status_form_refuses_a_disguised_html_file(batu_officer, batu_mpp):
    response = client_for(batu_officer).post(f"/mpp/{batu_mpp.pk}/status/", {
        "status": "suspended", "note": "renovasi", "evidence": upload("sk.pdf", HTML_BYTES), "version": 1,
    })
    assert response.status_code == 200
    assert "bukan PDF, JPEG atau PNG" in response.content.decode()
    batu_mpp.refresh_from_db()
    assert batu_mpp.status == "preparing"


def test_the_status_form_explains_a_refused_move(batu_officer, batu_mpp):
    response = client_for(batu_officer).post(f"/mpp/{batu_mpp.pk}/status/", {"status": "planned", "note": "x",
                                                                             "version": 1})
    assert "hanya dapat dilakukan admin" in response.content.decode()


def test_the_officer_records_a_second_mpp_in_his_region(batu_officer):
    response = client_for(batu_officer).post("/wilayah/35.79/mpp-baru/", {
        "name": "MPP Batu Timur", "address": "Jl. Contoh", "tenant_count": 0, "service_count": 0,
        "digital_status": "none",
    })
    mpp = Mpp.objects.get(name="MPP Batu Timur")
    assert response.url == f"/mpp/{mpp.pk}/"
    assert (mpp.region.code, mpp.status, mpp.version) == ("35.79", "planned", 1)


def test_the_officer_home_lists_his_regions_mpps_and_what_needs_updating(batu_officer, batu_mpp):
    Mpp.objects.filter(pk=batu_mpp.pk).update(updated_at=batu_mpp.updated_at - datetime.timedelta(days=91),
                                              tenant_count=0)
    response = client_for(batu_officer).get("/wilayah-saya/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kota Batu" in page and "Kota Malang" not in page
    assert f'href="/mpp/{batu_mpp.pk}/"' in page
    assert "Belum diperbarui lebih dari 90 hari" in page
    assert "Jumlah instansi/UPP belum diisi" in page
    assert 'href="/wilayah-saya/"' in page  # the nav links to it


def test_the_officer_home_flags_a_region_without_an_mpp(malang_officer):
    page = client_for(malang_officer).get("/wilayah-saya/").content.decode()
    assert "Kota Malang" in page and "Belum ada MPP tercatat" in page


def test_staff_have_no_officer_home_link(analyst):
    page = client_for(analyst).get("/wilayah/").content.decode()
    assert 'href="/wilayah-saya/"' not in page


def test_the_region_page_links_its_mpps(analyst, batu_mpp):
    mpp_in("35.79", name="MPP Batu Timur")
    page = client_for(analyst).get("/wilayah/35.79/").content.decode()
    assert f'href="/mpp/{batu_mpp.pk}/"' in page
    assert "MPP Batu Timur" in page


@pytest.mark.parametrize(("stage", "expected"), [
    ("operating", {"35.79"}), ("preparing", {"35.73"}), ("committed", {"35.07"}),
])
def test_the_region_list_filters_on_the_derived_stage(analyst, registry, stage, expected):
    mpp_in("35.79", status=Mpp.Status.OPERATING)
    mpp_in("35.79", name="MPP Kedua", status=Mpp.Status.PLANNED)
    mpp_in("35.73", status=Mpp.Status.PREPARING)
    mpp_in("35.07", status=Mpp.Status.COMMITTED)
    response = client_for(analyst).get(f"/wilayah/?stage={stage}&province=35")
    assert {region.code for region in response.context["object_list"]} == expected
    none = client_for(analyst).get("/wilayah/?stage=none&province=35").context["paginator"].count
    assert none == 38 - 3
