"""Lockout after repeated failed logins, shared by the login page and the API token endpoint.

Counted per username and per client address in the cache, so a guesser is slowed down whichever
account they try and a user is not locked out by someone else's typos from another address forever.
"""
import hashlib
import ipaddress
import unicodedata

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_FAILURES = 5
LOCKOUT_SECONDS = 15 * 60


def username_normalize(raw) -> str:
    """The one normal form of a typed username, used for the lock and the login alike (as Django's
    UsernameField does: NFKC, surrounding spaces dropped)."""
    return unicodedata.normalize("NFKC", raw if isinstance(raw, str) else "").strip()


def _key(username: str, address: str) -> str:
    digest = hashlib.sha256(f"{username_normalize(username).casefold()}|{address}".encode()).hexdigest()
    return f"login-failures:{digest}"


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(net, strict=False) for net in settings.TRUSTED_PROXIES)


def client_address(request) -> str:
    """The address the server sees; X-Forwarded-For counts only when it was added by a trusted proxy
    (``TRUSTED_PROXIES``, empty by default), read from the right past the trusted hops."""
    if request is None:
        return ""
    address = request.META.get("REMOTE_ADDR", "")
    if not _trusted(address):
        return address
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop):
            return hop
    return address


def is_locked(username: str, address: str) -> bool:
    return cache.get(_key(username, address), 0) >= MAX_FAILURES


def failure_record(username: str, address: str) -> None:
    # Set with an explicit timeout each time: ``cache.incr`` on the file and database caches re-stores
    # the value with the cache's default timeout (300 s), which would shorten the lock.
    key = _key(username, address)
    cache.set(key, cache.get(key, 0) + 1, LOCKOUT_SECONDS)


def failures_reset(username: str, address: str) -> None:
    cache.delete(_key(username, address))


def locked_message() -> str:
    return _("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam %(minutes)d menit.") % {
        "minutes": LOCKOUT_SECONDS // 60
    }


class GuardedAuthenticationForm(AuthenticationForm):
    # Django's message names the field ("Masukkan %(username)s ..."), which in Indonesian reads
    # "nama pengguna nama pengguna"; ours says it once.
    error_messages = AuthenticationForm.error_messages | {
        "invalid_login": gettext_lazy("Nama pengguna atau sandi salah. Perhatikan huruf besar dan kecil."),
    }

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
