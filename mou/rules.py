"""Who may sign off or revoke an agreement party record (four-eyes), decided here and nowhere else.

The services refuse with these predicates, the sign-off queue filters with ``sign_off_queue_filter`` (the
same rule as a query), and the agreement page offers "Sahkan" only where ``may_sign_off`` holds (template
filter ``mou_rules.may_sign_off``), so the page never offers what the service would refuse.
"""
from django.db.models import Q

from mpp_portal.access import is_admin

from .models import Agreement, AgreementParty

# Sign-off confirms a signed agreement's party records: a draft has nothing to confirm yet, an expired or
# terminated agreement nothing any more. These are also the agreements that cover an MPP.
SIGNABLE_STATUSES = (Agreement.Status.SIGNED, Agreement.Status.IN_FORCE)


def accepts_sign_off(agreement: Agreement) -> bool:
    return agreement.status in SIGNABLE_STATUSES


def is_own_edit(*, user, party: AgreementParty) -> bool:
    """Four-eyes: the admin who last changed the record's content may not sign it off."""
    return party.last_edited_by_id is not None and party.last_edited_by_id == user.pk


def may_sign_off(*, user, party: AgreementParty) -> bool:
    return (is_admin(user) and not party.is_signed_off and not is_own_edit(user=user, party=party)
            and accepts_sign_off(party.agreement))


def may_revoke(*, user, party: AgreementParty) -> bool:
    return is_admin(user) and party.is_signed_off


def sign_off_queue_filter(*, user) -> Q:
    """``may_sign_off`` as a query over AgreementParty (admins only: callers check ``is_admin`` first)."""
    return (Q(signed_off_at__isnull=True, agreement__status__in=SIGNABLE_STATUSES)
            & ~Q(last_edited_by=user))
