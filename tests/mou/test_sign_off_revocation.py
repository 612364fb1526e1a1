import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mou import services
from mou.models import Agreement, SignOffRevocation
from mou.services import SignOffConflict
from mpp_portal.models import ChangeRecord
from tests.conftest import api_for, client_for


@pytest.fixture
def signed_off(national_mou, admin_user):
    party = national_mou.parties.get(institution__short_name="BNN")
    return services.agreement_party_sign_off(user=admin_user, party=party)


def test_a_reason_is_required_to_revoke(signed_off, second_admin):
    with pytest.raises(ValidationError) as error:
        services.agreement_party_revoke(user=second_admin, party=signed_off, reason="  ")
    assert "reason" in error.value.message_dict
    response = api_for(second_admin).post(f"/api/agreement-parties/{signed_off.pk}/revoke/", {"reason": ""})
    assert response.status_code == 400 and "reason" in response.json()
    signed_off.refresh_from_db()
    assert signed_off.is_signed_off


def test_a_revocation_is_recorded_with_who_signed_off_and_why(signed_off, admin_user, second_admin):
    response = api_for(second_admin).post(
        f"/api/agreement-parties/{signed_off.pk}/revoke/", {"reason": "Nama penanda tangan keliru"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["signed_off_by"] is None
    assert body["revocations"][0]["reason"] == "Nama penanda tangan keliru"
    revocation = SignOffRevocation.objects.get(party=signed_off)
    assert (revocation.signed_off_by, revocation.revoked_by) == (admin_user, second_admin)
    record = ChangeRecord.objects.get(action="revoke")
    assert record.note == "Nama penanda tangan keliru" and record.user == second_admin


def test_revoking_on_the_page_shows_in_the_history(signed_off, second_admin):
    client = client_for(second_admin)
    response = client.post(f"/nota-kesepahaman/pihak/{signed_off.pk}/cabut/", {"reason": "Salah rekam nama penanda tangan"}, follow=True)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Pengesahan dicabut" in body and "Salah rekam nama penanda tangan" in body and "Disahkan" in body


def test_only_admins_revoke(signed_off, analyst, batu_officer):
    for user in (analyst, batu_officer):
        with pytest.raises(PermissionDenied):
            services.agreement_party_revoke(user=user, party=signed_off, reason="x")
        assert api_for(user).post(f"/api/agreement-parties/{signed_off.pk}/revoke/", {"reason": "x"}).status_code == 403
        page = client_for(user).post(f"/nota-kesepahaman/pihak/{signed_off.pk}/cabut/", {"reason": "x"})
        assert page.status_code == 403
    signed_off.refresh_from_db()
    assert signed_off.is_signed_off and not SignOffRevocation.objects.exists()


def test_revoking_a_record_that_is_not_signed_off_is_a_conflict(national_mou, admin_user):
    party = national_mou.parties.get(institution__short_name="BPOM")
    with pytest.raises(SignOffConflict):
        services.agreement_party_revoke(user=admin_user, party=party, reason="x")
    assert api_for(admin_user).post(f"/api/agreement-parties/{party.pk}/revoke/", {"reason": "x"}).status_code == 409


def test_a_signed_off_record_is_locked_until_revoked(signed_off, second_admin):
    with pytest.raises(SignOffConflict):
        services.agreement_party_update(user=second_admin, party=signed_off, signatory_name="Baru")
    response = api_for(second_admin).patch(f"/api/agreement-parties/{signed_off.pk}/", {"signatory_name": "Baru"})
    assert response.status_code == 409
    services.agreement_party_revoke(user=second_admin, party=signed_off, reason="Perlu koreksi jabatan penanda tangan")
    services.agreement_party_update(user=second_admin, party=signed_off, signatory_name="Baru")
    signed_off.refresh_from_db()
    assert signed_off.signatory_name == "Baru" and signed_off.last_edited_by == second_admin
    assert Agreement.objects.get(pk=signed_off.agreement_id).status == Agreement.Status.SIGNED


def test_a_one_word_reason_is_refused_with_the_rule_and_nothing_changes(signed_off, second_admin):
    for path, client in ((f"/api/agreement-parties/{signed_off.pk}/revoke/", api_for(second_admin)),):
        response = client.post(path, {"reason": "Salah"})
        assert response.status_code == 400
        assert "paling sedikit 20 karakter" in response.json()["reason"][0]
    page = client_for(second_admin).post(f"/nota-kesepahaman/pihak/{signed_off.pk}/cabut/", {"reason": "x"},
                                         follow=True)
    assert "paling sedikit 20 karakter" in page.text
    signed_off.refresh_from_db()
    assert signed_off.is_signed_off and not SignOffRevocation.objects.exists()
