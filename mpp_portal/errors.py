"""Errors the services raise that mean the same to every caller, and the one API translation of them.

Services raise Django's ``ValidationError`` (bad input), ``PermissionDenied`` (outside the user's scope) and
``Conflict`` (the record is not in the state the caller assumed: a stale version, an already signed-off
party). Pages show them as form errors; the API answers through ``api_exception_handler``, one body shape
each: 400 ``{"field": ["message"], ...}`` (``non_field_errors`` when it is no one field's fault), 403
``{"detail": "message"}``, 409 ``{"detail": "message", "code": "...", ...}`` plus, for a stale MPP,
``"version": ["message"], "current_version": n``.
"""
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler


class Conflict(Exception):
    """The record is not in the state the request assumed; nothing was written. The API answers 409."""

    code = "conflict"


def _conflict_message(exc) -> str:
    if isinstance(exc, DjangoValidationError):
        return " ".join(exc.messages)
    return str(exc)


def api_exception_handler(exc, context):
    if isinstance(exc, Conflict):
        body = {"detail": _conflict_message(exc), "code": getattr(exc, "code", Conflict.code)}
        # A conflict that knows more (the MPP's current version) adds it: ``VersionConflict.body``.
        body.update(getattr(exc, "body", None) or {})
        return Response(body, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    return exception_handler(exc, context)
