"""Permission rows of the social-map panel (gathered in test_permissions.py).

The panel belongs to a report being written: volunteers of the region use
it, a volunteer of another region gets 404, every other role 403.
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
from aandacht.socialmap.tests.panel_setup import make_service

ONLY_VOLUNTEERS = (OK, DENIED, DENIED, DENIED, DENIED, DENIED)
OTHER_REGION = (HIDDEN, DENIED, DENIED, DENIED, DENIED, DENIED)


def in_call(zuid, noord):
    return row(
        zuid=zuid, noord=noord, national=DENIED, nobody=DENIED, anonymous=TO_LOGIN
    )


MATRIX = {
    "socialmap_search": in_call(ONLY_VOLUNTEERS, OTHER_REGION),
    "socialmap_referral": in_call(ONLY_VOLUNTEERS, OTHER_REGION),
}


def request_for(name: str, cast) -> tuple[str, str, dict[str, str]]:
    if name == "socialmap_referral":
        service = make_service("Buurtcentrum Zuid", cast.zuid)
        return "post", reverse(name, args=["zuid"]), {"service": str(service.id)}
    return "post", reverse(name, args=["zuid"]), {"q": "buurtcentrum"}


@pytest.mark.parametrize(("name", "persona", "expected"), cases(MATRIX))
def test_panel_permission_matrix(client, cast, login, name, persona, expected):
    if persona != "anonymous":
        login(cast[persona])
    method, path, data = request_for(name, cast)
    response = getattr(client, method)(path, data)
    assert_answer(response, expected, path)
