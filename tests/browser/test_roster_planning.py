"""A coordinator plans a month in Chromium: start the solver, watch it, publish."""

from __future__ import annotations

import re

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from aandacht.core.roles import Role
from aandacht.roster.models import Assignment, RosterMonth
from aandacht.roster.planning.services import run_next
from aandacht.roster.tests.planning_setup import make_month
from conftest import make_user

from .conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_coordinator_runs_the_solver_watches_it_and_publishes(
    page: Page, live_server, region, english, csp_violations
):
    volunteers = [make_user(f"vrijwilliger{n}", Role.VOLUNTEER, region) for n in (1, 2)]
    coordinator = make_user("carla", Role.COORDINATOR, region)
    device = TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    month = make_month(region, volunteers)

    log_in(page, live_server.url, "carla")
    code = TOTP(device.bin_key, device.step, device.t0, device.digits).token()
    page.get_by_label(re.compile("Six-digit code")).fill(f"{code:06d}")
    page.get_by_role("button", name="Confirm").click()
    page.goto(f"{live_server.url}/roster/months/{month.pk}/plan/")
    page.get_by_label(re.compile("Time for the solver")).fill("5")
    page.get_by_role("button", name="Start the solver").click()

    progress = page.locator("#run-progress")
    expect(progress).to_have_attribute("data-status", "queued")
    expect(page.locator("#run-bar")).to_have_attribute("value", "0")
    run_next()  # the worker's step; the page polls and sees the result
    expect(progress).to_have_attribute("data-status", "done")
    bar = int(page.locator("#run-bar").get_attribute("value") or 0)
    assert bar > 90

    page.get_by_role("button", name="Use this roster").click()
    expect(page.get_by_text(re.compile("is the draft now"))).to_be_visible()
    page.get_by_role("button", name="Publish the roster").click()
    expect(page.get_by_text("The roster is published")).to_be_visible()
    month.refresh_from_db()
    assert month.status == RosterMonth.Status.PUBLISHED
    assert Assignment.objects.filter(roster=month).exists()
