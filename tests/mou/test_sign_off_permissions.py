"""Who may sign off a party record, on the page and through the API; a refusal changes nothing."""
import pytest

from mou import services
from mou.models import AgreementParty
from mpp_portal.models import ChangeRecord
from tests.conftest import api_for, client_for


@pytest.fixture
def party(national_mou, admin_user):
    """The Polri record of the national MoU, last edited by ``admin_user``."""
    record = national_mou.parties.get(institution__short_name="Polri")
    return services.agreement_party_update(user=admin_user, party=record, signatory_name="Listyo Sigit Prabowo")


def _unchanged(party):
    party.refresh_from_db()
    return party.signed_off_at is None and not ChangeRecord.objects.filter(action="sign_off").exists()


def test_anonymous_visitors_are_sent_to_login_and_nothing_changes(party):
    response = client_for(None).post(f"/nota-kesepahaman/pihak/{party.pk}/sahkan/")
    assert response.status_code == 302 and "/masuk/" in response["Location"]
    assert api_for(None).post(f"/api/agreement-parties/{party.pk}/sign-off/").status_code in (401, 403)
    assert _unchanged(party)


@pytest.mark.parametrize("actor", ["analyst", "batu_officer"])
def test_ministry_staff_and_officers_get_403_and_nothing_changes(party, actor, request):
    user = request.getfixturevalue(actor)
    assert client_for(user).post(f"/nota-kesepahaman/pihak/{party.pk}/sahkan/").status_code == 403
    assert api_for(user).post(f"/api/agreement-parties/{party.pk}/sign-off/").status_code == 403
    assert _unchanged(party)


def test_the_admin_who_last_edited_the_record_may_not_sign_it_off(party, admin_user):
    assert client_for(admin_user).post(f"/nota-kesepahaman/pihak/{party.pk}/sahkan/").status_code == 403
    response = api_for(admin_user).post(f"/api/agreement-parties/{party.pk}/sign-off/")
    assert response.status_code == 403
    assert "empat mata" in response.json()["detail"]
    assert _unchanged(party)


def test_another_admin_signs_it_off_on_the_page(party, second_admin):
    response = client_for(second_admin).post(f"/nota-kesepahaman/pihak/{party.pk}/sahkan/", {"confirm": "1"})
    assert response.status_code == 302
    party.refresh_from_db()
    assert party.signed_off_by == second_admin and party.signed_off_at is not None
    record = ChangeRecord.objects.get(action="sign_off")
    assert record.user == second_admin and record.object_id == str(party.pk)


def test_another_admin_signs_it_off_through_the_api(party, second_admin):
    response = api_for(second_admin).post(f"/api/agreement-parties/{party.pk}/sign-off/")
    assert response.status_code == 200
    assert response.json()["signed_off_by"] == second_admin.username
    assert AgreementParty.objects.get(pk=party.pk).signed_off_by == second_admin


def test_signing_off_twice_is_refused_with_a_clear_message(party, second_admin):
    api = api_for(second_admin)
    assert api.post(f"/api/agreement-parties/{party.pk}/sign-off/").status_code == 200
    again = api.post(f"/api/agreement-parties/{party.pk}/sign-off/")
    assert again.status_code == 409
    assert "sudah disahkan" in again.json()["detail"]
    page = client_for(second_admin).post(f"/nota-kesepahaman/pihak/{party.pk}/sahkan/", follow=True)
    assert "sudah disahkan" in page.content.decode()
    assert ChangeRecord.objects.filter(action="sign_off").count() == 1


def test_a_record_nobody_edited_may_be_signed_off_by_any_admin(national_mou, admin_user):
    loaded = national_mou.parties.get(institution__short_name="BPOM")
    assert loaded.last_edited_by is None
    services.agreement_party_sign_off(user=admin_user, party=loaded)
    loaded.refresh_from_db()
    assert loaded.signed_off_by == admin_user
