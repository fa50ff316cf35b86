"""The permission matrix of the call-back screens, for every persona of the cast.

The request belongs to region zuid and was recorded by its volunteer. Only
the Vraagwijzer specialist of the region works it; the volunteer who recorded
it sees its confirmation; the national coordinator is not a Vraagwijzer.
"""

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

from .conftest import make_request

RECORDERS = (OK, DENIED, OK, DENIED, DENIED, DENIED)
RECORDERS_ELSEWHERE = (HIDDEN, DENIED, HIDDEN, DENIED, DENIED, DENIED)
RECORDER_ONLY = (OK, DENIED, HIDDEN, DENIED, DENIED, DENIED)
SPECIALISTS = (DENIED, DENIED, OK, DENIED, DENIED, DENIED)
SPECIALISTS_MOVE_ON = (DENIED, DENIED, MOVES_ON, DENIED, DENIED, DENIED)
SPECIALISTS_ELSEWHERE = (DENIED, DENIED, HIDDEN, DENIED, DENIED, DENIED)


def zuid_request(zuid, noord):
    return row(
        zuid=zuid, noord=noord, national=DENIED, nobody=DENIED, anonymous=TO_LOGIN
    )


MATRIX = {
    "callback_new": zuid_request(RECORDERS, RECORDERS_ELSEWHERE),
    "callback_saved": zuid_request(RECORDER_ONLY, RECORDERS_ELSEWHERE),
    # Each specialist sees the queue of their own region.
    "callback_queue": zuid_request(SPECIALISTS, SPECIALISTS),
    "callback_detail": zuid_request(SPECIALISTS, SPECIALISTS_ELSEWHERE),
    "callback_number": zuid_request(SPECIALISTS, SPECIALISTS_ELSEWHERE),
    "callback_outcome": zuid_request(SPECIALISTS_MOVE_ON, SPECIALISTS_ELSEWHERE),
}
POSTED = {"callback_number", "callback_outcome"}


def path_for(name: str, cast) -> str:
    callback = make_request(cast.zuid, cast["volunteer_zuid"])
    if name == "callback_new":
        return reverse(name) + "?region=zuid"
    if name == "callback_queue":
        return reverse(name)
    return reverse(name, args=[callback.pk])


CASES = cases(MATRIX)


@pytest.mark.parametrize(("name", "persona", "expected"), CASES)
def test_permission_matrix(client, cast, login, name, persona, expected):
    path = path_for(name, cast)
    if persona != "anonymous":
        login(cast[persona])
    response = client.post(path) if name in POSTED else client.get(path)
    assert_answer(response, expected, path)
