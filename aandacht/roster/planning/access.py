"""Who may plan which roster, and whose shifts a volunteer sees."""

from __future__ import annotations

from django.http import Http404

from aandacht.core import access
from aandacht.core.access import AnyUser
from aandacht.core.roles import Role
from aandacht.roster.models import Assignment, RosterMonth, SolveRun

PLANNER_ROLES = frozenset({Role.COORDINATOR})


def roster_for_planner(user: AnyUser, roster_id: int) -> RosterMonth:
    access.require_any_role(user, PLANNER_ROLES)
    regions = access.regions_for(user, PLANNER_ROLES)
    roster = (
        RosterMonth.objects.select_related("region")
        .filter(pk=roster_id, region__in=regions)
        .first()
    )
    if roster is None:
        raise Http404
    return roster


def run_for_planner(user: AnyUser, run_id: int) -> SolveRun:
    access.require_any_role(user, PLANNER_ROLES)
    regions = access.regions_for(user, PLANNER_ROLES)
    run = (
        SolveRun.objects.select_related("roster__region")
        .filter(pk=run_id, roster__region__in=regions)
        .first()
    )
    if run is None:
        raise Http404
    return run


def assignment_for_planner(
    user: AnyUser, roster: RosterMonth, assignment_id: int
) -> Assignment:
    assignment = roster.assignments.filter(pk=assignment_id).first()
    if assignment is None:
        raise Http404
    return assignment


def require_volunteer(user: AnyUser) -> None:
    access.require_any_role(user, {Role.VOLUNTEER})
