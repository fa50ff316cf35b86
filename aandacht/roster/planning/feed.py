"""A volunteer's published shifts as an iCalendar feed (RFC 5545, `icalendar`)."""

from __future__ import annotations

from datetime import UTC, datetime

from icalendar import Calendar, Event

from aandacht.core.models import User
from aandacht.roster.models import Assignment, RosterMonth
from aandacht.roster.shifts import shift_bounds


def calendar_for(user: User) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Aandacht//Rooster//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Aandacht")
    shifts = (
        Assignment.objects.filter(
            volunteer=user, roster__status=RosterMonth.Status.PUBLISHED
        )
        .select_related("line", "roster__region")
        .order_by("date", "shift")
    )
    stamp = datetime.now(UTC)
    for shift in shifts:
        start, end = shift_bounds(shift.date, shift.shift)
        event = Event()
        event.add("uid", f"shift-{shift.pk}@aandacht")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("summary", f"Aandacht {shift.line.code} ({shift.roster.region.name})")
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical
