"""Permission rows of the planning screens (gathered in test_permissions.py)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from aandacht.core.tests.test_permissions import (
    DENIED,
    HIDDEN,
    MOVES_ON,
    OK,
    TO_LOGIN,
    assert_answer,
    cases,
    row,
)
from aandacht.roster.models import Assignment, Line, SolveRun, VolunteerRegister
from aandacht.roster.tests.planning_setup import MONTH, make_month

PLANNERS = (DENIED, DENIED, DENIED, OK, DENIED, DENIED)
PLANNERS_ELSEWHERE = (DENIED, DENIED, DENIED, HIDDEN, DENIED, DENIED)
PLANNERS_POST = (DENIED, DENIED, DENIED, MOVES_ON, DENIED, DENIED)
VOLUNTEERS = (OK, DENIED, DENIED, DENIED, DENIED, DENIED)
ANYONE_WITH_THE_KEY = row(
    zuid=(OK,) * 6, noord=(OK,) * 6, national=OK, nobody=OK, anonymous=OK
)


def planners(zuid, noord, national):
    return row(
        zuid=zuid, noord=noord, national=national, nobody=DENIED, anonymous=TO_LOGIN
    )


MATRIX = {
    "roster_planning": planners(PLANNERS, PLANNERS_ELSEWHERE, OK),
    "roster_run_start": planners(PLANNERS_POST, PLANNERS_ELSEWHERE, MOVES_ON),
    "roster_run": planners(PLANNERS, PLANNERS_ELSEWHERE, OK),
    "roster_run_adopt": planners(PLANNERS_POST, PLANNERS_ELSEWHERE, MOVES_ON),
    "roster_publish": planners(PLANNERS_POST, PLANNERS_ELSEWHERE, MOVES_ON),
    "roster_assignment_remove": planners(PLANNERS_POST, PLANNERS_ELSEWHERE, MOVES_ON),
    "roster_assignment_add": planners(PLANNERS_POST, PLANNERS_ELSEWHERE, MOVES_ON),
    "roster_mine": row(
        zuid=VOLUNTEERS,
        noord=VOLUNTEERS,
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    # The feed's secret address is its key: calendar programs cannot log in.
    "roster_feed": ANYONE_WITH_THE_KEY,
    # The register belongs to volunteer_zuid: another volunteer finds nothing.
    "roster_feed_renew": row(
        zuid=(MOVES_ON, *VOLUNTEERS[1:]),
        noord=(HIDDEN, *VOLUNTEERS[1:]),
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
}


def request_for(name: str, cast) -> tuple[str, str, dict[str, object]]:
    volunteer = cast["volunteer_zuid"]
    month = make_month(cast.zuid, [volunteer], days=2)
    line = Line.objects.get(region=cast.zuid)
    if name == "roster_feed":
        register = VolunteerRegister.objects.create(
            volunteer=volunteer, region=cast.zuid
        )
        return "get", reverse(name, args=[register.feed_token]), {}
    if name == "roster_feed_renew":
        register = VolunteerRegister.objects.create(
            volunteer=volunteer, region=cast.zuid
        )
        return "post", reverse(name, args=[register.pk]), {}
    if name == "roster_mine":
        return "get", reverse(name), {}
    if name in {"roster_run", "roster_run_adopt"}:
        run = SolveRun.objects.create(
            roster=month,
            requested_by=cast["coordinator_zuid"],
            status=SolveRun.Status.DONE,
            result={"assignments": []},
        )
        method = "get" if name == "roster_run" else "post"
        return method, reverse(name, args=[run.pk]), {}
    if name == "roster_assignment_remove":
        shift = Assignment.objects.create(
            roster=month, volunteer=volunteer, date=MONTH, shift="O", line=line
        )
        return "post", reverse(name, args=[month.pk, shift.pk]), {}
    if name == "roster_assignment_add":
        data = {"volunteer": volunteer.pk, "date": "2027-03-01", "shift": "O"}
        return "post", reverse(name, args=[month.pk]), data | {"line": line.pk}
    if name == "roster_run_start":
        return "post", reverse(name, args=[month.pk]), {"time_limit": 5}
    method = "get" if name == "roster_planning" else "post"
    return method, reverse(name, args=[month.pk]), {}


PLANNING_CASES = cases(MATRIX)


@pytest.mark.parametrize(("name", "persona", "expected"), PLANNING_CASES)
def test_planning_permission_matrix(client, cast, login, name, persona, expected):
    method, path, data = request_for(name, cast)
    if persona != "anonymous":
        login(cast[persona])
    response = getattr(client, method)(path, data)
    assert_answer(response, expected, path)
