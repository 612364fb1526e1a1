"""Officers record PKS for their own region's MPP, with institutions, services placed and addenda."""
import datetime

import pytest

from mou.models import Agreement, AgreementParty, Institution, ServicePlacement
from mpp_portal.models import ChangeRecord
from tests.conftest import api_for, client_for

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_an_officer_records_a_pks_for_their_mpp_on_the_page(batu_mpp, batu_officer):
    client = client_for(batu_officer)
    assert client.get("/nota-kesepahaman/pks/baru/").status_code == 200
    response = client.post("/nota-kesepahaman/pks/baru/", {
        "mpp": batu_mpp.pk, "title": "PKS Layanan Samsat", "number": "119/2023", "signed_on": "2023-04-03",
        "term_years": "3", "dpmptsp_signatory_title": "Kepala DPMPTSP Kota Batu",
    })
    assert response.status_code == 302
    agreement = Agreement.objects.get(title="PKS Layanan Samsat")
    assert (agreement.kind, agreement.mpp, agreement.expires_on) == ("regional", batu_mpp, datetime.date(2026, 4, 3))
    dpmptsp = agreement.parties.get()
    assert dpmptsp.is_dpmptsp and dpmptsp.name == "DPMPTSP Kota Batu" and dpmptsp.last_edited_by == batu_officer
    assert ChangeRecord.objects.filter(object_repr=str(agreement), action="create").get().region.code == "35.79"


def test_an_officer_of_another_region_may_not_record_one_for_batu(batu_mpp, malang_officer, analyst):
    page = client_for(malang_officer).post("/nota-kesepahaman/pks/baru/", {"mpp": batu_mpp.pk, "title": "PKS"})
    assert page.status_code == 403  # Malang has no MPP the officer may change in this fixture
    response = api_for(malang_officer).post("/api/agreements/", {"mpp": batu_mpp.pk, "title": "PKS"})
    assert response.status_code == 403
    assert api_for(analyst).post("/api/agreements/", {"mpp": batu_mpp.pk, "title": "PKS"}).status_code == 403
    assert client_for(analyst).get("/nota-kesepahaman/pks/baru/").status_code == 403
    assert not Agreement.objects.filter(kind="regional").exists()


def test_an_officer_adds_institutions_and_their_services_through_the_api(batu_pks, batu_officer, malang_officer):
    bpom = Institution.objects.get(short_name="BPOM")
    payload = {"institution": bpom.pk, "service_count": 2, "rooms": "Loket 7", "service_days": "Senin-Jumat",
               "staff_count": 2, "signatory_title": "Kepala Loka POM Malang"}
    assert api_for(malang_officer).post(f"/api/agreements/{batu_pks.pk}/placements/", payload).status_code == 403
    response = api_for(batu_officer).post(f"/api/agreements/{batu_pks.pk}/placements/", payload)
    assert response.status_code == 201, response.json()
    placement = ServicePlacement.objects.get(agreement=batu_pks, institution=bpom)
    assert (placement.service_count, placement.rooms, placement.staff_count) == (2, "Loket 7", 2)
    party = AgreementParty.objects.get(agreement=batu_pks, institution=bpom)
    assert party.signed_on == batu_pks.signed_on and not party.is_signed_off
    again = api_for(batu_officer).post(f"/api/agreements/{batu_pks.pk}/placements/", payload)
    assert again.status_code == 400 and "institution" in again.json()
    zero = api_for(batu_officer).post(f"/api/agreements/{batu_pks.pk}/placements/", {**payload, "service_count": 0})
    assert zero.status_code == 400 and "service_count" in zero.json()


def test_an_officer_adds_an_institution_on_the_page(batu_pks, batu_officer):
    bnn = Institution.objects.get(short_name="BNN")
    client = client_for(batu_officer)
    response = client.post(f"/nota-kesepahaman/{batu_pks.pk}/instansi/", {"institution": bnn.pk, "service_count": "1"})
    assert response.status_code == 302
    bad = client.post(f"/nota-kesepahaman/{batu_pks.pk}/instansi/", {"institution": bnn.pk, "service_count": "1"})
    assert bad.status_code == 400 and "sudah menjadi pihak" in bad.content.decode()


def test_an_addendum_is_recorded_with_its_document(batu_pks, batu_officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = api_for(batu_officer).post(f"/api/agreements/{batu_pks.pk}/amendments/", {
        "dated": "2023-10-06", "note": "Penambahan layanan SKCK", "document": SimpleUploadedFile("a.pdf", PDF),
    }, format="multipart")
    assert response.status_code == 201, response.json()
    amendment = batu_pks.amendments.get()
    assert amendment.dated == datetime.date(2023, 10, 6) and amendment.document.name.endswith(".pdf")
    detail = client_for(batu_officer).get(f"/nota-kesepahaman/{batu_pks.pk}/").content.decode()
    assert "Penambahan layanan SKCK" in detail and "6 Oktober 2023" in detail


def test_a_document_that_is_not_pdf_jpeg_or_png_is_refused(batu_pks, batu_officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = api_for(batu_officer).post(f"/api/agreements/{batu_pks.pk}/amendments/", {
        "dated": "2023-10-06", "note": "x", "document": SimpleUploadedFile("a.pdf", b"MZ not a pdf at all"),
    }, format="multipart")
    assert response.status_code == 400 and "PDF, JPEG atau PNG" in str(response.json()["document"])
    page = client_for(batu_officer).post(f"/nota-kesepahaman/{batu_pks.pk}/adendum/", {
        "dated": "2023-10-06", "note": "x", "document": SimpleUploadedFile("a.pdf", b"plain text"),
    })
    assert page.status_code == 400 and "PDF, JPEG atau PNG" in page.content.decode()
    assert not batu_pks.amendments.exists()


def test_an_addendum_before_the_signing_date_is_refused(batu_pks, batu_officer):
    response = api_for(batu_officer).post(f"/api/agreements/{batu_pks.pk}/amendments/",
                                          {"dated": "2020-01-01", "note": "x"})
    assert response.status_code == 400 and "dated" in response.json()


def test_officers_may_not_change_the_national_mou(national_mou, batu_officer):
    response = api_for(batu_officer).post(f"/api/agreements/{national_mou.pk}/amendments/",
                                          {"dated": "2023-01-01", "note": "x"})
    assert response.status_code == 403
    party = national_mou.parties.first()
    edit = api_for(batu_officer).patch(f"/api/agreement-parties/{party.pk}/", {"signatory_name": "x"})
    assert edit.status_code == 403
    assert client_for(batu_officer).get(f"/nota-kesepahaman/pihak/{party.pk}/ubah/").status_code == 403
    assert not national_mou.amendments.exists()


@pytest.mark.parametrize("field,value", [("signed_on", "2999-01-01"), ("title", "")])
def test_bad_pks_input_is_refused_with_a_field_error(batu_mpp, batu_officer, field, value):
    payload = {"mpp": batu_mpp.pk, "title": "PKS", field: value}
    response = api_for(batu_officer).post("/api/agreements/", payload)
    assert response.status_code == 400 and field in response.json()
    assert not Agreement.objects.filter(kind="regional").exists()


def test_an_officer_edits_their_pks_and_its_expiry_follows(batu_pks, batu_officer, malang_officer):
    response = api_for(batu_officer).patch(f"/api/agreements/{batu_pks.pk}/", {"term_years": 2}, format="json")
    assert response.status_code == 200 and response.json()["expires_on"] == "2025-02-01"
    assert response.json()["status"] == "expired"  # 1 February 2025 is in the past
    assert api_for(malang_officer).patch(f"/api/agreements/{batu_pks.pk}/", {"term_years": 9}).status_code == 403
    page = client_for(batu_officer).post(f"/nota-kesepahaman/{batu_pks.pk}/ubah/", {
        "title": "PKS MPP Kota Batu", "signed_on": "2023-02-01", "term_years": "10",
    })
    assert page.status_code == 302
    batu_pks.refresh_from_db()
    assert (batu_pks.title, batu_pks.expires_on, batu_pks.status) == (
        "PKS MPP Kota Batu", datetime.date(2033, 2, 1), Agreement.Status.SIGNED
    )
    assert client_for(malang_officer).get(f"/nota-kesepahaman/{batu_pks.pk}/ubah/").status_code == 403
