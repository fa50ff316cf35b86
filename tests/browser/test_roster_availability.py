"""A volunteer marks availability on a phone-sized screen, partly by keyboard.

The screens run in English, so the labels do not depend on the translation.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from playwright.sync_api import Locator, Page, ViewportSize, expect

from aandacht.core.roles import Role
from aandacht.roster.availability import selectors, services
from aandacht.roster.availability.home import register_home_panels
from aandacht.roster.models import Availability
from aandacht.roster.shifts import BY_CODE
from conftest import make_user

from .conftest import log_in

# Names the elements that stick out, should the page scroll sideways.
WIDER_THAN_THE_SCREEN = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > 392)
  .slice(0, 8)
  .map(e => [e.tagName, e.className, Math.round(e.getBoundingClientRect().right)])"""

pytestmark = pytest.mark.django_db(transaction=True)

PHONE: ViewportSize = {"width": 390, "height": 844}


def tab_to(page: Page, target: Locator, limit: int = 120) -> None:
    """Press Tab until `target` has the focus: proof the keyboard reaches it."""
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target}")


def test_a_volunteer_enters_availability_on_a_phone(
    page: Page, live_server, region, english, csp_violations
):
    register_home_panels()  # until RosterConfig.ready() calls it
    volunteer = make_user("sanne", Role.VOLUNTEER, region)
    # The month after next, due two weeks before: open whatever the hour.
    next_month = (timezone.localdate().replace(day=1) + timedelta(days=32)).replace(
        day=1
    )
    month = (next_month + timedelta(days=32)).replace(day=1)
    roster = services.roster_month_create(
        region=region, month=month, deadline=month - timedelta(days=14)
    )
    first = roster.month
    with translation.override("en"):
        night = selectors.slot_label(first, BY_CODE["N1"])
        evening = selectors.slot_label(first, BY_CODE["E"])
        morning = selectors.slot_label(first.replace(day=2), BY_CODE["O"])
        month_name = f"{first:%B %Y}"

    page.set_viewport_size(PHONE)
    log_in(page, live_server.url, "sanne")
    page.get_by_role("link", name=re.compile(f"Availability for {month_name}")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Availability for {month_name}"
    )
    expect(page.locator("#availability-count")).to_have_text(
        "0 slots available, 0 preferred"
    )

    # The page itself does not scroll sideways, and each box is a big target.
    page.wait_for_load_state("load")  # the grid's stylesheet is applied
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(WIDER_THAN_THE_SCREEN)
    assert width <= PHONE["width"], wide
    box = page.get_by_label(night, exact=True).locator("xpath=..").bounding_box()
    assert box is not None
    assert box["width"] >= 44
    assert box["height"] >= 44

    # A tap (a click: the phone-sized context has no touch screen)...
    page.get_by_label(night, exact=True).click()
    # ...and the keyboard alone: Tab to a box and press Space.
    can = page.get_by_label(evening, exact=True)
    tab_to(page, can)
    page.keyboard.press("Space")
    expect(can).to_be_checked()
    prefer = page.get_by_role("checkbox", name=f"Preferred: {evening}", exact=True)
    page.keyboard.press("Tab")
    expect(prefer).to_be_focused()
    page.keyboard.press("Space")
    expect(prefer).to_be_checked()
    # A preferred slot counts as available even without its first box.
    page.get_by_role("checkbox", name=f"Preferred: {morning}", exact=True).click()

    page.get_by_role("button", name="Save availability").click()
    expect(
        page.get_by_text("Your availability is saved: 3 slots available, 2 preferred.")
    ).to_be_visible()
    expect(page.locator("#availability-count")).to_have_text(
        "3 slots available, 2 preferred"
    )
    expect(page.get_by_label(night, exact=True)).to_be_checked()
    expect(page.get_by_label(morning, exact=True)).to_be_checked()
    stored = set(
        Availability.objects.filter(roster=roster, volunteer=volunteer).values_list(
            "date", "shift", "preferred"
        )
    )
    assert stored == {
        (first, "N1", False),
        (first, "E", True),
        (first.replace(day=2), "O", True),
    }
