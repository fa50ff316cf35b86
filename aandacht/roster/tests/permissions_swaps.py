"""Permission rows of the swap screens (gathered in test_permissions.py).

The shift and its offer belong to the volunteer of region zuid.
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
from aandacht.roster.models import SwapOffer
from aandacht.roster.tests.swaps_setup import published_shift

VOLUNTEERS = (OK, DENIED, DENIED, DENIED, DENIED, DENIED)
OWNER_MOVES_ON = (MOVES_ON, DENIED, DENIED, DENIED, DENIED, DENIED)
OTHER_VOLUNTEER_HIDDEN = (HIDDEN, DENIED, DENIED, DENIED, DENIED, DENIED)
WATCHERS = (DENIED, OK, DENIED, OK, DENIED, DENIED)


def volunteers(zuid, noord):
    return row(
        zuid=zuid, noord=noord, national=DENIED, nobody=DENIED, anonymous=TO_LOGIN
    )


MATRIX = {
    "roster_swap_offer": volunteers(OWNER_MOVES_ON, OTHER_VOLUNTEER_HIDDEN),
    "roster_swap_withdraw": volunteers(OWNER_MOVES_ON, OTHER_VOLUNTEER_HIDDEN),
    # Taking leads back to the board with a reason, or on to one's shifts.
    "roster_swap_take": volunteers(OWNER_MOVES_ON, OTHER_VOLUNTEER_HIDDEN),
    "roster_board": volunteers(VOLUNTEERS, VOLUNTEERS),
    "roster_now": row(
        zuid=WATCHERS, noord=WATCHERS, national=OK, nobody=DENIED, anonymous=TO_LOGIN
    ),
}


def request_for(name: str, cast) -> tuple[str, str]:
    shift = published_shift(cast)
    if name == "roster_swap_offer":
        return "post", reverse(name, args=[shift.pk])
    if name in {"roster_swap_withdraw", "roster_swap_take"}:
        offer = SwapOffer.objects.create(
            assignment=shift, offered_by=cast["volunteer_zuid"]
        )
        return "post", reverse(name, args=[offer.pk])
    return "get", reverse(name)


SWAP_CASES = cases(MATRIX)


@pytest.mark.parametrize(("name", "persona", "expected"), SWAP_CASES)
def test_swap_permission_matrix(client, cast, login, name, persona, expected):
    method, path = request_for(name, cast)
    if persona != "anonymous":
        login(cast[persona])
    response = getattr(client, method)(path)
    assert_answer(response, expected, path)
