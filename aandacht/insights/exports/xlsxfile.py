"""A research export as an Excel workbook: a contacts sheet and a dictionary sheet.

openpyxl's write-only mode streams the rows to temporary files, so memory
stays flat, but a workbook is still built whole before the first byte can be
sent, and Excel itself stops at 1,048,576 rows. So XLSX is refused above
``XLSX_ROW_LIMIT`` contacts with a message that suggests the CSV export,
which streams any number.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from typing import IO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from aandacht.insights.exports.cells import Cell, safe
from aandacht.insights.exports.dictionary import Dictionary

# Five years of a large region; a national year is about 300,000 contacts.
XLSX_ROW_LIMIT = 100_000
CONTACTS_SHEET = "contacts"
DICTIONARY_SHEET = "dictionary"


def _cell(value: Cell) -> Cell:
    """Safe from formulas, and without the control characters XML refuses."""
    value = safe(value)
    if isinstance(value, str):
        return str(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def workbook_file(dictionary: Dictionary, rows: Iterable[list[Cell]]) -> IO[bytes]:
    """The workbook in a temporary file, at its start, ready to be sent."""
    workbook = Workbook(write_only=True)
    contacts = workbook.create_sheet(CONTACTS_SHEET)
    contacts.append(dictionary.names)
    for row in rows:
        contacts.append([_cell(cell) for cell in row])
    explained = workbook.create_sheet(DICTIONARY_SHEET)
    for entry in dictionary.rows():
        explained.append([_cell(cell) for cell in entry])
    file = tempfile.TemporaryFile()  # noqa: SIM115 (the response closes it)
    workbook.save(file)
    file.seek(0)
    return file
