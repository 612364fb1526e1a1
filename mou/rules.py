"""Who may sign off or revoke an agreement party record (four-eyes), decided here and nowhere else.

The services refuse with these predicates, the sign-off queue filters with ``sign_off_queue_filter`` (the
same rule as a query), and the agreement page offers "Sahkan" only where ``may_sign_off`` holds (template
filter ``mou_rules.may_sign_off``), so the page never offers what the service would refuse.

Four-eyes covers the party's whole history: nobody who ever changed its content (created, edited or
imported it, by the change history or as its last editor) may sign it off, whatever token or session they
act with. Sign-off and revocation are not content changes.
"""
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Cast

from mpp_portal.access import is_admin
from mpp_portal.models import ChangeRecord

from .models import Agreement, AgreementParty

# Sign-off confirms a signed agreement's party records: a draft has nothing to confirm yet, an expired or
# terminated agreement nothing any more. These are also the agreements that cover an MPP.
SIGNABLE_STATUSES = (Agreement.Status.SIGNED, Agreement.Status.IN_FORCE)

# The actions that change a party's content; sign-off and revocation do not.
CONTENT_ACTIONS = [ChangeRecord.Action.CREATE, ChangeRecord.Action.UPDATE, ChangeRecord.Action.IMPORT]


def _party_content_records() -> QuerySet:
    return ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(AgreementParty), action__in=CONTENT_ACTIONS
    )


def party_content_editor_ids(*, party: AgreementParty) -> set[int]:
    """Everyone who ever changed the party's content (four-eyes: none of them may sign it off)."""
    editors = set(
        _party_content_records().filter(object_id=str(party.pk), user__isnull=False).values_list("user_id", flat=True)
    )
    if party.last_edited_by_id is not None:
        editors.add(party.last_edited_by_id)
    return editors


def parties_edited_by(*, user, party_ids) -> set[int]:
    """Which of ``party_ids`` ``user`` ever changed (one query, for a page listing several parties)."""
    party_ids = list(party_ids)
    if not party_ids or user.pk is None:
        return set()
    keys = [str(pk) for pk in party_ids]
    edited = set(_party_content_records().filter(user=user, object_id__in=keys).values_list("object_id", flat=True))
    edited |= {
        str(pk) for pk in AgreementParty.objects.filter(pk__in=party_ids, last_edited_by=user).values_list("pk", flat=True)
    }
    return {int(key) for key in edited}


@dataclass(frozen=True)
class Signer:
    """A user with the parties they ever edited already looked up (a page listing several parties asks
    once, not once per party). The predicates below accept it wherever they accept a user."""
    user: object
    edited_party_ids: frozenset = field(default_factory=frozenset)

    @classmethod
    def for_parties(cls, *, user, parties) -> "Signer":
        return cls(user=user, edited_party_ids=frozenset(parties_edited_by(user=user, party_ids=[p.pk for p in parties])))


def _unwrap(user):
    return (user.user, user.edited_party_ids) if isinstance(user, Signer) else (user, None)


def accepts_sign_off(agreement: Agreement) -> bool:
    return agreement.status in SIGNABLE_STATUSES


def is_own_edit(*, user, party: AgreementParty) -> bool:
    """Four-eyes: anyone who ever changed the record's content may not sign it off."""
    user, edited = _unwrap(user)
    if edited is not None:
        return party.pk in edited
    return user.pk is not None and user.pk in party_content_editor_ids(party=party)


def may_sign_off(*, user, party: AgreementParty) -> bool:
    return (is_admin(_unwrap(user)[0]) and not party.is_signed_off and accepts_sign_off(party.agreement)
            and not is_own_edit(user=user, party=party))


def may_revoke(*, user, party: AgreementParty) -> bool:
    return is_admin(_unwrap(user)[0]) and party.is_signed_off


def sign_off_queue_filter(*, user) -> Q:
    """``may_sign_off`` as a query over AgreementParty (admins only: callers check ``is_admin`` first)."""
    edited_by_user = _party_content_records().filter(user=user, object_id=Cast(OuterRef("pk"), output_field=CharField()))
    return (Q(signed_off_at__isnull=True, agreement__status__in=SIGNABLE_STATUSES)
            & ~Q(last_edited_by=user) & ~Exists(edited_by_user))
