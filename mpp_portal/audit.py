"""The change history as a property of the model.

A model that mixes in ``Audited`` is written only through ``audited_save`` / ``audited_delete`` (services,
loaders and ``AuditedModelAdmin`` alike), and each such write leaves exactly one ``ChangeRecord`` in the
same transaction. Writes that are not a model save (a guarded ``UPDATE ... WHERE version``, a many-to-many
set) call ``change_record_create`` themselves, once.
"""
import datetime
import decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model, QuerySet
from django.db.models.fields.files import FieldFile

from .models import Audited, ChangeRecord  # noqa: F401 (Audited is imported from here)

Action = ChangeRecord.Action


def audited_models() -> list[type[Model]]:
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, Audited)]


def audit_field_names(model: type[Model]) -> list[str]:
    if getattr(model, "audit_fields", None):
        return list(model.audit_fields)
    return [
        f.name for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and not getattr(f, "auto_now", False)
        and not getattr(f, "auto_now_add", False)
    ]


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


def author_name(user) -> str:
    if user is None or not user.is_authenticated:
        return ""
    return (user.get_full_name() or user.get_username())[:150]


def change_record_create(
    *, instance: Model, user, action: str, changes: dict | None = None, note: str = "", region=None
) -> ChangeRecord:
    signed_in = user is not None and user.is_authenticated
    return ChangeRecord.objects.create(
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        object_repr=str(instance)[:255],
        region=region,
        action=action,
        changes=changes or {},
        note=note,
        user=user if signed_in else None,
        user_name=author_name(user),
    )


def _region_of(instance: Model):
    return instance.audit_region() if isinstance(instance, Audited) else None


@transaction.atomic
def audited_save(
    instance: Model, *, user, action: str | None = None, note: str = "", extra_changes: dict | None = None,
    always: bool = False,
) -> ChangeRecord | None:
    """Save ``instance`` and record what changed, in one transaction: one record per write.

    An update that changes nothing is neither saved nor recorded, unless ``always`` (an event such as a
    sign-off that must appear in the history even when no field moved) or ``extra_changes`` say otherwise.
    """
    model = type(instance)
    fields = audit_field_names(model)
    creating = instance._state.adding or instance.pk is None
    if creating:
        instance.save()
        after = snapshot(instance, fields)
        changes = {k: [None, v] for k, v in after.items() if v not in (None, "")}
    else:
        stored = model._base_manager.filter(pk=instance.pk).first()
        before = snapshot(stored, fields) if stored is not None else {}
        if not (diff(before, snapshot(instance, fields)) or extra_changes or always):
            return None
        instance.save()
        # Read after the save: an uploaded file has its stored name only then.
        changes = diff(before, snapshot(instance, fields))
    changes.update(extra_changes or {})
    return change_record_create(
        instance=instance, user=user, action=action or (Action.CREATE if creating else Action.UPDATE),
        changes=changes, note=note, region=_region_of(instance),
    )


@transaction.atomic
def audited_get_or_create(
    model: type[Model], *, user, defaults: dict | None = None, action: str | None = None, note: str = "", **lookup
) -> tuple[Model, bool]:
    """``get_or_create`` whose create is recorded (loaders that run again and again)."""
    found = model._default_manager.filter(**lookup).first()
    if found is not None:
        return found, False
    instance = model(**lookup, **(defaults or {}))
    audited_save(instance, user=user, action=action, note=note)
    return instance, True


@transaction.atomic
def audited_delete(instance: Model, *, user, note: str = "") -> ChangeRecord:
    """Record the deletion with the values the record had, then delete it."""
    fields = audit_field_names(type(instance))
    record = change_record_create(
        instance=instance, user=user, action=Action.DELETE, note=note, region=_region_of(instance),
        changes={k: [v, None] for k, v in snapshot(instance, fields).items() if v not in (None, "")},
    )
    instance.delete()
    return record


def change_records_for(instance: Model) -> QuerySet:
    return ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(instance), object_id=str(instance.pk)
    ).select_related("user")

