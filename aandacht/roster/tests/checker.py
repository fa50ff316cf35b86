"""An independent checker of roster results, written from docs/roster-format.md.

It reads the raw problem and result JSON itself (nothing from
``aandacht.roster.problem`` or ``aandacht.roster.solver``), checks every hard
rule and recomputes the figures of the result. Only the capacity model
(``erlang_a_abandonment``) is shared, as the format defines the objective
by it.

``least_shortfall`` is a separate, deliberately plain CP-SAT model of rules
1-3 that finds the least total shortfall of rule 4, to verify the solver's.
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from aandacht.roster.erlang import erlang_a_abandonment

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
STATUSES = {"optimal", "feasible", "partial", "timeout"}


def _month_dates(problem: dict[str, Any]) -> list[date]:
    year, month = (int(part) for part in problem["month"].split("-"))
    return [
        date(year, month, day)
        for day in range(1, calendar.monthrange(year, month)[1] + 1)
    ]


def real_hours(day: date, start: str, shift_hours: float) -> float:
    """Hours between the wall-clock start and the wall-clock end, by timestamps."""
    hour, minute = (int(part) for part in start.split(":"))
    wall_start = datetime(day.year, day.month, day.day, hour, minute)  # noqa: DTZ001
    wall_end = wall_start + timedelta(hours=shift_hours)
    begin = wall_start.replace(tzinfo=AMSTERDAM).timestamp()
    end = wall_end.replace(tzinfo=AMSTERDAM).timestamp()
    return (end - begin) / 3600


def _open(line: dict[str, Any], weekday: int, shift: str) -> bool:
    if "open" not in line:
        return True
    return any(
        DAYS[weekday] in [day.strip() for day in entry["byday"].split(",")]
        and shift in entry["shifts"]
        for entry in line["open"]
    )


def _rate(problem: dict[str, Any], line: str, weekday: int, shift: str) -> float:
    for entry in problem.get("demand", []):
        days = [day.strip() for day in entry["byday"].split(",")]
        if entry["line"] == line and DAYS[weekday] in days and entry["shift"] == shift:
            return float(entry["arrivals_per_hour"])
    return 0.0


def figures(
    problem: dict[str, Any], assignments: list[dict[str, Any]]
) -> tuple[float, float, float]:
    """(expected_arrivals, expected_answered, objective_value) of assignments."""
    staffed = Counter((a["line"], a["date"], a["shift"]) for a in assignments)
    arrivals = answered = objective = 0.0
    for line in problem["lines"]:
        service = problem["service"][line["channel"]]
        weight = float(line.get("weight", 1))
        for day in _month_dates(problem):
            for shift in problem["shifts"]:
                if not _open(line, day.weekday(), shift["code"]):
                    continue
                hours = real_hours(day, shift["start"], problem["shift_hours"])
                rate = _rate(problem, line["code"], day.weekday(), shift["code"])
                arrivals += hours * rate
                n = staffed[(line["code"], day.isoformat(), shift["code"])]
                if n == 0 or rate == 0:
                    continue
                p_abandon = erlang_a_abandonment(
                    rate, service["aht_minutes"], service["patience_minutes"], n
                )
                answered += hours * rate * (1 - p_abandon)
                objective += weight * hours * rate * (1 - p_abandon)
    return arrivals, answered, objective


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-4 + 1e-7 * max(abs(a), abs(b))


def check(problem: dict[str, Any], result: dict[str, Any]) -> list[str]:
    """Every way `result` breaks the format's hard rules or misstates a figure."""
    errors: list[str] = []
    keys = {
        "status",
        "assignments",
        "expected_answered",
        "expected_arrivals",
        "objective_value",
        "upper_bound",
        "unmet",
        "solve_seconds",
    }
    if set(result) != keys:
        errors.append(f"result keys {sorted(result)} are not {sorted(keys)}")
        return errors
    if result["status"] not in STATUSES:
        errors.append(f"unknown status {result['status']!r}")
    assignments = result["assignments"]
    if result["status"] == "timeout" and assignments:
        errors.append("status timeout with assignments")

    shifts = {shift["code"]: shift for shift in problem["shifts"]}
    starts = sorted(problem["shifts"], key=lambda shift: shift["start"])
    earliest, latest = starts[0]["code"], starts[-1]["code"]
    lines = {line["code"]: line for line in problem["lines"]}
    people = {person["id"]: person for person in problem["volunteers"]}
    dates = {day.isoformat() for day in _month_dates(problem)}

    # Rule 1: one volunteer, one date, one shift, one open line; available, able.
    seen: set[tuple[str, str, str, str]] = set()
    for number, a in enumerate(assignments):
        where = f"assignments[{number}]"
        if set(a) != {"volunteer", "date", "shift", "line"}:
            errors.append(f"{where}: keys {sorted(a)}")
            continue
        key = (a["volunteer"], a["date"], a["shift"], a["line"])
        if key in seen:
            errors.append(f"{where}: duplicate assignment {key}")
        seen.add(key)
        person = people.get(a["volunteer"])
        line = lines.get(a["line"])
        if person is None:
            errors.append(f"{where}: unknown volunteer {a['volunteer']!r}")
        if line is None:
            errors.append(f"{where}: unknown line {a['line']!r}")
        if a["shift"] not in shifts:
            errors.append(f"{where}: unknown shift {a['shift']!r}")
        if a["date"] not in dates:
            errors.append(f"{where}: date {a['date']!r} not in the month")
        if person is None or line is None or a["shift"] not in shifts:
            continue
        if a["date"] in dates and not _open(
            line, date.fromisoformat(a["date"]).weekday(), a["shift"]
        ):
            errors.append(
                f"{where}: line {a['line']} closed on {a['date']} {a['shift']}"
            )
        if {"date": a["date"], "shift": a["shift"]} not in person["available"]:
            errors.append(
                f"{where}: {a['volunteer']} not available {a['date']} {a['shift']}"
            )
        if line["channel"] not in person["channels"]:
            errors.append(f"{where}: {a['volunteer']} does not work {line['channel']}")
        if line["language"] not in person["languages"]:
            errors.append(
                f"{where}: {a['volunteer']} does not speak {line['language']}"
            )

    # Rule 2: one shift a date, and not the latest then the earliest next day.
    by_person: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in assignments:
        by_person[a["volunteer"]].append(a)
    for ident, mine in by_person.items():
        per_date = Counter(a["date"] for a in mine)
        for day, count in per_date.items():
            if count > 1:
                errors.append(f"{ident}: {count} shifts on {day}")
        taken = {(a["date"], a["shift"]) for a in mine}
        for day, shift in taken:
            if shift != latest:
                continue
            following = (date.fromisoformat(day) + timedelta(days=1)).isoformat()
            if (following, earliest) in taken:
                errors.append(
                    f"{ident}: back to back {day} {latest} and {following} {earliest}"
                )

    # Rule 3: max_parallel per line slot.
    per_slot = Counter((a["line"], a["date"], a["shift"]) for a in assignments)
    for (line_code, day, shift), count in per_slot.items():
        if line_code in lines and count > lines[line_code]["max_parallel"]:
            errors.append(
                f"{line_code} {day} {shift}: {count} volunteers, "
                f"max_parallel {lines[line_code]['max_parallel']}"
            )

    # Rule 4: max_shifts never exceeded; every shortfall listed, nothing else.
    expected_unmet: set[tuple[str, str]] = set()
    for ident, person in people.items():
        mine = by_person.get(ident, [])
        if len(mine) > person["max_shifts"]:
            errors.append(
                f"{ident}: {len(mine)} shifts, max_shifts {person['max_shifts']}"
            )
        if len(mine) < person["min_shifts"]:
            expected_unmet.add((ident, "min_shifts"))
        if person.get("night_required", False) and not any(
            shifts[a["shift"]].get("night", False) for a in mine if a["shift"] in shifts
        ):
            expected_unmet.add((ident, "night"))
    listed = [(entry.get("volunteer"), entry.get("rule")) for entry in result["unmet"]]
    for entry in result["unmet"]:
        if not isinstance(entry.get("detail"), str) or not entry["detail"]:
            errors.append(f"unmet entry without a detail: {entry}")
    if len(set(listed)) != len(listed):
        errors.append("an unmet rule is listed twice")
    for missing in sorted(expected_unmet - set(listed)):
        errors.append(f"shortfall not listed in unmet: {missing}")
    for extra in sorted(set(listed) - expected_unmet):
        errors.append(f"unmet lists a rule that is met: {extra}")
    if result["status"] in ("optimal", "feasible") and expected_unmet:
        errors.append(f"status {result['status']} with unmet rules")
    if result["status"] == "partial" and not expected_unmet:
        errors.append("status partial without unmet rules")

    # The figures.
    arrivals, answered, objective = figures(problem, assignments)
    for name, value in (
        ("expected_arrivals", arrivals),
        ("expected_answered", answered),
        ("objective_value", objective),
    ):
        if not _close(float(result[name]), value):
            errors.append(f"{name} {result[name]} but recomputed {value}")
    if float(result["upper_bound"]) < float(result["objective_value"]) - 1e-6:
        errors.append(
            f"upper_bound {result['upper_bound']} below objective_value "
            f"{result['objective_value']}"
        )
    return errors


def least_shortfall(problem: dict[str, Any], time_limit: float = 30.0) -> int:
    """The least total shortfall of rule 4 under rules 1-3 (a plain CP-SAT model)."""
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    shifts = {shift["code"]: shift for shift in problem["shifts"]}
    starts = sorted(problem["shifts"], key=lambda shift: shift["start"])
    earliest, latest = starts[0]["code"], starts[-1]["code"]
    per_slot: dict[tuple[str, str, str], list[Any]] = defaultdict(list)
    shortfall = []
    for person in problem["volunteers"]:
        chosen: dict[tuple[str, str], list[Any]] = defaultdict(list)
        for slot in person["available"]:
            day = date.fromisoformat(slot["date"])
            for line in problem["lines"]:
                if (
                    line["channel"] in person["channels"]
                    and line["language"] in person["languages"]
                    and _open(line, day.weekday(), slot["shift"])
                ):
                    var = model.new_bool_var("")
                    chosen[(slot["date"], slot["shift"])].append(var)
                    per_slot[(line["code"], slot["date"], slot["shift"])].append(var)
        by_date: dict[str, list[Any]] = defaultdict(list)
        for (day_text, _shift), variables in chosen.items():
            by_date[day_text].extend(variables)
        for variables in by_date.values():
            model.add(sum(variables) <= 1)
        for (day_text, shift), variables in chosen.items():
            if shift == latest:
                following = (
                    date.fromisoformat(day_text) + timedelta(days=1)
                ).isoformat()
                model.add(
                    sum(variables) + sum(chosen.get((following, earliest), [])) <= 1
                )
        everything = [var for variables in chosen.values() for var in variables]
        model.add(sum(everything) <= person["max_shifts"])
        missing = model.new_int_var(0, person["min_shifts"], "")
        model.add(missing >= person["min_shifts"] - sum(everything))
        shortfall.append(missing)
        if person.get("night_required", False):
            no_night = model.new_bool_var("")
            nights = [
                var
                for (_day, shift), variables in chosen.items()
                if shifts[shift].get("night", False)
                for var in variables
            ]
            model.add(sum(nights) + no_night >= 1)
            shortfall.append(no_night)
    lines = {line["code"]: line for line in problem["lines"]}
    for (line_code, _day, _shift), variables in per_slot.items():
        model.add(sum(variables) <= lines[line_code]["max_parallel"])
    model.minimize(sum(shortfall))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 2
    status = solver.solve(model)
    if status != cp_model.OPTIMAL:
        raise RuntimeError(f"least_shortfall: {solver.status_name(status)}")
    return round(solver.objective_value)
