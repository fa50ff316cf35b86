"""How many half-days of further training a volunteer owes (pure Python).

Every volunteer owes eight half-days (dagdelen) of further training a year
(the study report, ch. 3). During the year the amount owed grows month by
month: the current month counts as elapsed, so in January 8 / 12 is owed,
and from December on the full eight. A past year owes the full eight, a
future year nothing yet.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

HALF_DAYS_PER_YEAR = 8
MONTHS_PER_YEAR = 12
ONE_DECIMAL = Decimal("0.1")


def months_elapsed(year: int, today: date) -> int:
    """The months of `year` that have begun by `today` (the current one included)."""
    if year < today.year:
        return MONTHS_PER_YEAR
    if year > today.year:
        return 0
    return today.month


def owed_by_now(year: int, today: date, per_year: int = HALF_DAYS_PER_YEAR) -> Decimal:
    """The half-days owed in `year` by `today`, rounded to one decimal."""
    owed = Decimal(per_year * months_elapsed(year, today)) / MONTHS_PER_YEAR
    return owed.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def is_behind(attended: int, owed: Decimal) -> bool:
    return Decimal(attended) < owed
