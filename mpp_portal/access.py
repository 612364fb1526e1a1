"""Who may see and change what: the one home of roles and record scoping, for pages, API and admin alike.

Every model that belongs to a region names the path to it in ``REGION_FIELD`` ("" for Region itself,
"region" for an MPP, "mpp__region" for a record of an MPP). Reading is open to every signed-in role;
changing is for admins everywhere and for officers only inside their own regions.
"""
from enum import StrEnum
from typing import Literal

from django.contrib.auth import get_user_model
from django.db.models import Model, Q, QuerySet

Action = Literal["view", "change"]


class Role(StrEnum):
    ANONYMOUS = "anonymous"
    STAFF = "staff"
    VERIFIER = "verifier"  # ministry staff who also verify or return officers' reports
    TASKFORCE = "taskforce"  # a task force member from another agency: reads, and logs assistance to regions
    COORDINATOR = "coordinator"  # a provincial Biro Organisasi: first check of its province's reports
    OFFICER = "officer"
    ADMIN = "admin"


# Group names as administrators see them in the admin site.
GROUP_NAMES = {
    Role.STAFF: "Staf Kementerian",
    Role.VERIFIER: "Verifikator Kementerian",
    Role.TASKFORCE: "Anggota Tim Kerja Percepatan",
    Role.COORDINATOR: "Koordinator Provinsi",
    Role.OFFICER: "Petugas Daerah",
    Role.ADMIN: "Admin Portal",
}


def role_of(user) -> Role:
    if user is None or not user.is_authenticated or not user.is_active:
        return Role.ANONYMOUS
    cached = getattr(user, "_portal_role", None)
    if cached is not None:
        return cached
    groups = set(user.groups.values_list("name", flat=True))
    if user.is_superuser or GROUP_NAMES[Role.ADMIN] in groups:
        role = Role.ADMIN
    elif GROUP_NAMES[Role.OFFICER] in groups:
        role = Role.OFFICER
    elif GROUP_NAMES[Role.COORDINATOR] in groups:
        role = Role.COORDINATOR
    elif GROUP_NAMES[Role.VERIFIER] in groups:
        role = Role.VERIFIER
    elif GROUP_NAMES[Role.STAFF] in groups:
        role = Role.STAFF
    elif GROUP_NAMES[Role.TASKFORCE] in groups:
        role = Role.TASKFORCE
    else:
        role = Role.ANONYMOUS  # a signed-in account without a role sees only what the public sees
    user._portal_role = role
    return role


def users_with_role(role: Role) -> QuerySet:
    """Active accounts whose role is ``role``: ``role_of``'s precedence (admin, officer, staff) as a query."""
    users = get_user_model().objects.filter(is_active=True)
    admin = Q(is_superuser=True) | Q(groups__name=GROUP_NAMES[Role.ADMIN])
    officer = Q(groups__name=GROUP_NAMES[Role.OFFICER])
    if role == Role.ADMIN:
        return users.filter(admin).distinct()
    if role == Role.OFFICER:
        return users.filter(officer).exclude(admin).distinct()
    if role == Role.STAFF:
        return users.filter(groups__name=GROUP_NAMES[Role.STAFF]).exclude(admin).exclude(officer).distinct()
    if role == Role.COORDINATOR:
        return users.filter(groups__name=GROUP_NAMES[Role.COORDINATOR]).exclude(admin).exclude(officer).distinct()
    raise ValueError(role)


def officer_region_ids(user) -> frozenset[int]:
    if role_of(user) != Role.OFFICER:
        return frozenset()
    cached = getattr(user, "_portal_region_ids", None)
    if cached is None:
        cached = frozenset(user.officer_regions.values_list("pk", flat=True))
        user._portal_region_ids = cached
    return cached


def coordinator_province_ids(user) -> frozenset[int]:
    """The provinces a provincial coordinator answers for (``Province.coordinators``)."""
    if role_of(user) != Role.COORDINATOR:
        return frozenset()
    cached = getattr(user, "_portal_province_ids", None)
    if cached is None:
        cached = frozenset(user.coordinated_provinces.values_list("pk", flat=True))
        user._portal_province_ids = cached
    return cached


READERS = (Role.STAFF, Role.VERIFIER, Role.TASKFORCE, Role.COORDINATOR, Role.OFFICER)


def scope(user, queryset: QuerySet, *, action: Action = "view") -> QuerySet:
    """The records of ``queryset`` that ``user`` may see (``view``) or change (``change``).

    Coordinators and task force members read what staff read and change no record through this function:
    what they do (a province's first check of reports, logging assistance) has its own predicate below or in
    the app that owns it, built on ``coordinator_province_ids``."""
    role = role_of(user)
    if role == Role.ADMIN:
        return queryset
    if action == "view":
        return queryset if role in READERS else queryset.none()
    if role != Role.OFFICER:
        return queryset.none()
    field = getattr(queryset.model, "REGION_FIELD", None)
    if field is None:
        return queryset.none()
    lookup = f"{field}__pk__in" if field else "pk__in"
    return queryset.filter(**{lookup: officer_region_ids(user)})


def can(user, obj: Model, *, action: Action = "view") -> bool:
    """Whether ``user`` may ``action`` one record; the same rule as ``scope``."""
    return scope(user, type(obj)._default_manager.filter(pk=obj.pk), action=action).exists()


def is_admin(user) -> bool:
    return role_of(user) == Role.ADMIN


def is_ministry(user) -> bool:
    """Ministry staff or an admin: who sees ministry-only lists (e.g. stale MPPs and their officers)."""
    return role_of(user) in (Role.ADMIN, Role.STAFF)


def in_coordinated_province(user, region) -> bool:
    """Whether ``region`` (a Region) lies in a province ``user`` coordinates."""
    return region.province_id in coordinator_province_ids(user)


def can_log_assistance(user, region) -> bool:
    """Recording the task force's assistance to ``region``: ministry staff, verifiers and admins anywhere,
    task force members anywhere, a provincial coordinator inside its province."""
    role = role_of(user)
    if role in (Role.ADMIN, Role.STAFF, Role.VERIFIER, Role.TASKFORCE):
        return True
    return role == Role.COORDINATOR and in_coordinated_province(user, region)


def is_member(user) -> bool:
    """Signed in with a portal role (staff, officer or admin)."""
    return role_of(user) != Role.ANONYMOUS


def can_verify(user) -> bool:
    """Verifying or returning officers' reports: verifiers and admins (never their own report, see
    ``regions.reports``)."""
    return role_of(user) in (Role.VERIFIER, Role.ADMIN)
