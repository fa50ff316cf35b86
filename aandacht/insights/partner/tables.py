"""The tables of a partner report, suppressed together, ready to publish.

Pure on purpose: standard library and ``suppression`` only.

A ``TableSpec`` says what a table counts: its rows and columns (each an
``Axis`` of coded items), the count of every cell, and which totals it
shows. ``publish`` turns a report's specs into one ``suppression.System``,
in which every number has a key:

* a cell ``(row axis, row code, column axis, column code)``;
* a row total ``(row axis, row code)`` and a column total ``(column axis,
  column code)``;
* a grand total ``(grand_key,)``.

Two tables that show the same count use the same key, so it is one
variable: the conversations of March are the column total of the channel
table and of the loneliness table, and "about loneliness" is a row total
of one table and a column total of another. A reader who holds both tables
holds the sums of both, and the suppression sees them too.

Shares (``Share``) are row totals as a part of the table's base (usually
all conversations). A share is given only when both counts are shown; it
then reveals nothing a reader could not already compute.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from aandacht.insights.partner.suppression import (
    PROTECTION,
    THRESHOLD,
    AtMost,
    Mark,
    Sum,
    System,
    suppress,
)

__all__ = [
    "Axis",
    "Figure",
    "PublishedRow",
    "PublishedTable",
    "Share",
    "TableSpec",
    "publish",
]

Key = tuple[str, ...]
_FigureOf = Callable[[Key], "Figure"]

SMALL_TEXT = "< 10"
HIDDEN_TEXT = "×"


@dataclass(frozen=True)
class Axis:
    """One dimension of a table: a name (shared between tables) and items."""

    name: str
    title: str
    items: tuple[tuple[str, str], ...]  # (code, label)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, _label in self.items)


@dataclass(frozen=True)
class TableSpec:
    """What one table counts, before anything is suppressed.

    ``multiple`` marks a table whose rows overlap (a conversation can have
    several topics): its columns then have no total, and a reader only
    knows that a cell is at most its column's count elsewhere in the report
    (the ``bounds_key`` of that axis) and a row at most the base.
    """

    key: str
    title: str
    short: str  # the title of its sheet in the workbook (at most 31 characters)
    note: str
    rows: Axis
    columns: Axis
    counts: Mapping[tuple[str, str], int]
    grand_key: str | None = "all"
    share_of: str = "all"
    multiple: bool = False

    def count(self, row: str, column: str) -> int:
        return self.counts.get((row, column), 0)


@dataclass(frozen=True)
class Figure:
    """One published count: its value only when shown."""

    mark: Mark
    value: int | None

    @property
    def shown(self) -> bool:
        return self.mark == Mark.SHOWN

    @property
    def small(self) -> bool:
        return self.mark == Mark.SMALL

    @property
    def text(self) -> str:
        if self.mark == Mark.SMALL:
            return SMALL_TEXT
        if self.mark == Mark.HIDDEN:
            return HIDDEN_TEXT
        return str(self.value)


@dataclass(frozen=True)
class Share:
    """A row total as a percentage of the base; None unless both are shown."""

    percent: float | None
    mark: Mark

    @property
    def text(self) -> str:
        if self.percent is None:
            return HIDDEN_TEXT if self.mark == Mark.HIDDEN else SMALL_TEXT
        return f"{self.percent:.1f}%"


@dataclass(frozen=True)
class PublishedRow:
    code: str
    label: str
    cells: tuple[Figure, ...]
    total: Figure
    share: Share


@dataclass(frozen=True)
class PublishedTable:
    key: str
    title: str
    short: str
    note: str
    row_title: str
    columns: tuple[tuple[str, str], ...]
    rows: tuple[PublishedRow, ...]
    column_totals: tuple[Figure, ...] | None
    grand_total: Figure | None
    multiple: bool = False

    def figures(self) -> list[Figure]:
        """Every number the table publishes, cells first, then totals."""
        found = [cell for row in self.rows for cell in row.cells]
        found += [row.total for row in self.rows]
        found += list(self.column_totals or ())
        if self.grand_total is not None:
            found.append(self.grand_total)
        return found


@dataclass
class _Builder:
    """Gives each key one variable and collects the sums and bounds."""

    values: list[int] = field(default_factory=list)
    index: dict[Key, int] = field(default_factory=dict)
    sums: list[Sum] = field(default_factory=list)
    at_most: list[tuple[Key, Key]] = field(default_factory=list)

    def variable(self, key: Key, value: int) -> int:
        known = self.index.get(key)
        if known is not None:
            if self.values[known] != value:
                raise ValueError(f"{key} is {self.values[known]} and {value}")
            return known
        self.index[key] = len(self.values)
        self.values.append(value)
        return self.index[key]

    def add_sum(self, total: int, parts: Sequence[int]) -> None:
        relation = Sum(total, tuple(parts))
        if relation not in self.sums:
            self.sums.append(relation)

    def system(self) -> System:
        bounds = tuple(
            AtMost(self.index[part], self.index[whole])
            for part, whole in self.at_most
            if whole in self.index
        )
        return System(tuple(self.values), tuple(self.sums), bounds)


def _cell_key(spec: TableSpec, row: str, column: str) -> Key:
    return (spec.rows.name, row, spec.columns.name, column)


def _add_table(builder: _Builder, spec: TableSpec) -> None:
    rows, columns = spec.rows.codes, spec.columns.codes
    cells = {
        (r, c): builder.variable(_cell_key(spec, r, c), spec.count(r, c))
        for r in rows
        for c in columns
    }
    row_totals = [
        builder.variable((spec.rows.name, r), sum(spec.count(r, c) for c in columns))
        for r in rows
    ]
    for r, total in zip(rows, row_totals, strict=True):
        builder.add_sum(total, [cells[(r, c)] for c in columns])
    if spec.multiple:
        for r in rows:
            builder.at_most.append(((spec.rows.name, r), (spec.share_of,)))
            for c in columns:
                whole = (spec.columns.name, c)
                builder.at_most.append((_cell_key(spec, r, c), whole))
        return
    column_totals = [
        builder.variable((spec.columns.name, c), sum(spec.count(r, c) for r in rows))
        for c in columns
    ]
    for c, total in zip(columns, column_totals, strict=True):
        builder.add_sum(total, [cells[(r, c)] for r in rows])
    if spec.grand_key is not None:
        grand = builder.variable(
            (spec.grand_key,), sum(spec.count(r, c) for r in rows for c in columns)
        )
        builder.add_sum(grand, row_totals)
        builder.add_sum(grand, column_totals)


def publish(
    specs: Sequence[TableSpec],
    *,
    threshold: int = THRESHOLD,
    protection: int = PROTECTION,
) -> list[PublishedTable]:
    """Suppress the counts of all ``specs`` together and lay out the tables."""
    builder = _Builder()
    for spec in specs:
        _add_table(builder, spec)
    marks = suppress(builder.system(), threshold=threshold, protection=protection)

    def figure(key: Key) -> Figure:
        index = builder.index[key]
        mark = marks[index]
        return Figure(mark, builder.values[index] if mark == Mark.SHOWN else None)

    return [_layout(spec, figure) for spec in specs]


def _layout(spec: TableSpec, figure: _FigureOf) -> PublishedTable:
    base = figure((spec.share_of,))
    rows = []
    for code, label in spec.rows.items:
        total = figure((spec.rows.name, code))
        rows.append(
            PublishedRow(
                code=code,
                label=label,
                cells=tuple(
                    figure(_cell_key(spec, code, c)) for c in spec.columns.codes
                ),
                total=total,
                share=_share(total, base),
            )
        )
    column_totals = grand = None
    if not spec.multiple:
        column_totals = tuple(
            figure((spec.columns.name, c)) for c in spec.columns.codes
        )
        if spec.grand_key is not None:
            grand = figure((spec.grand_key,))
    return PublishedTable(
        key=spec.key,
        title=spec.title,
        short=spec.short,
        note=spec.note,
        row_title=spec.rows.title,
        columns=spec.columns.items,
        rows=tuple(rows),
        column_totals=column_totals,
        grand_total=grand,
        multiple=spec.multiple,
    )


def _share(part: Figure, base: Figure) -> Share:
    """A share follows its count's suppression, and its base's."""
    if part.value is None:
        return Share(None, part.mark)
    if base.value is None or base.value == 0:
        return Share(None, base.mark if not base.shown else Mark.HIDDEN)
    return Share(100.0 * part.value / base.value, Mark.SHOWN)
