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

A partner reads more than one report, so ``publish_family`` suppresses a
family of them (the reports of one year: see ``family``) in one system.
Each report (``ReportSpec``) has a name; a number that belongs to its
period (a row total over its months, a cell of a table without months, a
grand total) is keyed with that name, while a number of one month (a cell
or total in a column of an ``Axis`` of ``periods``) is the same variable
in every report that shows the month. A report made of others (a year of
its quarters) adds, for each of its period numbers, the sum that any
reader knows: the year's number is the quarters' numbers added up.
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
    "ReportSpec",
    "Share",
    "TableSpec",
    "publish",
    "publish_family",
]

Key = tuple[str, ...]
_FigureOf = Callable[[Key], "Figure"]

SMALL_TEXT = "< 10"
HIDDEN_TEXT = "×"


@dataclass(frozen=True)
class Axis:
    """One dimension of a table: a name (shared between tables) and items.

    An axis of ``periods`` (the months) has items that are periods of their
    own: a count in one of them is the same number in every report that
    shows that item, whatever period the report covers.
    """

    name: str
    title: str
    items: tuple[tuple[str, str], ...]  # (code, label)
    periods: bool = False

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
class ReportSpec:
    """The tables of one report of a family, before anything is suppressed.

    ``name`` sets the report's period apart from the others of the family;
    ``parts`` names earlier reports whose periods, one after another, make
    up this one (a year: its quarters), so that each of its period numbers
    is theirs added up. A row that a part does not have counts 0 there.
    """

    name: str
    tables: tuple[TableSpec, ...]
    parts: tuple[str, ...] = ()


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
    sums: dict[Sum, None] = field(default_factory=dict)  # an ordered set
    at_most: list[tuple[Key, Key]] = field(default_factory=list)
    # The period numbers of each report, by their key within the report.
    own: dict[str, dict[Key, int]] = field(default_factory=dict)

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
        self.sums.setdefault(Sum(total, tuple(parts)))

    def system(self) -> System:
        bounds = tuple(
            AtMost(self.index[part], self.index[whole])
            for part, whole in self.at_most
            if whole in self.index
        )
        return System(tuple(self.values), tuple(self.sums), bounds)


@dataclass(frozen=True)
class _Keys:
    """The keys of one table's numbers in one report.

    A number of one month keeps its plain key; any other belongs to the
    report's period and carries the report's name.
    """

    spec: TableSpec
    report: str

    def _key(self, key: Key, monthly: bool) -> Key:
        return key if monthly else (f"@{self.report}", *key)

    def cell(self, row: str, column: str) -> Key:
        rows, columns = self.spec.rows, self.spec.columns
        key = (rows.name, row, columns.name, column)
        return self._key(key, rows.periods or columns.periods)

    def row_total(self, row: str) -> Key:
        return self._key((self.spec.rows.name, row), self.spec.rows.periods)

    def column_total(self, column: str) -> Key:
        columns = self.spec.columns
        return self._key((columns.name, column), columns.periods)

    def grand(self) -> Key | None:
        grand = self.spec.grand_key
        return None if grand is None else self._key((grand,), False)

    def base(self) -> Key:
        return self._key((self.spec.share_of,), False)


def _add_table(builder: _Builder, spec: TableSpec, report: str) -> None:
    keys = _Keys(spec, report)
    own = builder.own.setdefault(report, {})

    def variable(key: Key, value: int) -> int:
        index = builder.variable(key, value)
        if key[0] == f"@{report}":
            own[key[1:]] = index
        return index

    rows, columns = spec.rows.codes, spec.columns.codes
    cells = {
        (r, c): variable(keys.cell(r, c), spec.count(r, c))
        for r in rows
        for c in columns
    }
    row_totals = [
        variable(keys.row_total(r), sum(spec.count(r, c) for c in columns))
        for r in rows
    ]
    for r, total in zip(rows, row_totals, strict=True):
        builder.add_sum(total, [cells[(r, c)] for c in columns])
    if spec.multiple:
        for r in rows:
            builder.at_most.append((keys.row_total(r), keys.base()))
            for c in columns:
                builder.at_most.append((keys.cell(r, c), keys.column_total(c)))
        return
    column_totals = [
        variable(keys.column_total(c), sum(spec.count(r, c) for r in rows))
        for c in columns
    ]
    for c, total in zip(columns, column_totals, strict=True):
        builder.add_sum(total, [cells[(r, c)] for r in rows])
    grand_key = keys.grand()
    if grand_key is not None:
        grand = variable(
            grand_key, sum(spec.count(r, c) for r in rows for c in columns)
        )
        builder.add_sum(grand, row_totals)
        builder.add_sum(grand, column_totals)


def _add_parts(builder: _Builder, report: ReportSpec) -> None:
    """Each period number of ``report`` is the sum of its parts' numbers."""
    if not report.parts:
        return
    parts = [builder.own[part] for part in report.parts]
    for key, index in builder.own[report.name].items():
        builder.add_sum(index, [part[key] for part in parts if key in part])


def publish(
    specs: Sequence[TableSpec],
    *,
    threshold: int = THRESHOLD,
    protection: int = PROTECTION,
) -> list[PublishedTable]:
    """Suppress the counts of all ``specs`` together and lay out the tables."""
    report = ReportSpec("", tuple(specs))
    family = publish_family([[report]], threshold=threshold, protection=protection)
    return family[report.name]


def publish_family(
    steps: Sequence[Sequence[ReportSpec]],
    *,
    threshold: int = THRESHOLD,
    protection: int = PROTECTION,
) -> dict[str, list[PublishedTable]]:
    """Suppress a family of reports, step by step, and lay out their tables.

    The reports of a step are decided together, with every number that an
    earlier step published kept as it was published: what a partner read
    in April cannot change in July. Each step is protected against a reader
    of that step's reports and of every earlier one.
    """
    builder = _Builder()
    marks: tuple[Mark, ...] = ()
    for step in steps:
        for report in step:
            if report.name in builder.own:
                raise ValueError(f"two reports are called {report.name!r}")
            for spec in report.tables:
                _add_table(builder, spec, report.name)
            builder.own.setdefault(report.name, {})
            _add_parts(builder, report)
        fixed = dict(enumerate(marks))
        marks = suppress(
            builder.system(),
            threshold=threshold,
            protection=protection,
            fixed=fixed,
        )

    def figure(key: Key) -> Figure:
        index = builder.index[key]
        mark = marks[index]
        return Figure(mark, builder.values[index] if mark == Mark.SHOWN else None)

    return {
        report.name: [
            _layout(spec, _Keys(spec, report.name), figure) for spec in report.tables
        ]
        for step in steps
        for report in step
    }


def _layout(spec: TableSpec, keys: _Keys, figure: _FigureOf) -> PublishedTable:
    base = figure(keys.base())
    rows = []
    for code, label in spec.rows.items:
        total = figure(keys.row_total(code))
        rows.append(
            PublishedRow(
                code=code,
                label=label,
                cells=tuple(figure(keys.cell(code, c)) for c in spec.columns.codes),
                total=total,
                share=_share(total, base),
            )
        )
    column_totals = grand = None
    if not spec.multiple:
        column_totals = tuple(figure(keys.column_total(c)) for c in spec.columns.codes)
        grand_key = keys.grand()
        if grand_key is not None:
            grand = figure(grand_key)
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
