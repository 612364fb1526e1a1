"""Signing off shows what is being approved — the party's current fields and its changes since the last
sign-off — and asks for a confirmation before anything is written."""
from mou import services
from mpp_portal.models import ChangeRecord
from tests.conftest import client_for


def _party(national_mou):
    return national_mou.parties.get(institution__short_name="BNN")


def test_the_page_shows_the_fields_and_the_changes_since_the_last_sign_off(national_mou, admin_user,
                                                                             second_admin):
    party = _party(national_mou)
    services.agreement_party_update(user=second_admin, party=party, signatory_name="Marthinus Hukom")
    page = client_for(admin_user).get(f"/nota-kesepahaman/pihak/{party.pk}/sahkan/")
    assert page.status_code == 200
    assert "Marthinus Hukom" in page.text
    assert "Perubahan sejak pengesahan terakhir" in page.text
    assert second_admin.get_full_name() in page.text
    assert 'name="confirm"' in page.text

    # After a sign-off and a later edit, only the later edit is listed.
    services.agreement_party_sign_off(user=admin_user, party=party)
    services.agreement_party_revoke(user=admin_user, party=party, reason="Nama penanda tangan perlu dicek ulang")
    services.agreement_party_update(user=second_admin, party=party, signatory_title="Kepala BNN RI")
    page = client_for(admin_user).get(f"/nota-kesepahaman/pihak/{party.pk}/sahkan/")
    assert "Kepala BNN RI" in page.text
    assert "Marthinus Hukom</li>" not in page.text  # the change before the sign-off is not listed again


def test_without_the_confirmation_nothing_is_signed_off(national_mou, admin_user):
    party = _party(national_mou)
    response = client_for(admin_user).post(f"/nota-kesepahaman/pihak/{party.pk}/sahkan/", {})
    assert response.status_code == 400
    assert "Centang pernyataan" in response.text
    party.refresh_from_db()
    assert not party.is_signed_off
    assert not ChangeRecord.objects.filter(action="sign_off").exists()
    response = client_for(admin_user).post(f"/nota-kesepahaman/pihak/{party.pk}/sahkan/", {"confirm": "1"})
    assert response.status_code == 302
    party.refresh_from_db()
    assert party.signed_off_by == admin_user


def test_the_queue_and_the_agreement_link_to_the_review_not_a_one_click_button(national_mou, admin_user):
    party = _party(national_mou)
    queue = client_for(admin_user).get("/nota-kesepahaman/pengesahan/").text
    assert f'href="/nota-kesepahaman/pihak/{party.pk}/sahkan/?next=queue"' in queue
    assert f'action="/nota-kesepahaman/pihak/{party.pk}/sahkan/"' not in queue
