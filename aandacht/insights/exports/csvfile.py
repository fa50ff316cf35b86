"""A research export as CSV: the contacts and the data dictionary in a zip.

Streamed: the zip is written to a sink that the response empties after
every few hundred rows, so the size of the export never matters to memory
(``zipfile`` writes to a stream it cannot seek with data descriptors).
UTF-8 with a byte-order mark, so Excel reads the accents; the separator is
the one Excel expects in the interface language (a semicolon in Dutch), as
in the further-training export, and it is stated on the export page.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from typing import IO

from django.utils import formats

from aandacht.insights.exports.cells import Cell, safe_text
from aandacht.insights.exports.dictionary import Dictionary

CONTACTS_FILE = "contacts.csv"
DICTIONARY_FILE = "data-dictionary.csv"
ROWS_PER_FLUSH = 500


def delimiter() -> str:
    """A semicolon where the decimal separator is a comma (Dutch), else a comma."""
    return ";" if formats.get_format("DECIMAL_SEPARATOR") == "," else ","


class _Sink:
    """A write-only stream whose bytes are taken out as they come."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        return None

    def close(self) -> None:
        return None

    def take(self) -> bytes:
        data = b"".join(self._parts)
        self._parts.clear()
        return data


def _text(member: IO[bytes]) -> io.TextIOWrapper:
    return io.TextIOWrapper(member, encoding="utf-8-sig", newline="")


def zip_stream(
    dictionary: Dictionary, rows: Iterable[list[Cell]], *, separator: str
) -> Iterator[bytes]:
    """The zip's bytes, a piece at a time, as the rows are read."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with _text(archive.open(CONTACTS_FILE, "w", force_zip64=True)) as text:
            writer = csv.writer(text, delimiter=separator, lineterminator="\r\n")
            writer.writerow(dictionary.names)
            for count, row in enumerate(rows, start=1):
                writer.writerow(row)  # safe already; None is written empty
                if count % ROWS_PER_FLUSH == 0:
                    text.flush()
                    if data := sink.take():
                        yield data
        with _text(archive.open(DICTIONARY_FILE, "w")) as text:
            writer = csv.writer(text, delimiter=separator, lineterminator="\r\n")
            writer.writerows(
                [safe_text(cell) for cell in row] for row in dictionary.rows()
            )
    yield sink.take()
