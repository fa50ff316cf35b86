"""The dashboard screen: period and region choices, tables, CSV downloads."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, timedelta
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override

from aandacht.contacts.tests.conftest import lists, make_contact  # noqa: F401
from aandacht.core.models import Region
from aandacht.insights.dashboard import views
from aandacht.insights.dashboard.home import dashboard_panel
from aandacht.insights.dashboard.views import csv_bytes, spreadsheet_safe
from aandacht.insights.panels import Chart, Panel, Reference, Series
from aandacht.insights.period import Period

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TODAY = datetime(2025, 3, 14, 10, 0, tzinfo=AMSTERDAM)
URL = reverse("insights_dashboard")

CHANNELS = Panel(
    key="channel",
    title="Contacts by channel",
    chart=Chart.BARS,
    categories=("Phone", "Chat"),
    series=(
        Series("All contacts", (1234, 56)),
        Series("Conversations", (1000, None)),
    ),
    references=(Reference("Contacts pointed to other help", 4.0, "Study 2011"),),
)
HEADLINE = Panel(
    key="regular_callers",
    title="Regular callers",
    chart=Chart.NUMBER,
    categories=("2025-02",),
    series=(Series("Conversations with a regular caller", (12.5,)),),
    unit="percent",
)
FORMULAS = Panel(
    key="topics",
    title="Topics",
    chart=Chart.TABLE,
    categories=("=1+1", "@SUM(A1)"),
    series=(Series("+cmd|' /C calc'!A0", (3, 4)), Series("-2", (-2, 5))),
)
PANELS = [CHANNELS, HEADLINE, FORMULAS]


class FakeSelector:
    """Stands in for ``selectors.dashboard`` and remembers what it was asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[Region | None, Period]] = []

    def __call__(self, region: Region | None, period: Period) -> list[Panel]:
        self.calls.append((region, period))
        return PANELS


@pytest.fixture
def fake(monkeypatch) -> FakeSelector:
    selector = FakeSelector()
    monkeypatch.setattr(views, "dashboard_panels", selector)
    return selector


@pytest.fixture
def today(time_machine):
    time_machine.move_to(TODAY, tick=False)


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"


class Tables(HTMLParser):
    """Every <table> of a page as rows of cell texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in {"td", "th"}:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in {"td", "th"} and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def tables_of(content: bytes) -> list[list[list[str]]]:
    parser = Tables()
    parser.feed(content.decode())
    return parser.tables


def csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


# -- choosing the dashboard ------------------------------------------------------


def test_a_national_coordinator_sees_every_region_for_the_last_full_month(
    client, cast, login, fake, today, english
):
    login(cast["national"])
    response = client.get(URL)
    assert response.status_code == 200
    assert fake.calls == [(None, Period.month(2025, 2))]
    page = response.content.decode()
    assert "Insights: All regions" in page
    assert "February 2025, compared with February 2024." in page
    assert '<option value="" selected>All regions</option>' in page
    assert '<option value="noord">Noord</option>' in page


def test_a_regional_coordinator_sees_their_region_without_a_chooser(
    client, cast, login, fake, today, english
):
    login(cast["coordinator_zuid"])
    response = client.get(URL)
    assert fake.calls == [(cast.zuid, Period.month(2025, 2))]
    page = response.content.decode()
    assert "Insights: Zuid" in page
    assert '<select name="region"' not in page
    assert '<input type="hidden" name="region" value="zuid">' in page


def test_another_regions_dashboard_is_not_found(client, cast, login, fake):
    login(cast["coordinator_zuid"])
    assert client.get(URL, {"region": "noord"}).status_code == 404
    assert fake.calls == []


def test_a_supervisor_sees_their_regions_dashboard(client, cast, login, fake, today):
    login(cast["supervisor_noord"])
    assert client.get(URL).status_code == 200
    assert fake.calls == [(cast.noord, Period.month(2025, 2))]


def test_a_quarter_is_shown_and_the_region_kept(
    client, cast, login, fake, today, english
):
    login(cast["national"])
    query = {
        "region": "zuid",
        "kind": "quarter",
        "quarter": "4",
        "quarter_year": "2024",
    }
    response = client.get(URL, query)
    assert fake.calls == [(cast.zuid, Period.quarter(2024, 4))]
    page = response.content.decode()
    assert "Q4 2024, compared with Q4 2023." in page
    assert '<option value="zuid" selected>Zuid</option>' in page
    assert re.search(
        r'<input type="radio" name="kind" value="quarter"[^>]*checked', page
    )
    # Every download carries both choices.
    link = re.search(r'href="(/insights/dashboard/channel\.csv\?[^"]+)"', page)
    assert link is not None
    assert "region=zuid" in link.group(1)
    assert "kind=quarter" in link.group(1)
    assert "quarter_year=2024" in link.group(1)


def test_switching_region_keeps_the_chosen_year(
    client, cast, login, fake, today, english
):
    login(cast["national"])
    response = client.get(URL, {"region": "noord", "kind": "year", "year": "2023"})
    assert fake.calls == [(cast.noord, Period.year(2023))]
    page = response.content.decode()
    assert "Insights: Noord" in page
    assert "2023, compared with 2022." in page
    assert 'name="year" value="2023"' in page


def test_a_range_from_to(client, cast, login, fake, today, english):
    login(cast["coordinator_zuid"])
    query = {"kind": "range", "start": "2024-12-20", "end": "2025-01-10"}
    response = client.get(URL, query)
    assert fake.calls == [(cast.zuid, Period(date(2024, 12, 20), date(2025, 1, 10)))]
    assert "20 December 2024 to 10 January 2025" in response.content.decode()


def test_every_field_keeps_a_default_so_switching_kind_is_one_click(
    client, cast, login, fake, today
):
    login(cast["coordinator_zuid"])
    page = client.get(URL).content.decode()
    assert 'name="month" value="2025-02"' in page
    assert 'name="quarter_year" value="2025"' in page
    assert 'name="start" value="2025-02-01"' in page
    assert 'name="end" value="2025-02-28"' in page


# -- errors ------------------------------------------------------------------------


def test_a_range_that_ends_before_it_starts_is_refused_and_kept(
    client, cast, login, fake, today, english
):
    login(cast["coordinator_zuid"])
    query = {"kind": "range", "start": "2025-02-10", "end": "2025-01-10"}
    response = client.get(URL, query)
    assert response.status_code == 400
    assert fake.calls == []
    page = response.content.decode()
    assert "The period ends before it starts." in page
    assert 'name="start" value="2025-02-10"' in page
    assert 'name="end" value="2025-01-10"' in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"kind": "month", "month": "2025-13"}, "Enter a month as year and month"),
        ({"kind": "month", "month": ""}, "Choose a month."),
        ({"kind": "year", "year": "1999"}, "Choose a year from 2000 to 2100."),
        ({"kind": "year", "year": "last"}, "Enter a year, for example 2024."),
        ({"kind": "quarter", "quarter": "5"}, "Choose a quarter from Q1 to Q4."),
        ({"kind": "range", "start": "31-31-2024"}, "Enter a date, for example"),
        ({"kind": "range", "start": "2000-01-01", "end": "2024-01-01"}, "ten years"),
        ({"kind": "week"}, "Choose month, quarter, year or from–to."),
    ],
)
def test_bad_input_gets_a_clear_message(
    client, cast, login, fake, today, english, query, message
):
    login(cast["coordinator_zuid"])
    response = client.get(URL, query)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert fake.calls == []


def test_a_mistake_in_a_field_not_chosen_blocks_nothing(
    client, cast, login, fake, today
):
    login(cast["coordinator_zuid"])
    response = client.get(URL, {"kind": "year", "year": "2024", "start": "nonsense"})
    assert response.status_code == 200
    assert fake.calls == [(cast.zuid, Period.year(2024))]


# -- what the page shows -------------------------------------------------------------


def test_every_panel_has_its_table_equal_to_its_rows(
    client, cast, login, fake, today, english
):
    login(cast["coordinator_zuid"])
    tables = tables_of(client.get(URL).content)
    expected = []
    for panel in (HEADLINE, CHANNELS, FORMULAS):
        header, *body = panel.rows()
        # A missing value shows as a dash; the top left corner stays empty.
        expected.append([list(header), *([c or "–" for c in row] for row in body)])
    assert tables == expected


def test_charts_are_drawn_with_their_reference_and_headlines_on_top(
    client, cast, login, fake, today, english
):
    login(cast["coordinator_zuid"])
    page = client.get(URL).content.decode()
    assert page.index("Conversations with a regular caller") < page.index(
        "Contacts by channel"
    )
    assert "12.5%" in page
    assert page.count('role="img"') == 1  # the table-only panel has no chart
    assert "Contacts pointed to other help: 4 (Study 2011)" in page
    assert "<desc" in page
    assert "All contacts: Phone 1,234, Chat 56." in page


def test_dutch_is_the_default_and_numbers_are_written_the_dutch_way(
    client, cast, login, fake, today
):
    login(cast["coordinator_zuid"])
    page = client.get(URL).content.decode()
    assert "Phone 1.234" in page
    assert "12,5%" in page


def test_an_empty_period_says_so(client, cast, login, monkeypatch, today, english):
    monkeypatch.setattr(views, "dashboard_panels", lambda region, period: [])
    login(cast["coordinator_zuid"])
    page = client.get(URL).content.decode()
    assert "There are no figures for this period yet." in page


def test_the_page_reads_a_fixed_number_of_queries(
    client, cast, login, fake, today, django_assert_num_queries
):
    login(cast["national"])
    client.get(URL)  # the first request sets up the session's language
    # session, user, OTP device, role assignments, regions, national role; then
    # the staff session's new expiry (an update between two savepoints)
    with django_assert_num_queries(9):
        assert client.get(URL, {"region": "noord"}).status_code == 200


# -- CSV -------------------------------------------------------------------------------


def csv_url(key: str) -> str:
    return reverse("insights_panel_csv", args=[key])


def test_a_panels_csv_holds_its_rows_in_utf8_with_a_bom(
    client, cast, login, fake, today
):
    login(cast["national"])
    query = {"region": "zuid", "kind": "year", "year": "2024"}
    response = client.get(csv_url("channel"), query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="aandacht-channel-zuid-2024-01-01-2024-12-31.csv"'
    )
    assert csv_rows(response.content) == [list(row) for row in CHANNELS.rows()]
    assert fake.calls == [(cast.zuid, Period.year(2024))]


def test_the_national_csv_is_named_national(client, cast, login, fake, today):
    login(cast["national"])
    response = client.get(csv_url("regular_callers"))
    assert (
        "aandacht-regular_callers-national-2025-02-01-2025-02-28.csv"
        in (response["Content-Disposition"])
    )


def test_a_csv_never_hands_a_spreadsheet_a_formula(client, cast, login, fake, today):
    login(cast["coordinator_zuid"])
    rows = csv_rows(client.get(csv_url("topics")).content)
    assert rows == [
        ["", "'=1+1", "'@SUM(A1)"],
        ["'+cmd|' /C calc'!A0", "3", "4"],
        ["-2", "-2", "5"],
    ]


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1", "'+1"),
        ("-1+1", "'-1+1"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("-12.5", "-12.5"),
        ("Eenzaamheid", "Eenzaamheid"),
        ("", ""),
    ],
)
def test_spreadsheet_safe(cell, safe):
    assert spreadsheet_safe(cell) == safe


def test_csv_bytes_quote_separators_and_keep_accents():
    rows = [("", "Één, twee"), ('Zei "hallo"', "3")]
    assert csv_bytes(rows) == ('\ufeff,"Één, twee"\r\n"Zei ""hallo""",3\r\n'.encode())


def test_an_unknown_panel_has_no_csv(client, cast, login, fake, today):
    login(cast["coordinator_zuid"])
    assert client.get(csv_url("nothing")).status_code == 404


def test_a_csv_of_a_bad_period_says_why(client, cast, login, fake, today, english):
    login(cast["coordinator_zuid"])
    response = client.get(csv_url("channel"), {"kind": "year", "year": "1900"})
    assert response.status_code == 400
    assert response.content.decode() == "Choose a year from 2000 to 2100."


def test_another_regions_csv_is_not_found(client, cast, login, fake, today):
    login(cast["coordinator_noord"])
    assert client.get(csv_url("channel"), {"region": "zuid"}).status_code == 404


# -- with the real selector ----------------------------------------------------------


@pytest.mark.usefixtures("lists")
def test_the_real_dashboard_shows_the_regions_contacts(
    client, cast, login, today, english
):
    volunteer = cast["volunteer_zuid"]
    start = TODAY - timedelta(days=20)  # 22 February 2025
    for minutes in (0, 30, 60):
        make_contact(
            volunteer, cast.zuid, started_at=start + timedelta(minutes=minutes)
        )
    make_contact(cast["volunteer_noord"], cast.noord, started_at=start)
    login(cast["coordinator_zuid"])
    response = client.get(URL)
    assert response.status_code == 200
    channel = next(
        table for table in tables_of(response.content) if "Phone" in table[0]
    )
    phone = channel[0].index("Phone")
    assert [row[phone] for row in channel[1:]] == ["3", "3"]
    rows = csv_rows(client.get(csv_url("channel")).content)
    assert [row[phone] for row in rows[1:]] == ["3", "3"]


# The page's own 9 (see above) and the selector's 11: the checkpoint, the
# period's and the year-earlier rollup rows, the reports after the checkpoint
# with their topics and referrals, feedback, sources, topics, limit events,
# the review backlog.
REAL_PAGE_QUERIES = 20


@pytest.mark.usefixtures("lists")
@pytest.mark.parametrize(
    "query",
    [
        {"kind": "year", "year": "2024"},
        {"kind": "year", "year": "2024", "region": "zuid"},
        {"kind": "range", "start": "2016-01-01", "end": "2025-02-28"},
    ],
    ids=["national-year", "region-year", "nine-years"],
)
def test_the_real_dashboard_reads_a_fixed_number_of_queries(
    client, cast, login, today, django_assert_num_queries, query
):
    volunteer = cast["volunteer_zuid"]
    for days in (3, 10, 40, 400, 800):
        make_contact(volunteer, cast.zuid, started_at=TODAY - timedelta(days=days))
    login(cast["national"])
    client.get(URL)  # the first request sets up the session's language
    with django_assert_num_queries(REAL_PAGE_QUERIES):
        assert client.get(URL, query).status_code == 200


# -- home page -------------------------------------------------------------------------


def test_the_home_panel_links_to_the_dashboard(cast):
    panel = dashboard_panel(cast["coordinator_zuid"])
    with override("en"):
        html = render_to_string(panel.template, {"panel": panel})
    assert f'href="{URL}"' in html
    assert "Insights" in html
