from mou import services
from tests.conftest import client_for


def test_the_queue_lists_what_this_admin_may_sign_off_and_hides_their_own_edits(national_mou, admin_user, second_admin):
    polri = national_mou.parties.get(institution__short_name="Polri")
    services.agreement_party_update(user=admin_user, party=polri, signatory_name="Listyo Sigit Prabowo")
    services.agreement_party_sign_off(user=admin_user, party=national_mou.parties.get(institution__short_name="BNN"))

    mine = client_for(admin_user).get("/nota-kesepahaman/pengesahan/").context["parties"]
    assert len(mine) == 15 and polri not in mine
    theirs = client_for(second_admin).get("/nota-kesepahaman/pengesahan/")
    assert theirs.status_code == 200
    assert polri in theirs.context["parties"] and len(theirs.context["parties"]) == 16


def test_the_queue_is_for_admins_only(national_mou, analyst, batu_officer):
    for user in (analyst, batu_officer):
        assert client_for(user).get("/nota-kesepahaman/pengesahan/").status_code == 403


def test_signing_off_from_the_queue_returns_to_it(national_mou, admin_user):
    party = national_mou.parties.first()
    response = client_for(admin_user).post(f"/nota-kesepahaman/pihak/{party.pk}/sahkan/", {"next": "queue",
                                                                                         "confirm": "1"})
    assert response.status_code == 302 and response["Location"].endswith("/nota-kesepahaman/pengesahan/")
