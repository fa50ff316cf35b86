"""Permission rows of the partner reports (gathered in test_permissions.py).

The report is region zuid's. Partners of the region read it; coordinators of
the region may preview it, so they know what their partners see, and the
national coordinator previews every region's. Another region's partner or
coordinator is not told the report exists (404); other roles get 403. The
list of reports leads a person with one region straight to its report.
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

READERS = (DENIED, DENIED, DENIED, OK, OK, DENIED)
READERS_ELSEWHERE = (DENIED, DENIED, DENIED, HIDDEN, HIDDEN, DENIED)
ONE_REGION = (DENIED, DENIED, DENIED, MOVES_ON, MOVES_ON, DENIED)
QUERY = "?year=2026&quarter=1"


def report(zuid, noord):
    return row(zuid=zuid, noord=noord, national=OK, nobody=DENIED, anonymous=TO_LOGIN)


MATRIX = {
    "partner_reports": report(ONE_REGION, ONE_REGION),
    "partner_report": report(READERS, READERS_ELSEWHERE),
    "partner_report_pdf": report(READERS, READERS_ELSEWHERE),
    "partner_report_xlsx": report(READERS, READERS_ELSEWHERE),
}


def path_for(name: str) -> str:
    if name == "partner_reports":
        return reverse(name)
    return reverse(name, args=["zuid"]) + QUERY


PARTNER_CASES = cases(MATRIX)


@pytest.mark.parametrize(("name", "persona", "expected"), PARTNER_CASES)
def test_partner_permission_matrix(client, cast, login, name, persona, expected):
    path = path_for(name)
    if persona != "anonymous":
        login(cast[persona])
    response = client.get(path)
    assert_answer(response, expected, path)
