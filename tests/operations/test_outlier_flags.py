"""Implausible values are accepted and flagged: a modified z-score above 3.5 on the MPP's past 12 months,
or zero visitors on reported opening days. Verifiers resolve flags with a note."""
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from operations import rules, services
from operations.models import OperationsFlag

# Median 1000; absolute deviations 0,0,5,5,10,10,10,10,15,15,20,20: MAD 10.
SERIES = [1000, 1020, 980, 1010, 990, 1005, 995, 1015, 985, 1000, 1010, 990]
MONTHS = [datetime.date(2024, m, 1) for m in range(6, 13)] + [datetime.date(2025, m, 1) for m in range(1, 6)]
NEXT = datetime.date(2025, 6, 1)


def test_the_modified_z_score_of_a_known_series():
    assert rules.modified_z_score(1100, SERIES) == pytest.approx(0.6745 * 100 / 10)
    assert rules.modified_z_score(1050, SERIES) == pytest.approx(3.3725)
    assert rules.modified_z_score(900, SERIES) == pytest.approx(-6.745)


def test_a_history_without_spread_or_too_short_gives_no_score():
    assert rules.modified_z_score(5000, [1000] * 12) is None
    assert rules.modified_z_score(5000, SERIES[:5]) is None


@pytest.fixture
def with_history(submit, admin_user, batu_mpp):
    for month, visitors in zip(MONTHS, SERIES):
        submit(admin_user, batu_mpp, month=month, visitors=visitors, transactions=1500 + (visitors - 1000))
    return batu_mpp


@pytest.mark.parametrize("visitors, flagged", [(1100, True), (1052, True), (1050, False), (948, True), (1000, False)])
def test_a_value_far_from_the_mpps_own_12_months_is_accepted_and_flagged(
        submit, batu_officer, with_history, visitors, flagged):
    report = submit(batu_officer, with_history, month=NEXT, visitors=visitors, transactions=1500)
    assert report.state == "reported"
    flags = list(report.flags.filter(field="visitors"))
    assert bool(flags) is flagged
    if flagged:
        assert flags[0].kind == "outlier"
        assert abs(flags[0].score) > 3.5
        assert flags[0].median == 1000


def test_zero_visitors_on_reported_opening_days_is_flagged(submit, batu_officer, batu_mpp):
    report = submit(batu_officer, batu_mpp, visitors=0, opening_days=20)
    assert [(f.kind, f.field) for f in report.flags.all()] == [("zero_visitors", "visitors")]


def test_zero_visitors_on_zero_opening_days_is_not_flagged(submit, batu_officer, batu_mpp):
    report = submit(batu_officer, batu_mpp, visitors=0, transactions=0, opening_days=0, complaints_received=0,
                    complaints_resolved=0)
    assert not report.flags.exists()


def test_a_verifier_resolves_a_flag_with_a_note(submit, batu_officer, verifier, batu_mpp):
    flag = submit(batu_officer, batu_mpp, visitors=0).flags.get()
    with pytest.raises(ValidationError):
        services.operations_flag_resolve(user=verifier, flag=flag, note="  ")
    services.operations_flag_resolve(user=verifier, flag=flag, note="Gedung ditutup banjir; petugas salah isi hari buka.")
    flag.refresh_from_db()
    assert flag.resolved_by == verifier and flag.resolution_note.startswith("Gedung ditutup")
    with pytest.raises(ValidationError):
        services.operations_flag_resolve(user=verifier, flag=flag, note="lagi")


def test_an_officer_or_analyst_may_not_resolve_a_flag(submit, batu_officer, analyst, batu_mpp):
    flag = submit(batu_officer, batu_mpp, visitors=0).flags.get()
    for user in (batu_officer, analyst):
        with pytest.raises(PermissionDenied):
            services.operations_flag_resolve(user=user, flag=flag, note="ok")
    assert OperationsFlag.objects.get().resolved_at is None


def test_flags_are_listed_for_verifiers_and_resolved_on_the_page(submit, batu_officer, verifier, batu_mpp):
    from tests.conftest import client_for

    flag = submit(batu_officer, batu_mpp, visitors=0).flags.get()
    page = client_for(verifier).get("/operasional/tanda/")
    assert page.status_code == 200 and "MPP Among Warga" in page.content.decode()
    response = client_for(verifier).post(f"/operasional/tanda/{flag.pk}/selesai/", {"note": "Sudah dicek."})
    assert response.status_code == 302
    assert OperationsFlag.objects.get().resolution_note == "Sudah dicek."
    assert "MPP Among Warga" not in client_for(verifier).get("/operasional/tanda/").content.decode()
