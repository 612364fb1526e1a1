"""Lockout after repeated failed logins, shared by the login page and the API token endpoint.

Counted per username and per client address in the cache, so a guesser is slowed down whichever
account they try and a user is not locked out by someone else's typos from another address forever.
"""
import hashlib

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.utils.translation import gettext as _

MAX_FAILURES = 5
LOCKOUT_SECONDS = 15 * 60


def _key(username: str, address: str) -> str:
    digest = hashlib.sha256(f"{username.casefold()}|{address}".encode()).hexdigest()
    return f"login-failures:{digest}"


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


def is_locked(username: str, address: str) -> bool:
    return cache.get(_key(username, address), 0) >= MAX_FAILURES


def failure_record(username: str, address: str) -> None:
    key = _key(username, address)
    if not cache.add(key, 1, LOCKOUT_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, LOCKOUT_SECONDS)


def failures_reset(username: str, address: str) -> None:
    cache.delete(_key(username, address))


def locked_message() -> str:
    return _("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam %(minutes)d menit.") % {
        "minutes": LOCKOUT_SECONDS // 60
    }


class GuardedAuthenticationForm(AuthenticationForm):
    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = client_address(self.request)
        if is_locked(username, address):
            raise forms.ValidationError(locked_message(), code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            failure_record(username, address)
            raise
        failures_reset(username, address)
        return cleaned
