"""Strict readers for settings from the environment: a malformed value stops start-up with a clear message."""
import os
import secrets
from pathlib import Path
from urllib.parse import urlparse

import environ
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    return None if value is None else value.strip()


def env_bool(name: str, *, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean; use one of: true, false, 1, 0, yes, no.")


def env_int(name: str, *, default: int, minimum: int = 0) -> int:
    value = _raw(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None
    if number < minimum:
        raise ImproperlyConfigured(f"{name}={number} must be at least {minimum}.")
    return number


def env_str(name: str, *, default: str = "") -> str:
    value = _raw(name)
    return default if value is None or value == "" else value


def env_list(name: str, *, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None or value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_networks(name: str) -> list[str]:
    """A comma-separated list of IP addresses or networks (``10.0.0.0/8``); empty by default."""
    import ipaddress

    items = env_list(name, default=[])
    for item in items:
        try:
            ipaddress.ip_network(item, strict=False)
        except ValueError:
            raise ImproperlyConfigured(f"{name}: {item!r} is not an IP address or network.") from None
    return items


def env_database(name: str, *, default: str) -> dict:
    url = env_str(name, default=default)
    try:
        config = environ.Env.db_url_config(url)
    except Exception as exc:  # environ raises several types for a bad URL
        raise ImproperlyConfigured(f"{name}={url!r} is not a database URL ({exc}).") from None
    engine = config.get("ENGINE", "")
    if engine not in ("django.db.backends.sqlite3", "django.db.backends.postgresql"):
        raise ImproperlyConfigured(
            f"{name}={url!r}: only sqlite:///path and postgres://user@host:port/name are supported."
        )
    if engine.endswith("postgresql") and not config.get("NAME"):
        raise ImproperlyConfigured(f"{name}={url!r} names no database.")
    return config


def env_url(name: str, *, default: str, schemes: tuple[str, ...]) -> str:
    url = env_str(name, default=default)
    if urlparse(url).scheme not in schemes:
        raise ImproperlyConfigured(f"{name}={url!r} must start with one of: {', '.join(s + '://' for s in schemes)}.")
    return url


def secret_key(*, debug: bool, keep_in: Path) -> str:
    """SECRET_KEY from the environment; in development a generated key kept in var/ so sessions survive restarts."""
    value = env_str("SECRET_KEY")
    if value:
        if not debug and len(value) < 50:
            raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters when DEBUG is off.")
        return value
    if not debug:
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off (unless LOCAL_HTTP=true, as make run sets).")
    path = keep_in / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()
