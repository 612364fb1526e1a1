from mou import services
from mou.models import Agreement
from mpp_portal.models import ChangeRecord


def _sign_off_all(agreement, user):
    for party in agreement.parties.all():
        services.agreement_party_sign_off(user=user, party=party)


def test_the_mou_is_in_force_once_every_party_is_signed_off(national_mou, admin_user):
    parties = list(national_mou.parties.all())
    for party in parties[:-1]:
        services.agreement_party_sign_off(user=admin_user, party=party)
        national_mou.refresh_from_db()
        assert national_mou.status == Agreement.Status.SIGNED
    services.agreement_party_sign_off(user=admin_user, party=parties[-1])
    national_mou.refresh_from_db()
    assert national_mou.status == Agreement.Status.IN_FORCE
    latest = ChangeRecord.objects.filter(action="status", object_id=str(national_mou.pk)).first()
    assert latest.changes == {"status": ["signed", "in_force"]} and latest.user == admin_user


def test_it_falls_back_to_signed_when_a_sign_off_is_revoked(national_mou, admin_user, second_admin):
    _sign_off_all(national_mou, admin_user)
    party = national_mou.parties.get(institution__short_name="Kemenag")
    services.agreement_party_revoke(user=second_admin, party=party, reason="Dokumen belum lengkap, lampiran hilang")
    national_mou.refresh_from_db()
    assert national_mou.status == Agreement.Status.SIGNED
    services.agreement_party_sign_off(user=second_admin, party=party)
    national_mou.refresh_from_db()
    assert national_mou.status == Agreement.Status.IN_FORCE


def test_a_pks_needs_its_dpmptsp_and_every_agency_signed_off(batu_pks, admin_user, batu_officer):
    assert batu_pks.status == Agreement.Status.SIGNED
    _sign_off_all(batu_pks, admin_user)
    batu_pks.refresh_from_db()
    assert batu_pks.status == Agreement.Status.IN_FORCE
    from mou.models import Institution

    services.pks_institution_add(
        user=batu_officer, agreement=batu_pks, institution=Institution.objects.get(short_name="BPJS Kesehatan"),
        service_count=2,
    )
    batu_pks.refresh_from_db()
    assert batu_pks.status == Agreement.Status.SIGNED  # the new party awaits sign-off
