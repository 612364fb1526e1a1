"""The officer's and the verifier's pages: the status form's default and offered moves, reports without a
status change, every error at once, the queue, verify and return, bulk verification, the officer's landing
page, and the pending reports beside the verified figures."""
import datetime

import pytest
from django.core import mail
from django.utils import timezone

from dashboards.services import progress_recompute
from mpp_portal.access import Role
from mpp_portal.accounts import user_role_set
from regions import reports
from regions.models import Mpp, MppReport, MppReportBatch
from tests.conftest import PASSWORD, client_for
from tests.regions.conftest import HTML_BYTES, PDF_BYTES, mpp_in, upload

S = Mpp.Status
STATUSES = [S.PLANNED, S.COMMITTED, S.PREPARING, S.OPERATING, S.SUSPENDED]
# Written out independently of regions/lifecycle.py: what an officer is offered from each status.
OFFICER_OFFERS = {
    S.PLANNED: {S.COMMITTED, S.PREPARING, S.OPERATING, S.SUSPENDED},
    S.COMMITTED: {S.PREPARING, S.OPERATING, S.SUSPENDED},
    S.PREPARING: {S.OPERATING, S.SUSPENDED},
    S.OPERATING: {S.SUSPENDED},
    S.SUSPENDED: {S.OPERATING},
}


def offered(page: str) -> set[str]:
    return {value for value in S.values if f'name="status" value="{value}"' in page}


def checked(page: str) -> str:
    start = page.index('name="status"')
    tag = page[page.rfind("<input", 0, start):page.index(">", start)]
    assert "checked" in tag, tag
    return tag.split('value="')[1].split('"')[0]


@pytest.mark.django_db
@pytest.mark.parametrize("current", STATUSES)
def test_the_status_form_starts_on_the_current_status_and_offers_the_officer_only_legal_moves(batu_officer, current):
    mpp = mpp_in("35.79", status=current)
    page = client_for(batu_officer).get(f"/mpp/{mpp.pk}/status/").content.decode()
    assert checked(page) == current
    assert offered(page) == OFFICER_OFFERS[current] | {current}
    refused = set(S.values) - OFFICER_OFFERS[current] - {current}
    for status in refused:
        assert f"<strong>{S(status).label}</strong>: Mundur dari" in page
    if S.OPERATING in OFFICER_OFFERS[current]:
        assert "Beroperasi — perlu: tanggal peresmian (tidak di masa depan); sedikitnya 1 instansi/UPP" in page


@pytest.mark.django_db
@pytest.mark.parametrize("current", STATUSES)
def test_an_admin_is_offered_every_status_with_corrections_needing_a_reason(admin_user, current):
    mpp = mpp_in("35.79", status=current)
    page = client_for(admin_user).get(f"/mpp/{mpp.pk}/status/").content.decode()
    assert checked(page) == current
    assert offered(page) == set(S.values)
    assert "Perubahan yang tidak tersedia" not in page


def test_saving_the_status_form_unchanged_reports_a_note_and_evidence_without_a_status_change(batu_officer):
    mpp = mpp_in("35.79", status=S.OPERATING)
    response = client_for(batu_officer).post(f"/mpp/{mpp.pk}/status/", {
        "status": "operating", "inaugurated_on": "2022-12-05", "tenant_count": 28, "service_count": 207,
        "note": "26 UPP → 28 UPP, SK terlampir", "evidence": upload("sk.pdf", PDF_BYTES), "version": 1,
    })
    assert response.status_code == 302
    report = MppReport.objects.get(mpp=mpp)
    assert (report.kind, report.changes) == (MppReport.Kind.DATA, {"tenant_count": [26, 28]})
    mpp.refresh_from_db()
    assert (mpp.status, mpp.tenant_count) == (S.OPERATING, 26)


def test_the_status_form_reports_every_error_at_once(batu_officer, batu_mpp):
    future = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    page = client_for(batu_officer).post(f"/mpp/{batu_mpp.pk}/status/", {
        "status": "operating", "inaugurated_on": future, "tenant_count": -1, "service_count": 0,
        "evidence": upload("sk.pdf", HTML_BYTES), "version": 1,
    }).content.decode()
    for message in ("Tanggal peresmian tidak boleh di masa depan", "sedikitnya 1 layanan", "bukan PDF, JPEG atau PNG",
                    "lebih besar dari atau sama dengan 0"):
        assert message in page, message
    assert not MppReport.objects.exists()


def test_the_edit_form_reports_every_error_at_once(batu_officer, batu_mpp):
    future = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    page = client_for(batu_officer).post(f"/mpp/{batu_mpp.pk}/ubah/", {
        "name": batu_mpp.name, "tenant_count": -3, "service_count": 207, "digital_status": "none",
        "oss_integrated": "on", "oss_integrated_on": future, "latitude": "200", "version": 1,
    }).content.decode()
    for message in ("lebih besar dari atau sama dengan 0", "Tanggal tidak boleh di masa depan",
                    "lebih kecil dari atau sama dengan 90"):
        assert message in page, message


def test_an_officer_lands_on_wilayah_saya_and_staff_on_the_dashboard(client, batu_officer, analyst):
    response = client.post("/masuk/", {"username": batu_officer.username, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/wilayah-saya/"
    client.logout()
    response = client.post("/masuk/", {"username": analyst.username, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/dasbor/"


def test_the_verifier_sees_the_queue_with_before_after_and_evidence_and_overdue_flags(
    batu_officer, malang_officer, verifier, batu_mpp
):
    report = reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=28,
                                       note="SK terlampir", evidence=upload("sk.pdf", PDF_BYTES))
    malang = mpp_in("35.73", name="MPP Kota Malang")
    old = reports.mpp_change_submit(user=malang_officer, mpp=malang, version=1, status=S.OPERATING, note="Diresmikan")
    MppReport.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    client = client_for(verifier)
    queue = client.get("/verifikasi/").content.decode()
    assert f"/verifikasi/laporan/{report.pk}/" in queue and f"/verifikasi/laporan/{old.pk}/" in queue
    assert queue.count("lewat 7 hari") == 1
    only_old = client.get("/verifikasi/", {"older_than": 7}).content.decode()
    assert f"/verifikasi/laporan/{report.pk}/" not in only_old and f"/verifikasi/laporan/{old.pk}/" in only_old
    only_status = client.get("/verifikasi/", {"kind": "status", "province": "35"}).content.decode()
    assert f"/verifikasi/laporan/{report.pk}/" not in only_status
    detail = client.get(f"/verifikasi/laporan/{report.pk}/").content.decode()
    assert "<td>26</td><td><strong>28</strong></td>" in detail
    assert f"/verifikasi/laporan/{report.pk}/bukti/" in detail
    assert client.get(f"/verifikasi/laporan/{report.pk}/bukti/").getvalue().startswith(b"%PDF")


def test_the_verifier_verifies_one_report_and_returns_another_which_the_officer_sees(
    batu_officer, verifier, batu_mpp
):
    first = reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=28, note="SK")
    client = client_for(verifier)
    response = client.post(f"/verifikasi/laporan/{first.pk}/", {
        "decision": "verify", "note": "Sesuai SK", "stamp": reports.report_stamp(first)})
    assert response.status_code == 302
    batu_mpp.refresh_from_db()
    assert batu_mpp.tenant_count == 28
    second = reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=batu_mpp.version, service_count=300,
                                       note="SK layanan")
    refused = client.post(f"/verifikasi/laporan/{second.pk}/", {"decision": "return", "note": "",
                                                                "stamp": reports.report_stamp(second)})
    assert "Alasan pengembalian wajib diisi" in refused.content.decode()
    client.post(f"/verifikasi/laporan/{second.pk}/", {"decision": "return", "note": "SK tidak terbaca",
                                                      "stamp": reports.report_stamp(second)})
    home = client_for(batu_officer).get("/wilayah-saya/").content.decode()
    assert f"Laporan #{second.pk} dikembalikan" in home and "SK tidak terbaca" in home
    batu_mpp.refresh_from_db()
    assert batu_mpp.service_count == 207


def test_a_verifier_does_not_decide_on_a_report_shown_before_it_changed(batu_officer, verifier, second_admin,
                                                                         batu_mpp):
    report = reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=28, note="SK")
    stamp = reports.report_stamp(report)
    reports.report_return(user=second_admin, report=report, reason="Bukti kurang")
    page = client_for(verifier).post(f"/verifikasi/laporan/{report.pk}/", {"decision": "verify", "stamp": stamp})
    assert "Laporan berubah setelah halaman ditampilkan" in page.content.decode()
    batu_mpp.refresh_from_db()
    assert batu_mpp.tenant_count == 26


def test_the_waiting_reports_show_on_wilayah_saya(batu_officer, batu_mpp):
    report = reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=28, note="SK")
    home = client_for(batu_officer).get("/wilayah-saya/").content.decode()
    assert f"Laporan #{report.pk} menunggu verifikasi" in home


def test_bulk_verification_from_the_queue_runs_as_a_job_and_lists_what_it_skipped(
    batu_officer, malang_officer, verifier, second_admin, batu_mpp
):
    malang = mpp_in("35.73", name="MPP Kota Malang")
    one = reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=28, note="SK")
    two = reports.mpp_change_submit(user=malang_officer, mpp=malang, version=1, status=S.OPERATING, note="Resmi")
    client = client_for(verifier)
    queue = client.get("/verifikasi/").content.decode()
    shown = queue.split('name="reports" value="')[1].split('"')[0]
    reports.report_return(user=second_admin, report=two, reason="Tanggal peresmian salah")
    response = client.post("/verifikasi/", {"reports": shown, "note": "Periksa mingguan", "confirm": "on"})
    batch = MppReportBatch.objects.get()
    assert response.url == f"/verifikasi/massal/{batch.pk}/"
    assert batch.state == MppReportBatch.State.QUEUED
    reports.report_batch_run(batch_id=batch.pk)
    page = client.get(response.url).content.decode()
    assert "Dilewati: berubah setelah saringan ditampilkan" in page and "Diverifikasi" in page
    batu_mpp.refresh_from_db()
    malang.refresh_from_db()
    assert (batu_mpp.tenant_count, malang.status) == (28, S.PREPARING)
    one.refresh_from_db()
    assert one.state == MppReport.State.VERIFIED


def test_bulk_verification_needs_the_confirmation(batu_officer, verifier, batu_mpp):
    reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=28, note="SK")
    client = client_for(verifier)
    shown = client.get("/verifikasi/").content.decode().split('name="reports" value="')[1].split('"')[0]
    assert client.post("/verifikasi/", {"reports": shown}).status_code == 200
    assert not MppReportBatch.objects.exists()


def test_verified_figures_ignore_an_unverified_report_and_count_it_once_verified(malang_officer, verifier, analyst):
    malang = mpp_in("35.73", name="MPP Kota Malang", inaugurated_on=None)
    progress_recompute()
    before = client_for(analyst).get("/dasbor/").content.decode()
    report = reports.mpp_change_submit(
        user=malang_officer, mpp=malang, version=1, status=S.OPERATING, inaugurated_on=datetime.date(2023, 5, 2),
        note="Diresmikan", evidence=upload("sk.pdf", PDF_BYTES),
    )
    progress_recompute()
    waiting = client_for(analyst).get("/dasbor/").content.decode()
    assert "+ 1 MPP beroperasi menunggu verifikasi" in waiting
    assert "+ 1 MPP beroperasi menunggu verifikasi" in client_for(None).get("/ringkasan/").content.decode()
    tile = before.split('class="tile-value">')[1].split("<")[0]
    assert waiting.split('class="tile-value">')[1].split("<")[0] == tile
    reports.report_verify(user=verifier, report=report)
    progress_recompute()
    after = client_for(analyst).get("/dasbor/").content.decode()
    assert int(after.split('class="tile-value">')[1].split("<")[0]) == int(tile) + 1
    assert "menunggu verifikasi" not in after


def test_the_weekly_reminder_tells_verifiers_their_overdue_count_and_officers_their_returned_reports(
    batu_officer, verifier, second_admin, batu_mpp
):
    for user, email in ((verifier, "verifikator@example.go.id"), (batu_officer, "petugas@example.go.id")):
        user.email = email
        user.save()
    late = reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=28, note="SK")
    MppReport.objects.filter(pk=late.pk).update(created_at=timezone.now() - datetime.timedelta(days=9))
    malang = mpp_in("35.79", name="MPP Batu Kedua")
    returned = reports.mpp_change_submit(user=batu_officer, mpp=malang, version=1, tenant_count=5, note="x")
    reports.report_return(user=second_admin, report=returned, reason="SK tidak terbaca")
    outcome = reports.report_reminders_send()
    assert outcome.verifiers == {"verifikator": 1} and outcome.officers == {batu_officer.username: 1}
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "1 laporan" in bodies["verifikator@example.go.id"]
    assert "SK tidak terbaca" in bodies["petugas@example.go.id"]


def test_an_admin_gives_the_verifier_role_and_the_queue_opens(analyst):
    assert client_for(analyst).get("/verifikasi/").status_code == 403
    user_role_set(user=analyst, role=Role.VERIFIER)
    analyst.refresh_from_db()
    assert client_for(analyst).get("/verifikasi/").status_code == 200
