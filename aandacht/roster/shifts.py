"""The line's standard shifts: six of four hours, two of them at night.

Pure, so the problem builder, the screens and the iCalendar feed agree on
one table. The codes and times are those of the roster format.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Europe/Amsterdam")
SHIFT_HOURS = 4


@dataclass(frozen=True)
class Shift:
    code: str
    start: time
    night: bool = False

    @property
    def label(self) -> str:
        end = (
            datetime.combine(date.min, self.start) + timedelta(hours=SHIFT_HOURS)
        ).time()
        return f"{self.start:%H:%M}–{end:%H:%M}"


SHIFTS: tuple[Shift, ...] = (
    Shift("N1", time(0), night=True),
    Shift("N2", time(4), night=True),
    Shift("O", time(8)),
    Shift("M", time(12)),
    Shift("A", time(16)),
    Shift("E", time(20)),
)
BY_CODE = {shift.code: shift for shift in SHIFTS}


def shift_bounds(day: date, code: str) -> tuple[datetime, datetime]:
    """Start and end of a shift as aware datetimes on the local wall clock.

    The end is computed on the wall clock, so the night the clock changes the
    shift really lasts 3 or 5 hours (00:00 to 04:00 that night).
    """
    shift = BY_CODE[code]
    start = datetime.combine(day, shift.start, tzinfo=LOCAL)
    end_day = day + timedelta(days=1) if shift.start.hour + SHIFT_HOURS >= 24 else day
    end_time = time((shift.start.hour + SHIFT_HOURS) % 24)
    return start, datetime.combine(end_day, end_time, tzinfo=LOCAL)


def month_days(first: date) -> list[date]:
    """Every date of the month that `first` starts."""
    days = []
    day = first.replace(day=1)
    while day.month == first.month:
        days.append(day)
        day += timedelta(days=1)
    return days
