"""The days and months a form accepts: years 2000 to 2100.

Python's calendar runs from 1 January of year 1 to 31 December 9999, and
every screen computes with the days it is given: the day after the last
("up to and including"), the same days a year earlier (trends), a local
midnight in UTC (database filters), the nights of a roster month. A day at
either edge of the calendar breaks that arithmetic with an ``OverflowError``,
a server error instead of an answer. Aandacht holds nothing from before
2000 and nobody plans beyond 2100, so a form refuses any day or month
outside those years with a message, before anything computes with it
(issue #14). The dashboard's year fields use the same years.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

__all__ = ["FIRST_YEAR", "LAST_YEAR", "check_day", "check_month"]

FIRST_YEAR: Final = 2000
LAST_YEAR: Final = 2100


def _years() -> dict[str, int]:
    return {"first": FIRST_YEAR, "last": LAST_YEAR}


def check_day(value: date) -> None:
    """A form validator: the day (or moment) lies in the years forms accept."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(
            _("Choose a date from %(first)s to %(last)s."),
            code="out_of_range",
            params=_years(),
        )


def check_month(value: date) -> None:
    """A form validator for a month field (a date on its first day)."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(
            _("Choose a month from %(first)s to %(last)s."),
            code="out_of_range",
            params=_years(),
        )
