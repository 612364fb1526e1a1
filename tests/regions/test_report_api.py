"""The reports API: create, list, detail, return, verify, bulk verify with the job's result; same
permissions as the pages; in the OpenAPI schema."""
import pytest

from regions import reports
from regions.models import Mpp, MppReport
from tests.conftest import api_for
from tests.regions.conftest import PDF_BYTES, mpp_in, upload

S = Mpp.Status


def test_an_officer_reports_an_inauguration_with_evidence_and_the_mpp_waits(batu_officer, batu_mpp):
    response = api_for(batu_officer).post("/api/reports/", {
        "mpp": batu_mpp.pk, "version": 1, "status": "operating", "inaugurated_on": "2022-12-05",
        "note": "Diresmikan Wapres", "evidence": upload("sk.pdf", PDF_BYTES),
    }, format="multipart")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["state"], body["kind"], body["changes"]["status"]) == ("reported", "status", ["preparing", "operating"])
    assert body["evidence"].endswith(f"/verifikasi/laporan/{body['id']}/bukti/")
    batu_mpp.refresh_from_db()
    assert batu_mpp.status == S.PREPARING


def test_a_report_gives_every_field_error_at_once(batu_officer, batu_mpp):
    response = api_for(batu_officer).post("/api/reports/", {
        "mpp": batu_mpp.pk, "version": 1, "status": "operating", "tenant_count": -1, "latitude": "200",
        "oss_integrated_on": "2999-01-01",
    }, format="json")
    assert response.status_code == 400
    assert {"tenant_count", "latitude", "oss_integrated_on", "inaugurated_on"} <= set(response.json())


def test_a_stale_version_is_a_conflict(batu_officer, batu_mpp):
    response = api_for(batu_officer).post("/api/reports/", {"mpp": batu_mpp.pk, "version": 7, "note": "x"},
                                          format="json")
    assert response.status_code == 409 and response.json()["current_version"] == 1


def test_an_officer_patch_of_an_mpp_is_a_report_waiting_for_verification(batu_officer, batu_mpp):
    response = api_for(batu_officer).patch(f"/api/mpps/{batu_mpp.pk}/", {"tenant_count": 28, "version": 1},
                                           format="json")
    assert response.status_code == 202
    assert response.json()["changes"] == {"tenant_count": [26, 28]}
    batu_mpp.refresh_from_db()
    assert batu_mpp.tenant_count == 26


def test_the_verifier_lists_filters_and_verifies(batu_officer, verifier, batu_mpp):
    report = reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=28, note="SK")
    api = api_for(verifier)
    listed = api.get("/api/reports/", {"state": "reported", "province": "35", "kind": "data"}).json()
    assert [r["id"] for r in listed["results"]] == [report.pk]
    assert api.get("/api/reports/", {"kind": "status"}).json()["results"] == []
    detail = api.get(f"/api/reports/{report.pk}/").json()
    response = api.post(f"/api/reports/{report.pk}/verify/", {"note": "OK", "stamp": detail["stamp"]}, format="json")
    assert response.status_code == 200 and response.json()["state"] == "verified"
    batu_mpp.refresh_from_db()
    assert batu_mpp.tenant_count == 28


def test_returning_needs_a_reason_and_a_stale_stamp_is_a_conflict(batu_officer, verifier, batu_mpp):
    report = reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=28, note="SK")
    api = api_for(verifier)
    assert api.post(f"/api/reports/{report.pk}/return/", {"reason": ""}, format="json").status_code == 400
    assert api.post(f"/api/reports/{report.pk}/return/", {"reason": "Kurang", "stamp": "2000-01-01"},
                    format="json").status_code == 409
    response = api.post(f"/api/reports/{report.pk}/return/", {"reason": "SK tidak terbaca"}, format="json")
    assert response.json()["state"] == "returned"
    mine = api_for(batu_officer).get("/api/reports/", {"state": "returned"}).json()["results"]
    assert [r["decision_note"] for r in mine] == ["SK tidak terbaca"]


@pytest.mark.parametrize("actor", ["analyst", "batu_officer", "malang_officer"])
def test_only_verifiers_and_admins_decide_through_the_api(request, actor, batu_officer, batu_mpp):
    report = reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=28, note="SK")
    api = api_for(request.getfixturevalue(actor))
    assert api.post(f"/api/reports/{report.pk}/verify/", {}, format="json").status_code == 403
    assert api.post(f"/api/reports/{report.pk}/return/", {"reason": "x"}, format="json").status_code == 403
    assert api.post("/api/reports/bulk-verify/", {"reports": []}, format="json").status_code == 403
    report.refresh_from_db()
    assert report.state == MppReport.State.REPORTED


def test_bulk_verification_through_the_api_answers_202_and_the_batch_lists_each_result(
    batu_officer, malang_officer, verifier, second_admin, batu_mpp
):
    malang = mpp_in("35.73", name="MPP Kota Malang")
    one = reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=28, note="SK")
    two = reports.mpp_change_submit(user=malang_officer, mpp=malang, version=1, service_count=300, note="SK")
    api = api_for(verifier)
    listed = api.get("/api/reports/").json()["results"]
    later = reports.mpp_change_submit(user=malang_officer, mpp=malang, version=1, note="tambahan")  # not listed
    reports.report_return(user=second_admin, report=two, reason="SK belum ditandatangani")  # changed after listing
    items = [{"id": r["id"], "stamp": r["stamp"]} for r in listed]
    response = api.post("/api/reports/bulk-verify/", {"reports": items}, format="json")
    assert response.status_code == 202 and response.json()["state"] == "queued"
    reports.report_batch_run(batch_id=response.json()["id"])
    batch = api.get(f"/api/report-batches/{response.json()['id']}/").json()
    assert [(r["report"], r["outcome"]) for r in batch["results"]] == [(one.pk, "verified"), (two.pk, "skipped")]
    later.refresh_from_db()
    assert later.state == MppReport.State.REPORTED


def test_the_schema_documents_the_reports_endpoints(analyst):
    schema = api_for(analyst).get("/api/schema/").content.decode()
    for path in ("/api/reports/", "/api/reports/{id}/verify/", "/api/reports/{id}/return/",
                 "/api/reports/bulk-verify/", "/api/report-batches/{id}/"):
        assert path in schema, path


def test_an_officer_records_a_new_mpp_as_planned_and_only_an_admin_at_another_status(batu_officer, admin_user):
    payload = {"region": "35.79", "name": "MPP Batu Timur", "status": "operating", "inaugurated_on": "2023-01-02",
               "tenant_count": 3, "service_count": 9}
    refused = api_for(batu_officer).post("/api/mpps/", payload, format="json")
    assert refused.status_code == 400 and list(refused.json()) == ["status"]
    assert not Mpp.objects.exists()
    assert api_for(batu_officer).post("/api/mpps/", payload | {"status": "planned"}, format="json").status_code == 201
    made = api_for(admin_user).post("/api/mpps/", payload | {"name": "MPP Batu Barat"}, format="json")
    assert made.status_code == 201 and made.json()["status"] == "operating"


def test_an_absurd_age_filter_is_a_field_error_not_a_server_error(verifier):
    response = api_for(verifier).get("/api/reports/", {"older_than": "1.8e16", "mpp": "-5e16"})
    assert response.status_code == 400 and {"older_than", "mpp"} <= set(response.json())
