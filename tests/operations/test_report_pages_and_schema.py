"""The officer's report page, the report export, and the OpenAPI schema's constraints."""
import csv
import io

import pytest
from openpyxl import load_workbook

from operations.models import OperationsReport
from tests.conftest import api_for, client_for

FORM = {"month": "2025-06", "visitors": "1200", "transactions": "1800", "active_services": "110",
        "tenants_present": "17", "complaints_received": "9", "complaints_resolved": "9", "ikm": "88,5",
        "opening_days": "21", "note": "Lancar."}


def test_the_officer_reports_a_month_on_the_page(batu_officer, batu_mpp):
    response = client_for(batu_officer).post("/operasional/laporan/baru/", {**FORM, "mpp": batu_mpp.pk, "ikm": "88.5"})
    report = OperationsReport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/operasional/laporan/{report.pk}/"
    assert (report.visitors, str(report.ikm), report.state) == (1200, "88.50", "reported")


def test_the_page_shows_the_rules_errors_and_saves_nothing(batu_officer, batu_mpp):
    response = client_for(batu_officer).post("/operasional/laporan/baru/", {
        **FORM, "mpp": batu_mpp.pk, "ikm": "101", "visitors": "-3", "complaints_resolved": "10"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Tidak boleh negatif." in page and "IKM harus antara 25 dan 100" in page
    assert "tidak boleh melebihi pengaduan masuk" in page
    assert not OperationsReport.objects.exists()


def test_an_officer_is_offered_only_the_mpps_of_their_own_region(batu_officer, batu_mpp, operating_mpp):
    malang = operating_mpp("35.73", "MPP Kota Malang")
    page = client_for(batu_officer).get("/operasional/laporan/baru/").content.decode()
    assert "MPP Among Warga" in page and "MPP Kota Malang" not in page
    response = client_for(batu_officer).post("/operasional/laporan/baru/", {**FORM, "mpp": malang.pk, "ikm": ""})
    assert response.status_code == 400 and not OperationsReport.objects.exists()


def test_the_report_export_lists_the_reports_as_filtered_and_marks_demo_ones(submit, admin_user, analyst,
                                                                             operating_mpp, batu_mpp):
    submit(admin_user, batu_mpp)
    submit(admin_user, operating_mpp("35.07", "MPP Contoh", is_demo=True))
    response = client_for(analyst).get("/operasional/ekspor/laporan.csv?province=35")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"))
    assert list(rows[0])[:6] == ["Bulan", "Kode wilayah", "Wilayah", "MPP", "Keadaan", "Kunjungan"]
    assert sorted((r["MPP"], r["Keadaan"], r["Kunjungan"], r["Contoh"]) for r in rows) == [
        ("MPP Among Warga", "Terverifikasi", "1000", "tidak"), ("MPP Contoh", "Terverifikasi", "1000", "ya")]
    response = client_for(analyst).get("/operasional/ekspor/laporan.xlsx?province=35")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)))["Laporan operasional"]
    assert sheet.max_row == 3 and sheet.freeze_panes == "A2"


@pytest.mark.django_db
def test_the_openapi_schema_documents_the_constraints():
    schema = api_for(None).get("/api/schema/?format=json").json()
    fields = schema["components"]["schemas"]["OperationsReport"]["properties"]
    assert (fields["ikm"]["minimum"], fields["ikm"]["maximum"]) == (25, 100)
    assert fields["visitors"]["minimum"] == 0 and fields["opening_days"]["maximum"] == 31
    assert "complaints_received" in fields["complaints_resolved"]["description"]


def test_the_admin_site_lists_reports_flags_figures_and_runs_read_only(submit, batu_officer, admin_user, batu_mpp):
    submit(batu_officer, batu_mpp, visitors=0)
    client = client_for(admin_user)
    for model in ("operationsreport", "operationsflag", "operationsfigure", "operationsrun"):
        assert client.get(f"/admin/operations/{model}/").status_code == 200
    report = OperationsReport.objects.get()
    assert client.post(f"/admin/operations/operationsreport/{report.pk}/change/", {"visitors": 5}).status_code == 403
    report.refresh_from_db()
    assert report.visitors == 0
