"""The Vraagwijzer's working days and the due date of a call-back request.

Dates are checked against the calendar: Easter 2025 is 20 April, King's Day
2025 is Saturday 26 April, Ascension 2025 is Thursday 29 May, and in 2026
King's Day is Monday 27 April and Easter Monday 6 April.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from aandacht.callbacks.workdays import (
    AMSTERDAM,
    due_date,
    holiday_name,
    is_open,
    is_working_day,
    next_working_day,
)


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 4, 27), False),  # King's Day on a Monday
        (date(2026, 5, 14), False),  # Ascension Day
        (date(2026, 5, 25), False),  # Whit Monday
        (date(2026, 12, 25), False),  # Christmas
        (date(2026, 12, 26), False),  # Boxing Day (a Saturday anyway)
        (date(2026, 1, 1), False),  # New Year's Day
        (date(2026, 4, 3), False),  # Good Friday: holidays.NL counts it
        (date(2026, 4, 6), False),  # Easter Monday
        (date(2025, 5, 5), False),  # Liberation Day in a lustrum year
        (date(2026, 5, 5), True),  # ...and a working day in other years
        (date(2026, 4, 7), True),  # the Tuesday after Easter
        (date(2026, 6, 13), False),  # an ordinary Saturday
        (date(2026, 6, 15), True),  # an ordinary Monday
    ],
)
def test_weekends_and_dutch_public_holidays_are_not_working_days(day, working):
    assert is_working_day(day) is working


def test_a_holiday_has_its_name():
    assert holiday_name(date(2026, 4, 27)) == "King's Day"
    assert holiday_name(date(2026, 4, 28)) is None


def test_the_next_working_day_skips_a_long_easter_weekend():
    assert next_working_day(date(2026, 4, 2)) == date(2026, 4, 7)


def test_the_next_working_day_after_christmas_eve_is_after_boxing_day():
    # Thursday 24 Dec 2026; 25 and 26 are holidays, then a weekend.
    assert next_working_day(date(2026, 12, 24)) == date(2026, 12, 28)


@pytest.mark.parametrize(
    ("recorded", "due"),
    [
        # An evening on an ordinary Tuesday: Wednesday.
        (at(2026, 6, 16, 21), date(2026, 6, 17)),
        # A working day before 10:00: the same day (the specialist starts at 10).
        (at(2026, 6, 16, 9, 59), date(2026, 6, 16)),
        # At 10:00 the day has started: the next working day.
        (at(2026, 6, 16, 10), date(2026, 6, 17)),
        # During the hours, recorded by the specialist: still the next day.
        (at(2026, 6, 16, 12), date(2026, 6, 17)),
        # Friday evening: Monday.
        (at(2026, 6, 19, 22), date(2026, 6, 22)),
        # Saturday night: Monday.
        (at(2026, 6, 20, 3), date(2026, 6, 22)),
        # Sunday before 10:00 is no working day: Monday.
        (at(2026, 6, 21, 8), date(2026, 6, 22)),
        # Friday before Easter Monday (Good Friday), early: Tuesday.
        (at(2026, 4, 3, 8), date(2026, 4, 7)),
        # Thursday evening before Easter: past Good Friday and Easter Monday.
        (at(2026, 4, 2, 20), date(2026, 4, 7)),
        # The Sunday night before King's Day (Monday 27 April 2026): Tuesday.
        (at(2026, 4, 26, 23), date(2026, 4, 28)),
        # King's Day morning itself: Tuesday.
        (at(2026, 4, 27, 8), date(2026, 4, 28)),
        # The Wednesday evening before Ascension (Thursday 14 May 2026): Friday.
        (at(2026, 5, 13, 19), date(2026, 5, 15)),
        # Christmas Eve evening 2026 (Thursday): Monday 28 December.
        (at(2026, 12, 24, 18), date(2026, 12, 28)),
        # New Year's Eve afternoon 2026 (Thursday): past New Year's Day (Friday)
        # and the weekend, to Monday 4 January 2027.
        (at(2026, 12, 31, 15), date(2027, 1, 4)),
    ],
)
def test_a_request_is_due_on_the_next_working_day(recorded, due):
    assert due_date(recorded) == due


def test_the_due_date_follows_the_amsterdam_clock_not_utc():
    # 07:30 UTC on 16 June 2026 is 09:30 in Amsterdam (summer time): same day.
    assert due_date(datetime(2026, 6, 16, 7, 30, tzinfo=UTC)) == date(2026, 6, 16)
    # 08:30 UTC is 10:30 in Amsterdam: the next day.
    assert due_date(datetime(2026, 6, 16, 8, 30, tzinfo=UTC)) == date(2026, 6, 17)


def test_a_time_without_a_zone_is_refused():
    with pytest.raises(ValueError, match="time zone"):
        due_date(datetime(2026, 6, 16, 9))  # noqa: DTZ001 (the point of the test)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (at(2026, 6, 16, 9, 59), False),
        (at(2026, 6, 16, 10), True),
        (at(2026, 6, 16, 13, 59), True),
        (at(2026, 6, 16, 14), False),
        (at(2026, 6, 20, 11), False),  # Saturday
        (at(2026, 4, 27, 11), False),  # King's Day
    ],
)
def test_the_vraagwijzer_is_open_on_working_days_from_ten_to_two(moment, expected):
    assert is_open(moment) is expected
