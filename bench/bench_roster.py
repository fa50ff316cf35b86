"""Benchmark the roster solver (#8) on generated month problems.

Run from the project root:

    .venv/bin/python bench/bench_roster.py              # one region, 120 volunteers
    .venv/bin/python bench/bench_roster.py --national   # 15 regions of 100

The first solves a realistic month for 120 volunteers in 60 s on 2 workers and
prints a Markdown table: the objective value (expected weighted answered
contacts), the proven upper bound, their ratio (target at least 98%), the
expected answered contacts and the time; beside it a naive roster that
spreads each volunteer's shifts evenly over their availability (keeping the
hard rules greedily, blind to demand), and the gain in expected answered
contacts. Both rosters are checked by the independent checker of the tests.

``--national`` solves 1,500 volunteers in 15 regions of 100, region by region
(target: 15 minutes in all). Problems come from ``bench/roster_problems.py``.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from machine import machine  # noqa: E402  (bench/ is the script's own folder)
from roster_problems import generate, generate_national  # noqa: E402

from aandacht.roster.problem import Line, Problem, Volunteer, parse_problem  # noqa: E402
from aandacht.roster.solver import (  # noqa: E402
    Assignment,
    evaluate,
    result_to_json,
    solve,
)
from aandacht.roster.tests.checker import check  # noqa: E402

TARGET_RATIO = 0.98
TARGET_NATIONAL_SECONDS = 15 * 60


def naive_roster(problem: Problem) -> list[Assignment]:
    """Each volunteer's max_shifts spread evenly over their availability.

    Volunteers are taken in the order listed; a night first for those who
    need one (the available night nearest the middle of the month), then the
    other shifts at evenly spaced points of their available slots, moving to
    the next free slot where a pick breaks a hard rule. The line is the one
    in the volunteer's least common language with a free place, else the
    first line they can staff with one. Demand is not looked at.
    """
    return _Naive(problem).run()


class _Naive:
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.order = {shift.code: n for n, shift in enumerate(problem.shifts)}
        self.night = {shift.code for shift in problem.shifts if shift.night}
        self.staffed: dict[tuple[str, datetime.date, str], int] = defaultdict(int)
        self.speakers: dict[str, int] = defaultdict(int)
        for volunteer in problem.volunteers:
            for language in volunteer.languages:
                self.speakers[language] += 1
        self.roster: list[Assignment] = []

    def line_for(self, able: list[Line], day: datetime.date, shift: str) -> str | None:
        for line in able:
            if (
                line.is_open(day.weekday(), shift)
                and self.staffed[(line.code, day, shift)] < line.max_parallel
            ):
                return line.code
        return None

    def allowed(
        self, taken: dict[datetime.date, str], day: datetime.date, shift: str
    ) -> bool:
        first, last = self.problem.first_shift, self.problem.last_shift
        if day in taken:
            return False
        if shift == last and taken.get(day + datetime.timedelta(days=1)) == first:
            return False
        return not (
            shift == first and taken.get(day - datetime.timedelta(days=1)) == last
        )

    def place(
        self,
        volunteer: Volunteer,
        able: list[Line],
        taken: dict[datetime.date, str],
        day: datetime.date,
        shift: str,
    ) -> bool:
        line = (
            self.line_for(able, day, shift) if self.allowed(taken, day, shift) else None
        )
        if line is None:
            return False
        taken[day] = shift
        self.staffed[(line, day, shift)] += 1
        self.roster.append(Assignment(volunteer.id, day, shift, line))
        return True

    def run(self) -> list[Assignment]:
        middle = len(self.problem.dates) // 2
        for volunteer in self.problem.volunteers:
            able = sorted(
                (line for line in self.problem.lines if volunteer.can_staff(line)),
                key=lambda line: self.speakers[line.language],
            )
            slots = sorted(volunteer.available, key=lambda s: (s[0], self.order[s[1]]))
            if not slots or volunteer.max_shifts == 0:
                continue
            taken: dict[datetime.date, str] = {}
            wanted = volunteer.max_shifts
            if volunteer.night_required:
                nights = [slot for slot in slots if slot[1] in self.night]
                nights.sort(key=lambda slot: abs(slot[0].day - middle))
                for day, shift in nights:
                    if self.place(volunteer, able, taken, day, shift):
                        wanted -= 1
                        break
            for k in range(wanted):
                start = int((k + 0.5) * len(slots) / wanted)
                if not any(
                    self.place(volunteer, able, taken, *slots[(start + i) % len(slots)])
                    for i in range(len(slots))
                ):
                    break
        return self.roster


def _json(problem: Problem, roster: list[Assignment]) -> dict[str, Any]:
    """The naive roster in the result format, for the checker."""
    figures = evaluate(problem, roster)
    counts: dict[str, int] = defaultdict(int)
    nights: dict[str, int] = defaultdict(int)
    night = {shift.code for shift in problem.shifts if shift.night}
    for a in roster:
        counts[a.volunteer] += 1
        nights[a.volunteer] += a.shift in night
    unmet = []
    for volunteer in problem.volunteers:
        if counts[volunteer.id] < volunteer.min_shifts:
            unmet.append(
                {"volunteer": volunteer.id, "rule": "min_shifts", "detail": "-"}
            )
        if volunteer.night_required and not nights[volunteer.id]:
            unmet.append({"volunteer": volunteer.id, "rule": "night", "detail": "-"})
    return {
        "status": "partial" if unmet else "feasible",
        "assignments": [
            {
                "volunteer": a.volunteer,
                "date": a.date.isoformat(),
                "shift": a.shift,
                "line": a.line,
            }
            for a in roster
        ],
        "expected_answered": figures.expected_answered,
        "expected_arrivals": figures.expected_arrivals,
        "objective_value": figures.objective_value,
        "upper_bound": figures.objective_value,
        "unmet": unmet,
        "solve_seconds": 0.0,
    }


def region(seconds: float, workers: int) -> bool:
    data = generate(volunteers=120, month="2027-03", seed=1)
    problem = parse_problem(data)
    result = solve(problem, time_limit_seconds=seconds, workers=workers)
    solved = result_to_json(result)
    errors = check(data, solved)
    started = time.monotonic()
    naive = naive_roster(problem)
    naive_seconds = time.monotonic() - started
    naive_json = _json(problem, naive)
    naive_errors = check(data, naive_json)
    ratio = result.objective_value / result.upper_bound
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    arrivals = result.expected_arrivals
    shifts = sum(len(v.available) for v in problem.volunteers)
    print(
        f"One region, {problem.month_code}: {len(problem.volunteers)} volunteers, "
        f"{len(problem.lines)} lines, {len(problem.line_slots)} line slots, "
        f"{shifts} available slots "
        f"({shifts / (len(problem.volunteers) * len(problem.slots)):.0%}), "
        f"{arrivals:.0f} expected arrivals. Time limit {seconds:.0f} s, "
        f"{workers} workers."
    )
    print()
    print(
        "| Roster | Objective | Upper bound | Ratio | Expected answered "
        "| Answer rate | Shifts | Unmet | Valid | Time |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    print(
        f"| solver ({result.status}) | {result.objective_value:.1f} "
        f"| {result.upper_bound:.1f} | {ratio:.2%} | {result.expected_answered:.1f} "
        f"| {result.expected_answered / arrivals:.1%} | {len(result.assignments)} "
        f"| {len(result.unmet)} | {'yes' if not errors else 'NO'} "
        f"| {result.solve_seconds:.1f} s |"
    )
    print(
        f"| naive (even spread) | {naive_json['objective_value']:.1f} | | "
        f"{naive_json['objective_value'] / result.upper_bound:.2%} "
        f"| {naive_json['expected_answered']:.1f} "
        f"| {naive_json['expected_answered'] / arrivals:.1%} | {len(naive)} "
        f"| {len(naive_json['unmet'])} | {'yes' if not naive_errors else 'NO'} "
        f"| {naive_seconds:.1f} s |"
    )
    print(f"| target | | | ≥ {TARGET_RATIO:.0%} | | | | 0 | yes | ≤ 60 s |")
    gain = result.expected_answered - naive_json["expected_answered"]
    print()
    print(
        f"Gain over the naive roster: {gain:+.1f} expected answered contacts a "
        f"month ({gain / naive_json['expected_answered']:+.1%}); weighted "
        f"{result.objective_value - naive_json['objective_value']:+.1f}."
    )
    phases = result.phases
    print(
        f"Phases: shortfall {phases.get('shortfall')} "
        f"({phases.get('shortfall_seconds', 0):.1f} s), LP bound "
        f"{phases.get('lp_seconds', 0):.1f} s, greedy start "
        f"{phases.get('greedy_objective', 0):.1f}."
    )
    print()
    print(f"Date: {today}. Machine: {machine()}.")
    for error in errors + naive_errors:
        print(f"checker: {error}")
    met = ratio >= TARGET_RATIO and not errors and result.solve_seconds <= seconds + 5
    if not met:
        print("\nThe solver misses a target.")
    return met


def national(seconds: float, workers: int) -> bool:
    problems = generate_national(regions=15, volunteers=100, month="2027-03", seed=1)
    started = time.monotonic()
    rows = []
    invalid = 0
    for data in problems:
        problem = parse_problem(data)
        result = solve(problem, time_limit_seconds=seconds, workers=workers)
        if check(data, result_to_json(result)):
            invalid += 1
        rows.append(result)
        print(
            f"  region {len(rows):2d}: {result.status}, "
            f"{result.objective_value / result.upper_bound:.2%} of the bound, "
            f"{result.solve_seconds:.1f} s",
            flush=True,
        )
    total = time.monotonic() - started
    ratios = [r.objective_value / r.upper_bound for r in rows]
    objective = sum(r.objective_value for r in rows)
    bound = sum(r.upper_bound for r in rows)
    answered = sum(r.expected_answered for r in rows)
    arrivals = sum(r.expected_arrivals for r in rows)
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    print()
    print(
        f"National, 2027-03: 15 regions of 100 volunteers, solved one by one, "
        f"{seconds:.0f} s per region on {workers} workers."
    )
    print()
    print(
        "| Regions | Volunteers | Objective / bound | Worst region | "
        "Answer rate | Unmet | Valid | Total time |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    print(
        f"| {len(rows)} | {sum(len(p['volunteers']) for p in problems)} "
        f"| {objective / bound:.2%} | {min(ratios):.2%} | {answered / arrivals:.1%} "
        f"| {sum(len(r.unmet) for r in rows)} | "
        f"{'yes' if not invalid else f'{invalid} invalid'} | {total / 60:.1f} min |"
    )
    print(f"| target | | | | | | yes | ≤ {TARGET_NATIONAL_SECONDS / 60:.0f} min |")
    print()
    print(f"Date: {today}. Machine: {machine()}.")
    met = total <= TARGET_NATIONAL_SECONDS and not invalid
    if not met:
        print("\nThe national run misses a target.")
    return met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--national", action="store_true", help="15 regions of 100")
    parser.add_argument(
        "--time-limit",
        type=float,
        default=None,
        help="seconds per region (default 60, or 50 with --national)",
    )
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if args.national:
        met = national(args.time_limit or 50.0, args.workers)
    else:
        met = region(args.time_limit or 60.0, args.workers)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
