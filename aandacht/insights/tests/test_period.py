"""Periods on the calendar: months, quarters, years, and a year earlier."""

from __future__ import annotations

from datetime import date

import pytest

from aandacht.insights.period import Period, PeriodError


def test_month_quarter_and_year_cover_whole_days() -> None:
    assert Period.month(2024, 2) == Period(date(2024, 2, 1), date(2024, 2, 29))
    assert Period.quarter(2026, 4) == Period(date(2026, 10, 1), date(2026, 12, 31))
    assert Period.year(2026).days == 365


def test_a_year_earlier_keeps_the_days_and_handles_the_leap_day() -> None:
    assert Period.month(2024, 2).year_earlier() == Period(
        date(2023, 2, 1), date(2023, 2, 28)
    )


def test_months_lists_each_month_touched() -> None:
    assert Period(date(2025, 11, 20), date(2026, 1, 5)).months() == [
        (2025, 11),
        (2025, 12),
        (2026, 1),
    ]


def test_a_backwards_period_or_a_fifth_quarter_is_refused() -> None:
    with pytest.raises(PeriodError, match="ends before it starts"):
        Period(date(2026, 2, 1), date(2026, 1, 1))
    with pytest.raises(PeriodError, match="quarter 5"):
        Period.quarter(2026, 5)
