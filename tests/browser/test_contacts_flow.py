"""A night shift in Chromium: report with the keyboard, lose a tab, get feedback.

The screens run in English here so the tests do not depend on the wording of
the Dutch translation; the Dutch pages are covered by the login flow tests.
"""

from __future__ import annotations

import re

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import BrowserContext, Locator, Page, expect

from aandacht.contacts.models import Contact
from aandacht.core.roles import Role
from conftest import make_user

from .conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)

SUMMARY = (
    "Mevrouw belt omdat ze niemand anders heeft om mee te praten. "
    "Haar man is vorig jaar overleden. Ze wilde vooral gehoord worden."
)


def tab_to(page: Page, target: Locator, limit: int = 120) -> None:
    """Press Tab until `target` has the focus: proof the keyboard reaches it."""
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target}")


def test_a_volunteer_registers_a_typical_report_with_the_keyboard_only(
    page: Page, live_server, region, english, csp_violations
):
    make_user("sanne", Role.VOLUNTEER, region)
    log_in(page, live_server.url, "sanne")

    expect(page.get_by_role("link", name=re.compile("New contact"))).to_be_visible()
    page.keyboard.press("Alt+n")  # the shortcut of "New contact"
    expect(page.get_by_role("heading", name=re.compile("New contact"))).to_be_visible()
    expect(page.get_by_label("Phone")).to_be_checked()

    tab_to(page, page.get_by_label("Loneliness", exact=True))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_label("Grief and loss"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_label("Not about loneliness"))  # a radio group
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_label("Out of loneliness")).to_be_checked()
    tab_to(page, page.get_by_role("textbox", name="Summary"))
    page.keyboard.type(SUMMARY)
    page.keyboard.press("Alt+s")  # the shortcut of "Save report"

    expect(page.get_by_text("The report is saved.")).to_be_visible()
    contact = Contact.objects.get()
    assert contact.loneliness == "out_of"
    assert {topic.code for topic in contact.topics.all()} == {"loneliness", "grief"}
    assert contact.summary == SUMMARY


def test_a_closed_tab_loses_nothing(
    page: Page, context: BrowserContext, live_server, region, english
):
    make_user("sanne", Role.VOLUNTEER, region)
    log_in(page, live_server.url, "sanne")
    page.goto(f"{live_server.url}/contacts/new/")
    page.get_by_role("textbox", name="Summary").fill("Hij belde over zijn buurman.")
    expect(page.locator("#autosave-status")).to_contain_text(
        "Draft saved", timeout=10_000
    )
    page.close()

    again = context.new_page()
    again.goto(f"{live_server.url}/contacts/new/")
    again.get_by_role("link", name=re.compile("Continue the report")).click()
    expect(again.get_by_role("textbox", name="Summary")).to_have_value(
        "Hij belde over zijn buurman."
    )


def test_a_non_data_contact_takes_one_click(page: Page, live_server, region, english):
    make_user("sanne", Role.VOLUNTEER, region)
    log_in(page, live_server.url, "sanne")
    page.goto(f"{live_server.url}/contacts/new/")
    page.get_by_role("button", name="Hung up").click()
    expect(page.get_by_text("Counted: Hung up.")).to_be_visible()
    assert Contact.objects.get().contact_type == "hung_up"


def test_a_supervisor_reads_the_report_and_the_volunteer_sees_the_feedback(
    page: Page, context: BrowserContext, live_server, region, english, csp_violations
):
    volunteer = make_user("sanne", Role.VOLUNTEER, region)
    supervisor = make_user("ahmed", Role.SUPERVISOR, region)
    device = TOTPDevice.objects.create(user=supervisor, name="app", confirmed=True)
    from aandacht.contacts.tests.conftest import make_contact

    make_contact(volunteer, region, summary=SUMMARY)

    log_in(page, live_server.url, "ahmed")
    code = TOTP(device.bin_key, device.step, device.t0, device.digits).token()
    page.get_by_label(re.compile("Six-digit code")).fill(f"{code:06d}")
    page.get_by_role("button", name="Confirm").click()
    page.get_by_role("link", name=re.compile("Review reports")).click()
    page.get_by_role("row", name=re.compile("sanne", re.I)).get_by_role("link").click()
    expect(page.get_by_text(SUMMARY)).to_be_visible()
    page.get_by_label("Feedback to the volunteer").fill("Fijn hoe je haar liet praten.")
    page.get_by_role("button", name="Send feedback").click()
    expect(page.get_by_text("Your feedback is sent")).to_be_visible()
    page.get_by_role("button", name="Log out").click()

    log_in(page, live_server.url, "sanne")
    expect(page.get_by_text("1 new feedback")).to_be_visible()
    page.get_by_role("link", name=re.compile("My reports")).click()
    expect(page.get_by_text("Fijn hoe je haar liet praten.")).to_be_visible()
