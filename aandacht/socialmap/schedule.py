"""Opening hours from HSDS 3.1 ``schedule`` records (pure Python, stdlib only).

All times are Europe/Amsterdam wall-clock times, summer time included.

Decisions (issue #5, item 5):

* ``closes_at < opens_at`` means overnight: 22:00-02:00 runs into the next
  day. The whole span belongs to the day it *starts* (weekday, month rule,
  validity window and closed dates are checked against the start day).
* ``closes_at == opens_at`` is refused by :func:`parse_rule` ("closes when it
  opens"). Round-the-clock is written ``00:00``-``24:00``; ``24:00`` is only
  accepted as ``closes_at`` and is stored as ``time(0, 0)``. A :class:`Rule`
  whose two times are equal therefore spans 24 hours.
* A :class:`Closure` closes its whole local day, including the tail of an
  overnight span that started the day before, and drops any span that starts
  on it.
* Validity windows (``valid_from``/``valid_to`` and ``dtstart``/``until``) are
  inclusive and compare the start day of a span.
* Local times are turned into instants with zoneinfo's ``fold=0``: a time that
  does not exist (02:30 on the last Sunday of March) maps to 01:30 UTC, an
  ambiguous one (02:30 on the last Sunday of October) to its first occurrence,
  so a span closing at 02:00 that night closes at the first 02:00 (00:00 UTC).
  Spans are compared as UTC instants, so a 00:00-04:00 rule on the March night
  lasts 3 real hours and a 02:00-03:00 rule on the October night lasts 2 real
  hours (both 02:30s are open).
* HSDS ``timezone`` (a fixed UTC offset, which cannot express summer time) is
  ignored. Times with an offset suffix (``09:00Z``, ``09:00+01:00``) are
  refused. ``count``, ``byweekno`` and ``byyearday`` are refused as
  unsupported; empty strings count as absent (HSDS CSV).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

__all__ = [
    "AMSTERDAM",
    "DEFAULT_HORIZON_DAYS",
    "ByDay",
    "Closure",
    "Rule",
    "ScheduleError",
    "is_open",
    "next_opening",
    "open_spans",
    "parse_rule",
]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DEFAULT_HORIZON_DAYS = 62

WEEKDAYS: tuple[str, ...] = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
Freq = Literal["WEEKLY", "MONTHLY"]

_TIME_RE = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_BYDAY_RE = re.compile(r"([+-]?\d{1,2})?([A-Z]{2})")
_UNSUPPORTED = ("count", "byweekno", "byyearday")


class ScheduleError(ValueError):
    """A schedule that cannot be read as opening hours."""


@dataclass(frozen=True, slots=True)
class ByDay:
    """One ``byday`` part: a weekday (0 = Monday) and, for MONTHLY, an ordinal.

    ``ByDay(5, 1)`` is ``1SA`` (first Saturday), ``ByDay(4, -1)`` is ``-1FR``
    (last Friday), ``ByDay(0)`` is every Monday.
    """

    weekday: int
    ordinal: int | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ScheduleError(f"weekday {self.weekday} is not 0 (MO) to 6 (SU)")
        if self.ordinal is not None and not (1 <= abs(self.ordinal) <= 5):
            raise ScheduleError(
                f"byday ordinal {self.ordinal} is not 1..5 or -5..-1 "
                "(a month has at most five of each weekday)"
            )

    def matches(self, day: date) -> bool:
        if day.weekday() != self.weekday:
            return False
        if self.ordinal is None:
            return True
        if self.ordinal > 0:
            return (day.day - 1) // 7 + 1 == self.ordinal
        days_in_month = calendar.monthrange(day.year, day.month)[1]
        return (days_in_month - day.day) // 7 + 1 == -self.ordinal

    def __str__(self) -> str:
        prefix = "" if self.ordinal is None else str(self.ordinal)
        return prefix + WEEKDAYS[self.weekday]


@dataclass(frozen=True, slots=True)
class Closure:
    """A date on which the service is closed all day (our extension: holidays)."""

    day: date
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Rule:
    """A recurring opening span in Europe/Amsterdam wall-clock time.

    A day matches when it lies in every given window (``valid_from`` ..
    ``valid_to``, ``dtstart`` .. ``until``, all inclusive), falls on an
    ``interval``-th week/month counted from ``dtstart``, and matches ``byday``
    (any part) and, for MONTHLY, ``bymonthday`` (any value; negative counts
    from the month's end). With both ``byday`` and ``bymonthday`` a day must
    match both (RFC 5545: ``FR`` + ``13`` is Friday the 13th).
    """

    freq: Freq
    opens_at: time
    closes_at: time
    byday: tuple[ByDay, ...] = ()
    bymonthday: tuple[int, ...] = ()
    interval: int = 1
    wkst: int = 0
    dtstart: date | None = None
    until: date | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    description: str = ""

    def __post_init__(self) -> None:
        if self.freq not in ("WEEKLY", "MONTHLY"):
            raise ScheduleError(
                f"unsupported freq {self.freq!r} (supported: WEEKLY, MONTHLY)"
            )
        for name, value in (("opens_at", self.opens_at), ("closes_at", self.closes_at)):
            if value.tzinfo is not None:
                raise ScheduleError(f"{name} must be a wall-clock time without tzinfo")
        if self.freq == "WEEKLY":
            if any(part.ordinal is not None for part in self.byday):
                raise ScheduleError(
                    "byday with an ordinal (like 1SA or -1FR) needs freq MONTHLY"
                )
            if self.bymonthday:
                raise ScheduleError("bymonthday needs freq MONTHLY, not WEEKLY")
        for monthday in self.bymonthday:
            if not 1 <= abs(monthday) <= 31:
                raise ScheduleError(f"bymonthday {monthday} is not 1..31 or -31..-1")
        if not self.byday and not self.bymonthday and self.dtstart is None:
            raise ScheduleError(
                "no days given: set byday (or bymonthday for MONTHLY) or dtstart"
            )
        if self.interval < 1:
            raise ScheduleError(f"interval must be 1 or more, not {self.interval}")
        if self.interval > 1 and self.dtstart is None:
            raise ScheduleError("interval above 1 needs dtstart to count from")
        if not 0 <= self.wkst <= 6:
            raise ScheduleError(f"wkst {self.wkst} is not 0 (MO) to 6 (SU)")
        for start, end, names in (
            (self.valid_from, self.valid_to, "valid_to is before valid_from"),
            (self.dtstart, self.until, "until is before dtstart"),
        ):
            if start is not None and end is not None and end < start:
                raise ScheduleError(names)

    @property
    def overnight(self) -> bool:
        """True when the span runs past midnight (or lasts 24 hours)."""
        return self.closes_at <= self.opens_at

    def occurs_on(self, day: date) -> bool:
        """Whether a span of this rule starts on local date ``day``."""
        for start in (self.valid_from, self.dtstart):
            if start is not None and day < start:
                return False
        for end in (self.valid_to, self.until):
            if end is not None and day > end:
                return False
        if self.interval > 1 and self.dtstart is not None:
            if self.freq == "WEEKLY":
                weeks = (
                    _week_start(day, self.wkst) - _week_start(self.dtstart, self.wkst)
                ).days // 7
                if weeks % self.interval:
                    return False
            else:
                months = (
                    (day.year - self.dtstart.year) * 12 + day.month - self.dtstart.month
                )
                if months % self.interval:
                    return False
        if not self.byday and not self.bymonthday:
            # RFC 5545 default: the weekday (WEEKLY) or month day (MONTHLY) of dtstart.
            if self.dtstart is None:  # pragma: no cover - refused by __post_init__
                return False
            if self.freq == "WEEKLY":
                return day.weekday() == self.dtstart.weekday()
            return day.day == self.dtstart.day
        if self.byday and not any(part.matches(day) for part in self.byday):
            return False
        if self.bymonthday:
            days_in_month = calendar.monthrange(day.year, day.month)[1]
            wanted = {m if m > 0 else days_in_month + m + 1 for m in self.bymonthday}
            if day.day not in wanted:
                return False
        return True

    def span_on(self, day: date) -> tuple[datetime, datetime] | None:
        """The UTC ``[start, end)`` of the span starting on ``day``, if any."""
        if not self.occurs_on(day):
            return None
        end_day = day + timedelta(days=1) if self.overnight else day
        start = _instant(day, self.opens_at)
        end = _instant(end_day, self.closes_at)
        if end <= start:  # both ends fall in a skipped hour
            return None
        return start, end


def _week_start(day: date, wkst: int) -> date:
    return day - timedelta(days=(day.weekday() - wkst) % 7)


def _instant(day: date, at: time) -> datetime:
    """The UTC instant of local wall-clock ``day at`` (fold=0)."""
    return datetime.combine(day, at, tzinfo=AMSTERDAM).astimezone(UTC)


# --------------------------------------------------------------------------- parse


def _text(mapping: Mapping[str, object], key: str) -> str | None:
    value = mapping.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return str(value)


def _parse_time(
    value: object, name: str, *, allow_24: bool = False
) -> tuple[time, bool]:
    """Return the time and whether it was written as 24:00."""
    if value is None or value == "":
        raise ScheduleError(f"{name} is missing")
    if isinstance(value, time):
        if value.tzinfo is not None:
            raise ScheduleError(f"{name} {value} carries a UTC offset")
        return value.replace(microsecond=0), False
    if not isinstance(value, str):
        raise ScheduleError(f"{name} {value!r} is not a time like 09:00")
    text = value.strip()
    match = _TIME_RE.fullmatch(text)
    if match is None:
        if re.fullmatch(r"\d{1,2}:\d{2}(:\d{2})?(Z|[+-]\d{2}(:?\d{2})?)", text):
            raise ScheduleError(
                f"{name} {text!r} carries a UTC offset; give Europe/Amsterdam "
                "wall-clock time without one (a fixed offset ignores summer time)"
            )
        raise ScheduleError(f"{name} {text!r} is not a time like 09:00 or 09:00:00")
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if allow_24 and (hour, minute, second) == (24, 0, 0):
        return time(0, 0), True
    if hour > 23 or minute > 59 or second > 59:
        raise ScheduleError(f"{name} {text!r} is not a valid time of day")
    return time(hour, minute, second), False


def _parse_date(mapping: Mapping[str, object], key: str) -> date | None:
    value = mapping.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise ScheduleError(f"{key} {value!r} is not a date like 2025-01-31")


def _parse_weekday(code: str, key: str) -> int:
    try:
        return WEEKDAYS.index(code)
    except ValueError:
        raise ScheduleError(
            f"{key} {code!r} is not a weekday code ({', '.join(WEEKDAYS)})"
        ) from None


def _parse_byday(text: str | None) -> tuple[ByDay, ...]:
    if text is None:
        return ()
    parts: list[ByDay] = []
    for raw in text.upper().split(","):
        part = raw.strip()
        match = _BYDAY_RE.fullmatch(part)
        if match is None:
            raise ScheduleError(
                f"byday part {part!r} is not like MO, 1SA or -1FR (in {text!r})"
            )
        ordinal = int(match[1]) if match[1] else None
        if ordinal == 0:
            raise ScheduleError(f"byday part {part!r}: ordinal 0 does not exist")
        parts.append(ByDay(_parse_weekday(match[2], "byday"), ordinal))
    return tuple(parts)


def _parse_monthdays(text: str | None) -> tuple[int, ...]:
    if text is None:
        return ()
    days: list[int] = []
    for raw in text.split(","):
        part = raw.strip()
        if not re.fullmatch(r"[+-]?\d{1,2}", part):
            raise ScheduleError(f"bymonthday part {part!r} is not a day number")
        days.append(int(part))
    return tuple(days)


def _parse_interval(value: object) -> int:
    if value is None or value == "":
        return 1
    if isinstance(value, bool):
        raise ScheduleError(f"interval {value!r} is not a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*\d+(\.0*)?\s*", value):
        return int(float(value))
    raise ScheduleError(f"interval {value!r} is not a whole number")


_NOON = time(12, 0)


def _check_not_backwards(opens_at: time, closes_at: time) -> None:
    """Refuse a span that closes before it opens, unless it is a night.

    A closing time before the opening time means "past midnight" only for
    a night: opening at noon or later and closing by noon the next day
    (22:00-02:00, 17:00-09:00). "09:00-03:00" is far likelier a typo for
    15:00 than an 18-hour day, so it is refused rather than guessed.
    """
    if closes_at >= opens_at:
        return
    if opens_at >= _NOON and closes_at <= _NOON:
        return
    raise ScheduleError(
        f"closes at {closes_at:%H:%M}, before it opens at {opens_at:%H:%M}; "
        "a span past midnight must open after noon and close by noon"
    )


def parse_rule(mapping: Mapping[str, object]) -> Rule:
    """Read one HSDS 3.1 ``schedule`` object; raise :class:`ScheduleError`."""
    for key in _UNSUPPORTED:
        if _text(mapping, key) is not None:
            raise ScheduleError(f"{key} is not supported (got {mapping[key]!r})")
    freq_text = _text(mapping, "freq")
    if freq_text is None:
        raise ScheduleError("freq is missing (WEEKLY or MONTHLY)")
    freq = freq_text.upper()
    if freq not in ("WEEKLY", "MONTHLY"):
        raise ScheduleError(
            f"unsupported freq {freq_text!r} (supported: WEEKLY, MONTHLY)"
        )
    opens_at, _ = _parse_time(mapping.get("opens_at"), "opens_at")
    closes_at, is_24 = _parse_time(mapping.get("closes_at"), "closes_at", allow_24=True)
    if closes_at == opens_at and not is_24:
        raise ScheduleError(
            f"closes when it opens ({opens_at:%H:%M}); for round the clock "
            "write 00:00-24:00"
        )
    if not is_24:
        _check_not_backwards(opens_at, closes_at)
    wkst_text = _text(mapping, "wkst")
    return Rule(
        freq="WEEKLY" if freq == "WEEKLY" else "MONTHLY",
        opens_at=opens_at,
        closes_at=closes_at,
        byday=_parse_byday(_text(mapping, "byday")),
        bymonthday=_parse_monthdays(_text(mapping, "bymonthday")),
        interval=_parse_interval(mapping.get("interval")),
        wkst=0 if wkst_text is None else _parse_weekday(wkst_text.upper(), "wkst"),
        dtstart=_parse_date(mapping, "dtstart"),
        until=_parse_date(mapping, "until"),
        valid_from=_parse_date(mapping, "valid_from"),
        valid_to=_parse_date(mapping, "valid_to"),
        description=_text(mapping, "description") or "",
    )


# --------------------------------------------------------------------------- query


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("moment must be timezone-aware")
    return moment.astimezone(UTC)


def _spans_starting(
    rules: Iterable[Rule], closed: frozenset[date], first: date, last: date
) -> Iterator[tuple[datetime, datetime]]:
    """UTC spans starting on local dates ``first``..``last``, closures applied."""
    rule_list = list(rules)
    day = first
    while day <= last:
        if day not in closed:
            next_day = day + timedelta(days=1)
            for rule in rule_list:
                span = rule.span_on(day)
                if span is None:
                    continue
                start, end = span
                if next_day in closed:  # cut an overnight tail at a closed day
                    end = min(end, _instant(next_day, time(0, 0)))
                if end > start:
                    yield start, end
        day += timedelta(days=1)


def open_spans(
    rules: Iterable[Rule], closures: Iterable[Closure], first: date, last: date
) -> list[tuple[datetime, datetime]]:
    """Open ``[start, end)`` spans starting on local dates ``first``..``last``.

    Start and end are aware Europe/Amsterdam datetimes, sorted by start.
    Overlapping spans of different rules are returned as they are.
    """
    closed = frozenset(c.day for c in closures)
    spans = sorted(_spans_starting(rules, closed, first, last))
    return [(s.astimezone(AMSTERDAM), e.astimezone(AMSTERDAM)) for s, e in spans]


def is_open(
    rules: Iterable[Rule], closures: Iterable[Closure], moment: datetime
) -> bool:
    """Whether any rule is open at the aware instant ``moment``."""
    now = _utc(moment)
    today = now.astimezone(AMSTERDAM).date()
    closed = frozenset(c.day for c in closures)
    return any(
        start <= now < end
        for start, end in _spans_starting(
            rules, closed, today - timedelta(days=1), today
        )
    )


def next_opening(
    rules: Iterable[Rule],
    closures: Iterable[Closure],
    moment: datetime,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
) -> datetime | None:
    """The earliest instant at or after ``moment`` at which it is open.

    * open at ``moment``: returns ``moment`` itself (in Europe/Amsterdam);
    * closed: returns the start of the next open span (strictly after
      ``moment``), as an aware Europe/Amsterdam datetime;
    * ``None`` when nothing opens within ``horizon_days`` local days.
    """
    now = _utc(moment)
    today = now.astimezone(AMSTERDAM).date()
    closed = frozenset(c.day for c in closures)
    best: datetime | None = None
    for start, end in _spans_starting(
        rules, closed, today - timedelta(days=1), today + timedelta(days=horizon_days)
    ):
        if start <= now < end:
            return now.astimezone(AMSTERDAM)
        if start > now and (best is None or start < best):
            best = start
    return None if best is None else best.astimezone(AMSTERDAM)
