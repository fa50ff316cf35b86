"""The partner report's screens: choosing a period, refusals, the region list."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from .test_partner_fixtures import quarter
from .test_partner_report import screen_tables

__all__ = ["quarter"]

MID_MAY = datetime(2026, 5, 15, 12, tzinfo=ZoneInfo("Europe/Amsterdam"))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
MONTHS += ["Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@pytest.fixture
def partner(client, cast, login, time_machine):
    time_machine.move_to(MID_MAY)
    client.cookies["django_language"] = "en"
    login(cast["partner_zuid"])
    return client


def _page(client, query: str = "") -> str:
    response = client.get(reverse("partner_report", args=["zuid"]) + query)
    assert response.status_code == 200
    return response.content.decode()


def _months(html: str) -> list[str]:
    return screen_tables(html)["channels"][0][1:-2]


def test_the_report_opens_on_the_last_complete_quarter(partner, quarter):
    html = _page(partner)
    assert "Conversations from 1 January 2026 to 31 March 2026" in html
    assert _months(html) == ["Jan 2026", "Feb 2026", "Mar 2026"]
    assert '<option value="1" selected>' in html


def test_a_year_that_has_ended_shows_all_its_months(partner, quarter):
    html = _page(partner, "?year=2025&quarter=")
    assert _months(html) == [f"{month} 2025" for month in MONTHS]
    assert "Conversations from 1 January 2025 to 31 December 2025" in html
    assert "year=2025&amp;quarter=" in html  # the downloads keep the period


@pytest.mark.parametrize(
    "period",
    [
        "",  # the year runs until December
        "2",  # April has ended, May and June have not
        "3",
    ],
)
def test_a_period_that_has_not_ended_is_refused_and_kept(partner, quarter, period):
    """A part of a period beside all of it would give the rest away."""
    html = _page(partner, f"?year=2026&quarter={period}")
    assert "This period has not ended yet." in html
    assert f'<option value="{period}" selected>' in html
    assert '<option value="2026" selected>' in html
    assert "data-table" not in html


def test_a_year_that_is_not_offered_is_refused(partner, quarter):
    html = _page(partner, "?year=abc&quarter=2")
    assert "Choose a year from the list." in html
    assert '<option value="2" selected>' in html
    assert "data-table" not in html


def test_a_download_of_a_refused_period_returns_to_the_page_that_says_why(
    partner, quarter
):
    response = partner.get(
        reverse("partner_report_pdf", args=["zuid"]) + "?year=2026&quarter=4"
    )
    assert response.status_code == 302
    assert response.url == (
        reverse("partner_report", args=["zuid"]) + "?year=2026&quarter=4"
    )


def test_downloads_are_named_after_region_and_months(partner, quarter):
    response = partner.get(
        reverse("partner_report_pdf", args=["zuid"]) + "?year=2026&quarter=1"
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="aandacht-zuid-2026-01_2026-03.pdf"'
    )
    assert response.content.startswith(b"%PDF")


def test_a_national_coordinator_chooses_among_every_region(client, cast, login):
    login(cast["national"])
    response = client.get(reverse("partner_reports"))
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("partner_report", args=["zuid"]) in html
    assert reverse("partner_report", args=["noord"]) in html


def test_a_partner_with_one_region_goes_straight_to_its_report(client, cast, login):
    login(cast["partner_noord"])
    response = client.get(reverse("partner_reports"))
    assert response.status_code == 302
    assert response.url == reverse("partner_report", args=["noord"])


def test_an_empty_quarter_shows_every_count_as_small(client, cast, login):
    """No conversations at all: nothing to see, and zero is not shown either."""
    login(cast["partner_noord"])
    html = client.get(
        reverse("partner_report", args=["noord"]) + "?year=2025&quarter=2"
    ).content.decode()
    tables = screen_tables(html)
    texts = {
        text for rows in tables.values() for row in rows[1:] for text in row[1:] if text
    }
    assert texts == {"< 10"}
