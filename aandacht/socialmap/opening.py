"""Open now, and the next opening, of a stored service.

The bridge between the ``Schedule`` rows and the pure rules of
``socialmap.schedule``. A schedule the rules cannot read (an HSDS feature we
do not interpret, such as ``count``) never makes a service open; its
description is still shown.

Callers prefetch ``schedules`` and ``closed_dates`` (see
``OPENING_PREFETCH``) so a list of services costs no query per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from aandacht.socialmap import schedule as rules
from aandacht.socialmap.models import ClosedDate, Schedule, Service

#: What a queryset of services needs prefetched for ``opening_of``.
OPENING_PREFETCH = ("schedules", "closed_dates")

_RULE_FIELDS = (
    "freq",
    "byday",
    "bymonthday",
    "interval",
    "wkst",
    "opens_at",
    "closes_at",
    "dtstart",
    "until",
    "valid_from",
    "valid_to",
    "description",
)


@dataclass(frozen=True)
class Opening:
    """What a volunteer needs to know about a service's hours right now."""

    open_now: bool
    next_opening: datetime | None
    has_hours: bool
    descriptions: tuple[str, ...]


def schedule_mapping(row: Schedule) -> dict[str, object]:
    """The HSDS properties of a row the rules read, with ``extra`` merged in.

    ``extra`` holds the properties we do not model (``count``,
    ``byweekno``, …) so that ``parse_rule`` can refuse them.
    """
    mapping: dict[str, object] = dict(row.extra or {})
    for field in _RULE_FIELDS:
        value = getattr(row, field)
        if isinstance(value, date):
            value = value.isoformat()
        if value not in ("", None):
            mapping[field] = value
    return mapping


def rule_of(row: Schedule) -> rules.Rule | None:
    """The rule a row describes, or None when it cannot be interpreted."""
    try:
        return rules.parse_rule(schedule_mapping(row))
    except rules.ScheduleError:
        return None


def closures_of(days: Iterable[ClosedDate]) -> list[rules.Closure]:
    return [rules.Closure(day=item.day, reason=item.reason) for item in days]


def opening_of(service: Service, moment: datetime) -> Opening:
    """Open at ``moment`` (aware), and when it opens next if it is closed."""
    rows = list(service.schedules.all())
    parsed = [rule for rule in map(rule_of, rows) if rule is not None]
    closures = closures_of(service.closed_dates.all())
    descriptions = tuple(row.description for row in rows if row.description)
    if not parsed:
        return Opening(False, None, has_hours=False, descriptions=descriptions)
    opens = rules.next_opening(parsed, closures, moment)
    open_now = opens is not None and opens <= moment
    return Opening(
        open_now=open_now,
        next_opening=None if open_now else opens,
        has_hours=True,
        descriptions=descriptions,
    )


def week_spans(service: Service, first: date) -> list[tuple[datetime, datetime]]:
    """The open spans starting in the seven local days from ``first``."""
    parsed = [rule for rule in map(rule_of, service.schedules.all()) if rule]
    closures = closures_of(service.closed_dates.all())
    return rules.open_spans(parsed, closures, first, first + timedelta(days=6))
