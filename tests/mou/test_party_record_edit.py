from mou.models import AgreementParty
from mpp_portal.models import ChangeRecord
from tests.conftest import api_for, client_for


def test_an_admin_edits_a_party_record_on_the_page_and_then_may_not_sign_it_off(national_mou, admin_user):
    party = national_mou.parties.get(institution__short_name="Kemenkeu")
    client = client_for(admin_user)
    assert client.get(f"/nota-kesepahaman/pihak/{party.pk}/ubah/").status_code == 200
    response = client.post(f"/nota-kesepahaman/pihak/{party.pk}/ubah/", {
        "signatory_title": "Menteri Keuangan", "signatory_name": "Sri Mulyani Indrawati", "signed_on": "2022-06-28",
    })
    assert response.status_code == 302
    party.refresh_from_db()
    assert party.signatory_name == "Sri Mulyani Indrawati" and party.last_edited_by == admin_user
    record = ChangeRecord.objects.filter(action="update").first()
    assert record.changes == {"signatory_name": ["", "Sri Mulyani Indrawati"]}
    assert client.post(f"/nota-kesepahaman/pihak/{party.pk}/sahkan/").status_code == 403
    assert not AgreementParty.objects.get(pk=party.pk).is_signed_off


def test_a_future_signing_date_is_refused(national_mou, admin_user):
    party = national_mou.parties.first()
    response = api_for(admin_user).patch(f"/api/agreement-parties/{party.pk}/", {"signed_on": "2999-01-01"})
    assert response.status_code == 400 and "signed_on" in response.json()
    party.refresh_from_db()
    assert party.last_edited_by is None


def test_the_detail_api_and_page_take_a_bounded_number_of_queries(batu_pks, analyst, django_assert_max_num_queries):
    national = batu_pks.__class__.objects.get(kind="national")
    api, client = api_for(analyst), client_for(analyst)
    api.get(f"/api/agreements/{national.pk}/")  # warm the session and role caches
    with django_assert_max_num_queries(12):
        assert len(api.get(f"/api/agreements/{national.pk}/").json()["parties"]) == 17
    with django_assert_max_num_queries(12):
        api.get("/api/agreements/")
    with django_assert_max_num_queries(16):
        assert client.get(f"/nota-kesepahaman/{national.pk}/").status_code == 200
