"""Reading a telephony call log (CSV) into calls, checking every row (pure).

Columns: `time` (ISO 8601, with or without an offset, or "YYYY-MM-DD
HH:MM[:SS]" on the local clock), `line` (a line code of the region),
`answered` (1/0, yes/no, true/false, ja/nee) and `waiting seconds`. Other
columns are not read, but a column that looks like a caller's phone number
or caller id refuses the whole file: the line is anonymous, and no caller
number may reach it, not even for a moment.

Problems come back as codes with parameters (`Problem`), each with its row
number as a spreadsheet shows it (the header is row 1); the service turns
them into sentences. Every problem is listed, not just the first. A value
that looks like a phone number is never repeated in a problem.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from aandacht.roster.demand.estimate import Call
from aandacht.roster.shifts import LOCAL

MAX_ROWS = 200_000
MAX_PERIOD_DAYS = 400
MAX_VALUE_SHOWN = 30

COLUMNS: dict[str, tuple[str, ...]] = {
    "time": ("time", "tijd", "timestamp", "start", "datetime"),
    "line": ("line", "lijn"),
    "answered": ("answered", "beantwoord"),
    "wait": (
        "waiting_seconds",
        "wait_seconds",
        "waiting",
        "wait",
        "wachttijd",
        "wachttijd_seconden",
    ),
}
REQUIRED = ("time", "line", "answered", "wait")

TRUE = frozenset({"1", "yes", "y", "true", "t", "ja", "j"})
FALSE = frozenset({"0", "no", "n", "false", "f", "nee"})

# Words in a column name that point to a caller's number or identity.
_CALLER_WORDS = re.compile(
    r"phone|telefoon|number|nummer|msisdn|caller|beller|origin|"
    r"callerid|anonym|imsi|imei"
)
_CALLER_TOKENS = frozenset({"tel", "ani", "cli", "clip", "cid", "from", "van", "bron"})
_PHONE_VALUE = re.compile(r"\+?\d{8,15}")
_PHONE_NOISE = re.compile(r"[\s().\-]")
_LONG_NUMBER = re.compile(r"\d{9,}")


@dataclass(frozen=True)
class Problem:
    code: str
    row: int | None = None
    params: dict[str, str | int] = field(default_factory=dict)


class CallLogError(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the call log")


def normalise(name: str) -> str:
    return re.sub(r"[\s\-.]+", "_", name.strip().lower()).strip("_")


def looks_like_caller_column(name: str) -> bool:
    norm = normalise(name)
    if _CALLER_WORDS.search(norm.replace("_", "")):
        return True
    return bool(set(norm.split("_")) & _CALLER_TOKENS)


def looks_like_phone_number(value: str) -> bool:
    return bool(_PHONE_VALUE.fullmatch(_PHONE_NOISE.sub("", value.strip())))


def shown(value: str) -> str:
    """A cell's value as a problem may repeat it: never a phone number."""
    value = value.strip()
    long_number = bool(_LONG_NUMBER.search(_PHONE_NOISE.sub("", value)))
    if looks_like_phone_number(value) or (long_number and not _looks_like_time(value)):
        return "…"
    return value if len(value) <= MAX_VALUE_SHOWN else value[:MAX_VALUE_SHOWN] + "…"


def _looks_like_time(value: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ][\d:.+\-Z]*", value.strip()))


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # a spreadsheet's Windows export


def _dialect(first_line: str) -> str:
    counts = {sep: first_line.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: counts[sep])


def parse_time(value: str) -> datetime:
    """An aware moment; a time without offset is on the local clock.

    Raises ValueError for text that is no date and time, and for a local
    time that does not exist (the hour skipped when the clock goes forward).
    """
    value = value.strip()
    if ":" not in value:
        raise ValueError("no time of day")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is not None:
        return moment.astimezone(LOCAL)
    local = moment.replace(tzinfo=LOCAL)
    if local.astimezone(UTC).astimezone(LOCAL).replace(tzinfo=None) != moment:
        raise LookupError("not on the local clock")
    return local


def parse_answered(value: str) -> bool:
    word = value.strip().lower()
    if word in TRUE:
        return True
    if word in FALSE:
        return False
    raise ValueError(value)


def parse_wait(value: str) -> float:
    seconds = float(value.strip().replace(",", "."))
    if math.isnan(seconds) or math.isinf(seconds):
        raise ValueError(value)
    return seconds


def _header(
    names: list[str], problems: list[Problem]
) -> tuple[dict[str, int], list[int]]:
    """The position of each known column, and of the other columns (those
    refused by their name left out: their values need no second look)."""
    found: dict[str, int] = {}
    others: list[int] = []
    for index, name in enumerate(names):
        norm = normalise(name)
        key = next((k for k, aliases in COLUMNS.items() if norm in aliases), None)
        if key is None:
            if looks_like_caller_column(name):
                problems.append(
                    Problem("caller_column", 1, {"column": shown(name) or "?"})
                )
            else:
                others.append(index)
        elif key in found:
            problems.append(Problem("duplicate_column", 1, {"column": name.strip()}))
        else:
            found[key] = index
    for key in REQUIRED:
        if key not in found:
            problems.append(Problem("missing_column", 1, {"column": COLUMNS[key][0]}))
    return found, others


def parse_call_log(data: bytes | str, line_codes: Iterable[str]) -> list[Call]:
    """Every call of the log; raises CallLogError listing every problem."""
    text = decode(data) if isinstance(data, bytes) else data
    lines = set(line_codes)
    first_line = text.split("\n", 1)[0]
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=_dialect(first_line))
    problems: list[Problem] = []
    try:
        names = next(rows)
    except StopIteration:
        raise CallLogError([Problem("empty")]) from None
    except csv.Error:
        raise CallLogError([Problem("unreadable", 1)]) from None
    if not any(name.strip() for name in names):
        raise CallLogError([Problem("empty")])
    columns, others = _header(names, problems)
    phone_columns: set[int] = set()
    calls: list[Call] = []
    row_number = 1
    try:
        for cells in rows:
            row_number += 1
            if not any(cell.strip() for cell in cells):
                continue
            if row_number > MAX_ROWS + 1:
                problems.append(Problem("too_many_rows", None, {"max": MAX_ROWS}))
                break
            if len(cells) != len(names):
                problems.append(
                    Problem(
                        "row_length",
                        row_number,
                        {"found": len(cells), "expected": len(names)},
                    )
                )
            for index in [*others, *range(len(names), len(cells))]:
                if index < len(cells) and looks_like_phone_number(cells[index]):
                    phone_columns.add(index)
            call = _row(cells, columns, lines, row_number, problems)
            if call is not None:
                calls.append(call)
    except csv.Error:
        problems.append(Problem("unreadable", row_number))
    for index in sorted(phone_columns):
        name = names[index].strip() if index < len(names) else ""
        problems.append(Problem("caller_values", None, {"column": shown(name) or "?"}))
    if not problems and not calls:
        problems.append(Problem("no_calls"))
    if calls:
        first = min(call.at for call in calls).date()
        last = max(call.at for call in calls).date()
        if (last - first).days >= MAX_PERIOD_DAYS:
            problems.append(
                Problem(
                    "period_too_long",
                    None,
                    {
                        "first": first.isoformat(),
                        "last": last.isoformat(),
                        "max": MAX_PERIOD_DAYS,
                    },
                )
            )
    if problems:
        problems.sort(key=lambda p: (p.row is not None, p.row or 0))
        raise CallLogError(problems)
    return calls


def _cell(cells: list[str], columns: dict[str, int], key: str) -> str | None:
    index = columns.get(key)
    if index is None:
        return None  # the missing column is reported once, in the header
    return cells[index].strip() if index < len(cells) else ""


def _row(
    cells: list[str],
    columns: dict[str, int],
    lines: set[str],
    row: int,
    problems: list[Problem],
) -> Call | None:
    before = len(problems)
    at = answered = wait = None
    value = _cell(cells, columns, "time")
    if value == "":
        problems.append(Problem("time_missing", row))
    elif value is not None:
        try:
            at = parse_time(value)
        except LookupError:
            problems.append(Problem("time_gap", row, {"value": shown(value)}))
        except (ValueError, OverflowError):
            problems.append(Problem("time_invalid", row, {"value": shown(value)}))
    code = _cell(cells, columns, "line")
    if code == "":
        problems.append(Problem("line_missing", row))
    elif code is not None and code not in lines:
        problems.append(Problem("line_unknown", row, {"value": shown(code)}))
    value = _cell(cells, columns, "answered")
    if value == "":
        problems.append(Problem("answered_missing", row))
    elif value is not None:
        try:
            answered = parse_answered(value)
        except ValueError:
            problems.append(Problem("answered_invalid", row, {"value": shown(value)}))
    value = _cell(cells, columns, "wait")
    if value == "":
        problems.append(Problem("wait_missing", row))
    elif value is not None:
        try:
            wait = parse_wait(value)
        except ValueError:
            problems.append(Problem("wait_invalid", row, {"value": shown(value)}))
        else:
            if wait < 0:
                problems.append(Problem("wait_negative", row, {"value": shown(value)}))
    if len(problems) > before or at is None or answered is None or wait is None:
        return None
    assert code is not None  # noqa: S101  (checked with the other cells)
    return Call(at=at, line=code, answered=answered, wait_seconds=wait)
