"""Two-level approval (issue 20, part 3): a province with a coordinator checks its kab/kota reports before
the ministry verifies them; a province without one sends them straight to the ministry."""
import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from mpp_portal.access import Role
from mpp_portal.accounts import demo_user_ensure, officer_regions_set
from mpp_portal.models import ChangeRecord
from regions import report_rules, report_selectors, reports
from regions.models import Mpp, MppReport
from regions.reports import report_batch_run
from tests.conftest import api_for, client_for
from tests.regions.conftest import mpp_in

S = Mpp.Status
State = MppReport.State
INAUGURATED = datetime.date(2023, 3, 14)


def _report(officer, mpp, **fields):
    fields = fields or {"status": S.OPERATING, "inaugurated_on": INAUGURATED, "note": "Diresmikan"}
    return reports.mpp_change_submit(user=officer, mpp=Mpp.objects.get(pk=mpp.pk), version=None, **fields)


@pytest.fixture
def semarang_officer(registry):
    user, _generated = demo_user_ensure(username="petugas-semarang", role=Role.OFFICER, password="x" * 12,
                                        full_name="petugas semarang")
    officer_regions_set(user=user, region_codes=["33.74"])
    return user


def test_a_report_from_a_coordinated_province_waits_for_the_province_then_the_ministry_verifies_it(
    batu_officer, east_java_coordinator, verifier, batu_mpp
):
    report = _report(batu_officer, batu_mpp)
    assert report_rules.level_now(report) == MppReport.Level.PROVINCE
    assert report_rules.state_label(report) == "Menunggu pemeriksaan provinsi"
    # The ministry does not see it yet, but knows it is with the province.
    assert list(report_selectors.report_queue(user=verifier)) == []
    assert report_selectors.province_check_count() == 1
    assert [r.pk for r in report_selectors.report_queue(user=east_java_coordinator)] == [report.pk]
    with pytest.raises(PermissionDenied, match="menunggu pemeriksaan provinsi"):
        reports.report_verify(user=verifier, report=report)

    reports.report_verify(user=east_java_coordinator, report=report, note="Sesuai berita acara")
    report.refresh_from_db()
    batu_mpp.refresh_from_db()
    assert (report.state, report.checked_by, report.check_note) == (State.CHECKED, east_java_coordinator,
                                                                     "Sesuai berita acara")
    assert batu_mpp.status == S.PREPARING  # the MPP row holds verified values only
    assert report_rules.level_now(report) == MppReport.Level.MINISTRY
    assert list(report_selectors.report_queue(user=east_java_coordinator)) == []
    assert [r.pk for r in report_selectors.report_queue(user=verifier)] == [report.pk]
    # The coordinator never verifies at the ministry level.
    with pytest.raises(PermissionDenied, match="menunggu verifikasi kementerian"):
        reports.report_verify(user=east_java_coordinator, report=report)

    reports.report_verify(user=verifier, report=report, note="OK")
    report.refresh_from_db()
    batu_mpp.refresh_from_db()
    assert (report.state, report.decided_by) == (State.VERIFIED, verifier)
    assert batu_mpp.status == S.OPERATING
    assert report_selectors.pending_counts() == {"total": 0, "operating": 0}


def test_a_report_returned_by_the_province_goes_back_to_the_officer_with_the_reason(
    batu_officer, east_java_coordinator, batu_mpp
):
    report = _report(batu_officer, batu_mpp)
    reports.report_return(user=east_java_coordinator, report=report, reason="Berita acara belum ditandatangani")
    report.refresh_from_db()
    assert (report.state, report.returned_at_level, report.decided_by, report.decision_note) == (
        State.RETURNED, MppReport.Level.PROVINCE, east_java_coordinator, "Berita acara belum ditandatangani")
    assert report_rules.state_label(report) == "Dikembalikan provinsi"
    states = report_selectors.officer_report_states(mpps=[batu_mpp])
    assert [r.pk for r in states[batu_mpp.pk]["returned"]] == [report.pk]
    record = ChangeRecord.objects.filter(action=ChangeRecord.Action.RETURN).get()
    assert "dikembalikan provinsi" in record.note
    # The officer's home page shows it with the reason.
    page = client_for(batu_officer).get("/wilayah-saya/").content.decode()
    assert "Berita acara belum ditandatangani" in page
    assert f"Laporan #{report.pk} dikembalikan provinsi" in page
    waiting = _report(batu_officer, batu_mpp, note="Foto gedung")
    page = client_for(batu_officer).get("/wilayah-saya/").content.decode()
    assert f"Laporan #{waiting.pk} menunggu pemeriksaan provinsi" in page


def test_a_report_from_a_province_without_a_coordinator_goes_straight_to_the_ministry(
    semarang_officer, east_java_coordinator, central_java_coordinator, verifier, registry
):
    central_java_coordinator.is_active = False  # an inactive coordinator does not hold the province's check
    central_java_coordinator.save()
    mpp = mpp_in("33.74", name="MPP Kota Semarang")
    report = _report(semarang_officer, mpp)
    assert report_rules.level_now(report) == MppReport.Level.MINISTRY
    assert report_rules.state_label(report) == "Menunggu verifikasi"
    assert [r.pk for r in report_selectors.report_queue(user=verifier)] == [report.pk]
    with pytest.raises(PermissionDenied, match="bukan dari provinsi Anda"):
        reports.report_verify(user=east_java_coordinator, report=report)
    reports.report_verify(user=verifier, report=report)
    report.refresh_from_db()
    assert (report.state, report.checked_by) == (State.VERIFIED, None)


def test_a_coordinator_may_not_check_another_provinces_reports_on_page_or_api(
    semarang_officer, central_java_coordinator, east_java_coordinator, batu_officer, batu_mpp
):
    mpp = mpp_in("33.74", name="MPP Kota Semarang")
    semarang = _report(semarang_officer, mpp)
    batu = _report(batu_officer, batu_mpp)
    page, api = client_for(east_java_coordinator), api_for(east_java_coordinator)
    stamp = reports.report_stamp(semarang)
    # Reading is open to the coordinator as to staff; acting is not.
    assert page.get(f"/verifikasi/laporan/{semarang.pk}/").status_code == 200
    assert "Periksa dan teruskan" not in page.get(f"/verifikasi/laporan/{semarang.pk}/").content.decode()
    response = page.post(f"/verifikasi/laporan/{semarang.pk}/", {"decision": "verify", "note": "", "stamp": stamp})
    assert response.status_code == 403
    response = api.post(f"/api/reports/{semarang.pk}/verify/", {}, format="json")
    assert response.status_code == 403
    response = api.post(f"/api/reports/{semarang.pk}/return/", {"reason": "x"}, format="json")
    assert response.status_code == 403
    semarang.refresh_from_db()
    assert semarang.state == State.REPORTED
    # The queue holds only the province's own reports.
    queue = page.get("/verifikasi/").content.decode()
    assert f"/verifikasi/laporan/{batu.pk}/" in queue and f"/verifikasi/laporan/{semarang.pk}/" not in queue
    # Their own province's report: the page offers the check, the API does it.
    assert "Periksa dan teruskan" in page.get(f"/verifikasi/laporan/{batu.pk}/").content.decode()
    response = api.post(f"/api/reports/{batu.pk}/verify/", {"note": "cek"}, format="json")
    assert response.status_code == 200, response.content
    assert (response.json()["state"], response.json()["level"]) == ("checked", "ministry")
    assert response.json()["checked_by"] == east_java_coordinator.username


def test_a_coordinators_bulk_check_passes_only_their_provinces_reports(
    semarang_officer, central_java_coordinator, east_java_coordinator, batu_officer, batu_mpp, malang_mpp,
    malang_officer,
):
    semarang = _report(semarang_officer, mpp_in("33.74", name="MPP Kota Semarang"))
    batu = _report(batu_officer, batu_mpp)
    malang = _report(malang_officer, malang_mpp, note="Foto gedung")
    requested = [(r.pk, reports.report_stamp(r)) for r in (semarang, batu, malang)]
    batch = reports.report_batch_create(user=east_java_coordinator, requested=requested, note="cek massal")
    batch = report_batch_run(batch_id=batch.pk)
    outcomes = {item["report"]: item["outcome"] for item in batch.results}
    assert outcomes == {semarang.pk: "failed", batu.pk: "verified", malang.pk: "verified"}
    assert set(MppReport.objects.filter(state=State.CHECKED).values_list("pk", flat=True)) == {batu.pk, malang.pk}
    assert MppReport.objects.get(pk=semarang.pk).state == State.REPORTED


def test_the_coordinator_lands_on_the_province_dashboard_with_its_queue_and_cannot_reach_admin_pages(
    east_java_coordinator, batu_officer, batu_mpp
):
    _report(batu_officer, batu_mpp)
    client = client_for(east_java_coordinator)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/dasbor/provinsi/35/"
    page = client.get("/dasbor/provinsi/35/").content.decode()
    assert 'id="province-queue"' in page and "1 laporan kabupaten/kota menunggu pemeriksaan provinsi" in page
    assert 'id="province-queue"' not in client.get("/dasbor/provinsi/33/").content.decode()
    # The admin site and admin-only pages are not theirs.
    assert client.get("/admin/regions/mppreport/").status_code == 302
    assert client.get("/admin/").status_code == 302
    # Nor any write through scope(): an MPP change is refused.
    response = api_for(east_java_coordinator).post("/api/reports/", {"mpp": batu_mpp.pk, "version": 1, "note": "x"},
                                                  format="json")
    assert response.status_code == 403


def test_the_ministry_queue_says_how_many_reports_wait_for_a_province(
    batu_officer, east_java_coordinator, verifier, batu_mpp
):
    report = _report(batu_officer, batu_mpp)
    body = api_for(verifier).get("/api/reports/?level=province").json()
    assert [r["id"] for r in body["results"]] == [report.pk]
    assert body["results"][0]["state_label"] == "Menunggu pemeriksaan provinsi"
    assert api_for(verifier).get("/api/reports/?level=ministry").json()["results"] == []
    page = client_for(verifier).get("/verifikasi/").content.decode()
    assert 'id="waiting-for-provinces"' in page and "1 laporan menunggu pemeriksaan provinsi" in page


def test_coordinators_are_reminded_of_reports_waiting_for_their_check(
    batu_officer, east_java_coordinator, batu_mpp, mailoutbox
):
    east_java_coordinator.email = "biro@jatimprov.go.id"
    east_java_coordinator.save()
    _report(batu_officer, batu_mpp)
    sent = reports.report_reminders_send()
    assert sent.coordinators == {"biro-jatim": 1}
    assert sent.verifiers == {}
    assert any("pemeriksaan provinsi" in m.subject for m in mailoutbox)


def test_the_admin_list_shows_the_level_from_the_same_rule(admin_user, east_java_coordinator, batu_officer, batu_mpp):
    _report(batu_officer, batu_mpp)
    page = client_for(admin_user).get("/admin/regions/mppreport/").content.decode()
    assert "provinsi" in page


def test_evidence_of_a_report_is_served_to_the_coordinator(east_java_coordinator, batu_officer, batu_mpp):
    report = _report(batu_officer, batu_mpp, note="Foto", evidence=SimpleUploadedFile(
        "f.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"))
    assert client_for(east_java_coordinator).get(f"/verifikasi/laporan/{report.pk}/bukti/").status_code == 200


def test_coordinators_are_assigned_by_a_management_command(analyst):
    import io

    from django.core.management import CommandError, call_command

    from mpp_portal.access import coordinator_province_ids, role_of

    call_command("assign_coordinator", "analis", "35", stdout=io.StringIO())
    analyst.refresh_from_db()
    assert role_of(analyst) == Role.COORDINATOR and len(coordinator_province_ids(analyst)) == 1
    with pytest.raises(CommandError, match="99"):
        call_command("assign_coordinator", "analis", "99", stdout=io.StringIO())
