"""The Vraagwijzer keeps the social map right, in Chromium: hours corrected
after the rule's reason, a holiday added, the service marked verified."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from aandacht.core.roles import Role
from aandacht.socialmap.directory import services
from aandacht.socialmap.models import ChangeRecord
from conftest import make_user

from .conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_specialist_corrects_the_hours_and_marks_the_service_verified(
    page: Page, live_server, region, english, csp_violations
):
    specialist = make_user("ingrid", Role.VRAAGWIJZER, region)
    device = TOTPDevice.objects.create(user=specialist, name="app", confirmed=True)
    service = services.service_create(
        actor=specialist,
        region=region,
        organization=None,
        values={"name": "Inloophuis De Brug"},
    )

    log_in(page, live_server.url, "ingrid")
    code = TOTP(device.bin_key, device.step, device.t0, device.digits).token()
    page.get_by_label(re.compile("Six-digit code")).fill(f"{code:06d}")
    page.get_by_role("button", name="Confirm").click()
    page.goto(f"{live_server.url}/social-map/services/{service.id}/")
    expect(page.get_by_test_id("verified")).to_have_text("never")
    page.get_by_role("link", name="Opening hours").click()

    for day in ("Monday", "Tuesday", "Wednesday"):
        page.get_by_label(day).check()
    page.get_by_label("Opens").fill("09:00")
    page.get_by_label("Closes").fill("03:00")  # meant 15:00
    page.get_by_role("button", name="Save opening hours").click()

    expect(
        page.get_by_text(re.compile("closes at 03:00, before it opens"))
    ).to_be_visible()
    expect(page.get_by_label("Monday")).to_be_checked()
    expect(page.get_by_label("Opens")).to_have_value("09:00")
    page.get_by_label("Closes").fill("15:00")
    page.get_by_role("button", name="Add a closed date").click()
    page.get_by_label("Date", exact=True).last.fill("2025-12-25")
    page.get_by_label("Why", exact=True).last.fill("Eerste Kerstdag")
    page.get_by_role("button", name="Save opening hours").click()

    expect(page.get_by_text("The opening hours are saved.")).to_be_visible()
    page.get_by_role("button", name="Mark as verified").click()
    expect(
        page.get_by_text("Inloophuis De Brug is marked as verified today.")
    ).to_be_visible()
    expect(page.get_by_test_id("verified")).to_contain_text("ingrid")

    (row,) = service.schedules.all()
    assert (row.byday, row.opens_at, row.closes_at) == ("MO,TU,WE", "09:00", "15:00")
    assert list(service.closed_dates.values_list("day", flat=True)) == [
        date(2025, 12, 25)
    ]
    actions = ChangeRecord.objects.filter(entity_id=service.id).values_list(
        "action", flat=True
    )
    assert sorted(actions) == ["changed", "created", "verified"]
