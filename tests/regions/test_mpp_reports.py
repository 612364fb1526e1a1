"""Officers' changes are reports; a verifier's verification makes them the MPP's verified values."""
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mpp_portal.audit import change_records_for
from mpp_portal.models import ChangeRecord
from regions import report_selectors, reports
from regions.models import Mpp, MppReport, StatusUpdate
from tests.regions.conftest import PDF_BYTES, mpp_in, upload

S = Mpp.Status
INAUGURATED = datetime.date(2023, 3, 14)


def test_an_officers_status_change_waits_for_verification_and_leaves_the_mpp_as_verified(batu_officer, batu_mpp):
    report = reports.mpp_change_submit(
        user=batu_officer, mpp=batu_mpp, version=batu_mpp.version, status=S.OPERATING,
        inaugurated_on=INAUGURATED, note="Diresmikan Wapres", evidence=upload("sk.pdf", PDF_BYTES),
    )
    batu_mpp.refresh_from_db()
    assert (batu_mpp.status, batu_mpp.inaugurated_on, batu_mpp.version) == (S.PREPARING, None, 1)
    assert (report.state, report.kind) == (MppReport.State.REPORTED, MppReport.Kind.STATUS)
    assert report.changes == {"status": ["preparing", "operating"], "inaugurated_on": [None, "2023-03-14"]}
    assert report_selectors.pending_counts() == {"total": 1, "operating": 1}
    assert ChangeRecord.objects.filter(action=ChangeRecord.Action.REPORT, user=batu_officer).count() == 1


def test_verification_applies_the_report_through_the_lifecycle_with_its_evidence(
    batu_officer, verifier, batu_mpp
):
    report = reports.mpp_change_submit(
        user=batu_officer, mpp=batu_mpp, version=1, status=S.OPERATING, inaugurated_on=INAUGURATED,
        tenant_count=28, note="SK terlampir", evidence=upload("sk.pdf", PDF_BYTES),
    )
    reports.report_verify(user=verifier, report=report, note="Sesuai SK")
    batu_mpp.refresh_from_db()
    report.refresh_from_db()
    assert (batu_mpp.status, batu_mpp.inaugurated_on, batu_mpp.tenant_count) == (S.OPERATING, INAUGURATED, 28)
    assert (report.state, report.decided_by, report.decision_note) == (MppReport.State.VERIFIED, verifier, "Sesuai SK")
    update = StatusUpdate.objects.get(mpp=batu_mpp)
    assert (update.to_status, update.by) == (S.OPERATING, batu_officer)
    assert update.evidence.read().startswith(b"%PDF")
    assert report_selectors.pending_counts() == {"total": 0, "operating": 0}
    actions = list(change_records_for(batu_mpp).order_by("pk").values_list("action", "user"))
    # One write through the regions gateway applies every value of the report.
    assert actions == [("report", batu_officer.pk), ("status", batu_officer.pk), ("verify", verifier.pk)]


def test_a_report_may_carry_only_a_note_and_evidence(batu_officer, batu_mpp):
    report = reports.mpp_change_submit(
        user=batu_officer, mpp=batu_mpp, version=1, note="Foto gedung terbaru",
        evidence=upload("foto.pdf", PDF_BYTES),
    )
    assert (report.kind, report.changes) == (MppReport.Kind.NOTE, {})


def test_a_report_with_nothing_in_it_is_refused(batu_officer, batu_mpp):
    with pytest.raises(ValidationError) as refused:
        reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, status=S.PREPARING)
    assert "note" in refused.value.message_dict
    assert not MppReport.objects.exists()


def test_every_error_of_a_submission_comes_at_once(batu_officer, batu_mpp):
    future = datetime.date.today() + datetime.timedelta(days=30)
    with pytest.raises(ValidationError) as refused:
        reports.mpp_change_submit(
            user=batu_officer, mpp=batu_mpp, version=1, status=S.OPERATING, tenant_count=-1, service_count=0,
            inaugurated_on=future, oss_integrated=True, oss_integrated_on=future, latitude=200,
            evidence=upload("x.pdf", b"<html></html>"),
        )
    errors = refused.value.message_dict
    assert {"tenant_count", "service_count", "inaugurated_on", "oss_integrated_on", "latitude", "evidence"} <= set(errors)
    assert not MppReport.objects.exists()


def test_an_officer_cannot_report_a_move_back(batu_officer):
    mpp = mpp_in("35.79", status=S.OPERATING)
    with pytest.raises(ValidationError) as refused:
        reports.mpp_change_submit(user=batu_officer, mpp=mpp, version=1, status=S.PREPARING, note="salah")
    assert "admin" in refused.value.message_dict["status"][0]


def test_a_verified_value_is_locked_a_later_officer_change_is_a_new_report(batu_officer, verifier, batu_mpp):
    first = reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=28, note="SK")
    reports.report_verify(user=verifier, report=first)
    batu_mpp.refresh_from_db()
    second = reports.mpp_change_submit(
        user=batu_officer, mpp=batu_mpp, version=batu_mpp.version, tenant_count=30, note="SK baru"
    )
    batu_mpp.refresh_from_db()
    assert batu_mpp.tenant_count == 28
    assert second.changes == {"tenant_count": [28, 30]} and second.state == MppReport.State.REPORTED


def test_a_report_based_on_values_that_changed_since_cannot_be_verified(batu_officer, verifier, batu_mpp):
    first = reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=28, note="a")
    second = reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=30, note="b")
    reports.report_verify(user=verifier, report=first)
    with pytest.raises(ValidationError):
        reports.report_verify(user=verifier, report=second)
    batu_mpp.refresh_from_db()
    assert batu_mpp.tenant_count == 28


def test_a_returned_report_keeps_the_mpp_and_tells_the_officer_why(batu_officer, verifier, batu_mpp):
    report = reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=28, note="SK")
    with pytest.raises(ValidationError):
        reports.report_return(user=verifier, report=report, reason="  ")
    reports.report_return(user=verifier, report=report, reason="SK tidak terbaca")
    batu_mpp.refresh_from_db()
    assert batu_mpp.tenant_count == 26
    states = report_selectors.officer_report_states(mpps=[batu_mpp])[batu_mpp.pk]
    assert [r.decision_note for r in states["returned"]] == ["SK tidak terbaca"]
    with pytest.raises(ValidationError):
        reports.report_verify(user=verifier, report=report)


def test_an_admins_change_is_verified_on_entry(admin_user, batu_mpp):
    report = reports.mpp_change_submit(user=admin_user, mpp=batu_mpp, version=1, tenant_count=27,
                                       note="Koreksi dari SK")
    batu_mpp.refresh_from_db()
    assert batu_mpp.tenant_count == 27
    assert (report.state, report.decided_by) == (MppReport.State.VERIFIED, admin_user)


@pytest.mark.parametrize("actor", ["analyst", "batu_officer", "malang_officer"])
def test_only_verifiers_and_admins_verify_or_return(request, actor, batu_officer, batu_mpp):
    report = reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=28, note="SK")
    user = request.getfixturevalue(actor)
    with pytest.raises(PermissionDenied):
        reports.report_verify(user=user, report=report)
    with pytest.raises(PermissionDenied):
        reports.report_return(user=user, report=report, reason="tidak")
    report.refresh_from_db()
    assert report.state == MppReport.State.REPORTED


def test_another_regions_officer_cannot_report_on_this_mpp(malang_officer, batu_mpp):
    with pytest.raises(PermissionDenied):
        reports.mpp_change_submit(user=malang_officer, mpp=batu_mpp, version=1, tenant_count=3, note="x")
    assert not MppReport.objects.exists()


def test_bulk_verification_skips_and_lists_a_report_changed_after_the_page_was_shown(
    batu_officer, malang_officer, verifier, second_admin, batu_mpp
):
    malang = mpp_in("35.73", name="MPP Kota Malang", inaugurated_on=None)
    one = reports.mpp_change_submit(user=batu_officer, mpp=batu_mpp, version=1, tenant_count=28, note="SK")
    two = reports.mpp_change_submit(user=malang_officer, mpp=malang, version=1, status=S.OPERATING,
                                    inaugurated_on=INAUGURATED, note="Diresmikan")
    shown = [(r.pk, reports.report_stamp(r)) for r in report_selectors.report_queue(user=verifier)]
    reports.report_return(user=second_admin, report=two, reason="Bukti belum dilampirkan")
    batch = reports.report_batch_create(user=verifier, requested=shown, note="Verifikasi mingguan")
    batch = reports.report_batch_run(batch_id=batch.pk)
    assert [(r["report"], r["outcome"]) for r in batch.results] == [(one.pk, "verified"), (two.pk, "skipped")]
    malang.refresh_from_db()
    batu_mpp.refresh_from_db()
    assert (batu_mpp.tenant_count, malang.status) == (28, S.PREPARING)
    assert reports.report_batch_run(batch_id=batch.pk).results == batch.results
