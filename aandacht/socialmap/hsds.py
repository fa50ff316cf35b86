"""Validation against the official HSDS 3.1 JSON schemas (pure Python).

Stdlib, ``jsonschema`` and ``referencing`` only (issue #5, item 2). The
schemas are vendored unchanged in ``hsds_schema/``.

Decisions:

* The schema files carry neither ``$schema`` nor ``$id``; they ``$ref`` each
  other by bare file name (``"phone.json"``). The ``openapi.json`` next to
  them declares ``jsonSchemaDialect`` 2020-12, so every file is read as a
  Draft 2020-12 resource. Each file is registered under its bare name and
  under the openreferral.org raw GitHub URLs (``.../specification/3.0/schema/``,
  which ``openapi.json`` uses, and ``.../3.1/schema/``), so relative refs keep
  resolving whichever form a document is entered by. The ``compiled/*``
  schemas ``openapi.json`` refers to are not vendored and stay unresolvable.
* Formats are checked. ``jsonschema`` only checks ``date-time`` and ``uri``
  when optional packages are installed; both are checked here with the stdlib
  (RFC 3339 date-time with an offset; an absolute URI with a scheme and no
  whitespace). Dates in HSDS (``assured_date``, ``valid_from``...) carry no
  ``format`` in the schemas and so are not checked.
* The HSDS schemas allow extra properties; so does :func:`validate`.
* An unknown *kind* is a programming error and raises :class:`ValueError`;
  problems in a *document* are returned as messages (``"$.path: message"``).
* :func:`validate_page` checks the page fields against ``Page`` in
  ``openapi.json`` (which marks none of them required); with
  ``require_page_fields`` (the default) all seven and ``contents`` must be
  present, and ``empty``, ``first_page`` and ``last_page`` must agree with
  ``contents``, ``page_number`` and ``total_pages``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, Final

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

__all__ = [
    "KINDS",
    "PAGE_FIELDS",
    "SCHEMA_DIR",
    "SCHEMA_URL_BASES",
    "HsdsError",
    "is_page",
    "kind_of",
    "registry",
    "require_valid",
    "schema",
    "validate",
    "validate_page",
]

SCHEMA_DIR: Final = Path(__file__).resolve().parent / "hsds_schema"

#: Prefixes under which each schema file is registered besides its bare name.
SCHEMA_URL_BASES: Final = (
    "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/",
    "https://raw.githubusercontent.com/openreferral/specification/3.1/schema/",
)

_OPENAPI: Final = "openapi.json"

#: Every kind :func:`validate` knows: the schema file names without ``.json``.
KINDS: Final[tuple[str, ...]] = tuple(
    sorted(p.stem for p in SCHEMA_DIR.glob("*.json") if p.name != _OPENAPI)
)

#: The page fields of an HSDS API list response (``Page`` in openapi.json).
PAGE_FIELDS: Final = (
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
)

_MAX_MESSAGE: Final = 300


class HsdsError(ValueError):
    """A document does not follow HSDS 3.1; ``problems`` lists why."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        shown = "; ".join(self.problems[:5])
        more = len(self.problems) - 5
        if more > 0:
            shown += f"; and {more} more"
        super().__init__(f"not valid HSDS 3.1: {shown}")


def _load(name: str) -> Any:
    with (SCHEMA_DIR / name).open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def registry() -> Registry[Any]:
    """All vendored schemas (and openapi.json), keyed so that every ref resolves."""
    pairs: list[tuple[str, Resource[Any]]] = []
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        resource = DRAFT202012.create_resource(_load(path.name))
        pairs.append((path.name, resource))
        pairs.extend((base + path.name, resource) for base in SCHEMA_URL_BASES)
    return Registry().with_resources(pairs).crawl()


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(
            f"unknown HSDS kind {kind!r}; expected one of: {', '.join(KINDS)}"
        )


def schema(kind: str) -> Mapping[str, Any]:
    """The schema of *kind* as stored in the registry."""
    _check_kind(kind)
    contents: Mapping[str, Any] = registry().contents(f"{kind}.json")
    return contents


# -- formats -----------------------------------------------------------------

_DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})"
)
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s\x00-\x1f\x7f<>\"{}|\\^`]*")


def _is_date_time(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    if not _DATE_TIME.fullmatch(instance):
        return False
    text = instance.upper().replace("Z", "+00:00")
    seconds = text[17:19]
    if seconds == "60":  # a leap second; datetime cannot hold it
        text = text[:17] + "59" + text[19:]
    datetime.fromisoformat(text)  # ValueError for 2024-02-30, 25:00, ...
    return True


def _is_uri(instance: object) -> bool:
    return not isinstance(instance, str) or bool(_URI.fullmatch(instance))


@cache
def _format_checker() -> FormatChecker:
    checker = FormatChecker()
    checker.checks("date-time", raises=ValueError)(_is_date_time)
    checker.checks("uri")(_is_uri)
    return checker


# -- validation ---------------------------------------------------------------


@cache
def _validator(kind: str) -> Any:
    return Draft202012Validator(
        schema(kind), registry=registry(), format_checker=_format_checker()
    )


def _shorten(message: str) -> str:
    if len(message) <= _MAX_MESSAGE:
        return message
    half = (_MAX_MESSAGE - 5) // 2
    return f"{message[:half]} ... {message[-half:]}"


def _messages(validator: Any, document: object) -> list[str]:
    return sorted(
        {
            f"{error.json_path}: {_shorten(error.message)}"
            for error in validator.iter_errors(document)
        }
    )


def validate(kind: str, document: object) -> list[str]:
    """Every way *document* breaks the HSDS 3.1 schema of *kind*, sorted.

    Each message starts with the JSON path of the offending value, e.g.
    ``"$.phones[0].number: 5 is not of type 'string'"``. An empty list means
    valid. Raises :class:`ValueError` for an unknown *kind*.
    """
    _check_kind(kind)
    return _messages(_validator(kind), document)


def require_valid(kind: str, document: object) -> None:
    """Raise :class:`HsdsError` unless *document* is a valid *kind*."""
    problems = validate(kind, document)
    if problems:
        raise HsdsError(problems)


@cache
def _page_validator(require_page_fields: bool) -> Any:
    required = [*PAGE_FIELDS, "contents"] if require_page_fields else ["contents"]
    page_schema = {
        "type": "object",
        "allOf": [{"$ref": f"{_OPENAPI}#/components/schemas/Page"}],
        "required": required,
        "properties": {"contents": {"type": "array"}},
    }
    return Draft202012Validator(
        page_schema, registry=registry(), format_checker=_format_checker()
    )


def _consistency(page: Mapping[str, Any]) -> Iterable[str]:
    contents, empty = page.get("contents"), page.get("empty")
    if (
        isinstance(contents, list)
        and isinstance(empty, bool)
        and empty == bool(contents)
    ):
        yield f"$.empty: is {json.dumps(empty)} but contents has {len(contents)} items"
    number, pages = page.get("page_number"), page.get("total_pages")
    if type(number) is not int:
        return
    first = page.get("first_page")
    if isinstance(first, bool) and first != (number == 1):
        yield f"$.first_page: is {json.dumps(first)} but page_number is {number}"
    last = page.get("last_page")
    if type(pages) is int and isinstance(last, bool) and last != (number >= pages):
        yield f"$.last_page: is {json.dumps(last)} but page {number} of {pages}"


def validate_page(
    document: object, kind: str, *, require_page_fields: bool = True
) -> list[str]:
    """Check an HSDS API page and each of its ``contents`` as a *kind*.

    Problems of item ``i`` are reported under ``$.contents[i]``. With
    ``require_page_fields=False`` only ``contents`` must be present (for
    importing pages that are just ``{"contents": [...]}``).
    """
    _check_kind(kind)
    problems = _messages(_page_validator(require_page_fields), document)
    if not isinstance(document, Mapping):
        return problems
    if require_page_fields:
        problems.extend(_consistency(document))
    contents = document.get("contents")
    if isinstance(contents, list):
        for index, item in enumerate(contents):
            prefix = f"$.contents[{index}]"
            problems.extend(prefix + p[1:] for p in validate(kind, item))
    return sorted(problems)


# -- guessing the kind ----------------------------------------------------------


def is_page(document: object) -> bool:
    """Whether *document* looks like an HSDS API page (has a ``contents`` list)."""
    return isinstance(document, Mapping) and isinstance(document.get("contents"), list)


@cache
def _shapes() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    shapes: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for kind in KINDS:
        contents = schema(kind)
        properties = frozenset(contents.get("properties", {}))
        required = frozenset(contents.get("required", ()))
        shapes[kind] = (properties, required)
    return shapes


def kind_of(document: object) -> str | None:
    """Guess the HSDS kind of a JSON object from its keys, or ``None``.

    Each kind scores the keys its schema knows, minus the keys it does not,
    minus its required keys that are missing; the single best kind wins.
    ``None`` for non-objects, pages (see :func:`is_page`), objects with no
    known key besides ``id``, and ties (``{"id", "name", "description"}`` fits
    organization, program, taxonomy and taxonomy_term alike).
    """
    if not isinstance(document, Mapping) or is_page(document):
        return None
    keys = frozenset(k for k in document if isinstance(k, str))
    scores: dict[str, int] = {}
    for kind, (properties, required) in _shapes().items():
        if not (keys & properties) - {"id"}:
            continue
        known = len(keys & properties)
        scores[kind] = known - len(keys - properties) - len(required - keys)
    if not scores:
        return None
    best = max(scores.values())
    winners = [kind for kind, score in scores.items() if score == best]
    if best <= 0 or len(winners) != 1:
        return None
    return winners[0]
