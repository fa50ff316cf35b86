"""Limit windows on the local clock: midnight, Monday, and the clock change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from aandacht.callers.windows import day_window, week_window

AMS = ZoneInfo("Europe/Amsterdam")


def local(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMS)


def test_a_day_runs_from_local_midnight_to_local_midnight():
    start, end = day_window(local(2027, 1, 12, 23, 59))
    assert start == local(2027, 1, 12)
    assert end == local(2027, 1, 13)
    assert day_window(local(2027, 1, 13, 0, 0))[0] == end


def test_the_day_the_clock_goes_forward_has_23_hours():
    start, end = day_window(local(2027, 3, 28, 12))
    assert end - start == timedelta(hours=23)


def test_the_day_the_clock_goes_back_has_25_hours():
    start, end = day_window(local(2026, 10, 25, 12))
    assert end - start == timedelta(hours=25)
    # 02:30 happens twice that night; both belong to the same day.
    first = datetime(2026, 10, 25, 2, 30, tzinfo=AMS, fold=0)
    second = datetime(2026, 10, 25, 2, 30, tzinfo=AMS, fold=1)
    assert day_window(first) == day_window(second) == (start, end)


def test_a_week_runs_from_monday_midnight():
    start, end = week_window(local(2027, 1, 17, 23, 0))  # a Sunday evening
    assert start == local(2027, 1, 11)
    assert end == local(2027, 1, 18)
    assert week_window(local(2027, 1, 18, 0, 0))[0] == end


@pytest.mark.parametrize(
    ("moment", "hours"),
    [(local(2027, 3, 24, 9), 167), (local(2026, 10, 21, 9), 169)],
)
def test_weeks_with_a_clock_change_are_an_hour_short_or_long(moment, hours):
    start, end = week_window(moment)
    assert end - start == timedelta(hours=hours)


def test_boundaries_are_utc_and_a_utc_moment_is_read_in_local_time():
    # 23:30 UTC on 12 January is 00:30 on 13 January in Amsterdam.
    start, _end = day_window(datetime(2027, 1, 12, 23, 30, tzinfo=UTC))
    assert start == local(2027, 1, 13)
    assert start.tzinfo is UTC
