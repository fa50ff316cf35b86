"""The annual report: sections from the dashboard's panels, a PDF that shows them.

The fixture year is the export tests' (``year``): five contacts of region
zuid in 2024.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from django.urls import reverse
from django.utils import translation
from PIL import Image

from aandacht.contacts.tests.conftest import lists  # noqa: F401 (a fixture)
from aandacht.insights.annual import pdf, report, selectors
from aandacht.insights.exports.access import Scope
from aandacht.insights.panels import Chart, Panel, Reference, Series
from aandacht.insights.tests.test_exports import year  # noqa: F401 (a fixture)

MADE = datetime(2025, 1, 15, 10, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun")


def bars(key: str, values: tuple[float, ...] = (880, 100, 20)) -> Panel:
    return Panel(
        key=key,
        title=f"Panel {key}",
        chart=Chart.BARS,
        categories=("Phone", "Chat", "Mail"),
        series=(Series("All contacts", values),),
    )


def panels() -> list[Panel]:
    return [
        bars("channel"),
        Panel(
            key="hour_weekday",
            title="Heat map",
            chart=Chart.HEATMAP,
            categories=("00:00",),
            series=(Series("Monday", (3,)),),
        ),
        Panel(
            key="trend",
            title="Month by month",
            chart=Chart.LINES,
            categories=MONTHS,
            series=(
                Series("2024", (80, 90, 100, 95, 85, None)),
                Series("2023", (70, 75, 90, 100, 80, 78)),
            ),
        ),
        Panel(
            key="referrals",
            title="Referrals",
            chart=Chart.BARS,
            categories=("Through the social map", "To other help"),
            series=(Series("Share of conversations", (2.5, 1.5)),),
            unit="percent",
            note="40 of 1000 conversations referred the caller.",
            references=(Reference("In the study", 4.0, "CEPHIR 2011"),),
        ),
        bars("topics", (0, 0, 0)),
    ]


def make_report(**overrides: Any) -> report.AnnualReport:
    values: dict[str, Any] = {
        "scope_name": "Zuid",
        "year": 2024,
        "panels": panels(),
        "made_at": MADE,
    }
    return report.build(**(values | overrides))


# -- sections ------------------------------------------------------------------


def test_panels_go_to_their_sections_in_the_reports_order():
    with translation.override("en"):
        built = make_report()
    assert [s.key for s in built.sections] == [
        "contacts",
        "trend",
        "topics",
        "referrals",
    ]
    assert [p.key for s in built.sections for p in s.panels] == [
        "channel",
        "trend",
        "topics",
        "referrals",
    ]
    assert built.sections[0].title == "Contacts"
    assert "Non-data contacts" in built.sections[0].text
    assert built.period.first.isoformat() == "2024-01-01"


def test_every_section_names_panels_the_dashboard_has():
    from aandacht.insights.dashboard.selectors import PANEL_KEYS

    named = [key for spec in report.SECTIONS for key in spec.panels]
    assert len(named) == len(set(named))
    assert set(named) <= set(PANEL_KEYS)
    left_out = set(PANEL_KEYS) - set(named)
    assert left_out == {"headline", "hour_weekday", "duration", "review"}


def test_a_count_panel_gets_a_sentence_with_its_main_figure():
    with translation.override("en"):
        assert report.headline(bars("channel")) == (
            "Panel channel: 1,000 in total; the largest share is Phone (88%)."
        )
        trend = make_report().sections[1].panels[0]
        assert report.headline(trend) == "Month by month: 2024: 450; 2023: 493."
        referrals = make_report().sections[3].panels[0]
        assert report.headline(referrals) == ""  # its note says it
        crisis = Series("Crisis contacts", (2, 3))
        lines = Panel("crisis", "Crisis", Chart.LINES, MONTHS[:2], (crisis,))
        assert report.headline(lines) == "Crisis: 5 in total."
        assert report.headline(bars("topics", (0, 0, 0))) == ""


def test_numbers_follow_the_interface_language():
    with translation.override("nl"):
        assert report.local_figure(20000) == "20.000"
        assert report.local_figure(12.25) == "12,2"
    with translation.override("en"):
        assert report.local_figure(20000) == "20,000"


# -- the PDF -------------------------------------------------------------------


def rendered_pages(content: bytes, folder: Path, pages: int = 2) -> list[Path]:
    """The first pages of a PDF as PNG files, the way a reader would see them."""
    document = pdfium.PdfDocument(content)
    paths = []
    for index in range(min(pages, len(document))):
        image = document[index].render(scale=1).to_pil()
        path = folder / f"page-{index + 1}.png"
        image.save(path)
        paths.append(path)
    return paths


def ink(path: Path) -> tuple[float, int]:
    """The share of pixels that are not white, and how many distinct colours."""
    with Image.open(path) as image:
        rgb = image.convert("RGB")
        colours = rgb.getcolors(maxcolors=rgb.width * rgb.height) or []
        white = sum(count for count, colour in colours if colour == (255, 255, 255))
        pixels = rgb.width * rgb.height
    return (pixels - white) / pixels, len(colours)


def pdf_text(content: bytes) -> str:
    document = pdfium.PdfDocument(content)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def test_the_pdf_shows_the_report_on_pages_that_are_not_blank(tmp_path):
    with translation.override("en"):
        content = pdf.report_pdf(make_report())
    assert content.startswith(b"%PDF")
    pages = rendered_pages(content, tmp_path)
    assert pages
    for page in pages:
        share, colours = ink(page)
        assert share > 0.01, f"{page.name} is blank"
        assert colours > 10  # text and charts, not one flat fill
    text = pdf_text(content)
    assert "Annual report 2024: Zuid" in text
    assert "Made with Aandacht on 15 January 2025" in text
    assert "Month by month" in text
    assert "40 of 1000 conversations referred the caller." in text
    assert "Heat map" not in text


def test_every_chart_is_drawn_with_its_words_and_its_table():
    with translation.override("en"):
        html = pdf.report_html(make_report())
    assert html.count('<img class="chart" src="data:image/svg+xml;base64,') == 3
    assert 'alt="' in html
    assert html.count("<table>") == 4  # the empty topics panel keeps its table


def test_the_report_loads_nothing_from_outside():
    hostile = Panel(
        key="channel",
        title='<img src="http://example.invalid/x.png">',
        chart=Chart.TABLE,
        categories=("a",),
        series=(Series("b", (1,)),),
    )
    with translation.override("en"):
        html = pdf.report_html(make_report(panels=[hostile]))
    assert '<img src="http' not in html  # escaped by the template
    assert pdf.report_pdf(make_report(panels=[hostile])).startswith(b"%PDF")


# -- the screens -----------------------------------------------------------------


def get_pdf(client, **params: Any):
    query = {"region": "zuid", "year": "2024"} | params
    return client.get(reverse("insights_annual_pdf"), query)


def test_a_coordinator_downloads_the_years_pdf(client, login, cast, year, tmp_path):  # noqa: F811
    client.cookies["django_language"] = "en"
    login(cast["coordinator_zuid"])
    response = get_pdf(client)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="annual-report-zuid-2024.pdf"'
    )
    text = pdf_text(response.content)
    assert "Annual report 2024: Zuid" in text
    assert "Contacts by channel: 5 in total; the largest share is Phone (60%)." in text
    assert "1 January 2024 to 31 December 2024" in text
    for page in rendered_pages(response.content, tmp_path):
        assert ink(page)[0] > 0.01


def test_a_national_coordinator_makes_the_report_of_all_regions(
    client,
    login,
    cast,
    year,  # noqa: F811
):
    client.cookies["django_language"] = "en"
    login(cast["national"])
    text = pdf_text(get_pdf(client, region="").content)
    assert "Annual report 2024: All regions" in text
    assert "Contacts by channel: 6 in total" in text


def test_the_report_is_in_dutch_by_default(client, login, cast, year):  # noqa: F811
    login(cast["coordinator_zuid"])
    text = pdf_text(get_pdf(client).content)
    assert "1 januari 2024" in text


@pytest.mark.parametrize(
    ("year_value", "message"),
    [
        ("1999", "Ensure this value is greater than or equal to 2000."),
        ("2999", "A report can be made up to the current year."),
        ("soon", "Enter a whole number."),
    ],
)
def test_a_wrong_year_shows_the_form_again_with_the_reason(
    client,
    login,
    cast,
    lists,  # noqa: F811
    year_value,
    message,
):
    client.cookies["django_language"] = "en"
    login(cast["coordinator_zuid"])
    response = get_pdf(client, year=year_value)
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert message in page
    assert f'value="{year_value}"' in page  # what was typed is kept


def test_the_form_offers_the_coordinators_regions(client, login, cast, lists):  # noqa: F811
    client.cookies["django_language"] = "en"
    login(cast["national"])
    page = client.get(reverse("insights_annual")).content.decode()
    assert '<option value="" selected>All regions</option>' in page
    assert '<option value="noord">Noord</option>' in page


def test_the_report_reads_the_dashboard_in_a_fixed_number_of_queries(
    cast,
    year,  # noqa: F811
    django_assert_max_num_queries,
):
    with django_assert_max_num_queries(11):
        built = selectors.annual_report(Scope(cast.zuid), 2024)
    assert built.sections
