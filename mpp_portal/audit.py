"""Writing and reading the change history. Services call ``change_record_create`` inside their transaction."""
import datetime
import decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet
from django.db.models.fields.files import FieldFile

from .models import ChangeRecord


def _plain(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or None
    return value


def snapshot(instance: Model, fields: list[str]) -> dict:
    return {name: _plain(getattr(instance, name)) for name in fields}


def diff(before: dict, after: dict) -> dict:
    """``{field: [before, after]}`` for the fields whose value changed."""
    return {k: [before.get(k), after.get(k)] for k in after if before.get(k) != after.get(k)}


def change_record_create(
    *, instance: Model, user, action: str, changes: dict | None = None, note: str = "", region=None
) -> ChangeRecord:
    return ChangeRecord.objects.create(
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        object_repr=str(instance)[:255],
        region=region,
        action=action,
        changes=changes or {},
        note=note,
        user=user if user is not None and user.is_authenticated else None,
    )


def change_records_for(instance: Model) -> QuerySet:
    return ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(instance), object_id=str(instance.pk)
    ).select_related("user")
