"""How the portal writes times and people, everywhere the same: "5 Desember 2026, 11.38 WIB" in Indonesian,
"5 December 2026, 11:38 WIB" in English; a person by their full name."""
import datetime

from django import template
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

from mpp_portal.seeded import translate_seeded

register = template.Library()


@register.filter
def when(value) -> str:
    """A moment in the portal's time zone, with the zone's name."""
    if not value:
        return "—"
    if not isinstance(value, datetime.datetime):
        return date_format(value, "j F Y")
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    separator = "." if (get_language() or "id").startswith("id") else ":"
    zone = local.tzname() or ""
    return f"{date_format(local, 'j F Y')}, {local:%H}{separator}{local:%M} {zone}".strip()


@register.filter
def person(user) -> str:
    """A user by full name (the login name only when no name is recorded); "—" for nobody."""
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


@register.filter
def pct(value) -> str:
    """A percentage, one way everywhere: one decimal in the page's language ("59,9%" / "59.9%")."""
    if value is None or value == "":
        return "—"
    return f"{floatformat(value, 1)}%"


@register.filter
def share(part, whole) -> str:
    """``part`` of ``whole`` as ``pct``; "—" when there is no whole."""
    if not whole or part is None:
        return "—"
    return pct(100 * part / whole)


@register.filter(name="translate_seeded")
def translate_seeded_filter(value):
    """A seeded Indonesian text (target name, criterion, category, MoU summary or party) in the page's language."""
    return translate_seeded(value)
