"""Accounts and roles: the groups behind each role, role assignment and officers' regions."""
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .access import GROUP_NAMES, Role

User = get_user_model()


def role_groups_ensure() -> dict[Role, Group]:
    return {role: Group.objects.get_or_create(name=name)[0] for role, name in GROUP_NAMES.items()}


@transaction.atomic
def user_role_set(*, user, role: Role) -> None:
    """Give ``user`` exactly one portal role; admins also get the Django admin site."""
    groups = role_groups_ensure()
    user.groups.remove(*groups.values())
    user.groups.add(groups[role])
    user.is_staff = role == Role.ADMIN
    user.save(update_fields=["is_staff"])
    user.__dict__.pop("_portal_role", None)


@transaction.atomic
def officer_regions_set(*, user, region_codes: list[str]) -> list[str]:
    """Make ``user`` the officer of exactly these regions (Kemendagri codes). Unknown codes change nothing."""
    # The model behind the relation, so this base module does not import the regions app.
    regions = list(user.officer_regions.model.objects.filter(code__in=region_codes))
    missing = sorted(set(region_codes) - {r.code for r in regions})
    if missing:
        raise ValidationError(_("Kode wilayah tidak dikenal: %(codes)s") % {"codes": ", ".join(missing)})
    user_role_set(user=user, role=Role.OFFICER)
    user.officer_regions.set(regions)
    user.__dict__.pop("_portal_region_ids", None)
    return sorted(r.code for r in regions)


@transaction.atomic
def coordinator_provinces_set(*, user, province_codes: list[str]) -> list[str]:
    """Make ``user`` the provincial coordinator of exactly these provinces (Kemendagri codes, "35")."""
    provinces = list(user.coordinated_provinces.model.objects.filter(code__in=province_codes))
    missing = sorted(set(province_codes) - {p.code for p in provinces})
    if missing:
        raise ValidationError(_("Kode provinsi tidak dikenal: %(codes)s") % {"codes": ", ".join(missing)})
    user_role_set(user=user, role=Role.COORDINATOR)
    user.coordinated_provinces.set(provinces)
    user.__dict__.pop("_portal_province_ids", None)
    return sorted(p.code for p in provinces)


def demo_user_ensure(*, username: str, role: Role, password: str | None, full_name: str) -> tuple[object, str | None]:
    """Create or refresh a demo account. Returns the user and the password if one was generated."""
    first, _sep, last = full_name.partition(" ")
    user, created = User.objects.get_or_create(username=username, defaults={"first_name": first, "last_name": last})
    generated = None
    if password:
        if created or not user.check_password(password):
            user.set_password(password)
    elif created:
        generated = secrets.token_urlsafe(12)
        user.set_password(generated)
    user.is_superuser = role == Role.ADMIN
    user.save()
    user_role_set(user=user, role=role)
    return user, generated
