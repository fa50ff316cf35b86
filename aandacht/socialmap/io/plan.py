"""Checks on a whole import before anything is written.

The file is refused, with one message, when an item is not an HSDS object
we import, when it breaks its HSDS 3.1 schema (the schema and the JSON path
are named), or when two different records share one id. "Different" means
a property both give has different values: the official examples repeat
one phone, identical, under a service, its location and its organization,
and an organization nested in a service list may leave out what the full
organization lists; neither is a conflict.

An id that is not a UUID breaks the schema too, but it only rejects the
record it belongs to (the writer says which id), so one bad id in a
municipality's file does not hold up the rest. So does an address that is
not a URI: every address must be http(s), which ``web`` checks per record.
"""

from __future__ import annotations

import contextlib
import uuid
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from aandacht.socialmap import hsds
from aandacht.socialmap.io.fields import NESTED, TOP_LEVEL_KINDS
from aandacht.socialmap.io.read_json import Item
from aandacht.socialmap.io.report import FileRefused

_ROOT_KEYS: Final = frozenset({"version", "profile", "openapi_url"})
_SHOWN_PROBLEMS: Final = 5
#: The ends of the schema's messages for a malformed id or address, which
#: reject only their record (the writer and ``web`` say why).
_PER_RECORD: Final = ("is not a 'uuid'", "is not a 'uri'")


@dataclass(frozen=True)
class Record:
    """A top-level record to write in its own savepoint."""

    kind: str
    doc: dict[str, Any]
    where: str


@dataclass
class Plan:
    records: list[Record] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: Every well-formed id per kind anywhere in the file, to load rows in bulk.
    ids: dict[str, set[uuid.UUID]] = field(default_factory=lambda: defaultdict(set))


def _is_api_root(doc: Mapping[str, Any]) -> bool:
    return "version" in doc and set(doc) <= _ROOT_KEYS


def _kind(item: Item) -> str:
    doc = item.doc
    if not isinstance(doc, dict):
        raise FileRefused(
            f"{item.where} is a {type(doc).__name__}, not an HSDS object; expected "
            "a service, organization, taxonomy or taxonomy term, a list of them, "
            'or an HSDS API page {"contents": [...]}'
        )
    kind = hsds.kind_of(doc)
    if kind is None:
        keys = ", ".join(sorted(map(str, doc))[:8]) or "none"
        raise FileRefused(
            f"{item.where} is not a recognisable HSDS 3.1 service, organization, "
            f"taxonomy or taxonomy term (its keys: {keys})"
        )
    return kind


def _schema_problems(kind: str, item: Item) -> None:
    problems = [
        problem
        for problem in hsds.validate(kind, item.doc)
        if not problem.endswith(_PER_RECORD)
    ]
    if not problems:
        return
    base = item.path if item.path != "$" else "$"
    shown = [base + problem[1:] for problem in problems[:_SHOWN_PROBLEMS]]
    more = len(problems) - len(shown)
    tail = f"; and {more} more" if more > 0 else ""
    raise FileRefused(
        f"{item.source}: not valid HSDS 3.1: does not match the {kind} schema "
        f"({kind}.json): {'; '.join(shown)}{tail}"
    )


class _Ids:
    """Each (kind, id) seen, with its own properties and where it was."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.seen: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}

    def walk(self, kind: str, doc: object, where: str) -> None:
        if not isinstance(doc, dict):
            return
        nested = NESTED.get(kind, {})
        key = doc.get("id")
        if isinstance(key, str):
            self.note(
                kind, key, {k: v for k, v in doc.items() if k not in nested}, where
            )
        for prop, child_kind in nested.items():
            value = doc.get(prop)
            if isinstance(value, list):
                for index, child in enumerate(value):
                    self.walk(child_kind, child, f"{where}.{prop}[{index}]")
            else:
                self.walk(child_kind, value, f"{where}.{prop}")

    def note(self, kind: str, key: str, own: dict[str, Any], where: str) -> None:
        # A malformed id is refused per record by the writer, with the reason.
        with contextlib.suppress(ValueError):
            self.plan.ids[kind].add(uuid.UUID(key))
        prior = self.seen.get((kind, key))
        if prior is None:
            self.seen[(kind, key)] = (own, where)
            return
        earlier, earlier_where = prior
        clash = sorted(k for k in own.keys() & earlier.keys() if own[k] != earlier[k])
        if clash:
            raise FileRefused(
                f"duplicate id {key}: two different {kind} records share it "
                f"({earlier_where} and {where} differ in {', '.join(clash[:5])})"
            )
        self.seen[(kind, key)] = ({**earlier, **own}, earlier_where)


def _terms_parents_first(records: list[Record]) -> list[Record]:
    by_id = {str(r.doc.get("id")): r for r in records}
    done: set[str] = set()
    ordered: list[Record] = []

    def visit(record: Record, trail: frozenset[str]) -> None:
        key = str(record.doc.get("id"))
        if key in done or key in trail:
            return
        parent = by_id.get(str(record.doc.get("parent_id")))
        if parent is not None:
            visit(parent, trail | {key})
        done.add(key)
        ordered.append(record)

    for record in records:
        visit(record, frozenset())
    return ordered


def plan_import(items: Sequence[Item]) -> Plan:
    """Classify, validate and order the items; raise ``FileRefused``."""
    plan = Plan()
    by_kind: dict[str, list[Record]] = {kind: [] for kind in TOP_LEVEL_KINDS}
    ids = _Ids(plan)
    for item in items:
        if isinstance(item.doc, dict) and _is_api_root(item.doc):
            plan.warnings.append(f"{item.where}: the HSDS API root document; skipped")
            continue
        kind = _kind(item)
        if kind not in by_kind:
            plan.warnings.append(
                f"{item.where}: a {kind} ({item.doc.get('id')}) is imported with its "
                "service or organization, not on its own; skipped"
            )
            continue
        _schema_problems(kind, item)
        ids.walk(kind, item.doc, item.where)
        by_kind[kind].append(Record(kind, item.doc, item.where))
    by_kind["taxonomy_term"] = _terms_parents_first(by_kind["taxonomy_term"])
    plan.records = [record for kind in TOP_LEVEL_KINDS for record in by_kind[kind]]
    if not plan.records and items:
        raise FileRefused(
            "nothing to import: no service, organization, taxonomy or taxonomy term"
        )
    return plan
