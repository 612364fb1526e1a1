"""Request body parsers: malformed or hostile JSON is a 400, never a 500."""
from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    """DRF's parser lets the decoder's RecursionError (a deeply nested array) escape as a 500."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("JSON terlalu dalam bersarang.")) from None
        if _has_nul(data):
            # PostgreSQL cannot store or compare text with NUL bytes; refuse them for every field at once.
            raise ParseError(_("JSON berisi karakter NUL."))
        return data


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    return False
