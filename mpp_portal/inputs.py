"""Reading numbers typed by people (query strings, spreadsheet cells) without surprises."""
from django.utils.translation import gettext as _


def parse_int(value) -> int | None:
    """A whole number written with ASCII digits (and an optional sign), else None. ``str.isdigit`` is not
    enough: "²" and "١٢" pass it, and ``int`` then fails or reads a different script."""
    text = str(value).strip()
    body = text[1:] if text[:1] in "+-" else text
    if not body or not body.isascii() or not body.isdigit() or len(body) > 18:
        return None
    return int(text)


def query_int(params, name: str, *, minimum: int = 0, maximum: int = 2_147_483_647) -> int | None:
    """An optional whole-number query parameter for the API: absent is None, anything else out of
    ``minimum..maximum`` (PostgreSQL's integer by default) is a 400 naming the parameter."""
    from rest_framework.exceptions import ValidationError

    raw = params.get(name, "")
    if raw == "":
        return None
    number = parse_int(raw)
    if number is None or not minimum <= number <= maximum:
        raise ValidationError({name: [_("Harus bilangan bulat %(min)s–%(max)s.") % {"min": minimum, "max": maximum}]})
    return number
