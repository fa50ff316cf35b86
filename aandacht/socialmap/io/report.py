"""What an HSDS import did: counts per kind, rejected records, warnings.

Messages are for the person running the import (a command line or the demo
loader) and are in English, like the HSDS field names they quote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final
from uuid import UUID

#: The kinds an import counts, in the order they are written and reported.
COUNTED_KINDS: Final = ("taxonomy", "taxonomy_term", "organization", "service")


class FileRefused(ValueError):
    """The whole file cannot be imported; nothing of it is written."""


class RecordError(ValueError):
    """One top-level record cannot be imported; its savepoint is rolled back."""


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + self.rejected


@dataclass(frozen=True)
class Rejection:
    kind: str
    id: str
    reason: str

    def __str__(self) -> str:
        return f"{self.kind} {self.id}: {self.reason}"


@dataclass
class ImportReport:
    """The outcome of one import; ``ok`` is False when anything was refused."""

    source: str
    dry_run: bool = False
    counts: dict[str, Counts] = field(
        default_factory=lambda: {kind: Counts() for kind in COUNTED_KINDS}
    )
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    refused: str | None = None
    written_services: set[UUID] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return self.refused is None and not self.rejections

    def count(self, kind: str, outcome: str) -> None:
        counts = self.counts[kind]
        setattr(counts, outcome, getattr(counts, outcome) + 1)

    def reject(self, kind: str, record_id: str, reason: str) -> None:
        self.count(kind, "rejected")
        self.rejections.append(Rejection(kind, record_id, reason))

    def lines(self) -> list[str]:
        """The report as a person reads it, one line each."""
        if self.refused is not None:
            return [f"Refused {self.source}: {self.refused}", "Nothing was imported."]
        head = f"Imported {self.source}"
        if self.dry_run:
            head += " (dry run: nothing was written)"
        lines = [head + ":"]
        for kind, counts in self.counts.items():
            if counts.total:
                lines.append(
                    f"  {kind}: {counts.created} created, {counts.updated} updated, "
                    f"{counts.unchanged} unchanged, {counts.rejected} rejected"
                )
        if len(lines) == 1:
            lines.append("  nothing to import")
        if self.rejections:
            lines.append(f"Rejected ({len(self.rejections)}):")
            lines.extend(f"  {rejection}" for rejection in self.rejections)
        if self.warnings:
            lines.append(f"Warnings ({len(self.warnings)}):")
            lines.extend(f"  {warning}" for warning in self.warnings)
        return lines

    def __str__(self) -> str:
        return "\n".join(self.lines())
