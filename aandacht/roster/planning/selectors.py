"""The reads behind the planning screens and the volunteer's shifts."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from aandacht.core.models import User
from aandacht.roster import solver
from aandacht.roster.models import Assignment, RosterMonth, SolveRun
from aandacht.roster.planning import rules
from aandacht.roster.planning.problem import roster_problem, volunteer_key
from aandacht.roster.problem import ProblemError, parse_problem
from aandacht.roster.shifts import BY_CODE, SHIFTS, month_days


def _as_json(assignments: list[Assignment]) -> list[dict[str, str]]:
    return [
        {
            "volunteer": volunteer_key(a.volunteer_id),
            "date": a.date.isoformat(),
            "shift": a.shift,
            "line": a.line.code,
        }
        for a in assignments
    ]


def planning(roster: RosterMonth) -> dict[str, Any]:
    """Everything the coordinator's planning page shows for one month."""
    problem = roster_problem(roster)
    assignments = list(
        roster.assignments.select_related("volunteer", "line").order_by(
            "date", "shift", "line__code"
        )
    )
    draft = _as_json(assignments)
    findings = rules.check(problem, draft) if assignments else []
    evaluation = _evaluate(problem, draft)
    runs = list(roster.runs.select_related("requested_by")[:10])
    return {
        "roster": roster,
        "problem_summary": {
            "volunteers": len(problem["volunteers"]),
            "lines": len(problem["lines"]),
            "demand": len(problem["demand"]),
        },
        "runs": runs,
        "grid": _grid(roster, assignments),
        "findings": findings,
        "hard_findings": [f for f in findings if f.hard],
        "evaluation": evaluation,
        "last_month": _last_month(roster),
        "shifts": SHIFTS,
    }


def _evaluate(problem: dict[str, Any], draft: list[dict[str, str]]) -> Any:
    if not draft:
        return None
    try:
        parsed = parse_problem(problem)
    except ProblemError:
        return None
    return solver.evaluate(
        parsed,
        [
            solver.Assignment(
                item["volunteer"],
                date.fromisoformat(item["date"]),
                item["shift"],
                item["line"],
            )
            for item in draft
        ],
    )


def _grid(
    roster: RosterMonth, assignments: list[Assignment]
) -> list[tuple[date, list[list[Assignment]]]]:
    cells: dict[tuple[date, str], list[Assignment]] = defaultdict(list)
    for item in assignments:
        cells[(item.date, item.shift)].append(item)
    return [
        (day, [cells[(day, shift.code)] for shift in SHIFTS])
        for day in month_days(roster.month)
    ]


def _last_month(roster: RosterMonth) -> dict[str, Any] | None:
    """Last month's published roster, to compare the expected answers with."""
    previous = (
        RosterMonth.objects.filter(region=roster.region, month__lt=roster.month)
        .order_by("-month")
        .first()
    )
    if previous is None:
        return None
    run = previous.runs.filter(status=SolveRun.Status.DONE).first()
    return {
        "roster": previous,
        "shifts": previous.assignments.count(),
        "expected_answered": run.result.get("expected_answered") if run else None,
    }


def run_view(run: SolveRun) -> dict[str, Any]:
    ratio = None
    if run.best_objective is not None and run.bound:
        ratio = min(1.0, run.best_objective / run.bound)
    return {"run": run, "ratio": ratio, "percent": round(100 * ratio) if ratio else 0}


def my_shifts(user: User) -> list[Assignment]:
    """A volunteer's shifts in published rosters, from today on."""
    return list(
        Assignment.objects.filter(
            volunteer=user,
            roster__status=RosterMonth.Status.PUBLISHED,
            date__gte=timezone.localdate(),
        )
        .select_related("line", "roster__region")
        .order_by("date", "shift")
    )


def shift_label(code: str) -> str:
    return BY_CODE[code].label


def month_counts(roster: RosterMonth) -> dict[str, int]:
    return roster.assignments.aggregate(
        total=Count("pk"), nights=Count("pk", filter=Q(shift__in=["N1", "N2"]))
    )
