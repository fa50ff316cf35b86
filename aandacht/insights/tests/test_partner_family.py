"""Every partner report of a year, attacked together.

A partner can ask for a year and for each of its quarters, at any moment,
and can keep every answer. Each report must be safe, and so must all of
them together: the attacker (``family_reader``) holds every report the
form gives for a year, asked for on the first day of every month from
February of that year to January after it (so whatever part of a running
year or quarter the form may show), and combines all their numbers.
"""

from __future__ import annotations

from datetime import date

from aandacht.core.models import Region
from aandacht.insights.partner import selectors
from aandacht.insights.partner.forms import PeriodForm

from .family_reader import FamilyReader, Report
from .test_partner_fixtures import YEAR, year_of_contacts
from .test_suppression_attack import HIDDEN, SMALL, attack, disclosures

__all__ = ["year_of_contacts"]  # the fixture, used below

PERIODS = ("", "1", "2", "3", "4")  # the whole year, and each quarter


def asking_days(year: int) -> list[date]:
    """The first of every month from February of ``year`` to January after."""
    return [date(year + (m == 12), m % 12 + 1, 1) for m in range(1, 13)]


def every_report(region: Region, year: int) -> list[Report]:
    """Each report the form gives for ``year`` on any of the asking days.

    A report is a function of its period and months (and the contacts), so
    each is read once however often it is given.
    """
    found: dict[tuple[tuple[int, int], ...], Report] = {}
    for today in asking_days(year):
        for quarter in PERIODS:
            form = PeriodForm({"year": str(year), "quarter": quarter}, today=today)
            if not form.is_valid():
                continue
            period, months = form.cleaned_data["period"], form.cleaned_data["months"]
            if months in found:
                continue
            report = selectors.partner_report(region, period, months)
            codes = tuple(f"{y:04d}-{m:02d}" for y, m in months)
            found[months] = Report(codes, report.tables)
    return list(found.values())


def test_no_hidden_count_of_a_year_of_reports_can_be_worked_out(cast, year_of_contacts):
    reports = every_report(cast.zuid, YEAR)
    assert {report.months[-1] for report in reports} >= {"2026-03", "2026-12"}
    reader = FamilyReader(reports)
    findings = attack(reader.grids, reader.links)
    assert any(finding.text == SMALL for finding in findings)
    assert any(finding.text == HIDDEN for finding in findings)
    assert disclosures(findings) == []
