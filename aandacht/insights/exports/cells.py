"""Cells that a spreadsheet reads as data, never as a formula.

A text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is a formula to Excel and LibreOffice (CSV injection), so it gets a leading
apostrophe, as in the further-training export. Codes and numbers never start
that way; the scrubbed summaries and what an administrator typed (codes of
regions, sources and municipalities, list labels) might. The rows make
those columns safe where they read them, so the writers need not look at
every cell of millions of rows.
"""

from __future__ import annotations

Cell = str | int | None  # None: no value (a dash to a reader, empty in a file)

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe(value: Cell) -> Cell:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_text(value: Cell) -> str:
    """The cell as CSV text: empty for no value."""
    if value is None:
        return ""
    return str(safe(value))
