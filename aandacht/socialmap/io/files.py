"""Reading one import file: its size, its encoding and, for JSON, its nesting.

Each check refuses the whole file (``FileRefused``) with a message saying
what to change, before the file is read into memory or parsed:

* ``MAX_FILE_BYTES``, 25 MB a file (JSON, ``datapackage.json`` or one CSV
  table). The demo files take about 6 KB per fully nested service, so 25 MB
  holds some 4,000 services: more than a region's whole social map. Parsed,
  a JSON file takes several times its size in memory, and the import checks
  every record against the schema before it writes; the limit keeps that
  within a small server's reach. A larger map is split into several files
  in one folder (each service or organization is a record of its own).
* ``MAX_DEPTH``, 64 levels of ``[`` and ``{``. HSDS nests about twenty at
  most (a page, an organization, its service, a service at a location, its
  location, a phone, its language, an attribute, its term, the taxonomy…);
  64 leaves room for extensions in ``extra``. Python's JSON reader, the
  schema check and the writer all recurse, so a file built to be deeper
  (``[[[[…``) would end the import with a ``RecursionError``; it is counted
  here, outside strings, without recursing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Final

from aandacht.socialmap.io.report import FileRefused

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "parse_json", "read_text"]

MAX_FILE_BYTES: Final = 25 * 1024 * 1024
MAX_DEPTH: Final = 64

#: A JSON string (skipped: its brackets are text) or one bracket.
_STRING_OR_BRACKET: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)


def read_text(path: Path) -> str:
    """The file's text; refused when it is too large or not UTF-8."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise FileRefused(
            f"{path.name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB "
            f"({size / (1024 * 1024):.1f} MB); split it into several files in "
            "one folder and import the folder"
        )
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileRefused(
            f"{path.name} is not UTF-8 text (byte {error.start} cannot be read)"
        ) from None


def _too_deep_at(text: str) -> int | None:
    """Where the text first opens more than ``MAX_DEPTH`` levels, or None."""
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        bracket = match.group()
        if bracket in ("[", "{"):
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif bracket in ("]", "}"):
            depth -= 1
    return None


def parse_json(text: str, name: str) -> object:
    """Parse ``text``; refuse with the line and column of the first error."""
    position = _too_deep_at(text)
    if position is not None:
        line = text.count("\n", 0, position) + 1
        column = position - text.rfind("\n", 0, position)
        raise FileRefused(
            f"{name} is nested more than {MAX_DEPTH} levels deep (at line {line}, "
            f"column {column}); HSDS needs about 20"
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FileRefused(
            f"{name} is not valid JSON: {error.msg} at line {error.lineno}, "
            f"column {error.colno}"
        ) from None
