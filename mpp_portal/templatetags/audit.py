"""Change history in people's words: field labels and choice labels instead of code names."""
from django import template
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import gettext as _

register = template.Library()

# Names a change record may carry that are not fields of the changed model.
EXTRA_LABELS = {"evidence": lambda: _("Bukti"), "tenants": lambda: _("Daftar instansi")}


def _shown(value, choices: dict):
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, list):
        # A list of entries (an MPP's tenant list): how many, and their names.
        names = [str(item.get("name", "")) if isinstance(item, dict) else str(item) for item in value]
        return _("%(n)s entri: %(names)s") % {"n": len(value), "names": ", ".join(names)}
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
        rows.append((label, _shown(before, choices), _shown(after, choices)))
    return rows
