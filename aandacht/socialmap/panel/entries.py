"""Referrals chosen during a call, as they travel in the unsaved report.

Until the report is saved there is no contact to link to, so each chosen
service travels in the form (and in its autosaved draft) as one text value:
the service's id and the moment it was chosen, ``"<uuid>|<ISO time>"``.
Pure on purpose: the form, the draft and the panel all read the same values.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

__all__ = ["ReferralEntry", "parse_entries", "toggle"]


@dataclass(frozen=True)
class ReferralEntry:
    service_id: uuid.UUID
    chosen_at: datetime

    @property
    def value(self) -> str:
        return f"{self.service_id}|{self.chosen_at.isoformat()}"


def _parse(value: str) -> ReferralEntry | None:
    service_text, _, time_text = value.partition("|")
    try:
        service_id = uuid.UUID(service_text.strip())
        chosen_at = datetime.fromisoformat(time_text.strip())
    except ValueError:
        return None
    if chosen_at.tzinfo is None:
        return None
    return ReferralEntry(service_id, chosen_at)


def parse_entries(values: Iterable[str]) -> tuple[list[ReferralEntry], list[str]]:
    """The readable entries, one per service (first wins), and the unreadable."""
    entries: dict[uuid.UUID, ReferralEntry] = {}
    unreadable: list[str] = []
    for value in values:
        entry = _parse(value)
        if entry is None:
            unreadable.append(value)
        elif entry.service_id not in entries:
            entries[entry.service_id] = entry
    return list(entries.values()), unreadable


def toggle(
    entries: list[ReferralEntry], service_id: uuid.UUID, now: datetime
) -> list[ReferralEntry]:
    """Add the service, chosen `now`, or remove it when it is already there."""
    if any(entry.service_id == service_id for entry in entries):
        return [entry for entry in entries if entry.service_id != service_id]
    return [*entries, ReferralEntry(service_id, now)]
