"""Permission rows of the register, roster-month and availability screens.

The register, the entry and the months are those of region zuid; the roster
month is zuid's next month, still collecting availability. The core matrix
test reads `MATRIX` through test_permissions.py; the test below runs the rows.
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
from aandacht.roster.availability import selectors, services

VOLUNTEERS = (OK, *each(DENIED)[1:])
OTHER_VOLUNTEERS = (HIDDEN, *each(DENIED)[1:])
COORDINATORS = (DENIED, DENIED, DENIED, OK, DENIED, DENIED)
OTHER_COORDINATORS = (DENIED, DENIED, DENIED, HIDDEN, DENIED, DENIED)

ZUID_COORDINATORS = {
    "zuid": COORDINATORS,
    "noord": OTHER_COORDINATORS,
    "national": OK,
    "nobody": DENIED,
    "anonymous": TO_LOGIN,
}

MATRIX: dict[str, tuple[object, ...]] = {
    "roster_regions": row(
        zuid=COORDINATORS,
        noord=COORDINATORS,
        national=OK,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "roster_register": row(**ZUID_COORDINATORS),
    "roster_register_entry": row(**ZUID_COORDINATORS),
    "roster_months": row(**ZUID_COORDINATORS),
    # Only volunteers mark availability, and only for their own regions.
    "roster_availability": row(
        zuid=VOLUNTEERS,
        noord=OTHER_VOLUNTEERS,
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
}


def request_for(name: str, cast) -> tuple[str, str, dict[str, str]]:
    if name in {"roster_register", "roster_months"}:
        return "get", reverse(name, args=["zuid"]), {}
    if name == "roster_register_entry":
        return "get", reverse(name, args=["zuid", cast["volunteer_zuid"].pk]), {}
    if name == "roster_availability":
        initial = selectors.new_month_initial(selectors.roster_months(cast.zuid))
        roster = services.roster_month_create(region=cast.zuid, **initial)
        return "get", reverse(name, args=[roster.pk]), {}
    return "get", reverse(name), {}


CASES = cases(MATRIX)


@pytest.mark.parametrize(("name", "persona", "expected"), CASES)
def test_availability_permission_matrix(client, cast, login, name, persona, expected):
    if persona != "anonymous":
        login(cast[persona])
    method, path, data = request_for(name, cast)
    response = getattr(client, method)(path, data)
    assert_answer(response, expected, path)
