"""The arithmetic of arrivals and patience (pure: no Django, no models).

All times are local (Europe/Amsterdam) wall-clock times, as in the roster
format; a shift belongs to the date on which it starts. A slot is a weekday
(0 = Monday) and a shift code. Rates are per real hour: the night shift
00:00-04:00 lasts 3 hours on the last Sunday of March and 5 on the last
Sunday of October, and the counts of such a night are divided by that.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from aandacht.roster.shifts import LOCAL, SHIFT_HOURS, SHIFTS, shift_bounds

WEEKDAYS: tuple[str, ...] = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
SHIFT_CODES: tuple[str, ...] = tuple(shift.code for shift in SHIFTS)
ALL_SLOTS: frozenset[tuple[int, str]] = frozenset(
    (weekday, code) for weekday in range(7) for code in SHIFT_CODES
)

Slot = tuple[int, str]
"""(weekday, shift code), weekday 0 = Monday."""


# --------------------------------------------------------------------------- #
# Clock
# --------------------------------------------------------------------------- #


def shift_of_hour(hour: int) -> str:
    """The shift that the local hour `hour` (0-23) falls in."""
    if not 0 <= hour <= 23:
        raise ValueError(f"hour must be 0..23, got {hour}")
    starts = [shift.start.hour for shift in SHIFTS]
    index = max(i for i, start in enumerate(starts) if start <= hour)
    return SHIFTS[index].code


def shift_hours_of(code: str) -> range:
    """The local hours (0-23) on the wall clock that a shift covers."""
    start = next(shift.start.hour for shift in SHIFTS if shift.code == code)
    return range(start, start + SHIFT_HOURS)


def _real_hours(start: datetime, end: datetime) -> float:
    # Aware datetimes with one tzinfo subtract on the wall clock: go via UTC.
    return (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() / 3600


def slot_hours(day: date, code: str) -> float:
    """The real length of shift `code` starting on `day`: 4, or 3 or 5 hours."""
    start, end = shift_bounds(day, code)
    return _real_hours(start, end)


def hour_lengths(day: date) -> list[float]:
    """The real length of each of the 24 wall-clock hours of `day`.

    The hour 02:00-03:00 lasts 0 hours on the night the clock goes forward
    and 2 hours on the night it goes back; every other hour lasts 1.
    """
    lengths = []
    for hour in range(24):
        start = datetime.combine(day, time(hour), tzinfo=LOCAL)
        end_day = day + timedelta(days=1) if hour == 23 else day
        end = datetime.combine(end_day, time((hour + 1) % 24), tzinfo=LOCAL)
        lengths.append(_real_hours(start, end))
    return lengths


def days_between(first: date, last: date) -> list[date]:
    """Every date from `first` to `last`, both included."""
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def observed_hours(first: date, last: date) -> dict[Slot, float]:
    """Per slot, the real hours it lasted over the dates `first`..`last`."""
    hours: dict[Slot, float] = defaultdict(float)
    for day in days_between(first, last):
        for code in SHIFT_CODES:
            hours[(day.weekday(), code)] += slot_hours(day, code)
    return dict(hours)


def local_slot(moment: datetime) -> tuple[date, Slot]:
    """The local date and slot of an aware moment."""
    local = moment.astimezone(LOCAL)
    return local.date(), (local.weekday(), shift_of_hour(local.hour))


# --------------------------------------------------------------------------- #
# Opening hours (Line.open_rules, the format's "open")
# --------------------------------------------------------------------------- #


def open_slots(rules: Sequence[Mapping[str, Any]] | None) -> frozenset[Slot]:
    """The slots in which a line with these rules is open; empty rules: all."""
    if not rules:
        return ALL_SLOTS
    slots = set()
    for rule in rules:
        days = [day.strip() for day in str(rule.get("byday", "")).split(",")]
        for day in days:
            if day in WEEKDAYS:
                slots |= {
                    (WEEKDAYS.index(day), code)
                    for code in rule.get("shifts", [])
                    if code in SHIFT_CODES
                }
    return frozenset(slots)


def rules_for(slots: Iterable[Slot]) -> list[dict[str, Any]]:
    """Open rules in the format's shape for a set of slots; all slots: [].

    Weekdays with the same shifts share one rule, in weekday order.
    """
    chosen = set(slots)
    if chosen >= ALL_SLOTS:
        return []
    by_shifts: dict[tuple[str, ...], list[str]] = {}
    for weekday, day in enumerate(WEEKDAYS):
        codes = tuple(code for code in SHIFT_CODES if (weekday, code) in chosen)
        if codes:
            by_shifts.setdefault(codes, []).append(day)
    return [
        {"byday": ",".join(days), "shifts": list(codes)}
        for codes, days in by_shifts.items()
    ]


# --------------------------------------------------------------------------- #
# Arrivals from contact history
# --------------------------------------------------------------------------- #


def counts_per_slot(rows: Iterable[tuple[int, int, int]]) -> dict[Slot, int]:
    """Sum (weekday, local hour, count) rows into counts per slot."""
    counts: dict[Slot, int] = defaultdict(int)
    for weekday, hour, count in rows:
        counts[(weekday, shift_of_hour(hour))] += count
    return dict(counts)


def arrivals_per_hour(
    counts: Mapping[Slot, float],
    hours: Mapping[Slot, float],
    answer_rate: float = 1.0,
) -> dict[Slot, float]:
    """Arrivals per hour per slot: count ÷ real hours observed ÷ answer rate.

    With answered contacts as counts, `answer_rate` (the share of callers
    who get through) turns them into arrivals; with every call of a call
    log it is 1. A slot never observed has no rate.
    """
    if not 0 < answer_rate <= 1:
        raise ValueError(f"answer_rate must be in (0, 1], got {answer_rate}")
    return {
        slot: counts.get(slot, 0) / observed / answer_rate
        for slot, observed in hours.items()
        if observed > 0
    }


# --------------------------------------------------------------------------- #
# Call logs
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class Call:
    """One call attempt of a telephony log: no caller, only the facts."""

    at: datetime  # aware
    line: str
    answered: bool
    wait_seconds: float


def patience_minutes(total_wait_seconds: float, calls: int, abandoned: int) -> float:
    """Mean patience under exponential patience: mean wait ÷ abandonment share.

    In M/M/n+M a waiting caller hangs up at rate θ, so the share abandoning
    is θ·E[wait] over all calls (answered calls counted up to the answer,
    abandoned ones up to hanging up); the mean patience 1/θ is then
    E[wait] ÷ P(abandon). Raises ValueError when it cannot be told: no
    call abandoned, or nobody waited.
    """
    if calls <= 0 or abandoned <= 0 or total_wait_seconds <= 0:
        raise ValueError("patience needs calls that waited and calls that abandoned")
    mean_wait = total_wait_seconds / calls
    share = abandoned / calls
    return mean_wait / share / 60


@dataclass(frozen=True)
class ChannelPatience:
    channel: str
    calls: int
    abandoned: int
    mean_wait_seconds: float
    patience_minutes: float | None  # None: no abandoned call, or nobody waited

    @property
    def abandonment_share(self) -> float:
        return self.abandoned / self.calls if self.calls else 0.0


@dataclass(frozen=True)
class CallLogEstimate:
    first: date
    last: date
    arrivals: dict[str, dict[Slot, float]]  # per line code
    calls: dict[str, int]  # per line code
    patience: dict[str, ChannelPatience] = field(default_factory=dict)


def call_log_estimate(
    calls: Sequence[Call],
    channel_of: Mapping[str, str],
    open_by_line: Mapping[str, frozenset[Slot]] | None = None,
) -> CallLogEstimate:
    """Arrivals per hour per line slot, and the callers' patience per channel.

    The period is every local date from the first call's to the last call's.
    Arrivals: all calls in a slot ÷ the real hours that slot lasted in the
    period. Patience counts only calls in slots where the line is open
    (`open_by_line`; all slots when not given), so calls to a closed line
    do not pass for impatience.
    """
    if not calls:
        raise ValueError("a call log estimate needs at least one call")
    first = min(call.at.astimezone(LOCAL).date() for call in calls)
    last = max(call.at.astimezone(LOCAL).date() for call in calls)
    hours = observed_hours(first, last)
    counts: dict[str, dict[Slot, int]] = defaultdict(lambda: defaultdict(int))
    waits: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for call in calls:
        _day, slot = local_slot(call.at)
        counts[call.line][slot] += 1
        opened = open_by_line.get(call.line, ALL_SLOTS) if open_by_line else ALL_SLOTS
        if slot in opened:
            total = waits[channel_of[call.line]]
            total[0] += 1
            total[1] += 0 if call.answered else 1
            total[2] += call.wait_seconds
    arrivals = {
        line: arrivals_per_hour(line_counts, hours)
        for line, line_counts in counts.items()
    }
    patience = {}
    for channel, (n, abandoned, wait) in sorted(waits.items()):
        try:
            minutes: float | None = patience_minutes(wait, int(n), int(abandoned))
        except ValueError:
            minutes = None
        patience[channel] = ChannelPatience(
            channel, int(n), int(abandoned), wait / n if n else 0.0, minutes
        )
    return CallLogEstimate(
        first=first,
        last=last,
        arrivals=arrivals,
        calls={line: sum(c.values()) for line, c in counts.items()},
        patience=patience,
    )
