"""A partner report as a PDF: an HTML template drawn on A4 by WeasyPrint.

The PDF shows exactly the published tables of the screen (the same
``PartnerReport``), with the region, the period and the suppression rule
in words. WeasyPrint may fetch nothing: the stylesheet is handed over as a
file of this package, so a report never reaches the network or the disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from weasyprint import CSS, HTML

from aandacht.insights.partner.rule import rule_lines
from aandacht.insights.partner.selectors import PartnerReport

STYLESHEET = Path(__file__).with_name("report.css")
TEMPLATE = "insights/partner/report_pdf.html"


def _no_fetching(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError(f"a partner report loads nothing from outside: {url}")


def report_pdf(report: PartnerReport) -> bytes:
    html = render_to_string(TEMPLATE, {"report": report, "rule": rule_lines()})
    document = HTML(string=html, url_fetcher=_no_fetching)
    pdf: bytes = document.write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))])
    return pdf


def filename(report: PartnerReport, extension: str) -> str:
    first, last = report.months[0], report.months[-1]
    span = f"{first[0]}-{first[1]:02d}"
    if last != first:
        span += f"_{last[0]}-{last[1]:02d}"
    return f"aandacht-{report.region.code}-{span}.{extension}"
