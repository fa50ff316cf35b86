"""The permission matrix of the guidance screens, for every persona of the cast."""

from __future__ import annotations

import pytest
from django.urls import reverse

from aandacht.core.tests.test_permissions import (
    DENIED,
    OK,
    TO_LOGIN,
    assert_answer,
    cases,
    each,
    row,
)

VOLUNTEERS_AND_SUPERVISORS = (OK, OK, DENIED, DENIED, DENIED, DENIED)
SUPERVISORS = (DENIED, OK, DENIED, DENIED, DENIED, DENIED)
PUBLIC = row(zuid=each(OK), noord=each(OK), national=OK, nobody=OK, anonymous=OK)

MATRIX = {
    "typology_panel": row(
        zuid=VOLUNTEERS_AND_SUPERVISORS,
        noord=VOLUNTEERS_AND_SUPERVISORS,
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    # The self-test is for anyone, logged in or not.
    "self_test": PUBLIC,
    "self_test_en": PUBLIC,
    "learn": row(
        zuid=VOLUNTEERS_AND_SUPERVISORS,
        noord=VOLUNTEERS_AND_SUPERVISORS,
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "lesson": row(
        zuid=VOLUNTEERS_AND_SUPERVISORS,
        noord=VOLUNTEERS_AND_SUPERVISORS,
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "case": row(
        zuid=VOLUNTEERS_AND_SUPERVISORS,
        noord=VOLUNTEERS_AND_SUPERVISORS,
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "case_choices": row(
        zuid=SUPERVISORS,
        noord=SUPERVISORS,
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
}


def path_for(name: str) -> str:
    if name == "lesson":
        return reverse(name, args=["definition"])
    if name == "case":
        return reverse(name, args=[1])
    return reverse(name)


CASES = cases(MATRIX)


@pytest.mark.parametrize(("name", "persona", "expected"), CASES)
def test_permission_matrix(client, cast, login, name, persona, expected):
    if persona != "anonymous":
        login(cast[persona])
    path = path_for(name)
    response = client.get(path)
    assert_answer(response, expected, path)
