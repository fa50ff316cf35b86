"""The insights dashboard in Chromium: switch region and period, read a table,
download a CSV."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from aandacht.contacts.tests.conftest import make_contact
from aandacht.core import services
from aandacht.core.roles import Role
from conftest import make_user

from .conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def last_month_afternoon() -> datetime:
    """A moment in the last full month, the dashboard's default period."""
    today = timezone.localdate()
    day = today.replace(day=1) - timedelta(days=10)
    return timezone.make_aware(datetime.combine(day, time(14, 0)))


def log_in_with_code(page: Page, base: str, username: str, device: TOTPDevice) -> None:
    log_in(page, base, username)
    code = TOTP(device.bin_key, device.step, device.t0, device.digits).token()
    page.get_by_label(re.compile("Six-digit code")).fill(f"{code:06d}")
    page.get_by_role("button", name="Confirm").click()


def test_a_national_coordinator_switches_region_and_period_and_downloads_a_csv(
    page: Page, live_server, region, english, csp_violations
):
    other = services.region_create(
        organisation=region.organisation, code="noord", name="Noord"
    )
    volunteer = make_user("sanne", Role.VOLUNTEER, region)
    moment = last_month_afternoon()
    for minutes in (0, 40):
        make_contact(volunteer, region, started_at=moment + timedelta(minutes=minutes))
    make_contact(make_user("joost", Role.VOLUNTEER, other), other, started_at=moment)
    carla = make_user("carla", Role.COORDINATOR, None)
    device = TOTPDevice.objects.create(user=carla, name="app", confirmed=True)

    log_in_with_code(page, live_server.url, "carla", device)
    page.goto(f"{live_server.url}/insights/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Insights: All regions")
    channels = page.get_by_role("region", name="Contacts by channel")
    expect(channels.get_by_role("img")).to_be_visible()

    # Another region: the period stays the last full month.
    page.get_by_label("Region", exact=True).select_option(label="ZHZM")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Insights: ZHZM")
    month_label = moment.strftime("%B %Y")
    expect(page.locator(".lead")).to_contain_text(month_label)

    # Another period: the region stays.
    page.get_by_role("radio", name="Year", exact=True).check()
    page.get_by_role("spinbutton", name="Year", exact=True).fill(str(moment.year))
    page.get_by_role("button", name="Show").click()
    expect(page.locator(".lead")).to_contain_text(
        f"{moment.year}, compared with {moment.year - 1}."
    )
    expect(page.get_by_label("Region", exact=True)).to_have_value("zhzm")

    # The table view of a chart.
    channels = page.get_by_role("region", name="Contacts by channel")
    table = channels.get_by_role("table")
    expect(table).to_be_hidden()
    channels.get_by_text("Table").click()
    expect(table).to_be_visible()
    phone = table.get_by_role("row", name=re.compile("^All contacts"))
    expect(phone.get_by_role("cell").first).to_have_text("2")

    # Its CSV.
    with page.expect_download() as download_info:
        channels.get_by_role("link", name=re.compile("Download CSV")).click()
    download = download_info.value
    assert re.fullmatch(
        r"aandacht-channel-zhzm-\d{4}-01-01-\d{4}-12-31\.csv",
        download.suggested_filename,
    )
    content = Path(download.path()).read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["", "Phone"]
    assert rows[1][:2] == ["All contacts", "2"]
