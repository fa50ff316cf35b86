"""The Vraagwijzer's working days and hours, and when a call-back is due.

A pure module (no Django). The Vraagwijzer specialist works on working days
from 10:00 to 14:00 on the Amsterdam clock (study report ch. 3); a working
day is Monday to Friday except the Dutch public holidays of the `holidays`
package (`holidays.NL`). That list includes Good Friday, and Liberation Day
(5 May) only in lustrum years (2025, 2030, ...), as the collective agreements
of most employers do; we follow it rather than keep a list of our own.

When is a request due? On the next working day after the day it was
recorded, with one exception: a request recorded on a working day before
10:00 is due that same day, because the specialist has not started yet and
"called back the next day" (the report's promise) is then the day that
begins at 10:00. A request recorded during or after the hours of a working
day is due on the next one; one recorded on a weekend or holiday is due on
the first working day after it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
OPENS = time(10, 0)
CLOSES = time(14, 0)
SATURDAY = 5


@lru_cache(maxsize=32)
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("NL", years=year)


def holiday_name(day: date) -> str | None:
    """The holiday's (English) name, or None on an ordinary day."""
    name = _holidays(day.year).get(day)
    return str(name) if name else None


def is_working_day(day: date) -> bool:
    return day.weekday() < SATURDAY and holiday_name(day) is None


def next_working_day(day: date) -> date:
    """The first working day strictly after `day`."""
    following = day + timedelta(days=1)
    while not is_working_day(following):
        following += timedelta(days=1)
    return following


def local(moment: datetime) -> datetime:
    """`moment` on the Amsterdam clock; a naive time is refused, not guessed."""
    if moment.tzinfo is None:
        raise ValueError("A moment needs a time zone.")
    return moment.astimezone(AMSTERDAM)


def is_open(moment: datetime) -> bool:
    """Whether the Vraagwijzer specialist is at work at `moment`."""
    here = local(moment)
    return is_working_day(here.date()) and OPENS <= here.time() < CLOSES


def due_date(recorded_at: datetime) -> date:
    """The day by which a request recorded at `recorded_at` is called back."""
    here = local(recorded_at)
    if is_working_day(here.date()) and here.time() < OPENS:
        return here.date()
    return next_working_day(here.date())
