"""The MPP Digital checklist: the region's officer fills it in, only admins verify it."""
import pytest

from mpp_portal.audit import change_records_for
from quality.models import ReadinessCheck, ReadinessCriterion
from tests.conftest import api_for, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def batu_mpp(make_mpp):
    return make_mpp("35.79", "MPP Among Warga")


def fill(user, mpp, met=True, note="Antrean daring di aplikasi"):
    return api_for(user).post("/api/readiness-checks/",
                              {"mpp": mpp.pk, "criterion": "queue", "met": met, "evidence_note": note})


def test_eleven_criteria_are_seeded_in_order():
    assert list(ReadinessCriterion.objects.values_list("key", flat=True))[:2] == ["general_information", "queue"]
    assert ReadinessCriterion.objects.count() == 11


def test_the_officer_of_the_region_fills_in_a_criterion(batu_mpp, batu_officer):
    response = fill(batu_officer, batu_mpp)
    assert response.status_code == 200, response.content
    check = ReadinessCheck.objects.get()
    assert (check.met, check.checked_by, check.verified_at) == (True, batu_officer, None)
    assert change_records_for(check).get().user == batu_officer


def test_the_officer_fills_in_from_the_page_too(batu_mpp, batu_officer):
    client = client_for(batu_officer)
    assert "Antrean" in client.get(f"/kualitas/mpp/{batu_mpp.pk}/").content.decode()
    response = client.post(f"/kualitas/mpp/{batu_mpp.pk}/kesiapan/queue/", {"met": "on", "evidence_note": "ada"})
    assert response.status_code == 302
    assert ReadinessCheck.objects.get().evidence_note == "ada"


def test_an_officer_of_another_region_is_refused_and_nothing_changes(batu_mpp, malang_officer):
    assert fill(malang_officer, batu_mpp).status_code == 403
    response = client_for(malang_officer).post(f"/kualitas/mpp/{batu_mpp.pk}/kesiapan/queue/", {"met": "on"})
    assert response.status_code == 403
    assert not ReadinessCheck.objects.exists()


def test_ministry_staff_may_read_but_not_fill_in(batu_mpp, analyst):
    assert fill(analyst, batu_mpp).status_code == 403
    assert not ReadinessCheck.objects.exists()
    assert api_for(analyst).get("/api/readiness-checks/").status_code == 200


def test_an_admin_verifies_and_an_officer_cannot(batu_mpp, batu_officer, admin_user):
    check_id = fill(batu_officer, batu_mpp).json()["id"]
    assert api_for(batu_officer).post(f"/api/readiness-checks/{check_id}/verify/").status_code == 403
    assert client_for(batu_officer).post(f"/kualitas/kesiapan/{check_id}/verifikasi/").status_code == 403
    assert ReadinessCheck.objects.get().verified_at is None
    response = api_for(admin_user).post(f"/api/readiness-checks/{check_id}/verify/")
    assert response.status_code == 200 and response.json()["verified_by"] == admin_user.username
    assert api_for(admin_user).get("/api/readiness-checks/?verified=true").json()["count"] == 1


def test_changing_a_verified_answer_withdraws_the_verification(batu_mpp, batu_officer, admin_user):
    check_id = fill(batu_officer, batu_mpp).json()["id"]
    api_for(admin_user).post(f"/api/readiness-checks/{check_id}/verify/")
    assert fill(batu_officer, batu_mpp).json()["verified_at"] is not None  # the same answer again changes nothing
    response = fill(batu_officer, batu_mpp, met=False, note="aplikasi antrean dihentikan")
    assert response.json()["verified_at"] is None and response.json()["met"] is False
    latest = change_records_for(ReadinessCheck.objects.get()).first()
    assert "Verifikasi dicabut" in latest.note
    assert api_for(admin_user).get("/api/readiness-checks/?verified=false&criterion=queue").json()["count"] == 1


def test_the_admin_sees_a_verify_button_and_the_officer_does_not(batu_mpp, batu_officer, admin_user):
    fill(batu_officer, batu_mpp)
    assert "Verifikasi</button>" not in client_for(batu_officer).get(f"/kualitas/mpp/{batu_mpp.pk}/").content.decode()
    page = client_for(admin_user).get(f"/kualitas/mpp/{batu_mpp.pk}/").content.decode()
    assert "Verifikasi</button>" in page
