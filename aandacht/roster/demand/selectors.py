"""The reads behind the demand screens, one per screen, and the problem parts.

The problem builder calls `lines_for_problem`, `demand_entries` and
`service_parameters`: each returns its part of the roster problem format
(docs/roster-format.md) for one region.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, Prefetch, QuerySet
from django.utils.dates import WEEKDAYS as WEEKDAY_NAMES
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.functional import Promise

from aandacht.contacts.choices import Channel
from aandacht.core.access import AnyUser
from aandacht.core.models import Region
from aandacht.roster.demand import access, capacity, defaults, estimate
from aandacht.roster.demand.estimate import SHIFT_CODES, WEEKDAYS, Slot
from aandacht.roster.models import (
    Assignment,
    Demand,
    Line,
    RosterMonth,
    ServicePatience,
)
from aandacht.roster.shifts import BY_CODE, SHIFT_HOURS, SHIFTS, month_days

Text = str | Promise


# --------------------------------------------------------------------------- #
# Settings and the roster problem's parts
# --------------------------------------------------------------------------- #


def assumed_answer_rate() -> float:
    """AANDACHT_ASSUMED_ANSWER_RATE: the share of callers who get through.

    Turns answered contacts into arrivals where no call log says better.
    """
    value = getattr(
        settings, "AANDACHT_ASSUMED_ANSWER_RATE", defaults.ASSUMED_ANSWER_RATE
    )
    rate = float(value)
    if not 0 < rate <= 1 or math.isnan(rate):
        raise ValueError(
            f"AANDACHT_ASSUMED_ANSWER_RATE must be in (0, 1], got {value!r}"
        )
    return rate


def service_parameters(
    region: Region, measured: dict[str, float] | None = None
) -> dict[str, dict[str, float]]:
    """The format's "service": AHT and mean patience per channel, in minutes.

    The patience measured from the region's last call log (or `measured`,
    channel → minutes) takes the place of the default patience.
    """
    service = {
        channel: dict(figures) for channel, figures in defaults.SERVICE_DEFAULTS.items()
    }
    if measured is None:
        measured = dict(
            ServicePatience.objects.filter(region=region).values_list(
                "channel", "patience_minutes"
            )
        )
    for channel, patience in measured.items():
        if channel in service and patience and patience > 0:
            service[channel]["patience_minutes"] = round(patience, 2)
    return service


def _region_lines(region: Region) -> QuerySet[Line]:
    return Line.objects.filter(region=region).order_by("code")


def lines_for_problem(region: Region) -> list[dict[str, Any]]:
    """The format's "lines" of `region`: `open` only where not always open."""
    entries = []
    for line in _region_lines(region):
        entry: dict[str, Any] = {
            "code": line.code,
            "channel": line.channel,
            "language": line.language,
            "max_parallel": line.max_parallel,
            "weight": line.weight,
        }
        rules = estimate.rules_for(estimate.open_slots(line.open_rules))
        if rules:
            entry["open"] = rules
        entries.append(entry)
    return entries


def demand_entries(region: Region) -> list[dict[str, Any]]:
    """The format's "demand" of `region`: one entry per open slot with calls.

    Demand in slots where the line is now closed is left out (the format
    refuses it), and so is zero demand (no entry means zero).
    """
    rows = (
        Demand.objects.filter(line__region=region, arrivals_per_hour__gt=0)
        .select_related("line")
        .order_by("line__code", "weekday", "shift")
    )
    opened: dict[int, frozenset[Slot]] = {}
    entries = []
    for row in rows:
        line = row.line
        if line.pk not in opened:
            opened[line.pk] = estimate.open_slots(line.open_rules)
        if (row.weekday, row.shift) in opened[line.pk]:
            entries.append(
                {
                    "line": line.code,
                    "byday": WEEKDAYS[row.weekday],
                    "shift": row.shift,
                    "arrivals_per_hour": row.arrivals_per_hour,
                }
            )
    entries.sort(
        key=lambda e: (
            e["line"],
            WEEKDAYS.index(e["byday"]),
            SHIFT_CODES.index(e["shift"]),
        )
    )
    return entries


# --------------------------------------------------------------------------- #
# Screens
# --------------------------------------------------------------------------- #


def demand_regions(user: AnyUser) -> QuerySet[Region]:
    return access.demand_regions(user)


def opening_summary(line: Line) -> list[str]:
    """The opening hours in words, one entry per rule; [] means always open."""
    parts = []
    for rule in estimate.rules_for(estimate.open_slots(line.open_rules)):
        days = ", ".join(
            str(WEEKDAYS_ABBR[WEEKDAYS.index(day)]) for day in rule["byday"].split(",")
        )
        shifts = ", ".join(BY_CODE[code].label for code in rule["shifts"])
        parts.append(f"{days}: {shifts}")
    return parts


@dataclass(frozen=True)
class LineRow:
    line: Line
    opening: list[str]
    demand_slots: int


def lines_page(region: Region) -> list[LineRow]:
    """The region's lines with their opening hours, in one query."""
    lines = _region_lines(region).annotate(demand_slots=Count("demand"))
    return [LineRow(line, opening_summary(line), line.demand_slots) for line in lines]


@dataclass(frozen=True)
class ShiftColumn:
    code: str
    label: str
    night: bool


SHIFT_COLUMNS = [ShiftColumn(s.code, s.label, s.night) for s in SHIFTS]


@dataclass(frozen=True)
class DemandCell:
    open: bool
    arrivals: float | None
    source: str = ""


@dataclass(frozen=True)
class WeekdayRow:
    weekday: int
    name: Text
    cells: list[DemandCell]


@dataclass(frozen=True)
class LineDemand:
    line: Line
    rows: list[WeekdayRow]
    weekly_arrivals: float  # expected arrivals a week in open slots
    sources: list[str]  # the sources of its demand rows
    updated_at: Any = None


@dataclass(frozen=True)
class DemandOverview:
    region: Region
    lines: list[LineDemand]
    shifts: list[ShiftColumn] = field(default_factory=lambda: SHIFT_COLUMNS)
    answer_rate: float = defaults.ASSUMED_ANSWER_RATE
    history_weeks: int = defaults.HISTORY_WEEKS


def _with_demand(region: Region) -> QuerySet[Line]:
    return _region_lines(region).prefetch_related(
        Prefetch("demand", queryset=Demand.objects.all(), to_attr="demand_rows")
    )


def demand_overview(region: Region) -> DemandOverview:
    """Each line's arrivals per hour by weekday and shift, in two queries."""
    tables = []
    for line in _with_demand(region):
        rows_by_slot = {(d.weekday, d.shift): d for d in line.demand_rows}  # type: ignore[attr-defined]
        opened = estimate.open_slots(line.open_rules)
        weekly = 0.0
        rows = []
        for weekday in range(7):
            cells = []
            for code in SHIFT_CODES:
                row = rows_by_slot.get((weekday, code))
                is_open = (weekday, code) in opened
                if row is not None and is_open:
                    weekly += row.arrivals_per_hour * SHIFT_HOURS
                cells.append(
                    DemandCell(
                        is_open,
                        row.arrivals_per_hour if row is not None else None,
                        row.source if row is not None else "",
                    )
                )
            rows.append(WeekdayRow(weekday, WEEKDAY_NAMES[weekday], cells))
        demand_rows: list[Demand] = line.demand_rows  # type: ignore[attr-defined]
        sources = sorted({d.source for d in demand_rows})
        updated = max((d.updated_at for d in demand_rows), default=None)
        tables.append(LineDemand(line, rows, weekly, sources, updated))
    return DemandOverview(region, tables, answer_rate=assumed_answer_rate())


def _line_models(
    lines: list[Line], service: dict[str, dict[str, float]]
) -> list[capacity.LineModel]:
    models = []
    for line in lines:
        figures = service.get(line.channel, defaults.SERVICE_DEFAULTS["phone"])
        models.append(
            capacity.LineModel(
                code=line.code,
                channel=line.channel,
                aht_minutes=figures["aht_minutes"],
                patience_minutes=figures["patience_minutes"],
                max_parallel=line.max_parallel,
                open=estimate.open_slots(line.open_rules),
            )
        )
    return models


@dataclass(frozen=True)
class LineAnswers:
    line: capacity.LineModel
    total: capacity.Figure
    lowest_hour: int | None
    lowest_rate: float | None


@dataclass(frozen=True)
class CapacityPage:
    region: Region
    months: list[RosterMonth]
    roster: RosterMonth | None
    assignments: int
    has_demand: bool
    rates: capacity.AnswerRates | None
    per_line: list[LineAnswers]
    service: dict[str, dict[str, float]]

    @property
    def service_rows(self) -> list[tuple[Text, dict[str, float]]]:
        """The service figures with the channel's name, for the page."""
        return [
            (Channel(code).label, figures) for code, figures in self.service.items()
        ]


def capacity_page(region: Region, month: str | None) -> CapacityPage:
    """The expected answer rate per hour for a roster month, in four queries.

    `month` is "YYYY-MM"; without it (or not found) the latest roster month.
    """
    months = list(RosterMonth.objects.filter(region=region).order_by("-month"))
    roster = next((m for m in months if f"{m.month:%Y-%m}" == month), None)
    if roster is None and months:
        roster = months[0]
    lines = list(_with_demand(region))
    service = service_parameters(region)
    empty = CapacityPage(region, months, roster, 0, False, None, [], service)
    if roster is None or not lines:
        return empty
    staffed_rows = (
        Assignment.objects.filter(roster=roster)
        .order_by()
        .values("date", "shift", "line_id")
        .annotate(n=Count("pk"))
    )
    codes = {line.pk: line.code for line in lines}
    staffed = {
        (row["date"], row["shift"], codes[row["line_id"]]): row["n"]
        for row in staffed_rows
        if row["line_id"] in codes
    }
    demand = {
        (line.code, d.weekday, d.shift): d.arrivals_per_hour
        for line in lines
        for d in line.demand_rows  # type: ignore[attr-defined]
    }
    assignments = sum(staffed.values())
    if not assignments:
        return CapacityPage(region, months, roster, 0, bool(demand), None, [], service)
    models = _line_models(lines, service)
    rates = capacity.roster_answer_rates(
        month_days(roster.month), models, demand, staffed
    )
    per_line = []
    for col, model in enumerate(models):
        hourly = [
            (row.hour, figure.rate)
            for row in rates.rows
            if (figure := row.cells[col]) is not None and figure.rate is not None
        ]
        low = min(hourly, key=lambda item: item[1]) if hourly else None
        per_line.append(
            LineAnswers(
                model,
                rates.totals[col],
                low[0] if low else None,
                low[1] if low else None,
            )
        )
    return CapacityPage(
        region, months, roster, assignments, bool(demand), rates, per_line, service
    )


@dataclass(frozen=True)
class NeedCell:
    open: bool
    arrivals: float
    lines: int | None  # None: out of reach, or closed
    over_places: bool


@dataclass(frozen=True)
class NeedTable:
    line: capacity.LineModel
    rows: list[tuple[Text, list[NeedCell]]]
    most: int
    over_slots: int
    unreachable: int


@dataclass(frozen=True)
class NeededPage:
    region: Region
    target: float
    tables: list[NeedTable]
    shifts: list[ShiftColumn]
    has_demand: bool


def lines_needed_page(region: Region, target: float) -> NeededPage:
    """Per line slot, the lines needed for `target` answer rate (two queries)."""
    lines = list(_with_demand(region))
    models = _line_models(lines, service_parameters(region))
    tables = []
    has_demand = False
    for line, model in zip(lines, models, strict=True):
        demand: dict[Slot, float] = defaultdict(float)
        for d in line.demand_rows:  # type: ignore[attr-defined]
            demand[(d.weekday, d.shift)] = d.arrivals_per_hour
            has_demand = True
        needs = capacity.needed_lines(model, demand, target)
        rows: list[tuple[Text, list[NeedCell]]] = []
        for weekday in range(7):
            cells = []
            for code in SHIFT_CODES:
                slot = (weekday, code)
                is_open = slot in model.open
                n = needs.get(slot)
                cells.append(
                    NeedCell(
                        is_open,
                        demand.get(slot, 0.0),
                        n,
                        is_open and (n is None or n > model.max_parallel),
                    )
                )
            rows.append((WEEKDAY_NAMES[weekday], cells))
        values = [n for n in needs.values() if n is not None]
        tables.append(
            NeedTable(
                model,
                rows,
                max(values, default=0),
                sum(c.over_places for _name, cells in rows for c in cells),
                sum(1 for n in needs.values() if n is None),
            )
        )
    return NeededPage(region, target, tables, SHIFT_COLUMNS, has_demand)
