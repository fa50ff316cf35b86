"""Reading an import path into HSDS items: JSON files, folders, CSV packages.

A JSON file holds one object, a list of objects, or an HSDS API page
(``{"contents": [...]}``). A folder is a CSV data package when it has a
``datapackage.json`` (see ``read_csv``); otherwise every ``*.json`` in it
(and below, as in the Open Referral mock API's ``data/``) is read. Each
file is checked for size and nesting first (``files``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aandacht.socialmap import hsds
from aandacht.socialmap.io import read_csv
from aandacht.socialmap.io.files import parse_json, read_text
from aandacht.socialmap.io.report import FileRefused


@dataclass(frozen=True)
class Item:
    """One top-level document and where it came from, for messages."""

    source: str
    path: str
    doc: Any

    @property
    def where(self) -> str:
        return f"{self.source} {self.path}".strip()


def items_of(data: object, source: str) -> list[Item]:
    """The top-level documents of parsed JSON: one object, a list or a page."""
    if isinstance(data, dict) and hsds.is_page(data):
        return [
            Item(source, f"$.contents[{i}]", doc)
            for i, doc in enumerate(data["contents"])
        ]
    if isinstance(data, list):
        return [Item(source, f"$[{i}]", doc) for i, doc in enumerate(data)]
    return [Item(source, "$", data)]


def _json_files(folder: Path) -> Iterator[Path]:
    yield from sorted(p for p in folder.rglob("*.json") if p.is_file())


@dataclass
class Reading:
    items: list[Item]
    warnings: list[str]


def read_items(path: Path) -> Reading:
    """Every top-level document at ``path``; raise ``FileRefused`` if unreadable."""
    if not path.exists():
        raise FileRefused(f"{path} does not exist")
    if path.is_file() and path.name == "datapackage.json":
        path = path.parent
    if path.is_dir():
        if (path / "datapackage.json").is_file():
            documents, warnings = read_csv.read_package(path)
            return Reading(items_of(documents, path.name), warnings)
        files = list(_json_files(path))
        if not files:
            raise FileRefused(read_csv.describe_folder_without_package(path))
        items: list[Item] = []
        for file in files:
            name = str(file.relative_to(path))
            items.extend(items_of(parse_json(read_text(file), name), name))
        return Reading(items, [])
    if path.suffix.lower() == ".csv":
        raise FileRefused(
            f"{path.name} is a single CSV file; an HSDS 3.1 CSV import is a folder "
            "with datapackage.json and one CSV file per table"
        )
    return Reading(items_of(parse_json(read_text(path), path.name), path.name), [])
