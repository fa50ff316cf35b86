"""Permission rows of the insights dashboard (gathered in test_permissions.py).

Each screen is asked for region zuid's dashboard. Coordinators and
supervisors of zuid see it; those of noord are not told it exists; every
other role, partners included, is refused. The national coordinator sees
every region.
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
from aandacht.insights.dashboard import views
from aandacht.insights.panels import Chart, Panel, Series

WATCHERS_ZUID = (DENIED, OK, DENIED, OK, DENIED, DENIED)
WATCHERS_NOORD = (DENIED, HIDDEN, DENIED, HIDDEN, DENIED, DENIED)
ZUIDS_DASHBOARD = row(
    zuid=WATCHERS_ZUID,
    noord=WATCHERS_NOORD,
    national=OK,
    nobody=DENIED,
    anonymous=TO_LOGIN,
)

MATRIX = {
    "insights_dashboard": ZUIDS_DASHBOARD,
    "insights_panel_csv": ZUIDS_DASHBOARD,
}

PANEL = Panel(
    "channel", "Contacts by channel", Chart.BARS, ("Phone",), (Series("All", (3,)),)
)


def request_for(name: str) -> str:
    if name == "insights_panel_csv":
        return reverse(name, args=[PANEL.key]) + "?region=zuid"
    return reverse(name) + "?region=zuid"


DASHBOARD_CASES = cases(MATRIX)


@pytest.mark.parametrize(("name", "persona", "expected"), DASHBOARD_CASES)
def test_dashboard_permission_matrix(
    client, cast, login, monkeypatch, name, persona, expected
):
    monkeypatch.setattr(views, "dashboard_panels", lambda region, period: [PANEL])
    path = request_for(name)
    if persona != "anonymous":
        login(cast[persona])
    assert_answer(client.get(path), expected, path)
