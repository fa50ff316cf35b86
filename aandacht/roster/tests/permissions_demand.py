"""Permission rows of this part of the roster screens (see test_permissions.py).

The demand and capacity screens are the coordinators': those of zuid open
zuid's pages, those of noord are not told zuid's exist, the national
coordinator opens every region's. The line is one of zuid's.
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
from aandacht.roster.demand import services

ZUID = "/roster/demand/zuid/"
ZUID_LINES = "/roster/demand/zuid/lines/"


def coordinators(expected: object) -> tuple[object, ...]:
    """Only the coordinator (fourth of ROLES) gets `expected`; the rest 403."""
    return (DENIED, DENIED, DENIED, expected, DENIED, DENIED)


def zuid_page(*, zuid: object = OK, national: object = OK) -> tuple[object, ...]:
    return row(
        zuid=coordinators(zuid),
        noord=coordinators(HIDDEN),
        national=national,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    )


MATRIX: dict[str, tuple[object, ...]] = {
    # One region: straight to its page; more regions: the list.
    "roster_demand_regions": row(
        zuid=coordinators(ZUID),
        noord=coordinators("/roster/demand/noord/"),
        national=OK,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "roster_demand": zuid_page(),
    "roster_demand_estimate": zuid_page(zuid=ZUID, national=ZUID),
    "roster_demand_import": zuid_page(),
    "roster_lines": zuid_page(),
    "roster_lines_defaults": zuid_page(zuid=ZUID_LINES, national=ZUID_LINES),
    "roster_line_new": zuid_page(),
    "roster_line_change": zuid_page(),
    "roster_capacity": zuid_page(),
    "roster_lines_needed": zuid_page(),
}

POSTS = {"roster_demand_estimate", "roster_lines_defaults"}


def request_for(name: str, cast) -> tuple[str, str, dict[str, str]]:
    if name == "roster_demand_regions":
        return "get", reverse(name), {}
    if name == "roster_line_change":
        line = services.line_create(
            region=cast.zuid,
            code="phone-nl",
            channel="phone",
            language="nl",
            max_parallel=2,
        )
        return "get", reverse(name, args=["zuid", line.pk]), {}
    method = "post" if name in POSTS else "get"
    data = {"weeks": "12"} if name == "roster_demand_estimate" else {}
    if name == "roster_demand_estimate":
        services.lines_install_defaults(region=cast.zuid)
    return method, reverse(name, args=["zuid"]), data


CASES = cases(MATRIX)


@pytest.mark.parametrize(("name", "persona", "expected"), CASES)
def test_demand_permission_matrix(client, cast, login, name, persona, expected):
    if persona != "anonymous":
        login(cast[persona])
    method, path, data = request_for(name, cast)
    response = getattr(client, method)(path, data)
    assert_answer(response, expected, path)
