"""The period a dashboard, report or export covers, on the Amsterdam calendar.

Pure on purpose: standard library only. A period is a whole number of local
days, first and last included; ``year_earlier`` gives the same days a year
before, for the comparison every trend shows.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["Period", "PeriodError"]


class PeriodError(ValueError):
    """A period that cannot be used; the message says why."""


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise PeriodError("the period ends before it starts")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        return cls(date(year, month, 1), date(year, month, monthrange(year, month)[1]))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise PeriodError(f"quarter {quarter} is not 1 to 4")
        first_month = 3 * quarter - 2
        return cls(
            date(year, first_month, 1),
            cls.month(year, first_month + 2).last,
        )

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def year_earlier(self) -> Period:
        return Period(_year_back(self.first), _year_back(self.last))

    def months(self) -> list[tuple[int, int]]:
        """The (year, month) pairs the period touches, in order."""
        result: list[tuple[int, int]] = []
        year, month = self.first.year, self.first.month
        while (year, month) <= (self.last.year, self.last.month):
            result.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last

    def __iter__(self) -> Iterator[date]:
        day = self.first
        while day <= self.last:
            yield day
            day += timedelta(days=1)


def _year_back(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)
