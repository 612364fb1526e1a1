from django.conf import settings

from .access import Role, role_of


def portal(request):
    role = role_of(getattr(request, "user", None))
    return {
        "portal_role": role.value,
        "is_portal_admin": role == Role.ADMIN,
        "is_portal_member": role != Role.ANONYMOUS,
        "debug": settings.DEBUG,
    }
