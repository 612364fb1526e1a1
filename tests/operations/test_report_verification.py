"""Monthly reports go through the officers' report verification: same states, same verifier rule, history."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mpp_portal.audit import change_records_for
from operations import services


def test_an_officers_report_waits_for_a_verifier(submit, batu_officer, verifier, batu_mpp):
    report = submit(batu_officer, batu_mpp)
    assert report.state == "reported" and report.created_by == batu_officer
    services.operations_report_verify(user=verifier, report=report, note="Sesuai buku tamu.")
    report.refresh_from_db()
    assert (report.state, report.decided_by, report.decision_note) == ("verified", verifier, "Sesuai buku tamu.")
    assert [r.action for r in change_records_for(report)] == ["verify", "report"]


def test_a_verified_report_is_locked(submit, batu_officer, verifier, batu_mpp):
    report = submit(batu_officer, batu_mpp)
    services.operations_report_verify(user=verifier, report=report)
    with pytest.raises(ValidationError):
        submit(batu_officer, batu_mpp, visitors=1)
    with pytest.raises(ValidationError):
        services.operations_report_verify(user=verifier, report=report)


def test_a_returned_report_is_corrected_and_submitted_again_keeping_its_first_submission(
        submit, batu_officer, verifier, batu_mpp):
    import datetime

    report = submit(batu_officer, batu_mpp, day=datetime.date(2025, 7, 8))
    with pytest.raises(ValidationError):
        services.operations_report_return(user=verifier, report=report, reason=" ")
    services.operations_report_return(user=verifier, report=report, reason="Kunjungan tertukar dengan transaksi.")
    again = submit(batu_officer, batu_mpp, visitors=1500, transactions=1000, day=datetime.date(2025, 7, 20))
    assert again.pk == report.pk and again.state == "reported" and again.visitors == 1500
    assert again.on_time  # the first submission was on time


def test_only_verifiers_and_admins_decide_and_never_on_their_own_report(
        submit, batu_officer, analyst, malang_officer, admin_user, second_admin, batu_mpp):
    report = submit(batu_officer, batu_mpp)
    for user in (batu_officer, analyst, malang_officer):
        with pytest.raises(PermissionDenied):
            services.operations_report_verify(user=user, report=report)
    services.operations_report_verify(user=second_admin, report=report)


def test_an_admins_report_is_verified_on_entry(submit, admin_user, batu_mpp):
    report = submit(admin_user, batu_mpp)
    assert report.state == "verified" and report.decided_by == admin_user


def test_the_verifier_decides_on_the_report_page(submit, batu_officer, verifier, batu_mpp):
    from tests.conftest import client_for

    report = submit(batu_officer, batu_mpp)
    page = client_for(verifier).get(f"/operasional/laporan/{report.pk}/")
    assert "Simpan keputusan" in page.content.decode()
    assert "Simpan keputusan" not in client_for(batu_officer).get(f"/operasional/laporan/{report.pk}/").content.decode()
    response = client_for(verifier).post(f"/operasional/laporan/{report.pk}/", {"action": "return", "note": ""})
    assert response.status_code == 400
    response = client_for(verifier).post(f"/operasional/laporan/{report.pk}/", {"action": "verify", "note": "ok"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "verified"


def test_the_api_verifies_and_returns(submit, batu_officer, verifier, operating_mpp, batu_mpp):
    import datetime

    from tests.conftest import api_for

    first = submit(batu_officer, batu_mpp)
    second = submit(batu_officer, batu_mpp, month=datetime.date(2025, 5, 1))
    assert api_for(batu_officer).post(f"/api/operations-reports/{first.pk}/verify/", {}, format="json").status_code == 403
    response = api_for(verifier).post(f"/api/operations-reports/{first.pk}/verify/", {"note": "ok"}, format="json")
    assert response.status_code == 200 and response.json()["state"] == "verified"
    response = api_for(verifier).post(f"/api/operations-reports/{second.pk}/return/", {"reason": "cek lagi"},
                                      format="json")
    assert response.status_code == 200 and response.json()["state"] == "returned"
