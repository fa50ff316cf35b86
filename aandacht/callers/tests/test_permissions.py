"""The permission matrix of the caller screens, for every persona of the cast.

The profile belongs to region zuid.
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
    row,
)

from .conftest import make_profile

IN_CALL = (OK, OK, DENIED, DENIED, DENIED, DENIED)
IN_CALL_ELSEWHERE = (HIDDEN, HIDDEN, DENIED, DENIED, DENIED, DENIED)
SUPERVISORS = (DENIED, OK, DENIED, DENIED, DENIED, DENIED)
SUPERVISORS_ELSEWHERE = (DENIED, HIDDEN, DENIED, DENIED, DENIED, DENIED)


def zuid_only(zuid, noord):
    return row(
        zuid=zuid, noord=noord, national=DENIED, nobody=DENIED, anonymous=TO_LOGIN
    )


MATRIX = {
    "caller_lookup": zuid_only(IN_CALL, IN_CALL_ELSEWHERE),
    "caller_banner": zuid_only(IN_CALL, IN_CALL_ELSEWHERE),
    "profile_list": zuid_only(SUPERVISORS, SUPERVISORS),
    "profile_new": zuid_only(SUPERVISORS, SUPERVISORS_ELSEWHERE),
    "profile_detail": zuid_only(SUPERVISORS, SUPERVISORS_ELSEWHERE),
    "profile_edit": zuid_only(SUPERVISORS, SUPERVISORS_ELSEWHERE),
    "limit_new": zuid_only(SUPERVISORS, SUPERVISORS_ELSEWHERE),
    "profile_merge": zuid_only(SUPERVISORS, SUPERVISORS_ELSEWHERE),
}


def path_for(name: str, cast) -> str:
    profile = make_profile(cast.zuid, cast["supervisor_zuid"])
    if name == "caller_lookup":
        return reverse(name, args=["zuid"])
    if name == "caller_banner":
        return reverse(name, args=["zuid"]) + f"?profile={profile.pk}"
    if name == "profile_list":
        return reverse(name)
    if name == "profile_new":
        return reverse(name) + "?region=zuid"
    return reverse(name, args=[profile.pk])


CASES = cases(MATRIX)


@pytest.mark.parametrize(("name", "persona", "expected"), CASES)
def test_permission_matrix(client, cast, login, name, persona, expected):
    path = path_for(name, cast)
    if persona != "anonymous":
        login(cast[persona])
    if name == "caller_lookup":  # typed text goes in a POST body
        response = client.post(path, {"q": "dichter"})
    else:
        response = client.get(path)
    assert_answer(response, expected, path)
