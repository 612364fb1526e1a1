"""Integer columns validated to PostgreSQL's ranges on every database.

SQLite stores 64-bit integers whatever the column says, so a count of 3,000,000,000 saved on the
embedded default would fail on PostgreSQL (integer) — or a year of 40,000 on a smallint. Adding the
PostgreSQL range as a validator to every model integer field makes model forms, DRF model serializers
(and so the OpenAPI schema's minimum/maximum) and ``full_clean`` refuse it alike, with a field error.
"""
from django.apps import apps
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations

INT_MAX = 2_147_483_647
RANGES = BaseDatabaseOperations.integer_field_ranges


def column_range(field: models.Field) -> tuple[int, int] | None:
    return RANGES.get(field.get_internal_type()) if isinstance(field, models.IntegerField) else None


def integer_columns_bound() -> None:
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            bounds = column_range(field)
            if bounds is None or field.primary_key:
                continue
            low, high = bounds
            # ``validators`` is a cached_property; filling its cache (rather than ``_validators``) keeps
            # the bounds out of the field's deconstruction, so migrations do not see them.
            # First, so DRF (which takes the first bound it finds) states them in the schema.
            field.__dict__["validators"] = [MinValueValidator(low), MaxValueValidator(high), *field.validators]
