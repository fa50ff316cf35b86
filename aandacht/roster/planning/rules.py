"""The roster format's hard rules, checked on a roster being edited by hand.

Pure: it reads the problem and assignments as JSON-shaped data, so the
coordinator's screen can say at once which rule an edit breaks. (The tests
hold a separate, independent checker for the solver's output.)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Finding:
    rule: str  # "slot", "line", "one_a_day", "back_to_back", "places", "max_shifts",
    # "min_shifts", "night"
    volunteer: str
    detail: str

    @property
    def hard(self) -> bool:
        return self.rule not in {"min_shifts", "night"}


def check(
    problem: Mapping[str, Any], assignments: Iterable[Mapping[str, str]]
) -> list[Finding]:
    """Every hard rule an assignment list breaks, then the band shortfalls."""
    rows = list(assignments)
    volunteers = {v["id"]: v for v in problem["volunteers"]}
    lines = {line["code"]: line for line in problem["lines"]}
    shifts = [s["code"] for s in sorted(problem["shifts"], key=lambda s: s["start"])]
    nights = {s["code"] for s in problem["shifts"] if s.get("night")}
    findings: list[Finding] = []
    for row in rows:
        findings.extend(_slot_findings(row, volunteers, lines))
    findings.extend(_day_findings(rows, shifts))
    findings.extend(_place_findings(rows, lines))
    findings.extend(_band_findings(rows, volunteers, nights))
    return findings


def _slot_findings(
    row: Mapping[str, str],
    volunteers: Mapping[str, Mapping[str, Any]],
    lines: Mapping[str, Mapping[str, Any]],
) -> list[Finding]:
    who, day, shift = row["volunteer"], row["date"], row["shift"]
    volunteer = volunteers.get(who)
    line = lines.get(row["line"])
    if volunteer is None or line is None:
        return [Finding("slot", who, f"unknown volunteer or line on {day} {shift}")]
    found = []
    if {"date": day, "shift": shift} not in volunteer["available"]:
        found.append(Finding("slot", who, f"not available on {day} {shift}"))
    if line["channel"] not in volunteer["channels"] or (
        line["language"] not in volunteer["languages"]
    ):
        found.append(Finding("line", who, f"cannot staff {line['code']}"))
    if not _open(line, date.fromisoformat(day), shift):
        found.append(Finding("line", who, f"{line['code']} is closed on {day} {shift}"))
    return found


def _open(line: Mapping[str, Any], day: date, shift: str) -> bool:
    rules = line.get("open")
    if not rules:
        return True
    weekday = WEEKDAYS[day.weekday()]
    return any(
        weekday in rule["byday"].split(",") and shift in rule["shifts"]
        for rule in rules
    )


def _day_findings(rows: list[Mapping[str, str]], shifts: list[str]) -> list[Finding]:
    per_day: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in rows:
        per_day[(row["volunteer"], row["date"])].append(row["shift"])
    found = []
    for (who, day), taken in per_day.items():
        if len(taken) > 1:
            found.append(Finding("one_a_day", who, f"{len(taken)} shifts on {day}"))
        if shifts[-1] in taken:
            following = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
            if shifts[0] in per_day.get((who, following), []):
                found.append(
                    Finding("back_to_back", who, f"{day} {shifts[-1]} and {following}")
                )
    return found


def _place_findings(
    rows: list[Mapping[str, str]], lines: Mapping[str, Mapping[str, Any]]
) -> list[Finding]:
    staffed = Counter((row["line"], row["date"], row["shift"]) for row in rows)
    return [
        Finding("places", "", f"{code} on {day} {shift}: {count} volunteers")
        for (code, day, shift), count in staffed.items()
        if code in lines and count > lines[code]["max_parallel"]
    ]


def _band_findings(
    rows: list[Mapping[str, str]],
    volunteers: Mapping[str, Mapping[str, Any]],
    nights: set[str],
) -> list[Finding]:
    counts = Counter(row["volunteer"] for row in rows)
    night_counts = Counter(row["volunteer"] for row in rows if row["shift"] in nights)
    found = []
    for who, volunteer in volunteers.items():
        if counts[who] > volunteer["max_shifts"]:
            found.append(Finding("max_shifts", who, f"{counts[who]} shifts"))
        if counts[who] < volunteer["min_shifts"]:
            found.append(Finding("min_shifts", who, f"{counts[who]} shifts"))
        if volunteer.get("night_required") and not night_counts[who]:
            found.append(Finding("night", who, "no night shift"))
    return found
