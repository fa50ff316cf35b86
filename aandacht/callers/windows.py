"""The day and the week a contact limit counts in, on the local wall clock.

Pure on purpose: the limits are agreed in local terms ("twice a day, five
times a week"), so a day runs from local midnight to local midnight (23 or
25 hours on the nights the clock changes) and a week from Monday 00:00 to
the next Monday 00:00. Boundaries are returned as aware datetimes in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LOCAL = ZoneInfo("Europe/Amsterdam")


def day_window(moment: datetime, zone: ZoneInfo = LOCAL) -> tuple[datetime, datetime]:
    """[start, end) of the local day that `moment` (aware) falls on."""
    day = moment.astimezone(zone).date()
    return _midnight(day, zone), _midnight(day + timedelta(days=1), zone)


def week_window(moment: datetime, zone: ZoneInfo = LOCAL) -> tuple[datetime, datetime]:
    """[start, end) of the local Monday-to-Sunday week that `moment` falls in."""
    day = moment.astimezone(zone).date()
    monday = day - timedelta(days=day.weekday())
    return _midnight(monday, zone), _midnight(monday + timedelta(days=7), zone)


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    # Midnight exists on every day in Europe/Amsterdam (the clock changes at
    # 02:00 and 03:00), so no fold or gap handling is needed here.
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)
