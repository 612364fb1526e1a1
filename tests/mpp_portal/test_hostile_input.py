"""Hostile input: forged and oversized uploads, formula injection in exports, markup in names and notes,
malformed dates and numbers. Each is refused or neutralised, and a refused write saves nothing."""
import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from dashboards.services import progress_recompute
from mou import services as mou_services
from mou.models import Agreement, Amendment
from mpp_portal.models import ChangeRecord
from regions.models import Mpp, MppReport, Region, StatusUpdate
from tests.conftest import api_for, client_for

HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
EXE = (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
       + b"This program cannot be run in DOS mode")
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
OVERSIZED = PDF + b"\x00" * (10 * 1024 * 1024 + 1 - len(PDF))
SCRIPT = "<script>alert(1)</script>"

FORGED = {"html named .pdf": ("laporan.pdf", HTML), "exe named .png": ("foto.png", EXE),
          "10 MB + 1 byte": ("besar.pdf", OVERSIZED)}


@pytest.fixture
def batu_mpp(registry):
    return Mpp.objects.create(
        region=Region.objects.get(code="35.79"), name="MPP Among Warga", status=Mpp.Status.OPERATING,
        inaugurated_on=datetime.date(2022, 12, 5), tenant_count=26, service_count=207,
    )


@pytest.fixture
def batu_pks(batu_mpp, batu_officer):
    from mou import history

    history.load(stdout=io.StringIO())
    return mou_services.agreement_pks_create(
        user=batu_officer, mpp=batu_mpp, title="PKS MPP Kota Batu", signed_on=datetime.date(2023, 2, 1),
        term_years=5,
    )


def saved_state(mpp):
    mpp.refresh_from_db()
    return (mpp.version, mpp.status, mpp.tenant_count, mpp.inaugurated_on, ChangeRecord.objects.count(),
            StatusUpdate.objects.count(), Amendment.objects.count(), Agreement.objects.count())


@pytest.mark.parametrize("name, content", FORGED.values(), ids=FORGED.keys())
def test_forged_or_oversized_evidence_is_refused_on_the_page_and_the_api_and_nothing_is_saved(
    batu_mpp, batu_officer, name, content
):
    before = saved_state(batu_mpp)
    form = {"status": "suspended", "note": "Gedung direnovasi", "version": batu_mpp.version}
    page = client_for(batu_officer).post(
        f"/mpp/{batu_mpp.pk}/status/", form | {"evidence": SimpleUploadedFile(name, content)})
    assert page.status_code in (200, 400) and "Bukti" in page.content.decode()
    assert page.context["form"].errors["evidence"]
    api = api_for(batu_officer).post(
        f"/api/mpps/{batu_mpp.pk}/status/", form | {"evidence": SimpleUploadedFile(name, content)},
        format="multipart")
    assert api.status_code == 400 and api.json()["evidence"]
    assert saved_state(batu_mpp) == before


@pytest.mark.parametrize("name, content", FORGED.values(), ids=FORGED.keys())
def test_forged_or_oversized_agreement_documents_are_refused_on_the_page_and_the_api_and_nothing_is_saved(
    batu_pks, batu_mpp, batu_officer, name, content
):
    before = saved_state(batu_mpp)
    amendment = {"dated": "2023-10-06", "note": "Penambahan layanan"}
    page = client_for(batu_officer).post(
        f"/nota-kesepahaman/{batu_pks.pk}/adendum/", amendment | {"document": SimpleUploadedFile(name, content)})
    assert page.status_code == 400
    api = api_for(batu_officer).post(
        f"/api/agreements/{batu_pks.pk}/amendments/", amendment | {"document": SimpleUploadedFile(name, content)},
        format="multipart")
    assert api.status_code == 400 and api.json()["document"]
    pks = {"title": "PKS kedua", "signed_on": "2023-03-01", "term_years": 5, "mpp": batu_mpp.pk}
    created = api_for(batu_officer).post(
        "/api/agreements/", pks | {"document": SimpleUploadedFile(name, content)}, format="multipart")
    assert created.status_code == 400 and created.json()["document"]
    created_page = client_for(batu_officer).post(
        "/nota-kesepahaman/pks/baru/", pks | {"document": SimpleUploadedFile(name, content)})
    assert created_page.status_code in (200, 400) and created_page.context["form"].errors["document"]
    assert saved_state(batu_mpp) == before


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_region_name_that_looks_like_a_formula_is_exported_as_text(fmt, analyst):
    hostile = {"35.79": "=HYPERLINK(\"http://evil.example\",\"klik\")", "35.73": "+1+2", "35.78": "-2+3",
               "35.77": "@SUM(A1)"}
    for code, name in hostile.items():
        Region.objects.filter(code=code).update(name=name)
    response = client_for(analyst).get(f"/wilayah/ekspor.{fmt}?province=35")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    else:
        rows = [list(row) for row in load_workbook(io.BytesIO(body)).active.iter_rows(values_only=True)]
    names = {row[0]: row[1] for row in rows[1:]}
    assert {code: names[code] for code in hostile} == {code: "'" + name for code, name in hostile.items()}


def test_markup_in_an_mpp_name_and_a_status_note_is_shown_escaped_everywhere(batu_mpp, batu_officer, analyst):
    batu_mpp.name = f"MPP {SCRIPT}"
    batu_mpp.save()
    client_for(batu_officer).post(f"/mpp/{batu_mpp.pk}/status/", {
        "status": "suspended", "note": f"Catatan {SCRIPT}", "version": batu_mpp.version})
    report = MppReport.objects.get(mpp=batu_mpp, note__contains=SCRIPT)  # the officer's move waits for verification
    progress_recompute()
    viewer = client_for(analyst)
    for path in (f"/mpp/{batu_mpp.pk}/", "/wilayah/35.79/", "/dasbor/", "/dasbor/provinsi/35/",
                 f"/kualitas/mpp/{batu_mpp.pk}/", "/nota-kesepahaman/", "/ringkasan/",
                 f"/verifikasi/laporan/{report.pk}/"):
        body = viewer.get(path).content.decode()
        assert SCRIPT not in body, path
    page = viewer.get(f"/mpp/{batu_mpp.pk}/").content.decode()
    assert "MPP &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Catatan &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;script&gt;" in viewer.get("/wilayah/35.79/").content.decode()


BAD_NUMBERS = {"not a number": "abc", "negative": -1, "absurdly large": 10**12}


@pytest.mark.parametrize("value", BAD_NUMBERS.values(), ids=BAD_NUMBERS.keys())
def test_a_malformed_tenant_count_is_a_field_error_on_the_api_and_the_page_and_nothing_is_saved(
    batu_mpp, batu_officer, value
):
    before = saved_state(batu_mpp)
    api = api_for(batu_officer).patch(
        f"/api/mpps/{batu_mpp.pk}/", {"tenant_count": value, "version": batu_mpp.version}, format="json")
    assert api.status_code == 400 and api.json()["tenant_count"]
    page = client_for(batu_officer).post(f"/mpp/{batu_mpp.pk}/ubah/", {
        "name": batu_mpp.name, "tenant_count": value, "service_count": 207, "digital_status": "none",
        "version": batu_mpp.version})
    assert page.status_code in (200, 400) and page.context["form"].errors["tenant_count"]
    assert saved_state(batu_mpp) == before


def test_an_impossible_inauguration_date_is_a_field_error_on_the_api_and_the_page_and_nothing_is_saved(
    batu_mpp, batu_officer
):
    batu_mpp.status, batu_mpp.inaugurated_on = Mpp.Status.PREPARING, None
    batu_mpp.save()
    before = saved_state(batu_mpp)
    form = {"status": "operating", "inaugurated_on": "32-13-2024", "version": batu_mpp.version}
    api = api_for(batu_officer).post(f"/api/mpps/{batu_mpp.pk}/status/", form, format="json")
    assert api.status_code == 400 and api.json()["inaugurated_on"]
    patched = api_for(batu_officer).patch(
        f"/api/mpps/{batu_mpp.pk}/", {"inaugurated_on": "32-13-2024", "version": batu_mpp.version}, format="json")
    assert patched.status_code == 400 and patched.json()["inaugurated_on"]
    page = client_for(batu_officer).post(f"/mpp/{batu_mpp.pk}/status/", form)
    assert page.status_code in (200, 400) and page.context["form"].errors["inaugurated_on"]
    assert saved_state(batu_mpp) == before
