"""Importing HSDS 3.1 data into the social map: the service functions.

``import_path`` reads a JSON file, a folder of JSON files or a CSV data
package; ``import_documents`` takes parsed JSON (one object, a list, or an
API page), for tests and the demo loader. Both return an ``ImportReport``.

Never a half-imported record: the whole file is checked first (``plan``)
and refused as a whole when it is not JSON, not HSDS, or gives one id to
two different records; a file too large or nested too deep is refused
before it is parsed (``files``). Then each top-level record is written in
its own savepoint: a service with its organization, phones, schedules,
locations and attributes is written entirely or not at all (a record with
a web address that is not http(s) is rejected first, see ``web``), and a
rejected record does not stop the others. An organization's nested
services are records of their own, written after it (and rejected with
it). ``dry_run`` rolls the whole import back and still reports. The search
index is updated for the services written, after the transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

from django.db import DatabaseError, transaction

from aandacht.core.models import Region
from aandacht.socialmap.io.plan import Plan, Record, plan_import
from aandacht.socialmap.io.read_json import Item, items_of, read_items
from aandacht.socialmap.io.report import FileRefused, ImportReport, RecordError
from aandacht.socialmap.io.rows import RowStore
from aandacht.socialmap.io.web import check_web_addresses
from aandacht.socialmap.io.writer import MODELS, Writer
from aandacht.socialmap.search import index

__all__ = ["import_documents", "import_path"]

_RANK: Final = {"unchanged": 0, "updated": 1, "created": 2}


def import_path(
    path: str | Path, *, region: Region | None = None, dry_run: bool = False
) -> ImportReport:
    """Import the HSDS file, folder or CSV package at ``path``."""
    report = ImportReport(source=str(path), dry_run=dry_run)
    try:
        reading = read_items(Path(path))
    except FileRefused as refusal:
        report.refused = str(refusal)
        return report
    report.warnings.extend(reading.warnings)
    return _run(reading.items, report, region)


def import_documents(
    data: object,
    *,
    region: Region | None = None,
    dry_run: bool = False,
    source: str = "documents",
) -> ImportReport:
    """Import parsed HSDS JSON: one object, a list of them, or an API page."""
    report = ImportReport(source=source, dry_run=dry_run)
    return _run(items_of(data, source), report, region)


def _run(
    items: list[Item], report: ImportReport, region: Region | None
) -> ImportReport:
    try:
        plan = plan_import(items)
    except FileRefused as refusal:
        report.refused = str(refusal)
        return report
    report.warnings.extend(plan.warnings)
    with transaction.atomic():
        _write_all(plan, report, region)
        if report.dry_run:
            transaction.set_rollback(True)
    if not report.dry_run and report.written_services:
        index.reindex(sorted(report.written_services, key=str))
    return report


def _store_for(plan: Plan) -> RowStore:
    return RowStore(
        {MODELS[kind]: ids for kind, ids in plan.ids.items() if kind in MODELS}
    )


class _Run:
    """One import's writer and tally: each id counted once, by its best outcome."""

    def __init__(self, plan: Plan, report: ImportReport, region: Region | None) -> None:
        self.report = report
        self.writer = Writer(_store_for(plan), region)
        self.tally: dict[tuple[str, str], str] = {}
        self.warned: set[str] = set()

    def write(self, kind: str, doc: dict[str, Any], action: Callable[[], Any]) -> Any:
        """Run ``action`` in a savepoint; on failure reject the record."""
        record_id = str(doc.get("id"))
        self.writer.begin(f"{kind} {record_id}")
        try:
            check_web_addresses(kind, doc)
            with transaction.atomic():
                row = action()
        except RecordError as error:
            self.reject(kind, record_id, str(error))
            return None
        except DatabaseError as error:
            first_line = (
                str(error).strip().splitlines()[0] if str(error).strip() else ""
            )
            self.reject(kind, record_id, f"the database refused it ({first_line})")
            return None
        for outcome_kind, key, outcome in self.writer.outcomes:
            before = self.tally.get((outcome_kind, key))
            if before is None or _RANK[outcome] > _RANK[before]:
                self.tally[(outcome_kind, key)] = outcome
        for context, message in self.writer.warnings:
            if message not in self.warned:  # a shared schedule warns once
                self.warned.add(message)
                self.report.warnings.append(f"{context}: {message}")
        self.report.written_services.update(self.writer.services)
        return row

    def reject(self, kind: str, record_id: str, reason: str) -> None:
        self.report.reject(kind, record_id, reason)
        self.writer.store.reload()

    def record(self, record: Record) -> None:
        writer, doc = self.writer, record.doc
        if record.kind == "taxonomy":
            self.write("taxonomy", doc, lambda: writer.taxonomy(doc))
        elif record.kind == "taxonomy_term":
            self.write("taxonomy_term", doc, lambda: writer.taxonomy_term(doc))
        elif record.kind == "service":
            self.write("service", doc, lambda: writer.service(doc))
        else:
            self.organization(doc)

    def service_action(self, doc: dict[str, Any], org: Any) -> Callable[[], Any]:
        return lambda: self.writer.service(doc, org)

    def organization(self, doc: dict[str, Any]) -> None:
        org = self.write("organization", doc, lambda: self.writer.organization(doc))
        for service in doc.get("services") or []:
            if org is None:
                self.report.reject(
                    "service",
                    str(service.get("id")),
                    f"its organization {doc.get('id')} was rejected",
                )
                continue
            self.write("service", service, self.service_action(service, org))


def _write_all(plan: Plan, report: ImportReport, region: Region | None) -> None:
    run = _Run(plan, report, region)
    for record in plan.records:
        run.record(record)
    for (kind, _key), outcome in run.tally.items():
        report.count(kind, outcome)
