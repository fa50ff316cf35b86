"""Typed readers for environment variables.

Pure Python on purpose: settings import this module before Django is set up,
and a bad value must stop the start with one clear line instead of a traceback
deep inside Django. `manage.py` and the WSGI entry point print `EnvError` as
that line.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from urllib.parse import urlsplit

DATABASE_SCHEMES = {
    "sqlite": "sqlite",
    "postgres": "postgresql",
    "postgresql": "postgresql",
    "pgsql": "postgresql",
}


class EnvError(ValueError):
    """A configuration value in the environment is missing or invalid."""


def _raw(name: str, environ: Mapping[str, str] | None) -> str | None:
    value = (os.environ if environ is None else environ).get(name)
    if value is None or value.strip() == "":
        return None
    return value.strip()


def env_str(
    name: str, default: str | None = None, *, environ: Mapping[str, str] | None = None
) -> str | None:
    """The variable's text, or `default` when it is unset or blank."""
    value = _raw(name, environ)
    return default if value is None else value


def env_required(
    name: str, *, why: str, environ: Mapping[str, str] | None = None
) -> str:
    """The variable's text; refuses to start when it is unset or blank."""
    value = _raw(name, environ)
    if value is None:
        raise EnvError(f"{name} is not set: {why}")
    return value


def env_bool(
    name: str, default: bool, *, environ: Mapping[str, str] | None = None
) -> bool:
    """`1` is on and `0` is off; anything else is refused rather than guessed."""
    value = _raw(name, environ)
    if value is None:
        return default
    if value in ("1", "0"):
        return value == "1"
    raise EnvError(f"{name} must be 1 or 0, not {value!r}.")


def env_int(
    name: str,
    default: int,
    *,
    minimum: int | None = None,
    maximum: int | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    """A whole number, optionally within [minimum, maximum]."""
    value = _raw(name, environ)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise EnvError(f"{name} must be a whole number, not {value!r}.") from None
    if minimum is not None and number < minimum:
        raise EnvError(f"{name} must be at least {minimum}, not {number}.")
    if maximum is not None and number > maximum:
        raise EnvError(f"{name} must be at most {maximum}, not {number}.")
    return number


def env_list(
    name: str, default: list[str], *, environ: Mapping[str, str] | None = None
) -> list[str]:
    """A comma-separated list; blanks between commas are dropped."""
    value = _raw(name, environ)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_database_url(
    name: str, default: str, *, environ: Mapping[str, str] | None = None
) -> str:
    """A database URL whose scheme Aandacht supports (SQLite or PostgreSQL)."""
    value = _raw(name, environ) or default
    scheme = urlsplit(value).scheme
    if scheme not in DATABASE_SCHEMES:
        supported = "sqlite:///path/to/file.db or postgres://user:password@host/name"
        shown = scheme or value
        raise EnvError(f"{name} has an unsupported scheme {shown!r}: use {supported}.")
    return value


def database_engine(url: str) -> str:
    """The short engine name ("sqlite" or "postgresql") of a checked URL."""
    return DATABASE_SCHEMES[urlsplit(url).scheme]


def env_hours(
    name: str, default: str, *, environ: Mapping[str, str] | None = None
) -> tuple[str, str]:
    """Daily opening hours as `HH:MM-HH:MM`; `00:00-24:00` is day and night."""
    value = _raw(name, environ) or default
    parts = value.split("-")
    if len(parts) != 2 or not all(_is_clock_time(part.strip()) for part in parts):
        raise EnvError(
            f"{name} must look like 14:00-23:00 (or 00:00-24:00), not {value!r}."
        )
    return parts[0].strip(), parts[1].strip()


def _is_clock_time(text: str) -> bool:
    hours, _sep, minutes = text.partition(":")
    if len(hours) != 2 or len(minutes) != 2 or not (hours + minutes).isdigit():
        return False
    return (int(hours), int(minutes)) <= (24, 0) and int(minutes) < 60
