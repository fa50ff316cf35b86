"""The partner report of a real quarter: its numbers, its three forms, its attack.

The fixture's contacts are counted again in plain Python (``Expected``);
every shown number must be that count, every "< 10" a count below 10 and
every hidden mark a count of 10 or more. The screen's tables are then
attacked with every number they publish and the links between them, and
the PDF and the workbook must publish exactly what the screen does.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from html.parser import HTMLParser

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from django.urls import reverse
from openpyxl import load_workbook

from aandacht.contacts.models import Contact, Municipality, Topic
from aandacht.insights.partner import selectors
from aandacht.insights.partner.forms import complete_months
from aandacht.insights.period import Period

from .test_partner_fixtures import (
    LOCAL,
    MONTHS,
    QUARTER,
    YEAR,
    Expected,
    quarter,
    write_contacts,
)
from .test_suppression_attack import HIDDEN, SMALL, Grid, Links, attack, disclosures

__all__ = ["quarter"]  # the fixture, used below

QUERY = f"?year={YEAR}&quarter={QUARTER}"
TABLES = ["channels", "loneliness", "kinds", "topics", "municipalities"]


class _Tables(HTMLParser):
    """The texts of every ``<table data-table=...>`` of a page, row by row."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._table = dict(attrs).get("data-table")
            if self._table:
                self.tables[self._table] = []
        elif tag == "tr" and self._table:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._table and self._row is not None:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def screen_tables(html: str) -> dict[str, list[list[str]]]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def grid(name: str, rows: list[list[str]]) -> Grid:
    """A screen table as the attacker reads it (header and footer apart)."""
    _header, *body = rows
    footer = None
    if body and body[-1][0] in ("Total", "Totaal"):
        *body, footer = body
    return Grid(
        name,
        [row[1:-2] for row in body],
        [row[-2] for row in body],
        None if footer is None else footer[1:-2],
        None if footer is None else footer[-2],
    )


def report_links(tables: dict[str, list[list[str]]]) -> Links:
    """What any reader sees between the tables, matched by their labels."""
    loneliness_rows = [row[0] for row in tables["loneliness"][1:-1]]
    links = Links()
    for j in range(len(MONTHS)):
        links.same.append(
            (("channels", "column_total", 0, j), ("loneliness", "column_total", 0, j))
        )
    for name in ("loneliness", "municipalities"):
        links.same.append((("channels", "grand", 0, 0), (name, "grand", 0, 0)))
    for name in ("kinds", "municipalities"):
        for j, label in enumerate(tables[name][0][1:-2]):
            i = loneliness_rows.index(label)
            links.same.append(
                ((name, "column_total", 0, j), ("loneliness", "row_total", i, 0))
            )
    topics = grid("topics", tables["topics"])
    for i, row in enumerate(topics.cells):
        links.at_most.append(
            (("topics", "row_total", i, 0), ("channels", "grand", 0, 0))
        )
        for j in range(len(row)):
            links.at_most.append(
                (("topics", "cell", i, j), ("channels", "column_total", 0, j))
            )
    return links


@pytest.fixture
def screen(client, cast, login, quarter) -> dict[str, list[list[str]]]:
    login(cast["partner_zuid"])
    response = client.get(reverse("partner_report", args=["zuid"]) + QUERY)
    assert response.status_code == 200
    return screen_tables(response.content.decode())


def _check(text: str, expected: int) -> None:
    if text == SMALL:
        assert expected < 10
    elif text == HIDDEN:
        assert expected >= 10
    else:
        assert int(text) == expected


def _check_table(rows: list[list[str]], codes: list[str], columns: list[str], counts):
    """Cells and row totals of a screen table against the fixture's counts."""
    body = rows[1 : len(codes) + 1]
    assert len(body) == len(codes)
    for code, row in zip(codes, body, strict=True):
        for column, text in zip(columns, row[1:-2], strict=True):
            _check(text, counts[(code, column)])
        _check(row[-2], sum(counts[(code, c)] for c in columns))


def test_every_number_is_the_count_of_the_contacts(screen, quarter: Expected, cast):
    assert list(screen) == TABLES
    months, levels = list(MONTHS), ["none", "about", "out_of"]
    _check_table(screen["channels"], ["phone", "chat", "mail"], months, quarter.channel)
    _check_table(screen["loneliness"], levels, months, quarter.loneliness)
    footer = screen["loneliness"][-1]
    for j, month in enumerate(months, start=1):
        _check(footer[j], sum(quarter.loneliness[(lv, month)] for lv in levels))
    _check(footer[-2], quarter.total)
    kinds = ["social", "emotional", "both", "unclear", "not_recorded"]
    _check_table(screen["kinds"], kinds, ["about", "out_of"], quarter.kind)
    topics = Topic.objects.filter(topic_list__is_current=True).order_by("order")
    codes = [topic.code for topic in topics]
    assert len(screen["topics"]) == 1 + len(codes)  # every topic, zeros as "< 10"
    _check_table(screen["topics"], codes, months, quarter.topic)
    places = Municipality.objects.filter(region=cast.zuid).order_by("name")
    rows = [*(str(place.pk) for place in places), "other", "none"]
    _check_table(screen["municipalities"], rows, levels, quarter.place)


def test_the_shown_totals_of_the_quarter(screen, quarter: Expected):
    assert screen["channels"][-1][-2] == str(quarter.total)
    assert screen["loneliness"][-1][-2] == str(quarter.total)
    assert screen["municipalities"][-1][-2] == str(quarter.total)


def test_no_suppressed_number_can_be_worked_out_from_the_screen(screen):
    grids = [grid(name, rows) for name, rows in screen.items()]
    links = report_links(screen)
    findings = attack(grids, links)
    assert any(f.text == SMALL for f in findings)  # the quarter has small cells
    assert any(f.text == HIDDEN for f in findings)  # and complementary ones
    assert disclosures(findings) == []
    assert disclosures(attack(grids, links, labels=False), labels=False) == []


def test_the_workbook_holds_the_numbers_of_the_screen(client, screen):
    response = client.get(reverse("partner_report_xlsx", args=["zuid"]) + QUERY)
    assert response["Content-Disposition"] == (
        'attachment; filename="aandacht-zuid-2026-01_2026-03.xlsx"'
    )
    workbook = load_workbook(io.BytesIO(response.content))
    sheets = workbook.worksheets
    assert len(sheets) == 1 + len(TABLES)
    explanation = " ".join(
        str(cell.value) for row in sheets[0].iter_rows() for cell in row if cell.value
    )
    assert "Zuid" in explanation
    assert "< 10" in explanation
    for sheet, name in zip(sheets[1:], TABLES, strict=True):
        rows = [
            [_xlsx_text(cell.value) for cell in row]
            for row in sheet.iter_rows(min_row=4)
        ]
        assert [row[: len(screen[name][0])] for row in rows] == _comparable(
            screen[name]
        )


def _xlsx_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):  # a share: 0.155 is 15,5%
        return f"{value * 100:.1f}%".replace(".", ",")
    return str(value)


def _comparable(rows: list[list[str]]) -> list[list[str]]:
    """The screen's rows as the workbook writes them (headers as words)."""
    return [[text.replace("\xa0", " ") for text in row] for row in rows]


def test_the_pdf_shows_the_screen_and_is_not_blank(client, screen):
    response = client.get(reverse("partner_report_pdf", args=["zuid"]) + QUERY)
    assert response["Content-Type"] == "application/pdf"
    document = pdfium.PdfDocument(response.content)
    image = document[0].render(scale=1).to_pil().convert("L")
    dark = sum(image.histogram()[:200])
    assert dark / (image.width * image.height) > 0.01
    text = " ".join(
        document[i].get_textpage().get_text_range() for i in range(len(document))
    )
    flat = " ".join(text.split())
    assert "Zuid" in flat
    assert "1 januari 2026" in flat
    assert "31 maart 2026" in flat
    for name, rows in screen.items():
        for row in rows[1:]:
            figures = " ".join(cell for cell in row[1:] if cell)
            assert f"{row[0]} {figures}" in flat, (name, row)


def test_no_free_text_reaches_the_report(client, cast, login, quarter):
    Contact.objects.filter(region=cast.zuid).update(
        summary="Zij vertelde over haar kanarie Pino.", reflection="Pino weer."
    )
    login(cast["partner_zuid"])
    html = client.get(reverse("partner_report", args=["zuid"]) + QUERY).content
    pdf = client.get(reverse("partner_report_pdf", args=["zuid"]) + QUERY).content
    xlsx = client.get(reverse("partner_report_xlsx", args=["zuid"]) + QUERY).content
    text = " ".join(
        page.get_textpage().get_text_range() for page in pdfium.PdfDocument(pdf)
    )
    workbook = load_workbook(io.BytesIO(xlsx))
    cells = " ".join(
        str(cell.value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
    )
    for published in (html.decode(), text, cells):
        assert "Pino" not in published
        assert "kanarie" not in published


def test_the_report_is_read_in_a_fixed_number_of_queries(
    cast, quarter, django_assert_num_queries
):
    period = Period.quarter(YEAR, QUARTER)
    months = complete_months(period, Period.year(YEAR + 1).first)
    # Contacts by month and coded answers; topics; municipalities; topic names.
    with django_assert_num_queries(4):
        report = selectors.partner_report(cast.zuid, period, months)
    assert [table.key for table in report.tables] == TABLES
    assert re.fullmatch(r"\d+", report.tables[0].rows[0].total.text)


def test_a_late_evening_counts_in_its_own_local_month(cast):
    """31 March 23:30 in Amsterdam is 21:30 UTC (summer time): still March."""
    write_contacts(cast, count=0)
    volunteer = cast["volunteer_zuid"]
    topic_list = Topic.objects.get(topic_list__is_current=True, code="grief").topic_list
    for moment in (
        datetime(2026, 2, 28, 23, 59, tzinfo=LOCAL),
        datetime(2026, 3, 31, 23, 30, tzinfo=LOCAL),
        datetime(2026, 3, 1, 0, 0, tzinfo=LOCAL),
    ):
        Contact.objects.create(
            region=cast.zuid,
            volunteer=volunteer,
            channel="mail",
            started_at=moment,
            ended_at=moment,
            duration_seconds=0,
            topic_list=topic_list,
        )
    months = complete_months(Period.quarter(YEAR, QUARTER), Period.year(2027).first)
    channels = selectors.table_specs(cast.zuid, months)[0]
    assert channels.count("mail", "2026-02") == 1
    assert channels.count("mail", "2026-03") == 2
