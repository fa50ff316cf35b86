"""HSDS 3.1 CSV data packages, assembled into nested JSON documents.

A package is a folder with ``datapackage.json`` whose ``resources`` name the
HSDS tables (``organization``, ``service``, ``phone``, …) and their CSV
files; rows refer to each other by id columns, as in the official
``datapackage.json``. The rows are nested the way the HSDS API nests them
(phones under their service, location and organization; a location under
its organization and its service-at-location; …), so a package goes through
the same checks and writer as JSON. A row that is nested under several
parents appears in each, identical, and is stored once.

Decisions: an empty cell is an absent property; a cell of a ``number``
property is read as a number (a cell that is not one refuses the package);
two rows of one table with the same id and different cells refuse it; a
table the package lists but whose file is missing counts as empty (with a
warning); rows that belong to nothing imported are skipped with a warning.
Every file is held to the size limit of ``files``; a cell longer than the
``csv`` module reads (128 KB) refuses the package.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from aandacht.socialmap import hsds
from aandacht.socialmap.io import files
from aandacht.socialmap.io.report import FileRefused

Row = dict[str, Any]

_NUMBER: Final = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")

#: Files that mark an Ohana API export (close to HSDS 1.0), not HSDS 3.1.
_OHANA_FILES: Final = (
    "regular_schedules.csv",
    "holiday_schedules.csv",
    "mail_addresses.csv",
)

#: Tables whose skipped rows are worth a warning.
_PLACED_TABLES: Final = (
    "service",
    "location",
    "service_at_location",
    "phone",
    "schedule",
    "service_area",
    "language",
    "address",
    "attribute",
)


@dataclass
class Package:
    """The tables of a package by resource name, and what was said on the way."""

    tables: dict[str, dict[str, Row]]
    warnings: list[str] = field(default_factory=list)


def describe_folder_without_package(folder: Path) -> str:
    """Why a folder without ``datapackage.json`` (and without JSON) is refused."""
    names = sorted(p.name for p in folder.glob("*.csv"))
    expected = (
        "Expected an HSDS 3.1 tabular data package: a folder with datapackage.json "
        "and one CSV file per table (organizations.csv, services.csv, "
        "locations.csv, phones.csv, schedules.csv, …) with the HSDS 3.1 column "
        "names, or HSDS JSON files"
    )
    if not names:
        return f"{folder.name} holds no JSON files and no datapackage.json. {expected}"
    ohana = [name for name in _OHANA_FILES if name in names]
    if ohana:
        return (
            f"{folder.name} has no datapackage.json and looks like an Ohana API "
            f"CSV export (HSDS 1.x: {', '.join(ohana)}, services with a "
            "location_id and old column names such as weekday and number_type), "
            f"not HSDS 3.1. {expected}"
        )
    return (
        f"{folder.name} has CSV files ({', '.join(names[:5])}) but no "
        f"datapackage.json. {expected}"
    )


def _number(text: str) -> int | float | None:
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    return int(value) if value.is_integer() and "e" not in text.lower() else value


def _cells(kind: str, row: dict[str, str | None], where: str) -> Row:
    properties = hsds.schema(kind).get("properties", {})
    out: Row = {}
    for column, raw in row.items():
        if column is None or raw is None or raw == "":
            continue
        if properties.get(column, {}).get("type") == "number":
            number = _number(raw.strip())
            if number is None:
                raise FileRefused(f"{where}, column {column}: {raw!r} is not a number")
            out[column] = number
        else:
            out[column] = raw
    return out


def _read_table(file: Path, kind: str) -> dict[str, Row]:
    reader = csv.DictReader(io.StringIO(files.read_text(file)))
    try:
        return _table_rows(file, kind, reader)
    except csv.Error as error:  # e.g. a cell longer than csv.field_size_limit()
        # ``line_num`` counts the lines read before the one that failed.
        raise FileRefused(
            f"{file.name} cannot be read as CSV at line {reader.line_num + 1}: {error}"
        ) from None


def _table_rows(file: Path, kind: str, reader: csv.DictReader[str]) -> dict[str, Row]:
    if reader.fieldnames is None or "id" not in reader.fieldnames:
        raise FileRefused(f"{file.name} has no id column")
    rows: dict[str, Row] = {}
    for raw in reader:
        where = f"{file.name} line {reader.line_num}"
        row = _cells(kind, raw, where)
        key = str(row.get("id", ""))
        if not key:
            raise FileRefused(f"{where}: the id is empty")
        if key in rows and rows[key] != row:
            raise FileRefused(
                f"duplicate id {key} in {file.name}: two rows share it with "
                f"different values (the second at line {reader.line_num})"
            )
        rows[key] = row
    return rows


def load_package(folder: Path) -> Package:
    """Read ``datapackage.json`` and every table it lists."""
    descriptor_file = folder / "datapackage.json"
    descriptor = files.parse_json(
        files.read_text(descriptor_file), descriptor_file.name
    )
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(resources, list):
        raise FileRefused("datapackage.json has no list of resources")
    package = Package(tables={})
    for resource in resources:
        if not isinstance(resource, dict):
            continue
        name, path = resource.get("name"), resource.get("path")
        if name not in hsds.KINDS or not isinstance(path, str):
            package.warnings.append(f"datapackage.json: resource {name!r} is not HSDS")
            continue
        file = folder / path
        if not file.is_file():
            package.warnings.append(f"datapackage.json lists {path}, which is missing")
            continue
        package.tables[name] = _read_table(file, name)
    if "organization" not in package.tables and "service" not in package.tables:
        raise FileRefused(
            "the data package has neither organizations.csv nor services.csv"
        )
    return package


class _Assembler:
    """Nests the rows of a package into HSDS documents."""

    def __init__(self, package: Package) -> None:
        self.tables = package.tables
        self.warnings = package.warnings
        self.placed: dict[str, set[str]] = defaultdict(set)
        self.index: dict[tuple[str, str], dict[str, list[Row]]] = {}

    def rows(self, table: str) -> Iterable[Row]:
        return self.tables.get(table, {}).values()

    def get(self, table: str, key: object) -> Row | None:
        return self.tables.get(table, {}).get(str(key)) if key else None

    def under(self, table: str, column: str, parent: object) -> list[Row]:
        if (table, column) not in self.index:
            grouped: dict[str, list[Row]] = defaultdict(list)
            for row in self.rows(table):
                if column in row:
                    grouped[str(row[column])].append(row)
            self.index[(table, column)] = grouped
        found = self.index[(table, column)].get(str(parent), [])
        self.placed[table].update(str(row["id"]) for row in found)
        return found

    @staticmethod
    def strip(row: Row, *columns: str) -> Row:
        return {k: v for k, v in row.items() if k not in columns}

    @staticmethod
    def put(doc: Row, key: str, items: list[Row]) -> None:
        if items:
            doc[key] = items

    def simple(self, table: str, column: str, parent: object, *drop: str) -> list[Row]:
        return [self.strip(r, column, *drop) for r in self.under(table, column, parent)]

    # -- parts

    def language(self, row: Row) -> Row:
        return self.strip(row, "service_id", "location_id", "phone_id")

    def languages(self, column: str, parent: object) -> list[Row]:
        return [self.language(r) for r in self.under("language", column, parent)]

    def phone(self, row: Row) -> Row:
        doc = self.strip(
            row,
            "location_id",
            "service_id",
            "organization_id",
            "contact_id",
            "service_at_location_id",
        )
        self.put(doc, "languages", self.languages("phone_id", row["id"]))
        return doc

    def phones(self, column: str, parent: object) -> list[Row]:
        return [self.phone(r) for r in self.under("phone", column, parent)]

    def schedules(self, column: str, parent: object) -> list[Row]:
        drop = ("service_id", "location_id", "service_at_location_id")
        return [self.strip(r, *drop) for r in self.under("schedule", column, parent)]

    def contacts(self, column: str, parent: object) -> list[Row]:
        drop = (
            "organization_id",
            "service_id",
            "service_at_location_id",
            "location_id",
        )
        contacts = []
        for row in self.under("contact", column, parent):
            doc = self.strip(row, *drop)
            self.put(doc, "phones", self.phones("contact_id", row["id"]))
            contacts.append(doc)
        return contacts

    def location(self, row: Row, *, in_organization: bool) -> Row:
        known = self.get("organization", row.get("organization_id")) is not None
        linked = in_organization or known
        doc = self.strip(row, "organization_id") if linked else dict(row)
        key = row["id"]
        self.placed["location"].add(str(key))
        self.put(doc, "languages", self.languages("location_id", key))
        self.put(doc, "addresses", self.simple("address", "location_id", key))
        self.put(doc, "contacts", self.contacts("location_id", key))
        self.put(doc, "accessibility", self.simple("accessibility", "location_id", key))
        self.put(doc, "phones", self.phones("location_id", key))
        self.put(doc, "schedules", self.schedules("location_id", key))
        return doc

    def service_at_location(self, row: Row) -> Row:
        key = row["id"]
        location = self.get("location", row.get("location_id"))
        doc = self.strip(row, "service_id")
        if location is not None:
            doc.pop("location_id")
            doc["location"] = self.location(location, in_organization=False)
        drop = ("service_id",)
        areas = self.simple("service_area", "service_at_location_id", key, *drop)
        self.put(doc, "service_areas", areas)
        self.put(doc, "contacts", self.contacts("service_at_location_id", key))
        self.put(doc, "phones", self.phones("service_at_location_id", key))
        self.put(doc, "schedules", self.schedules("service_at_location_id", key))
        return doc

    def taxonomy_term(self, row: Row) -> Row:
        doc = dict(row)
        taxonomy = self.get("taxonomy", row.get("taxonomy_id"))
        if taxonomy is not None:
            doc.pop("taxonomy_id")
            doc["taxonomy_detail"] = dict(taxonomy)
        return doc

    def attribute(self, row: Row) -> Row:
        doc = self.strip(row, "link_id")
        term = self.get("taxonomy_term", row.get("taxonomy_term_id"))
        if term is not None:
            doc.pop("taxonomy_term_id")
            doc["taxonomy_term"] = self.taxonomy_term(term)
        return doc

    def service(self, row: Row, *, in_organization: bool) -> Row:
        key = row["id"]
        self.placed["service"].add(str(key))
        doc = self.strip(row, "organization_id") if in_organization else dict(row)
        program = self.get("program", row.get("program_id"))
        if program is not None:
            doc["program"] = self.strip(program, "organization_id")
        column = "service_id"
        self.put(doc, "phones", self.phones(column, key))
        self.put(doc, "schedules", self.schedules(column, key))
        drop = ("service_at_location_id",)
        self.put(doc, "service_areas", self.simple("service_area", column, key, *drop))
        sals = [
            self.service_at_location(r)
            for r in self.under("service_at_location", column, key)
        ]
        self.put(doc, "service_at_locations", sals)
        self.put(doc, "languages", self.languages(column, key))
        self.put(
            doc,
            "attributes",
            [self.attribute(r) for r in self.under("attribute", "link_id", key)],
        )
        self.put(doc, "funding", self.simple("funding", column, key, "organization_id"))
        self.put(doc, "cost_options", self.simple("cost_option", column, key))
        self.put(
            doc, "required_documents", self.simple("required_document", column, key)
        )
        self.put(doc, "contacts", self.contacts(column, key))
        self.put(
            doc, "additional_urls", self.simple("url", column, key, "organization_id")
        )
        return doc

    def organization(self, row: Row) -> Row:
        key = row["id"]
        doc = dict(row)
        column = "organization_id"
        self.put(doc, "phones", self.phones(column, key))
        locations = self.under("location", column, key)
        self.put(
            doc,
            "locations",
            [self.location(r, in_organization=True) for r in locations],
        )
        self.put(doc, "contacts", self.contacts(column, key))
        self.put(doc, "funding", self.simple("funding", column, key, "service_id"))
        self.put(doc, "programs", self.simple("program", column, key))
        identifiers = self.simple("organization_identifier", column, key)
        self.put(doc, "organization_identifiers", identifiers)
        self.put(
            doc, "additional_websites", self.simple("url", column, key, "service_id")
        )
        services = self.under("service", column, key)
        self.put(
            doc, "services", [self.service(r, in_organization=True) for r in services]
        )
        return doc

    # -- the whole package

    def documents(self) -> list[Row]:
        docs: list[Row] = [dict(row) for row in self.rows("taxonomy")]
        docs.extend(self.taxonomy_term(row) for row in self.rows("taxonomy_term"))
        docs.extend(self.organization(row) for row in self.rows("organization"))
        for row in self.rows("service"):
            if str(row["id"]) not in self.placed["service"]:
                docs.append(self.service(row, in_organization=False))
        self.warn_unplaced()
        return docs

    def warn_unplaced(self) -> None:
        for table in _PLACED_TABLES:
            left = sorted(set(self.tables.get(table, {})) - self.placed[table])
            if left:
                shown = ", ".join(left[:3]) + (" …" if len(left) > 3 else "")
                self.warnings.append(
                    f"{len(left)} {table} row(s) belong to nothing imported and "
                    f"were skipped ({shown})"
                )


def read_package(folder: Path) -> tuple[list[Row], list[str]]:
    """The nested documents of the package in ``folder``, and warnings."""
    package = load_package(folder)
    assembler = _Assembler(package)
    return assembler.documents(), package.warnings
