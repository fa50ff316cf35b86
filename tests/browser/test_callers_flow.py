"""Regular callers in Chromium: find, attach, hit the limit; merge two profiles."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from aandacht.callers import services
from aandacht.callers.models import CallerProfile, LimitReachedEvent
from aandacht.callers.windows import week_window
from aandacht.contacts.models import Contact
from aandacht.contacts.tests.conftest import make_contact
from aandacht.core.roles import Role
from conftest import make_user

from .conftest import htmx_ready, log_in

pytestmark = pytest.mark.django_db(transaction=True)
WORDS = "We spraken af: twee gesprekken per week. Bel maandag gerust weer."


def profile(region, author, alias: str, cues: str) -> CallerProfile:
    return services.profile_create(
        region=region,
        actor=author,
        alias=alias,
        cues=cues,
        approach="Vraag naar zijn duiven; dat opent het gesprek.",
    )


def test_a_volunteer_finds_a_profile_by_a_cue_and_sees_the_limit_reached(
    page: Page, live_server, region, english, csp_violations
):
    volunteer = make_user("sanne", Role.VOLUNTEER, region)
    supervisor = make_user("ahmed", Role.SUPERVISOR, region)
    pigeons = profile(region, supervisor, "de duivenmelker", "Praat over zijn duiven.")
    services.limit_set(
        profile=pigeons,
        actor=supervisor,
        per_week=2,
        reason="Belde elke avond urenlang.",
        words=WORDS,
    )
    week_start, _end = week_window(timezone.now())
    for hours in (1, 2):  # two calls earlier this week: the limit is reached
        start = max(week_start, timezone.now() - timedelta(hours=30)) + timedelta(
            minutes=hours
        )
        make_contact(volunteer, region, started_at=start, caller_profile=pigeons)

    log_in(page, live_server.url, "sanne")
    page.get_by_role("link", name=re.compile("New contact")).click()
    htmx_ready(page)
    page.get_by_label(re.compile("Find a regular caller")).fill("duiven")
    page.get_by_role("button", name=re.compile("Attach")).click()

    banner = page.locator("#caller-banner")
    expect(banner.get_by_role("alert")).to_contain_text("Limit reached")
    expect(banner).to_contain_text(WORDS)
    expect(page.get_by_label("Regular caller", exact=True)).to_be_checked()

    page.get_by_role("textbox", name="Summary").fill("Hij vertelde over zijn duiven.")
    page.get_by_role("button", name=re.compile("Save report")).click()
    expect(page.get_by_text("The report is saved")).to_be_visible()
    newest = Contact.objects.latest("created_at")
    assert newest.caller_profile == pigeons
    assert LimitReachedEvent.objects.get().contact == newest


def test_a_supervisor_merges_two_profiles(
    page: Page, live_server, region, english, csp_violations
):
    volunteer = make_user("sanne", Role.VOLUNTEER, region)
    supervisor = make_user("ahmed", Role.SUPERVISOR, region)
    device = TOTPDevice.objects.create(user=supervisor, name="app", confirmed=True)
    keep = profile(region, supervisor, "de dichter", "Leest gedichten voor.")
    twin = profile(region, supervisor, "de schrijver", "Leest eigen verzen voor.")
    make_contact(volunteer, region, caller_profile=twin)

    log_in(page, live_server.url, "ahmed")
    code = TOTP(device.bin_key, device.step, device.t0, device.digits).token()
    page.get_by_label(re.compile("Six-digit code")).fill(f"{code:06d}")
    page.get_by_role("button", name="Confirm").click()
    page.get_by_role("link", name=re.compile("Regular callers")).click()
    page.get_by_role("link", name="de schrijver").click()
    page.get_by_role("link", name="Merge with another profile").click()
    page.get_by_label("Merge into").select_option(label="de dichter")
    page.get_by_label(re.compile("these two profiles are one caller")).check()
    page.get_by_role("button", name="Merge").click()

    expect(page.get_by_text("de schrijver is merged into de dichter")).to_be_visible()
    twin.refresh_from_db()
    assert twin.status == CallerProfile.Status.MERGED
    assert Contact.objects.get().caller_profile == keep
