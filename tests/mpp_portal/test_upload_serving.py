"""Uploaded documents: named and typed by their content, served only through permission-checked views,
as downloads with nosniff; no media folder is served directly."""
import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mou import services as mou_services
from mou.models import Agreement
from regions.models import MppReport, StatusUpdate
from tests.conftest import api_for, client_for
from tests.mou.conftest import batu_mpp as batu_operating_mpp  # noqa: F401  (fixture)
from tests.mou.conftest import (
    batu_pks,  # noqa: F401  (fixture)
    national_mou,  # noqa: F401  (fixture)
)
from tests.regions.conftest import PDF_BYTES, PNG_BYTES

# A PDF that is also an HTML page (browsers sniffing the type would run its script).
POLYGLOT = PDF_BYTES + b"<html><script>alert(document.cookie)</script></html>"


@pytest.fixture
def suspended(batu_operating_mpp, batu_officer, admin_user):  # noqa: F811
    def post(name, content):
        """The officer reports the move with the evidence (a report waiting for verification); an admin
        verifies it, which writes the status update carrying the evidence."""
        form = {"status": "suspended", "note": "Gedung direnovasi", "version": batu_operating_mpp.version,
                "evidence": SimpleUploadedFile(name, content, content_type="text/html")}
        response = api_for(batu_officer).post(f"/api/mpps/{batu_operating_mpp.pk}/status/", form, format="multipart")
        assert response.status_code == 202, response.content
        report = MppReport.objects.get(pk=response.json()["id"])
        assert report.evidence.name.endswith((".pdf", ".png"))
        assert name.rsplit("/", 1)[-1].split(".")[0] not in report.evidence.name
        served = client_for(admin_user).get(f"/verifikasi/laporan/{report.pk}/bukti/")
        assert served.status_code == 200 and served["Content-Disposition"].startswith("attachment;")
        assert served["X-Content-Type-Options"] == "nosniff" and served["Content-Type"] != "text/html"
        verified = api_for(admin_user).post(f"/api/reports/{report.pk}/verify/", {}, format="json")
        assert verified.status_code == 200, verified.content
        return StatusUpdate.objects.filter(mpp=batu_operating_mpp).latest("pk")
    return post


@pytest.mark.parametrize("name", ["bukti.html", "bukti.svg", "bukti.js", "bukti.pdf.html", "../../bukti.htm"])
def test_a_pdf_named_like_a_page_is_stored_and_served_as_a_pdf_download(suspended, analyst, name):
    update = suspended(name, POLYGLOT)
    assert update.evidence.name.endswith(".pdf")
    assert name.rsplit("/", 1)[-1].split(".")[0] not in update.evidence.name
    response = client_for(analyst).get(f"/mpp/{update.mpp_id}/bukti/{update.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Disposition"].endswith('.pdf"')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == POLYGLOT


def test_a_png_is_served_as_a_png_download(suspended, analyst):
    update = suspended("foto.exe", PNG_BYTES)
    assert update.evidence.name.endswith(".png")
    response = client_for(analyst).get(f"/mpp/{update.mpp_id}/bukti/{update.pk}/")
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment;")


def test_the_media_folder_is_not_served_to_a_signed_in_member_even_in_debug(suspended, analyst, settings):
    settings.DEBUG = True
    update = suspended("bukti.pdf", PDF_BYTES)
    response = client_for(analyst).get(f"/media/{update.evidence.name}")
    assert response.status_code == 404
    assert PDF_BYTES not in response.content


def test_an_agreement_document_is_served_to_members_only_as_a_download(batu_officer, analyst, batu_operating_mpp):  # noqa: F811
    agreement = mou_services.agreement_pks_create(
        user=batu_officer, mpp=batu_operating_mpp, title="PKS MPP Kota Batu", signed_on=datetime.date(2023, 2, 1),
        document=SimpleUploadedFile("pks.svg", POLYGLOT, content_type="image/svg+xml"),
    )
    amendment = mou_services.amendment_create(
        user=batu_officer, agreement=agreement, dated=datetime.date(2023, 6, 1), note="Layanan baru",
        document=SimpleUploadedFile("adendum.html", PNG_BYTES),
    )
    assert agreement.document.name.endswith(".pdf") and amendment.document.name.endswith(".png")
    body = api_for(analyst).get(f"/api/agreements/{agreement.pk}/").json()
    assert body["document"].endswith(f"/nota-kesepahaman/{agreement.pk}/dokumen/")
    assert body["amendments"][0]["document"].endswith(f"/nota-kesepahaman/{agreement.pk}/adendum/{amendment.pk}/dokumen/")
    page = client_for(analyst).get(f"/nota-kesepahaman/{agreement.pk}/")
    assert f"/nota-kesepahaman/{agreement.pk}/dokumen/" in page.text
    assert "/media/" not in page.text
    for url, mime in ((f"/nota-kesepahaman/{agreement.pk}/dokumen/", "application/pdf"),
                      (f"/nota-kesepahaman/{agreement.pk}/adendum/{amendment.pk}/dokumen/", "image/png")):
        response = client_for(analyst).get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == mime
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"
        anonymous = client_for(None).get(url)
        assert anonymous.status_code == 302 and "/masuk/" in anonymous["Location"]
    assert Agreement.objects.filter(pk=agreement.pk).exists()
