"""Four eyes over the whole history: no one who ever changed a party's content signs it off, an empty
edit is no edit, and no admin can act as another admin."""
import pytest

from mou import services
from mou.models import AgreementParty
from mpp_portal.access import Role
from mpp_portal.models import ApiToken, ChangeRecord
from tests.conftest import PASSWORD, _actor, api_for, client_for


@pytest.fixture
def third_admin(registry):
    return _actor("admin-ketiga", Role.ADMIN)


@pytest.fixture
def party(national_mou, admin_user):
    """The Polri record of the national MoU, whose content ``admin_user`` wrote."""
    record = national_mou.parties.get(institution__short_name="Polri")
    return services.agreement_party_update(user=admin_user, party=record, signatory_name="Listyo Sigit Prabowo")


def _sign_off(user, party):
    return api_for(user).post(f"/api/agreement-parties/{party.pk}/sign-off/")


def test_an_admin_who_edited_earlier_may_not_sign_off_after_another_edit(party, admin_user, second_admin,
                                                                          third_admin):
    services.agreement_party_update(user=second_admin, party=party, signatory_title="Kapolri")
    assert _sign_off(admin_user, party).status_code == 403
    assert _sign_off(second_admin, party).status_code == 403
    assert client_for(admin_user).post(f"/nota-kesepahaman/pihak/{party.pk}/sahkan/").status_code == 403
    response = _sign_off(third_admin, party)
    assert response.status_code == 200
    assert AgreementParty.objects.get(pk=party.pk).signed_off_by == third_admin


@pytest.mark.parametrize("body", [{}, {"signatory_name": "Listyo Sigit Prabowo"}])
def test_an_empty_or_identical_edit_does_not_make_its_sender_an_editor(party, admin_user, second_admin, body):
    before = ChangeRecord.objects.count()
    response = api_for(second_admin).patch(f"/api/agreement-parties/{party.pk}/", body, format="json")
    assert response.status_code == 200
    party.refresh_from_db()
    assert party.last_edited_by == admin_user
    assert ChangeRecord.objects.count() == before
    assert _sign_off(admin_user, party).status_code == 403
    assert _sign_off(second_admin, party).status_code == 200


def test_the_sign_off_queue_hides_every_record_the_admin_ever_edited(party, admin_user, second_admin):
    services.agreement_party_update(user=second_admin, party=party, signatory_title="Kapolri")
    page = client_for(admin_user).get("/nota-kesepahaman/pengesahan/")
    assert f"/nota-kesepahaman/pihak/{party.pk}/sahkan/" not in page.text
    detail = client_for(admin_user).get(f"/nota-kesepahaman/{party.agreement_id}/")
    assert f"/nota-kesepahaman/pihak/{party.pk}/sahkan/" not in detail.text


def test_a_sign_off_records_who_signed(party, second_admin):
    assert _sign_off(second_admin, party).status_code == 200
    record = ChangeRecord.objects.get(action=ChangeRecord.Action.SIGN_OFF, object_id=str(party.pk))
    assert record.user == second_admin
    assert AgreementParty.objects.get(pk=party.pk).signed_off_by == second_admin


def test_an_admin_cannot_mint_a_token_to_act_as_another_admin(party, admin_user, second_admin, api):
    admin = client_for(admin_user)
    assert admin.get("/admin/authtoken/tokenproxy/add/").status_code == 404
    assert admin.post("/admin/mpp_portal/apitoken/add/", {"user": second_admin.pk}).status_code == 403
    assert not ApiToken.objects.filter(user=second_admin).exists()
    # The only way to a token is the user's own password: with it, the sign-off is the token owner's.
    token = api.post("/api/auth/token/", {"username": admin_user.username, "password": PASSWORD},
                     format="json").json()["token"]
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert api.post(f"/api/agreement-parties/{party.pk}/sign-off/").status_code == 403
    assert AgreementParty.objects.get(pk=party.pk).signed_off_at is None
