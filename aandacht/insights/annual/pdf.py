"""The annual report as a PDF: an HTML template drawn by WeasyPrint.

Charts are ``insights.charts``' SVG, the dashboard's own, with their
description in words as the text alternative; every panel also gets its
table, which is what an annual account quotes. WeasyPrint
may fetch nothing but the ``data:`` images of this report, so a report never
reaches out to the network or the file system.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.translation import get_language, gettext
from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from aandacht.insights import charts
from aandacht.insights.annual.report import AnnualReport, local_figure
from aandacht.insights.panels import Panel, Reference

STYLESHEET = Path(__file__).with_name("report.css")
TEMPLATE = "insights/annual/report.html"


@dataclass(frozen=True)
class DrawnPanel:
    """A panel as the report shows it: its chart, its words and its table.

    The table has a row per category and a column per series.
    """

    panel: Panel
    chart: str | None  # a data: URI of the SVG chart; None for a table panel
    description: str  # the chart in words, the image's text alternative
    header: tuple[str, ...]
    body: list[tuple[str, ...]]
    references: list[str]


def _chart_text() -> charts.ChartText:
    """Chart words in the interface language, numbers as the report writes them."""
    return charts.ChartText(translate=gettext, number=local_figure)


def _data_uri(svg: str) -> str:
    encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"


def drawn(panel: Panel, text: charts.ChartText) -> DrawnPanel:
    # An empty panel's table of zeros says it; a chart would only say "none".
    svg = "" if panel.is_empty() else charts.svg(panel, text)
    # Categories down, series across: a year's months or topics fit a page.
    header, *body = [tuple(column) for column in zip(*panel.rows(), strict=True)]
    return DrawnPanel(
        panel,
        _data_uri(svg) if svg else None,
        charts.description(panel, text),
        header,
        body,
        [_reference(ref, panel.unit) for ref in panel.references],
    )


def _reference(reference: Reference, unit: str) -> str:
    value = local_figure(reference.value) + ("%" if unit == "percent" else "")
    return f"{reference.label}: {value} ({reference.source})"


def report_html(report: AnnualReport) -> str:
    text = _chart_text()
    sections = [
        (section, [drawn(panel, text) for panel in section.panels])
        for section in report.sections
    ]
    context = {"report": report, "sections": sections, "language": get_language()}
    return render_to_string(TEMPLATE, context)


def report_pdf(report: AnnualReport) -> bytes:
    only_data = URLFetcher(allowed_protocols=["data"])
    document = HTML(string=report_html(report), url_fetcher=only_data)
    pdf = document.write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))])
    assert pdf is not None  # noqa: S101 (without a target WeasyPrint returns bytes)
    return bytes(pdf)
