"""A roster month as a problem in the roster format, read from the database.

The solver needs no database: this module turns the register, availability,
lines and demand of one region and month into the JSON of
shared/docs/roster-format.md, which `roster.problem.parse_problem` checks.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from aandacht.roster.availability.selectors import (
    DEFAULT_ENTRY,
    RegisterEntry,
    register_entries,
)
from aandacht.roster.demand.selectors import (
    demand_entries,
    lines_for_problem,
    service_parameters,
)
from aandacht.roster.models import Availability, RosterMonth
from aandacht.roster.shifts import SHIFT_HOURS, SHIFTS


def volunteer_key(user_id: int) -> str:
    return f"u{user_id}"


def user_id_of(key: str) -> int:
    return int(key.removeprefix("u"))


def roster_problem(roster: RosterMonth) -> dict[str, Any]:
    lines = lines_for_problem(roster.region)
    channels = {line["channel"] for line in lines}
    return {
        "month": roster.month.strftime("%Y-%m"),
        "shifts": [
            {"code": s.code, "start": s.start.strftime("%H:%M"), "night": s.night}
            for s in SHIFTS
        ],
        "shift_hours": SHIFT_HOURS,
        "lines": lines,
        "service": {
            channel: values
            for channel, values in service_parameters(roster.region).items()
            if channel in channels
        },
        "demand": demand_entries(roster.region),
        "volunteers": _volunteers(roster),
    }


def _volunteers(roster: RosterMonth) -> list[dict[str, Any]]:
    slots: dict[int, list[dict[str, str]]] = defaultdict(list)
    preferred: dict[int, list[dict[str, str]]] = defaultdict(list)
    for row in Availability.objects.filter(roster=roster).order_by("date", "shift"):
        slot = {"date": row.date.isoformat(), "shift": row.shift}
        slots[row.volunteer_id].append(slot)
        if row.preferred:
            preferred[row.volunteer_id].append(slot)
    entries = register_entries(roster.region)
    return [
        {
            "id": volunteer_key(user_id),
            **_register(entries.get(user_id, DEFAULT_ENTRY)),
            "available": slots[user_id],
            "preferred": preferred[user_id],
        }
        for user_id in sorted(slots)
    ]


def _register(entry: RegisterEntry) -> dict[str, Any]:
    return {
        "languages": list(entry.languages),
        "channels": list(entry.channels),
        "min_shifts": entry.min_shifts,
        "max_shifts": entry.max_shifts,
        "night_required": entry.night_required,
    }
