"""A small month to plan: one line open day and night, demand, availability."""

from __future__ import annotations

from datetime import date

from aandacht.roster.models import Availability, Demand, Line, RosterMonth
from aandacht.roster.shifts import SHIFTS, month_days

MONTH = date(2027, 3, 1)


def make_month(region, volunteers, *, days: int = 10) -> RosterMonth:
    """`volunteers` can each take any shift on the first `days` days."""
    line = Line.objects.create(
        region=region, code="phone-nl", channel="phone", language="nl", max_parallel=2
    )
    for weekday in range(7):
        for shift in SHIFTS:
            rate = 1.0 if shift.night else 3.0
            Demand.objects.create(
                line=line,
                weekday=weekday,
                shift=shift.code,
                arrivals_per_hour=rate,
                source=Demand.Source.MANUAL,
            )
    roster = RosterMonth.objects.create(
        region=region, month=MONTH, deadline=date(2027, 2, 20)
    )
    for volunteer in volunteers:
        for day in month_days(MONTH)[:days]:
            for shift in SHIFTS:
                Availability.objects.create(
                    roster=roster,
                    volunteer=volunteer,
                    date=day,
                    shift=shift.code,
                    preferred=shift.code == "E",
                )
    return roster
