"""The roster problem format: parsing and validation (pure Python).

Reads the problem JSON of ``docs/roster-format.md`` (shared docs) into typed,
frozen dataclasses. Validation is complete: :func:`parse_problem` collects
every problem it finds, each with a JSON-path-like location such as
``$.volunteers[3].available[0].date``, and raises one :class:`ProblemError`
listing them all.

The month is expanded into slots (one per date and shift) with their real
length in hours, computed from the actual UTC offsets of Europe/Amsterdam:
the slot 00:00-04:00 lasts 3 hours on the night the clock goes forward and
5 hours on the night it goes back.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

TIMEZONE = ZoneInfo("Europe/Amsterdam")
WEEKDAYS: tuple[str, ...] = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
CHANNELS: tuple[str, ...] = ("phone", "chat", "mail")

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^(\d{2}):(\d{2})$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")

_TOP_KEYS = frozenset(
    {"month", "shifts", "shift_hours", "lines", "service", "demand", "volunteers"}
)
_SHIFT_KEYS = frozenset({"code", "start", "night"})
_LINE_KEYS = frozenset(
    {"code", "channel", "language", "max_parallel", "weight", "open"}
)
_OPEN_KEYS = frozenset({"byday", "shifts"})
_SERVICE_KEYS = frozenset({"aht_minutes", "patience_minutes"})
_DEMAND_KEYS = frozenset({"line", "byday", "shift", "arrivals_per_hour"})
_VOLUNTEER_KEYS = frozenset(
    {
        "id",
        "languages",
        "channels",
        "min_shifts",
        "max_shifts",
        "night_required",
        "available",
        "preferred",
    }
)
_SLOT_KEYS = frozenset({"date", "shift"})


class ProblemError(ValueError):
    """A problem file that does not follow the format; lists every problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__(
            f"{len(self.problems)} problem(s) in the roster problem:\n"
            + "\n".join(f"- {problem}" for problem in self.problems)
        )


@dataclass(frozen=True)
class Shift:
    code: str
    start: time
    night: bool


@dataclass(frozen=True)
class Line:
    code: str
    channel: str
    language: str
    max_parallel: int
    weight: float
    # (weekday index 0=Monday, shift code) pairs where the line is open.
    open_slots: frozenset[tuple[int, str]]

    def is_open(self, weekday: int, shift: str) -> bool:
        return (weekday, shift) in self.open_slots


@dataclass(frozen=True)
class Service:
    aht_minutes: float
    patience_minutes: float


@dataclass(frozen=True)
class Volunteer:
    id: str
    languages: frozenset[str]
    channels: frozenset[str]
    min_shifts: int
    max_shifts: int
    night_required: bool
    available: tuple[tuple[date, str], ...]
    preferred: frozenset[tuple[date, str]]

    def can_staff(self, line: Line) -> bool:
        return line.channel in self.channels and line.language in self.languages


@dataclass(frozen=True)
class Slot:
    """One shift on one date, with its real length in hours."""

    date: date
    shift: str
    start_utc: datetime
    hours: float


@dataclass(frozen=True)
class LineSlot:
    """One open line in one slot, with its expected arrivals per hour."""

    line: str
    date: date
    shift: str
    hours: float
    arrivals_per_hour: float

    @property
    def arrivals(self) -> float:
        return self.hours * self.arrivals_per_hour


@dataclass(frozen=True)
class Problem:
    year: int
    month: int
    shifts: tuple[Shift, ...]  # sorted by start time
    shift_hours: float
    lines: tuple[Line, ...]
    service: Mapping[str, Service]
    # (line code, weekday index, shift code) -> arrivals per hour
    demand: Mapping[tuple[str, int, str], float]
    volunteers: tuple[Volunteer, ...]
    slots: tuple[Slot, ...] = field(repr=False)
    line_slots: tuple[LineSlot, ...] = field(repr=False)

    @property
    def month_code(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def dates(self) -> tuple[date, ...]:
        days = calendar.monthrange(self.year, self.month)[1]
        return tuple(date(self.year, self.month, day) for day in range(1, days + 1))

    def shift(self, code: str) -> Shift:
        for shift in self.shifts:
            if shift.code == code:
                return shift
        raise KeyError(code)

    def line(self, code: str) -> Line:
        for line in self.lines:
            if line.code == code:
                return line
        raise KeyError(code)

    @property
    def first_shift(self) -> str:
        return self.shifts[0].code

    @property
    def last_shift(self) -> str:
        return self.shifts[-1].code


def slot_hours(day: date, start: time, shift_hours: float) -> float:
    """The real length in hours of a slot starting at `start` local time on `day`.

    The slot ends `shift_hours` later on the wall clock; the difference of
    the two instants in UTC is its real length.
    """
    begin = datetime.combine(day, start, tzinfo=TIMEZONE)
    end = begin + timedelta(hours=shift_hours)  # wall-clock arithmetic
    seconds = (end.astimezone(UTC) - begin.astimezone(UTC)).total_seconds()
    return seconds / 3600.0


def expand_slots(
    year: int, month: int, shifts: Sequence[Shift], shift_hours: float
) -> tuple[Slot, ...]:
    days = calendar.monthrange(year, month)[1]
    slots = []
    for number in range(1, days + 1):
        day = date(year, month, number)
        for shift in shifts:
            begin = datetime.combine(day, shift.start, tzinfo=TIMEZONE)
            slots.append(
                Slot(
                    date=day,
                    shift=shift.code,
                    start_utc=begin.astimezone(UTC),
                    hours=slot_hours(day, shift.start, shift_hours),
                )
            )
    return tuple(slots)


# --------------------------------------------------------------------------
# Validation helpers


class _Errors:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def keys(
        self, path: str, value: Mapping[str, Any], allowed: frozenset[str]
    ) -> None:
        for key in value:
            if key not in allowed:
                self.add(f"{path}.{key}", "unknown field")

    def obj(self, path: str, value: Any) -> Mapping[str, Any] | None:
        if isinstance(value, Mapping):
            return value
        self.add(path, f"must be an object, not {_kind(value)}")
        return None

    def array(self, path: str, value: Any) -> list[Any] | None:
        if isinstance(value, list | tuple):
            return list(value)
        self.add(path, f"must be a list, not {_kind(value)}")
        return None

    def required(self, path: str, value: Mapping[str, Any], key: str) -> Any:
        if key not in value:
            self.add(f"{path}.{key}", "is missing")
            return None
        return value[key]

    def string(self, path: str, value: Any) -> str | None:
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, str):
            self.add(path, "must not be empty")
        else:
            self.add(path, f"must be a string, not {_kind(value)}")
        return None

    def number(self, path: str, value: Any, *, positive: bool = False) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(path, f"must be a number, not {_kind(value)}")
            return None
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            self.add(path, "must be a finite number")
            return None
        if positive and number <= 0:
            self.add(path, f"must be greater than zero, not {value}")
            return None
        if number < 0:
            self.add(path, f"must not be negative, not {value}")
            return None
        return number

    def count(self, path: str, value: Any) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(path, f"must be a whole number, not {_kind(value)}")
            return None
        if value < 0:
            self.add(path, f"must not be negative, not {value}")
            return None
        return int(value)

    def boolean(self, path: str, value: Any) -> bool | None:
        if isinstance(value, bool):
            return value
        self.add(path, f"must be true or false, not {_kind(value)}")
        return None

    def weekdays(self, path: str, value: Any) -> list[int] | None:
        text = self.string(path, value)
        if text is None:
            return None
        days: list[int] = []
        ok = True
        for token in text.split(","):
            day = token.strip().upper()
            if day not in WEEKDAYS:
                self.add(path, f"unknown weekday {token.strip()!r} (use MO,TU,…,SU)")
                ok = False
            elif WEEKDAYS.index(day) in days:
                self.add(path, f"weekday {day} given twice")
                ok = False
            else:
                days.append(WEEKDAYS.index(day))
        return days if ok else None


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return type(value).__name__


def _items(
    errors: _Errors, path: str, data: Mapping[str, Any], key: str
) -> Iterator[tuple[str, Any]]:
    raw = errors.required(path, data, key)
    if raw is None:
        return
    values = errors.array(f"{path}.{key}", raw)
    if values is None:
        return
    for index, value in enumerate(values):
        yield f"{path}.{key}[{index}]", value


# --------------------------------------------------------------------------
# Parsing


def parse_problem(data: Mapping[str, Any]) -> Problem:
    """Validate a roster problem and return it typed; raise ProblemError otherwise."""
    errors = _Errors()
    if not isinstance(data, Mapping):
        raise ProblemError([f"$: must be an object, not {_kind(data)}"])
    errors.keys("$", data, _TOP_KEYS)

    year_month = _parse_month(errors, data)
    shift_hours = _parse_shift_hours(errors, data)
    shifts = _parse_shifts(errors, data)
    shift_codes = {shift.code for shift in shifts}
    service = _parse_service(errors, data)
    lines = _parse_lines(errors, data, shift_codes, service)
    demand = _parse_demand(errors, data, lines, shift_codes)
    volunteers = _parse_volunteers(errors, data, year_month, shift_codes)

    if errors.problems:
        raise ProblemError(errors.problems)
    if year_month is None or shift_hours is None:  # pragma: no cover (reported)
        raise ProblemError(["$: month or shift_hours could not be read"])
    year, month = year_month
    ordered = tuple(sorted(shifts, key=lambda shift: shift.start))
    slots = expand_slots(year, month, ordered, shift_hours)
    line_slots = tuple(
        LineSlot(
            line=line.code,
            date=slot.date,
            shift=slot.shift,
            hours=slot.hours,
            arrivals_per_hour=demand.get(
                (line.code, slot.date.weekday(), slot.shift), 0.0
            ),
        )
        for line in lines
        for slot in slots
        if line.is_open(slot.date.weekday(), slot.shift)
    )
    return Problem(
        year=year,
        month=month,
        shifts=ordered,
        shift_hours=shift_hours,
        lines=tuple(lines),
        service=dict(service),
        demand=demand,
        volunteers=tuple(volunteers),
        slots=slots,
        line_slots=line_slots,
    )


def load_problem(path: str | Path) -> Problem:
    """Read and parse a problem file (JSON)."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ProblemError([f"$: not valid JSON: {error}"]) from error
    return parse_problem(data)


def _parse_month(errors: _Errors, data: Mapping[str, Any]) -> tuple[int, int] | None:
    raw = errors.required("$", data, "month")
    if raw is None:
        return None
    if not isinstance(raw, str):
        errors.add("$.month", f"must be a string YYYY-MM, not {_kind(raw)}")
        return None
    match = _MONTH.match(raw)
    if not match:
        errors.add("$.month", f"must be YYYY-MM, not {raw!r}")
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        errors.add("$.month", f"no such month: {raw!r}")
        return None
    if not 1900 <= year <= 9998:
        errors.add("$.month", f"year out of range: {raw!r}")
        return None
    return year, month


def _parse_shift_hours(errors: _Errors, data: Mapping[str, Any]) -> float | None:
    raw = errors.required("$", data, "shift_hours")
    if raw is None:
        return None
    hours = errors.number("$.shift_hours", raw, positive=True)
    if hours is not None and hours > 24:
        errors.add("$.shift_hours", f"must be at most 24, not {raw}")
        return None
    return hours


def _parse_shifts(errors: _Errors, data: Mapping[str, Any]) -> list[Shift]:
    shifts: list[Shift] = []
    codes: set[str] = set()
    starts: dict[time, str] = {}
    seen_any = False
    for path, raw in _items(errors, "$", data, "shifts"):
        seen_any = True
        item = errors.obj(path, raw)
        if item is None:
            continue
        errors.keys(path, item, _SHIFT_KEYS)
        code = _code(errors, f"{path}.code", errors.required(path, item, "code"))
        start = _time(errors, f"{path}.start", errors.required(path, item, "start"))
        night = False
        if "night" in item:
            night = bool(errors.boolean(f"{path}.night", item["night"]))
        if code is not None:
            if code in codes:
                errors.add(f"{path}.code", f"duplicate shift code {code!r}")
                continue
            codes.add(code)
        if start is not None:
            if start in starts:
                errors.add(
                    f"{path}.start",
                    f"shift starts at the same time as shift {starts[start]!r}",
                )
            elif code is not None:
                starts[start] = code
        if code is not None and start is not None:
            shifts.append(Shift(code=code, start=start, night=night))
    if "shifts" in data and isinstance(data["shifts"], list) and not seen_any:
        errors.add("$.shifts", "must list at least one shift")
    return shifts


def _code(errors: _Errors, path: str, raw: Any) -> str | None:
    if raw is None:
        return None
    return errors.string(path, raw)


def _time(errors: _Errors, path: str, raw: Any) -> time | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or not (match := _TIME.match(raw)):
        errors.add(path, f"must be a time HH:MM, not {_kind(raw)}")
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        errors.add(path, f"no such time: {raw!r}")
        return None
    return time(hour, minute)


def _parse_service(errors: _Errors, data: Mapping[str, Any]) -> dict[str, Service]:
    raw = errors.required("$", data, "service")
    if raw is None:
        return {}
    items = errors.obj("$.service", raw)
    if items is None:
        return {}
    service: dict[str, Service] = {}
    for channel, value in items.items():
        path = f"$.service.{channel}"
        if channel not in CHANNELS:
            errors.add(
                path, f"unknown channel {channel!r} (known: {', '.join(CHANNELS)})"
            )
            continue
        item = errors.obj(path, value)
        if item is None:
            continue
        errors.keys(path, item, _SERVICE_KEYS)
        aht_raw = errors.required(path, item, "aht_minutes")
        patience_raw = errors.required(path, item, "patience_minutes")
        aht = (
            None
            if aht_raw is None
            else errors.number(f"{path}.aht_minutes", aht_raw, positive=True)
        )
        patience = (
            None
            if patience_raw is None
            else errors.number(f"{path}.patience_minutes", patience_raw, positive=True)
        )
        if aht is not None and patience is not None:
            service[channel] = Service(aht_minutes=aht, patience_minutes=patience)
    return service


def _parse_lines(
    errors: _Errors,
    data: Mapping[str, Any],
    shift_codes: set[str],
    service: Mapping[str, Service],
) -> list[Line]:
    lines: list[Line] = []
    codes: set[str] = set()
    service_given = isinstance(data.get("service"), Mapping)
    for path, raw in _items(errors, "$", data, "lines"):
        item = errors.obj(path, raw)
        if item is None:
            continue
        errors.keys(path, item, _LINE_KEYS)
        ok = True
        code = _code(errors, f"{path}.code", errors.required(path, item, "code"))
        if code is not None and code in codes:
            errors.add(f"{path}.code", f"duplicate line code {code!r}")
            ok = False
        elif code is not None:
            codes.add(code)
        channel = _code(
            errors, f"{path}.channel", errors.required(path, item, "channel")
        )
        if channel is not None and channel not in CHANNELS:
            errors.add(
                f"{path}.channel",
                f"unknown channel {channel!r} (known: {', '.join(CHANNELS)})",
            )
            channel = None
        elif (
            channel is not None
            and service_given
            and channel not in service
            and channel not in data["service"]
        ):
            errors.add(
                f"{path}.channel",
                f"no service figures for channel {channel!r} in $.service",
            )
        language = _language(
            errors, f"{path}.language", errors.required(path, item, "language")
        )
        max_raw = errors.required(path, item, "max_parallel")
        max_parallel = (
            None if max_raw is None else errors.count(f"{path}.max_parallel", max_raw)
        )
        weight: float | None = 1.0
        if "weight" in item:
            weight = errors.number(f"{path}.weight", item["weight"])
        open_slots = _parse_open(errors, path, item, shift_codes)
        if (
            ok
            and code is not None
            and channel is not None
            and language is not None
            and max_parallel is not None
            and weight is not None
            and open_slots is not None
        ):
            lines.append(
                Line(
                    code=code,
                    channel=channel,
                    language=language,
                    max_parallel=max_parallel,
                    weight=weight,
                    open_slots=open_slots,
                )
            )
    return lines


def _language(errors: _Errors, path: str, raw: Any) -> str | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or not _LANGUAGE.match(raw):
        errors.add(
            path, f"must be a lower-case ISO 639 language code, not {_kind(raw)}"
        )
        return None
    return raw


def _parse_open(
    errors: _Errors, path: str, item: Mapping[str, Any], shift_codes: set[str]
) -> frozenset[tuple[int, str]] | None:
    if "open" not in item:
        return frozenset(
            (weekday, code) for weekday in range(7) for code in shift_codes
        )
    entries = errors.array(f"{path}.open", item["open"])
    if entries is None:
        return None
    if not entries:
        errors.add(
            f"{path}.open", "is empty (leave it out for a line open in every shift)"
        )
        return None
    result: set[tuple[int, str]] = set()
    ok = True
    for index, raw in enumerate(entries):
        entry_path = f"{path}.open[{index}]"
        entry = errors.obj(entry_path, raw)
        if entry is None:
            ok = False
            continue
        errors.keys(entry_path, entry, _OPEN_KEYS)
        byday_raw = errors.required(entry_path, entry, "byday")
        days = (
            None
            if byday_raw is None
            else errors.weekdays(f"{entry_path}.byday", byday_raw)
        )
        shifts_raw = errors.required(entry_path, entry, "shifts")
        shifts = (
            None
            if shifts_raw is None
            else errors.array(f"{entry_path}.shifts", shifts_raw)
        )
        codes: list[str] = []
        if shifts is not None:
            if not shifts:
                errors.add(f"{entry_path}.shifts", "must list at least one shift")
                ok = False
            for position, code in enumerate(shifts):
                code_path = f"{entry_path}.shifts[{position}]"
                if not isinstance(code, str):
                    errors.add(code_path, f"must be a shift code, not {_kind(code)}")
                    ok = False
                elif code not in shift_codes:
                    errors.add(code_path, f"unknown shift {code!r}")
                    ok = False
                else:
                    codes.append(code)
        if days is None or shifts is None:
            ok = False
            continue
        result.update((day, code) for day in days for code in codes)
    return frozenset(result) if ok else None


def _parse_demand(
    errors: _Errors,
    data: Mapping[str, Any],
    lines: Sequence[Line],
    shift_codes: set[str],
) -> dict[tuple[str, int, str], float]:
    by_code = {line.code: line for line in lines}
    known_codes = _raw_codes(data.get("lines"))
    demand: dict[tuple[str, int, str], float] = {}
    where: dict[tuple[str, int, str], str] = {}
    for path, raw in _items(errors, "$", data, "demand"):
        item = errors.obj(path, raw)
        if item is None:
            continue
        errors.keys(path, item, _DEMAND_KEYS)
        line_raw = errors.required(path, item, "line")
        line_code = (
            None if line_raw is None else errors.string(f"{path}.line", line_raw)
        )
        if line_code is not None and line_code not in known_codes:
            errors.add(f"{path}.line", f"unknown line {line_code!r}")
            line_code = None
        byday_raw = errors.required(path, item, "byday")
        days = (
            None if byday_raw is None else errors.weekdays(f"{path}.byday", byday_raw)
        )
        shift_raw = errors.required(path, item, "shift")
        shift = None if shift_raw is None else errors.string(f"{path}.shift", shift_raw)
        if shift is not None and shift not in shift_codes:
            errors.add(f"{path}.shift", f"unknown shift {shift!r}")
            shift = None
        rate_raw = errors.required(path, item, "arrivals_per_hour")
        rate = (
            None
            if rate_raw is None
            else errors.number(f"{path}.arrivals_per_hour", rate_raw)
        )
        if line_code is None or days is None or shift is None:
            continue
        line = by_code.get(line_code)
        for day in days:
            key = (line_code, day, shift)
            if key in where:
                errors.add(
                    path,
                    f"second demand entry for line {line_code!r}, {WEEKDAYS[day]}, "
                    f"shift {shift!r} (first at {where[key]})",
                )
                continue
            where[key] = path
            if line is not None and not line.is_open(day, shift):
                errors.add(
                    path,
                    f"demand for line {line_code!r} on {WEEKDAYS[day]} in shift "
                    f"{shift!r}, where the line is closed",
                )
                continue
            if rate is not None:
                demand[key] = rate
    return demand


def _raw_codes(raw_lines: Any) -> set[str]:
    if not isinstance(raw_lines, list):
        return set()
    return {
        item["code"]
        for item in raw_lines
        if isinstance(item, Mapping) and isinstance(item.get("code"), str)
    }


def _parse_volunteers(
    errors: _Errors,
    data: Mapping[str, Any],
    year_month: tuple[int, int] | None,
    shift_codes: set[str],
) -> list[Volunteer]:
    volunteers: list[Volunteer] = []
    ids: set[str] = set()
    for path, raw in _items(errors, "$", data, "volunteers"):
        item = errors.obj(path, raw)
        if item is None:
            continue
        errors.keys(path, item, _VOLUNTEER_KEYS)
        ok = True
        ident = _code(errors, f"{path}.id", errors.required(path, item, "id"))
        if ident is not None and ident in ids:
            errors.add(f"{path}.id", f"duplicate volunteer id {ident!r}")
            ok = False
        elif ident is not None:
            ids.add(ident)
        languages = _string_set(
            errors, path, item, "languages", lambda p, v: _language(errors, p, v)
        )
        channels = _string_set(
            errors, path, item, "channels", lambda p, v: _channel(errors, p, v)
        )
        min_raw = errors.required(path, item, "min_shifts")
        max_raw = errors.required(path, item, "max_shifts")
        min_shifts = (
            None if min_raw is None else errors.count(f"{path}.min_shifts", min_raw)
        )
        max_shifts = (
            None if max_raw is None else errors.count(f"{path}.max_shifts", max_raw)
        )
        if (
            min_shifts is not None
            and max_shifts is not None
            and min_shifts > max_shifts
        ):
            errors.add(
                f"{path}.min_shifts",
                f"min_shifts {min_shifts} is more than max_shifts {max_shifts}",
            )
            ok = False
        night_required: bool | None = False
        if "night_required" in item:
            night_required = errors.boolean(
                f"{path}.night_required", item["night_required"]
            )
        available = _slot_list(
            errors, path, item, "available", year_month, shift_codes, required=True
        )
        preferred = _slot_list(
            errors, path, item, "preferred", year_month, shift_codes, required=False
        )
        if available is not None and preferred is not None:
            known = set(available)
            for index, slot in enumerate(preferred):
                if slot not in known:
                    day, shift = slot
                    errors.add(
                        f"{path}.preferred[{index}]",
                        f"preferred {day.isoformat()} {shift} is not in available",
                    )
                    ok = False
        if (
            ok
            and ident is not None
            and languages is not None
            and channels is not None
            and min_shifts is not None
            and max_shifts is not None
            and night_required is not None
            and available is not None
            and preferred is not None
        ):
            volunteers.append(
                Volunteer(
                    id=ident,
                    languages=languages,
                    channels=channels,
                    min_shifts=min_shifts,
                    max_shifts=max_shifts,
                    night_required=night_required,
                    available=tuple(available),
                    preferred=frozenset(preferred),
                )
            )
    return volunteers


def _channel(errors: _Errors, path: str, raw: Any) -> str | None:
    if not isinstance(raw, str):
        errors.add(path, f"must be a channel, not {_kind(raw)}")
        return None
    if raw not in CHANNELS:
        errors.add(path, f"unknown channel {raw!r} (known: {', '.join(CHANNELS)})")
        return None
    return raw


def _string_set(
    errors: _Errors,
    path: str,
    item: Mapping[str, Any],
    key: str,
    check: Any,
) -> frozenset[str] | None:
    raw = errors.required(path, item, key)
    if raw is None:
        return None
    values = errors.array(f"{path}.{key}", raw)
    if values is None:
        return None
    result: set[str] = set()
    ok = True
    for index, value in enumerate(values):
        checked = check(f"{path}.{key}[{index}]", value)
        if checked is None:
            ok = False
        elif checked in result:
            errors.add(f"{path}.{key}[{index}]", f"{checked!r} given twice")
            ok = False
        else:
            result.add(checked)
    return frozenset(result) if ok else None


def _slot_list(
    errors: _Errors,
    path: str,
    item: Mapping[str, Any],
    key: str,
    year_month: tuple[int, int] | None,
    shift_codes: set[str],
    *,
    required: bool,
) -> list[tuple[date, str]] | None:
    if key not in item:
        if required:
            errors.add(f"{path}.{key}", "is missing")
            return None
        return []
    values = errors.array(f"{path}.{key}", item[key])
    if values is None:
        return None
    result: list[tuple[date, str]] = []
    seen: set[tuple[date, str]] = set()
    ok = True
    for index, raw in enumerate(values):
        entry_path = f"{path}.{key}[{index}]"
        entry = errors.obj(entry_path, raw)
        if entry is None:
            ok = False
            continue
        errors.keys(entry_path, entry, _SLOT_KEYS)
        day = _date(
            errors, f"{entry_path}.date", errors.required(entry_path, entry, "date")
        )
        if (
            day is not None
            and year_month is not None
            and ((day.year, day.month) != year_month)
        ):
            errors.add(
                f"{entry_path}.date",
                f"{day.isoformat()} is outside the month "
                f"{year_month[0]:04d}-{year_month[1]:02d}",
            )
            day = None
        shift_raw = errors.required(entry_path, entry, "shift")
        shift = (
            None
            if shift_raw is None
            else errors.string(f"{entry_path}.shift", shift_raw)
        )
        if shift is not None and shift not in shift_codes:
            errors.add(f"{entry_path}.shift", f"unknown shift {shift!r}")
            shift = None
        if day is None or shift is None:
            ok = False
            continue
        if (day, shift) in seen:
            errors.add(entry_path, f"{day.isoformat()} {shift} given twice")
            ok = False
            continue
        seen.add((day, shift))
        result.append((day, shift))
    return result if ok else None


def _date(errors: _Errors, path: str, raw: Any) -> date | None:
    if raw is None:
        return None
    if not isinstance(raw, str) or not _DATE.match(raw):
        errors.add(path, f"must be a date YYYY-MM-DD, not {_kind(raw)}")
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors.add(path, f"no such date: {raw!r}")
        return None
