"""The capacity screens' arithmetic on the Erlang A model (pure).

`roster_answer_rates`: for a month's staffing, the expected answer rate per
line and hour of the day. `needed_lines`: per line slot, the lines needed for
a target answer rate.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from aandacht.roster.demand.estimate import (
    SHIFT_CODES,
    Slot,
    hour_lengths,
    shift_of_hour,
)
from aandacht.roster.erlang import erlang_a_abandonment, lines_needed

MAX_LINES = 200


@dataclass(frozen=True)
class LineModel:
    code: str
    channel: str
    aht_minutes: float
    patience_minutes: float
    max_parallel: int
    open: frozenset[Slot]


@dataclass(frozen=True)
class Figure:
    """Expected offered and answered contacts; the rate is None without calls."""

    offered: float
    answered: float

    @property
    def rate(self) -> float | None:
        return self.answered / self.offered if self.offered > 0 else None


@dataclass(frozen=True)
class HourRow:
    hour: int
    cells: list[Figure | None]  # per line; None: closed at this hour all month


@dataclass(frozen=True)
class AnswerRates:
    lines: list[LineModel]
    rows: list[HourRow]
    totals: list[Figure]
    total: Figure


def roster_answer_rates(
    days: Sequence[date],
    lines: Sequence[LineModel],
    demand: Mapping[tuple[str, int, str], float],
    staffed: Mapping[tuple[date, str, str], int],
) -> AnswerRates:
    """Expected answer rate per line and local hour of the day over `days`.

    `demand` maps (line, weekday, shift) to arrivals per hour, `staffed`
    (date, shift, line) to the number of volunteers n. Each hour of a slot
    offers λ x its real length (0 or 2 hours at the clock change) and answers
    that x (1 - P_abandon(λ, AHT, patience, n)). Only open slots count.
    """
    lengths = {day: hour_lengths(day) for day in days}
    offered = [[0.0] * len(lines) for _ in range(24)]
    answered = [[0.0] * len(lines) for _ in range(24)]
    opened = [[False] * len(lines) for _ in range(24)]
    for day in days:
        weekday = day.weekday()
        for code in SHIFT_CODES:
            for col, line in enumerate(lines):
                if (weekday, code) not in line.open:
                    continue
                rate = demand.get((line.code, weekday, code), 0.0)
                n = staffed.get((day, code, line.code), 0)
                share = 1.0 - erlang_a_abandonment(
                    rate, line.aht_minutes, line.patience_minutes, n
                )
                for hour in range(24):
                    if shift_of_hour(hour) != code:
                        continue
                    opened[hour][col] = True
                    arrivals = rate * lengths[day][hour]
                    offered[hour][col] += arrivals
                    answered[hour][col] += arrivals * share
    rows = [
        HourRow(
            hour,
            [
                Figure(offered[hour][col], answered[hour][col])
                if opened[hour][col]
                else None
                for col in range(len(lines))
            ],
        )
        for hour in range(24)
    ]
    totals = [
        Figure(
            sum(offered[h][col] for h in range(24)),
            sum(answered[h][col] for h in range(24)),
        )
        for col in range(len(lines))
    ]
    total = Figure(sum(f.offered for f in totals), sum(f.answered for f in totals))
    return AnswerRates(list(lines), rows, totals, total)


def needed_lines(
    line: LineModel,
    demand: Mapping[tuple[int, str], float],
    target: float,
) -> dict[Slot, int | None]:
    """Per open slot of `line`, the smallest n with answer rate ≥ `target`.

    None where even MAX_LINES lines would not reach it.
    """
    needs: dict[Slot, int | None] = {}
    for slot in sorted(line.open, key=lambda s: (s[0], SHIFT_CODES.index(s[1]))):
        rate = demand.get(slot, 0.0)
        try:
            needs[slot] = lines_needed(
                rate, line.aht_minutes, line.patience_minutes, target, MAX_LINES
            )
        except ValueError:
            needs[slot] = None
    return needs
