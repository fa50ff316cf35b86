"""The reports a partner can get of one year, and the order they are made in.

Pure on purpose: standard library and ``period`` only.

A partner asks for a quarter once it has ended, or for a year once it has
ended (``forms``), so a year has five reports: its four quarters and the
year itself. They share counts (a month's counts are in its quarter and in
the year; the year's municipality table is its quarters' added up), so
they are suppressed as a family (``tables.publish_family``), step by step
in the order the calendar publishes them:

1. to 4. each quarter on its own: quarters share no count;
5. the year, with what its quarters published held fixed.

A quarter's report is therefore the same whenever it is asked for, and the
year is protected against a reader who holds all four quarters.
``suppression`` explains the choice.
"""

from __future__ import annotations

from dataclasses import dataclass

from aandacht.insights.period import Period

__all__ = [
    "QUARTERS",
    "Span",
    "quarter",
    "quarter_of",
    "span_of",
    "steps",
    "whole_year",
]

Month = tuple[int, int]
QUARTERS = 4


@dataclass(frozen=True)
class Span:
    """One report of the family: its name, its months and its quarters."""

    name: str
    period: Period
    parts: tuple[str, ...] = ()  # the quarters it adds up, if more than one

    @property
    def months(self) -> tuple[Month, ...]:
        return tuple(self.period.months())


def quarter_of(month: Month) -> int:
    return (month[1] - 1) // 3 + 1


def span_of(period: Period) -> Span:
    """The report of a quarter or of a year."""
    year = period.first.year
    if period == Period.year(year):
        return whole_year(year)
    number = quarter_of((year, period.first.month))
    if period != Period.quarter(year, number):
        raise ValueError(f"{period} is neither a quarter nor a year")
    return quarter(year, number)


def quarter(year: int, number: int) -> Span:
    return Span(f"{year}-Q{number}", Period.quarter(year, number))


def whole_year(year: int) -> Span:
    parts = tuple(quarter(year, q).name for q in range(1, QUARTERS + 1))
    return Span(f"{year}", Period.year(year), parts)


def steps(span: Span) -> list[Span]:
    """The reports to suppress, in turn, to publish ``span``.

    A quarter shares no number with another quarter: it is suppressed on
    its own. A year is suppressed after its four quarters, with what they
    published held fixed.
    """
    year = span.period.first.year
    if span == whole_year(year):
        return [quarter(year, q) for q in range(1, QUARTERS + 1)] + [span]
    return [span]
