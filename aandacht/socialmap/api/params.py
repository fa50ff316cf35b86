"""The HSDS API's query parameters, read and checked in one place.

Pure on purpose: a mapping of strings in, a typed ``ServiceQuery`` out, or a
``ParamError`` whose message names the parameter and what it expects, so a
partner's developer sees at once what to fix.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

__all__ = [
    "MAX_PER_PAGE",
    "PageQuery",
    "ParamError",
    "ServiceQuery",
    "read_page",
    "read_services",
]

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
#: The years a date-time parameter may lie in (UTC). Python's calendar ends at
#: 0001 and 9999, and a moment near either edge overflows when it is moved to
#: UTC or to Amsterdam, or when the next opening is looked for (issue #14).
#: 1900 keeps ``modified_after=1970-01-01T00:00:00Z`` ("everything") working.
FIRST_YEAR, LAST_YEAR = 1900, 2100
_TRUE = {"true", "1", "yes"}
_FALSE = {"false", "0", "no", ""}


class ParamError(ValueError):
    """A query parameter the API cannot use; the message says why."""


@dataclass(frozen=True)
class PageQuery:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    search: str = ""


@dataclass(frozen=True)
class ServiceQuery(PageQuery):
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None
    modified_after: datetime | None = None
    open_at: datetime | None = None
    open_now: bool = False
    area: str = ""
    language: str = ""
    minimal: bool = False


def _positive(params: Mapping[str, str], name: str, default: int, top: int) -> int:
    text = params.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit() or int(text) < 1:
        raise ParamError(f"{name} must be a whole number of 1 or more, not {text!r}")
    return min(int(text), top)


def _uuid(params: Mapping[str, str], name: str) -> uuid.UUID | None:
    text = params.get(name, "").strip()
    if not text:
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        raise ParamError(f"{name} must be a UUID, not {text!r}") from None


def _moment(params: Mapping[str, str], name: str) -> datetime | None:
    text = params.get(name, "").strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ParamError(
            f"{name} must be an ISO 8601 date-time such as "
            f"2026-11-27T22:00:00+01:00, not {text!r}"
        ) from None
    if moment.tzinfo is None:
        raise ParamError(
            f"{name} needs a UTC offset (such as +01:00 or Z): {text!r} is ambiguous"
        )
    if not FIRST_YEAR <= _utc_year(moment) <= LAST_YEAR:
        raise ParamError(
            f"{name} must lie in the years {FIRST_YEAR} to {LAST_YEAR}, not {text!r}"
        )
    return moment


def _utc_year(moment: datetime) -> int:
    """The year of ``moment`` in UTC; 0 or 10000 beyond Python's calendar."""
    try:
        return moment.astimezone(UTC).year
    except OverflowError:
        return 0 if moment.year == 1 else 10000


def _flag(params: Mapping[str, str], name: str) -> bool:
    text = params.get(name, "").strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ParamError(f"{name} must be true or false, not {text!r}")


def read_page(params: Mapping[str, str]) -> PageQuery:
    return PageQuery(
        page=_positive(params, "page", 1, 10**6),
        per_page=_positive(params, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE),
        search=params.get("search", "").strip()[:200],
    )


def read_services(params: Mapping[str, str]) -> ServiceQuery:
    page = read_page(params)
    open_at = _moment(params, "open_at")
    open_now = _flag(params, "open_now")
    if open_at is not None and open_now:
        raise ParamError("give open_at or open_now, not both")
    return ServiceQuery(
        page=page.page,
        per_page=page.per_page,
        search=page.search,
        taxonomy_term_id=_uuid(params, "taxonomy_term_id"),
        taxonomy_id=_uuid(params, "taxonomy_id"),
        organization_id=_uuid(params, "organization_id"),
        modified_after=_moment(params, "modified_after"),
        open_at=open_at,
        open_now=open_now,
        area=params.get("area", "").strip()[:120],
        language=params.get("language", "").strip()[:60],
        minimal=_flag(params, "minimal"),
    )
