"""The permission matrix of the further-training screens, for every persona.

The session and the overview are those of region zuid; the volunteer of zuid
attended the session.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from aandacht.core.tests.test_permissions import (
    DENIED,
    HIDDEN,
    OK,
    TO_LOGIN,
    assert_answer,
    cases,
    each,
    row,
)

from .conftest import record

VOLUNTEERS_ONLY = (OK, *each(DENIED)[1:])
SUPERVISORS = (DENIED, OK, *each(DENIED)[2:])
OTHER_SUPERVISORS = (DENIED, HIDDEN, *each(DENIED)[2:])
COORDINATORS = (DENIED, DENIED, DENIED, OK, DENIED, DENIED)
OTHER_COORDINATORS = (DENIED, DENIED, DENIED, HIDDEN, DENIED, DENIED)

MATRIX = {
    "training_mine": row(
        zuid=VOLUNTEERS_ONLY,
        noord=VOLUNTEERS_ONLY,
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "training_sessions": row(
        zuid=SUPERVISORS,
        noord=SUPERVISORS,
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "training_session_new": row(
        zuid=SUPERVISORS,
        noord=SUPERVISORS,
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "training_session_change": row(
        zuid=SUPERVISORS,
        noord=OTHER_SUPERVISORS,
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "training_regions": row(
        zuid=COORDINATORS,
        noord=COORDINATORS,
        national=OK,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "training_overview": row(
        zuid=COORDINATORS,
        noord=OTHER_COORDINATORS,
        national=OK,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "training_export": row(
        zuid=COORDINATORS,
        noord=OTHER_COORDINATORS,
        national=OK,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
}


def request_for(name: str, cast) -> tuple[str, str, dict[str, str]]:
    if name == "training_session_change":
        session = record(
            cast.zuid,
            [cast["volunteer_zuid"]],
            recorded_by=cast["supervisor_zuid"],
        )
        return "get", reverse(name, args=[session.pk]), {}
    if name in {"training_overview", "training_export"}:
        return "get", reverse(name, args=["zuid"]), {}
    return "get", reverse(name), {}


CASES = cases(MATRIX)


@pytest.mark.parametrize(("name", "persona", "expected"), CASES)
def test_permission_matrix(client, cast, login, name, persona, expected):
    if persona != "anonymous":
        login(cast[persona])
    method, path, data = request_for(name, cast)
    response = getattr(client, method)(path, data)
    assert_answer(response, expected, path)
