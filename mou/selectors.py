"""Reads for agreements; every queryset a user sees passes through ``mpp_portal.access.scope``."""
import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from mpp_portal.access import is_admin, scope
from mpp_portal.models import ChangeRecord
from regions.models import Mpp, MppTenant

from . import rules
from .models import Agreement, AgreementParty, Institution, ServicePlacement

EXPIRING_WITHIN_DAYS = 90
# A PKS counts toward coverage once it is signed, whether or not every party is signed off yet.
COVERING_STATUSES = list(rules.SIGNABLE_STATUSES)


def agreement_list(*, user) -> QuerySet:
    return scope(user, Agreement.objects.select_related("mpp__region")).annotate(
        party_count=Count("parties", distinct=True),
        signed_off_count=Count("parties", filter=Q(parties__signed_off_at__isnull=False), distinct=True),
    ).order_by("kind", "-signed_on", "-pk")  # "national" sorts first: the MoU heads every list


def agreement_get(*, user, pk: int) -> Agreement | None:
    parties = AgreementParty.objects.select_related(
        "institution", "last_edited_by", "signed_off_by"
    ).prefetch_related("revocations__revoked_by", "revocations__signed_off_by")
    return (
        scope(user, Agreement.objects.select_related("mpp__region"))
        .prefetch_related(
            Prefetch("parties", queryset=parties),
            "clauses",
            Prefetch("placements", queryset=ServicePlacement.objects.select_related("institution")),
            "amendments",
        )
        .filter(pk=pk)
        .first()
    )


def agreement_parties(*, user, agreement: Agreement) -> QuerySet:
    return scope(user, AgreementParty.objects.filter(agreement=agreement)).select_related(
        "institution", "last_edited_by", "signed_off_by"
    )


def agreements_expiring(
    *, user, within_days: int = EXPIRING_WITHIN_DAYS, today: datetime.date | None = None
) -> QuerySet:
    """Agreements still running whose term ends within ``within_days`` days."""
    today = today or timezone.localdate()
    return agreement_list(user=user).filter(
        expires_on__gte=today, expires_on__lte=today + datetime.timedelta(days=within_days),
        status__in=[Agreement.Status.SIGNED, Agreement.Status.IN_FORCE],
    ).order_by("expires_on")


# Four-eyes over the whole history lives in ``rules``; these names stay for callers that read from here.
party_content_editor_ids = rules.party_content_editor_ids
parties_edited_by = rules.parties_edited_by


def sign_off_queue(*, user) -> QuerySet:
    """Party records awaiting sign-off that ``user`` may sign off: admins only, never one they ever edited."""
    if not is_admin(user):
        return AgreementParty.objects.none()
    return (
        scope(user, AgreementParty.objects.all())
        .filter(rules.sign_off_queue_filter(user=user))
        .select_related("agreement__mpp__region", "institution", "last_edited_by")
        .order_by("agreement__signed_on", "agreement_id", "position", "pk")
    )


def national_parties(*, user) -> QuerySet:
    """The institutions that are parties to the national MoU (the 17 of 28 June 2022)."""
    national = AgreementParty.objects.filter(
        agreement__kind=Agreement.Kind.NATIONAL, institution=OuterRef("pk")
    ).exclude(agreement__status=Agreement.Status.TERMINATED)
    return scope(user, Institution.objects.all()).filter(Exists(national))


def mou_coverage(*, user) -> dict:
    """For each national MoU party: in how many operating MPPs it serves (its entry in the MPP's tenant list),
    and in how many operating MPPs it does not. Two queries, whatever the number of MPPs."""
    operating = scope(user, Mpp.objects.filter(status=Mpp.Status.OPERATING))
    total = operating.count()
    # Presence is the MPP's tenant list (regions), keyed by the institution's short name: one fact, which
    # recording a PKS placement links to (``services.institution_tenant_link``).
    served = (
        MppTenant.objects.filter(institution_key=OuterRef("short_name"), mpp__in=operating)
        .order_by().values("institution_key").annotate(n=Count("mpp", distinct=True)).values("n")
    )
    rows = national_parties(user=user).annotate(
        served=Coalesce(Subquery(served, output_field=IntegerField()), 0)
    ).order_by("-served", "name")
    return {
        "operating_total": total,
        "rows": [
            {"institution": row, "served": row.served, "not_served": total - row.served,
             "share": row.served / total if total else 0.0}
            for row in rows
        ],
    }


def operating_mpps_without(*, user, institution: Institution) -> QuerySet:
    """Operating MPPs whose tenant list does not name ``institution``."""
    served = MppTenant.objects.filter(institution_key=institution.short_name, mpp=OuterRef("pk"))
    return (
        scope(user, Mpp.objects.filter(status=Mpp.Status.OPERATING))
        .exclude(Exists(served))
        .select_related("region__province")
        .order_by("region__code", "name")
    )


def agreement_history(*, agreement: Agreement) -> QuerySet:
    """The change history of an agreement and of its party records (sign-offs, revocations), newest first."""
    types = ContentType.objects.get_for_models(Agreement, AgreementParty)
    party_ids = [str(pk) for pk in agreement.parties.values_list("pk", flat=True)]
    return ChangeRecord.objects.filter(
        Q(content_type=types[Agreement], object_id=str(agreement.pk))
        | Q(content_type=types[AgreementParty], object_id__in=party_ids)
    ).select_related("user")


def party_changes_since_sign_off(*, party: AgreementParty) -> QuerySet:
    """What an admin approves: the party's change records since its last sign-off (all of them when it was
    never signed off), newest first."""
    records = ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(AgreementParty), object_id=str(party.pk)
    ).select_related("user")
    last = records.filter(action=ChangeRecord.Action.SIGN_OFF).order_by("-at", "-pk").first()
    return records.filter(at__gt=last.at) if last else records
