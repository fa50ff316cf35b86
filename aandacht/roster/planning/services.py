"""Every write of roster planning: runs of the solver, adopting, editing, publishing."""

from __future__ import annotations

import logging
import time
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aandacht.core.models import User
from aandacht.roster import solver
from aandacht.roster.models import (
    Assignment,
    Line,
    RosterMonth,
    SolveRun,
    VolunteerRegister,
    new_feed_token,
)
from aandacht.roster.planning import rules
from aandacht.roster.planning.problem import roster_problem, user_id_of, volunteer_key
from aandacht.roster.problem import ProblemError, parse_problem

log = logging.getLogger(__name__)
PROGRESS_EVERY_SECONDS = 1.0


class PlanningError(Exception):
    """The roster cannot be planned or changed as asked; the message says why."""


def run_request(*, roster: RosterMonth, actor: User, time_limit: int = 60) -> SolveRun:
    """Queue a solver run with the month's problem as it stands now."""
    if roster.status == RosterMonth.Status.PUBLISHED:
        raise PlanningError(_("a published roster is not planned again."))
    problem = roster_problem(roster)
    if not problem["lines"]:
        raise PlanningError(_("the region has no lines yet."))
    if not problem["volunteers"]:
        raise PlanningError(_("no volunteer has entered availability."))
    try:
        parse_problem(problem)
    except ProblemError as error:
        raise PlanningError("; ".join(error.problems)) from error
    if roster.status == RosterMonth.Status.COLLECTING:
        roster.status = RosterMonth.Status.PLANNING
        roster.save(update_fields=["status"])
    return SolveRun.objects.create(
        roster=roster, requested_by=actor, time_limit=time_limit, problem=problem
    )


def run_next() -> SolveRun | None:
    """Take the oldest waiting run off the queue and solve it (the worker's step)."""
    with transaction.atomic():
        run = (
            SolveRun.objects.select_for_update(skip_locked=True)
            .filter(status=SolveRun.Status.QUEUED)
            .order_by("created_at")
            .first()
        )
        if run is None:
            return None
        run.status = SolveRun.Status.RUNNING
        run.started_at = timezone.now()
        run.save(update_fields=["status", "started_at"])
    run_execute(run=run)
    return run


def run_execute(*, run: SolveRun) -> SolveRun:
    """Solve one run, writing progress as the search finds better rosters."""
    last_write = 0.0

    def progress(step: solver.Progress) -> None:
        nonlocal last_write
        now = time.monotonic()
        if step.objective is None or now - last_write < PROGRESS_EVERY_SECONDS:
            return
        last_write = now
        SolveRun.objects.filter(pk=run.pk).update(
            best_objective=step.objective, bound=step.bound
        )

    try:
        problem = parse_problem(run.problem)
        result = solver.solve(
            problem, time_limit_seconds=run.time_limit, progress=progress
        )
    except Exception as error:  # a failed run must say so, not hang as "running"
        log.exception("Solver run %s failed", run.pk)
        run.status = SolveRun.Status.FAILED
        run.error = str(error)[:2000]
    else:
        run.status = SolveRun.Status.DONE
        run.result = solver.result_to_json(result)
        run.best_objective = result.objective_value
        run.bound = result.upper_bound
    run.finished_at = timezone.now()
    run.save()
    return run


@transaction.atomic
def run_adopt(*, run: SolveRun, actor: User) -> int:
    """Make a finished run the month's draft roster, replacing the draft."""
    roster = run.roster
    if run.status != SolveRun.Status.DONE:
        raise PlanningError(_("Only a finished run can be used."))
    if roster.status == RosterMonth.Status.PUBLISHED:
        raise PlanningError(_("The roster is already published."))
    lines = {line.code: line for line in Line.objects.filter(region=roster.region)}
    roster.assignments.all().delete()
    rows = [
        Assignment(
            roster=roster,
            volunteer_id=user_id_of(item["volunteer"]),
            date=date.fromisoformat(item["date"]),
            shift=item["shift"],
            line=lines[item["line"]],
        )
        for item in run.result.get("assignments", [])
    ]
    Assignment.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def roster_publish(*, roster: RosterMonth, actor: User) -> RosterMonth:
    if not roster.assignments.exists():
        raise PlanningError(_("There is no roster to publish yet: use a run first."))
    broken = [f for f in _findings(roster) if f.hard]
    if broken:
        details = "; ".join(f"{f.volunteer} {f.detail}" for f in broken[:5])
        raise PlanningError(
            _("The roster breaks a hard rule: %(details)s") % {"details": details}
        )
    roster.status = RosterMonth.Status.PUBLISHED
    roster.published_at = timezone.now()
    roster.save(update_fields=["status", "published_at"])
    return roster


def _findings(roster: RosterMonth) -> list[rules.Finding]:
    draft = [
        {
            "volunteer": volunteer_key(a.volunteer_id),
            "date": a.date.isoformat(),
            "shift": a.shift,
            "line": a.line.code,
        }
        for a in roster.assignments.select_related("line")
    ]
    return rules.check(roster_problem(roster), draft)


def assignment_remove(*, assignment: Assignment, actor: User) -> None:
    if assignment.roster.status == RosterMonth.Status.PUBLISHED:
        raise PlanningError(_("Change a published roster through swaps."))
    assignment.delete()


def assignment_add(
    *, roster: RosterMonth, actor: User, values: dict[str, Any]
) -> Assignment:
    """Add one shift by hand; the hard rules are checked by the caller's form."""
    if roster.status == RosterMonth.Status.PUBLISHED:
        raise PlanningError(_("Change a published roster through swaps."))
    try:
        with transaction.atomic():
            return Assignment.objects.create(roster=roster, **values)
    except IntegrityError:
        raise PlanningError(
            _("%(name)s already has a shift on that day.")
            % {"name": values["volunteer"].display_name}
        ) from None


def feed_address_renew(*, register: VolunteerRegister) -> VolunteerRegister:
    """Give the volunteer's calendar feed a new secret address (a lost phone,
    a shared link); the old address answers 404 from now on."""
    register.feed_token = new_feed_token()
    register.save(update_fields=["feed_token"])
    return register
