"""Permission rows of research exports and the annual report.

Coordinators use them for their own regions, a national coordinator for any
region or all; everyone else is refused (see ``insights/exports/access.py``
for why administrators are too). The PDF is asked for region zuid, so the
coordinator of noord is not told it exists.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from aandacht.core.tests.test_permissions import (
    DENIED,
    HIDDEN,
    OK,
    TO_LOGIN,
    assert_answer,
    cases,
    row,
)

COORDINATORS = (DENIED, DENIED, DENIED, OK, DENIED, DENIED)
OTHER_REGION = (DENIED, DENIED, DENIED, HIDDEN, DENIED, DENIED)


def coordinators(noord: tuple[object, ...] = COORDINATORS) -> tuple[object, ...]:
    return row(
        zuid=COORDINATORS, noord=noord, national=OK, nobody=DENIED, anonymous=TO_LOGIN
    )


MATRIX = {
    "insights_export": coordinators(),
    "insights_export_dictionary": coordinators(),
    "insights_annual": coordinators(),
    "insights_annual_pdf": coordinators(OTHER_REGION),
}


def request_for(name: str) -> str:
    if name == "insights_annual_pdf":
        last_year = timezone.localdate().year - 1
        return f"{reverse(name)}?region=zuid&year={last_year}"
    return reverse(name)


EXPORT_CASES = cases(MATRIX)


@pytest.mark.parametrize(("name", "persona", "expected"), EXPORT_CASES)
def test_export_permission_matrix(client, cast, login, name, persona, expected):
    path = request_for(name)
    if persona != "anonymous":
        login(cast[persona])
    response = client.get(path)
    assert_answer(response, expected, path)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("coordinator_zuid", OK),
        ("coordinator_noord", HIDDEN),
        ("national", OK),
        ("admin_zuid", DENIED),
        ("supervisor_zuid", DENIED),
        ("partner_zuid", DENIED),
        ("volunteer_zuid", DENIED),
        ("nobody", DENIED),
    ],
)
def test_only_coordinators_of_the_region_download_an_export(
    client, cast, login, persona, expected
):
    """The download itself (a POST) answers as the form does."""
    login(cast[persona])
    data = {
        "region": "zuid",
        "first": "2024-01-01",
        "last": "2024-12-31",
        "file_format": "csv",
    }
    response = client.post(reverse("insights_export"), data)
    assert response.status_code == expected
    if expected == OK:
        assert response["Content-Type"] == "application/zip"
