"""Reading settings from the environment, loudly.

Every helper raises ``ImproperlyConfigured`` naming the variable when its value cannot be used, so
a typo in a deployment stops start-up instead of running with a silently wrong setting.
"""

from __future__ import annotations

import os
import secrets
import zoneinfo
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
_DATABASE_SCHEMES = {"postgres", "postgresql", "pgsql", "sqlite"}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a boolean: use one of 1/0, true/false, yes/no, on/off."
    )


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name}={raw!r} must be at least {minimum}.")
    return value


def env_choice(name: str, default: str, choices: list[str]) -> str:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    value = raw.strip()
    if value not in choices:
        raise ImproperlyConfigured(f"{name}={raw!r} is not one of: {', '.join(choices)}.")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_origins(name: str) -> list[str]:
    origins = env_list(name, [])
    for origin in origins:
        if not origin.startswith(("http://", "https://")):
            raise ImproperlyConfigured(
                f"{name} contains {origin!r}: each origin must start with http:// or https://."
            )
    return origins


def env_time_zone(name: str, default: str) -> str:
    value = env_str(name, default)
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a known IANA time zone (e.g. Asia/Riyadh, UTC)."
        ) from None
    return value


def env_database(name: str, default_sqlite_path: Path) -> dict:
    raw = env_str(name)
    if not raw:
        default_sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(default_sqlite_path)}
    scheme = raw.split("://", 1)[0].lower() if "://" in raw else ""
    if scheme not in _DATABASE_SCHEMES:
        raise ImproperlyConfigured(
            f"{name} must be a PostgreSQL URL (postgres://user:password@host:5432/name) or an "
            f"SQLite one (sqlite:////absolute/path.sqlite3); got the scheme {scheme or 'none'!r}."
        )
    try:
        return environ.Env.db_url_config(raw)
    except Exception as error:  # django-environ raises several types for malformed URLs
        raise ImproperlyConfigured(f"{name} is not a valid database URL: {error}") from None


def env_email(name: str) -> dict:
    raw = env_str(name)
    if not raw:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    try:
        return environ.Env.email_url_config(raw)
    except Exception as error:
        raise ImproperlyConfigured(
            f"{name} is not a valid e-mail URL (e.g. smtp+tls://user:password@host:587): {error}"
        ) from None


def secret_key(name: str, *, debug: bool, development_key_file: Path) -> str:
    """The secret key: required in production, generated once and kept in development."""
    value = env_str(name)
    if value:
        if not debug and len(value) < 50:
            raise ImproperlyConfigured(f"{name} must be at least 50 characters long.")
        return value
    if not debug:
        raise ImproperlyConfigured(
            f"{name} is required when DJANGO_DEBUG is off. Generate one with: "
            "python -c 'import secrets; print(secrets.token_urlsafe(64))'"
        )
    if not development_key_file.exists():
        development_key_file.parent.mkdir(parents=True, exist_ok=True)
        development_key_file.write_text(secrets.token_urlsafe(64))
        development_key_file.chmod(0o600)
    return development_key_file.read_text().strip()


def env_admins(name: str) -> list[tuple[str, str]]:
    """``Name <address>, address, …`` as Django's ADMINS: a list of (name, address)."""
    from email.utils import getaddresses

    raw = env_str(name)
    if not raw:
        return []
    admins = []
    for display_name, address in getaddresses([raw]):
        if "@" not in address:
            raise ImproperlyConfigured(
                f"{name} must list e-mail addresses, e.g. 'Ops <ops@example.org>, dev@example.org';"
                f" {address or display_name!r} is not one."
            )
        admins.append((display_name or address, address))
    return admins
