"""One sign-off rule (``mou.rules``): the page offers "Sahkan" exactly where the queue lists the party and
the service accepts the sign-off."""
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from mou import selectors, services
from mou.models import Agreement
from mpp_portal.audit import change_record_create
from mpp_portal.models import ChangeRecord
from tests import factories as f
from tests.conftest import client_for


def party_in(status, *, edited_by=None, signed_off_by=None):
    signed_on = None if status == Agreement.Status.DRAFT else datetime.date(2022, 6, 28)
    agreement = f.AgreementFactory(status=status, signed_on=signed_on)
    return f.AgreementPartyFactory(
        agreement=agreement, last_edited_by=edited_by, last_edited_at=timezone.now() if edited_by else None,
        signed_off_by=signed_off_by, signed_off_at=timezone.now() if signed_off_by else None,
    )


def edited_earlier_by(party, user):
    """A content change by ``user`` in the party's history (four-eyes covers all of it, not the last edit)."""
    change_record_create(instance=party, user=user, action=ChangeRecord.Action.UPDATE,
                         changes={"signatory_name": ["Lama", "Baru"]})
    return party


def offers_sign_off(client, party) -> bool:
    page = client.get(f"/nota-kesepahaman/{party.agreement_id}/").content.decode()
    return f"/pihak/{party.pk}/sahkan/" in page


def service_accepts(user, party) -> bool:
    try:
        services.agreement_party_sign_off(user=user, party=party)
    except (PermissionDenied, ValidationError, services.SignOffConflict):
        return False
    return True


@pytest.mark.parametrize("case, expected", [
    ("signed, edited by another admin", True),
    ("signed, never edited", True),
    ("draft", False),
    ("expired", False),
    ("signed, last edited by me", False),
    ("signed, edited by me earlier, last by another admin", False),
    ("already signed off", False),
])
def test_the_page_the_queue_and_the_service_agree_on_who_may_sign_off(case, expected, admin_user, second_admin):
    party = {
        "signed, edited by another admin": lambda: party_in(Agreement.Status.SIGNED, edited_by=second_admin),
        "signed, never edited": lambda: party_in(Agreement.Status.SIGNED),
        "draft": lambda: party_in(Agreement.Status.DRAFT, edited_by=second_admin),
        "expired": lambda: party_in(Agreement.Status.EXPIRED, edited_by=second_admin),
        "signed, last edited by me": lambda: party_in(Agreement.Status.SIGNED, edited_by=admin_user),
        "signed, edited by me earlier, last by another admin": lambda: edited_earlier_by(
            party_in(Agreement.Status.SIGNED, edited_by=second_admin), admin_user),
        "already signed off": lambda: party_in(Agreement.Status.IN_FORCE, signed_off_by=second_admin),
    }[case]()

    offered = offers_sign_off(client_for(admin_user), party)
    queued = selectors.sign_off_queue(user=admin_user).filter(pk=party.pk).exists()

    assert (offered, queued) == (expected, expected)
    assert service_accepts(admin_user, party) is expected


def test_officers_are_never_offered_a_sign_off(batu_officer, second_admin):
    party = party_in(Agreement.Status.SIGNED, edited_by=second_admin)

    assert not selectors.sign_off_queue(user=batu_officer).exists()
    assert service_accepts(batu_officer, party) is False
