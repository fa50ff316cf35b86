"""Cells that a spreadsheet reads as data, never as a formula.

A text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is a formula to Excel and LibreOffice (CSV injection), so it gets a leading
apostrophe, as in the further-training export. Codes and numbers never start
that way; the scrubbed summaries and labels an administrator typed might.
"""

from __future__ import annotations

from aandacht.insights.exports.rows import Cell

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
