"""A person logs in, finds their home page and switches language, in Chromium."""

from __future__ import annotations

import re

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from aandacht.core.roles import Role
from conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def region(db):
    from aandacht.core import services

    organisation = services.organisation_create(name="Testlijn")
    return services.region_create(
        organisation=organisation, code="zhzm", name="Zuid-Holland Zuid Midden"
    )


def log_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_volunteer_logs_in_and_switches_to_english_and_back(
    page: Page, live_server, region, csp_violations
):
    make_user("sanne", Role.VOLUNTEER, region)
    log_in(page, live_server.url, "sanne")

    expect(page.locator("html")).to_have_attribute("lang", "nl")
    new_contact = page.get_by_role("link", name=re.compile("Nieuw gesprek"))
    expect(new_contact).to_be_visible()

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name=re.compile("New contact"))).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")

    page.get_by_role("button", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("link", name=re.compile("Nieuw gesprek"))).to_be_visible()


def test_login_works_with_the_keyboard_alone(page: Page, live_server, region):
    make_user("sanne", Role.VOLUNTEER, region)
    page.goto(f"{live_server.url}/login/")
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()
    page.keyboard.type("sanne")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name=re.compile("Nieuw gesprek"))).to_be_visible()


def test_supervisor_sets_up_two_factor_login_first(
    page: Page, live_server, region, csp_violations
):
    user = make_user("ahmed", Role.SUPERVISOR, region)
    log_in(page, live_server.url, "ahmed")

    expect(page).to_have_url(re.compile(r"/account/two-factor/$"))
    expect(page.locator(".qr svg")).to_be_visible()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    code = TOTP(device.bin_key, device.step, device.t0, device.digits).token()
    page.get_by_label("Code van zes cijfers uit je authenticator-app").fill(
        f"{code:06d}"
    )
    page.get_by_role("button", name=re.compile("Bevestig", re.I)).click()

    expect(page.get_by_role("heading", name="Begeleider")).to_be_visible()
    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile(r"/login/$"))


def test_home_page_fits_a_phone_screen(page: Page, live_server, region):
    make_user("sanne", Role.VOLUNTEER, region)
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, live_server.url, "sanne")
    expect(page.get_by_role("link", name=re.compile("Nieuw gesprek"))).to_be_visible()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
