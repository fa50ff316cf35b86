"""A partner in Chromium: opens the report, switches the period, downloads the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from aandacht.insights.tests.test_partner_fixtures import write_contacts

from .conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_partner_switches_the_period_and_downloads_the_pdf(
    page: Page, live_server, cast, english, csp_violations, tmp_path: Path
):
    expected = write_contacts(cast)
    log_in(page, live_server.url, "partner_zuid")
    page.goto(f"{live_server.url}/insights/partner/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Partner report: Zuid")

    page.get_by_label("Year").select_option("2026")
    page.get_by_label("Period").select_option(label="1st quarter (January–March)")
    page.get_by_role("button", name="Show").click()
    expect(
        page.get_by_text("Conversations from 1 January 2026 to 31 March 2026")
    ).to_be_visible()
    channels = page.locator("table[data-table=channels]")
    expect(channels.locator("tfoot")).to_contain_text(str(expected.total))
    expect(page.locator("table[data-table=topics]")).to_contain_text("< 10")

    with page.expect_download() as info:
        page.get_by_role("link", name="Download as PDF").click()
    download = info.value
    assert download.suggested_filename == "aandacht-zuid-2026-01_2026-03.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")

    # A year is reported once it has ended, with all its months.
    page.get_by_label("Year").select_option("2025")
    page.get_by_label("Period").select_option(label="The whole year")
    page.get_by_role("button", name="Show").click()
    expect(
        page.get_by_text("Conversations from 1 January 2025 to 31 December 2025")
    ).to_be_visible()
    expect(channels.locator("thead th")).to_have_count(1 + 12 + 2)
