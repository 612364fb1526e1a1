"""Change history in people's words: field labels and choice labels instead of code names, dates in the
page's language, yes/no for booleans, a document's name instead of its stored path, and for loaded facts
where they came from and the date of the fact beside the date it was recorded."""
import datetime
import posixpath

from django import template
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .portal import when

register = template.Library()

# Names a change record may carry that are not fields of the changed model.
EXTRA_LABELS = {"evidence": lambda: _("Bukti"), "tenants": lambda: _("Daftar instansi")}
FILE_NAMES = {"evidence"}
# The loaders' notes, as the sources they load from.
LOADERS = {
    "load_regions": lambda: _("registri kab/kota Kemendagri"),
    "load_history": lambda: _("sumber publik yang tercatat"),
}
# Fields that carry the date of a fact (an inauguration, a signing, a document).
FACT_DATES = ("inaugurated_on", "date", "signed_on", "dated", "digital_since", "oss_integrated_on")


def _date_shown(value, field):
    if isinstance(field, models.DateTimeField):
        parsed = parse_datetime(value) if isinstance(value, str) else value
        return when(parsed) if parsed else value
    parsed = parse_date(value) if isinstance(value, str) else value
    return date_format(parsed, "j F Y") if isinstance(parsed, datetime.date) else value


def _shown(value, choices: dict, field=None, name: str = ""):
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, list):
        # A list of entries (an MPP's tenant list): how many, and their names.
        names = [str(item.get("name", "")) if isinstance(item, dict) else str(item) for item in value]
        return _("%(n)s entri: %(names)s") % {"n": len(value), "names": ", ".join(names)}
    if isinstance(field, models.DateField | models.DateTimeField):
        return _date_shown(value, field)
    if isinstance(field, models.FileField) or name in FILE_NAMES:
        return posixpath.basename(str(value))
    return choices.get(value, value)


@register.filter
def change_rows(record) -> list[tuple[str, object, object]]:
    """``(label, before, after)`` for each change of a ChangeRecord."""
    model = ContentType.objects.get_for_id(record.content_type_id).model_class()
    rows = []
    for name, (before, after) in record.changes.items():
        try:
            field = model._meta.get_field(name) if model else None
        except FieldDoesNotExist:
            field = None
        if field is not None and not hasattr(field, "verbose_name"):
            field = None  # a reverse relation (e.g. an MPP's tenants): labelled below
        label = capfirst(field.verbose_name) if field else (EXTRA_LABELS[name]() if name in EXTRA_LABELS else name)
        choices = dict(field.flatchoices) if field is not None and field.choices else {}
        rows.append((label, _shown(before, choices, field, name), _shown(after, choices, field, name)))
    return rows


@register.filter
def note_shown(record) -> str:
    """The record's note; a loader's note ("load_history: …") as where the data came from."""
    note = record.note or ""
    head, _sep, rest = note.partition(":")
    if head.strip() in LOADERS:
        source = (record.changes.get("source") or [None, None])[1]
        text = _("Data awal dari %(source)s") % {"source": source or LOADERS[head.strip()]()}
        return f"{text}. {rest.strip()}" if rest.strip() else f"{text}."
    return note


@register.filter
def fact_date(record) -> str:
    """For a loaded or imported fact: the date of the fact itself (as the record's changes say), shown
    beside the date it was recorded. Empty for people's own edits."""
    loaded = record.action == "import" or (record.note or "").partition(":")[0].strip() in LOADERS
    if not loaded:
        return ""
    for name in FACT_DATES:
        value = (record.changes.get(name) or [None, None])[1]
        parsed = parse_date(value) if isinstance(value, str) else None
        if parsed:
            return date_format(parsed, "j F Y")
    return ""
