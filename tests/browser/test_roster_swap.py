"""A volunteer offers a published shift and a colleague takes it, in Chromium."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from aandacht.core.roles import Role
from aandacht.roster.models import Assignment, Line, RosterMonth, VolunteerRegister
from conftest import make_user

from .conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_volunteer_swaps_a_shift(
    page: Page, live_server, region, english, csp_violations
):
    sanne = make_user("sanne", Role.VOLUNTEER, region)
    joris = make_user("joris", Role.VOLUNTEER, region)
    day = timezone.localdate() + timedelta(days=3)
    line = Line.objects.create(
        region=region, code="phone-nl", channel="phone", language="nl"
    )
    roster = RosterMonth.objects.create(
        region=region,
        month=day.replace(day=1),
        deadline=day.replace(day=1) - timedelta(days=10),
        status=RosterMonth.Status.PUBLISHED,
    )
    for volunteer in (sanne, joris):
        VolunteerRegister.objects.create(
            volunteer=volunteer, region=region, languages=["nl"], channels=["phone"]
        )
    shift = Assignment.objects.create(
        roster=roster, volunteer=sanne, date=day, shift="E", line=line
    )

    log_in(page, live_server.url, "sanne")
    page.goto(f"{live_server.url}/roster/mine/")
    page.get_by_role("button", name="Offer to a colleague").click()
    expect(page.get_by_text("Your shift is on the board")).to_be_visible()
    page.get_by_role("button", name="Log out").click()

    log_in(page, live_server.url, "joris")
    page.goto(f"{live_server.url}/roster/open-shifts/")
    page.get_by_role("button", name="Take this shift").click()
    expect(page.get_by_text(re.compile("The shift is yours now"))).to_be_visible()
    expect(page.get_by_text("phone-nl")).to_be_visible()

    shift.refresh_from_db()
    assert shift.volunteer == joris
