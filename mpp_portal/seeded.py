"""Seeded content in the reader's language.

Loaders and migrations store some Indonesian texts in the database (target names, evaluation categories,
readiness criteria, MoU clause summaries and parties). Each app lists them in its ``seeded_texts`` module,
marked with the context below so that makemessages collects them apart from the interface's own strings;
pages show them through :func:`translate_seeded` (or the ``translate_seeded`` filter). The stored value is
never changed: a text an admin has edited is not in the catalogue and is shown as written.
"""
from django.utils.translation import pgettext

CONTEXT = "seeded content"


def translate_seeded(value):
    """The English (or other active language's) form of a seeded Indonesian text; anything else unchanged."""
    if not value or not isinstance(value, str):
        return value
    return pgettext(CONTEXT, value)
