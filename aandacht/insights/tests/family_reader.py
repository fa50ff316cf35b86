"""A reader who holds every partner report of a year, as the attacker sees them.

Written apart from the suppression it attacks: it reads only the published
tables of each report (texts, row and column codes) and the months each
report covers, and knows what any reader of the reports knows:

* within one report, the links between its tables (the conversations of a
  month are the column total of the channel table and of the loneliness
  table; the municipalities' column totals are the loneliness rows; a
  topic is at most the conversations of its month);
* between reports, what the numbers are: a cell of a month column is that
  month's count, whichever report shows it, and a cell of a table without
  months (kind of loneliness, municipality) is the sum of that count over
  each month of the report. Those monthly counts are ``latent``: no table
  shows them, but they are at least 0 and, in each month, add up to the
  month's count of their loneliness level.

With those, a year report is its quarters added up, a report of January
to May is the one of January to April plus May, and so on, without the
reader being told which report is made of which. Months that every report
either covers both or neither of (the months of a quarter, when every
report is a quarter or a year) share one latent count, their sum: no
report tells them apart, so the reader learns exactly as much, sooner.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aandacht.insights.partner.tables import PublishedTable

from .test_suppression_attack import Grid, Links, Position

# Tables with a column per month, and the latent count their cells are.
MONTHLY = {"channels": "channel", "loneliness": "lonely", "topics": "topic"}
LONELY = ("about", "out_of")


@dataclass(frozen=True)
class Report:
    """One report as its reader holds it: its months and its tables."""

    months: tuple[str, ...]  # "2026-02"
    tables: Sequence[PublishedTable]


def grid_of(name: str, table: PublishedTable) -> Grid:
    return Grid(
        name,
        [[cell.text for cell in row.cells] for row in table.rows],
        [row.total.text for row in table.rows],
        None
        if table.column_totals is None
        else [cell.text for cell in table.column_totals],
        None if table.grand_total is None else table.grand_total.text,
    )


class FamilyReader:
    """Grids and links of every report, for ``attack``."""

    def __init__(self, reports: Sequence[Report]) -> None:
        self.grids: list[Grid] = []
        self.links = Links()
        self._latent: set[Position] = set()
        self._codes: dict[str, set[str]] = {}  # rows of each table, any report
        self._blocks = _blocks(reports)
        for number, report in enumerate(reports):
            self._read(f"r{number}", report, {tuple(r.months) for r in reports})
        self._monthly_sums()

    def latent(self, *key: str) -> Position:
        position: Position = ("latent", *key)
        if position not in self._latent:
            self._latent.add(position)
            self.links.latent.append(position)
        return position

    def _read(self, name: str, report: Report, spans: set[tuple[str, ...]]) -> None:
        tables = {table.key: table for table in report.tables}
        blocks = [block for block in self._blocks if block[0] in report.months]

        def at(key: str, part: str, i: int = 0, j: int = 0) -> Position:
            return (f"{name}/{key}", part, i, j)

        for table in report.tables:
            self.grids.append(grid_of(f"{name}/{table.key}", table))
            self._codes.setdefault(table.key, set()).update(
                row.code for row in table.rows
            )
            columns = [code for code, _label in table.columns]
            if table.key in MONTHLY:
                assert columns == list(report.months)
                kind = MONTHLY[table.key]
                for i, row in enumerate(table.rows):
                    for j, month in enumerate(columns):
                        cell = self.latent(kind, row.code, month)
                        self.links.same.append((at(table.key, "cell", i, j), cell))
                if table.column_totals is not None:
                    for j, month in enumerate(columns):
                        total = at(table.key, "column_total", 0, j)
                        self.links.same.append((total, self.latent("all", month)))
            else:
                kind = {"kinds": "kind", "municipalities": "place"}[table.key]
                for i, row in enumerate(table.rows):
                    for j, level in enumerate(columns):
                        parts = [
                            self.latent(kind, row.code, level, *block)
                            for block in blocks
                        ]
                        # A block that a report covers exactly is its cell.
                        self.links.watched.update(
                            part
                            for part, block in zip(parts, blocks, strict=True)
                            if block not in spans
                        )
                        self.links.sums.append((at(table.key, "cell", i, j), parts))
        # Within the report: the same totals in several tables.
        lonely = [row.code for row in tables["loneliness"].rows]
        for key in ("kinds", "municipalities"):
            for j, (level, _label) in enumerate(tables[key].columns):
                level_total = at("loneliness", "row_total", lonely.index(level))
                self.links.same.append((at(key, "column_total", 0, j), level_total))
        for key in ("loneliness", "municipalities"):
            self.links.same.append((at("channels", "grand"), at(key, "grand")))
        for i, row in enumerate(tables["topics"].rows):
            total = at("topics", "row_total", i)
            self.links.at_most.append((total, at("channels", "grand")))
            for month in report.months:
                self.links.at_most.append(
                    (self.latent("topic", row.code, month), self.latent("all", month))
                )

    def _monthly_sums(self) -> None:
        """In every month, the channels, the levels, the kinds and the places
        of the month's conversations each add up to what they split."""
        for block in self._blocks:
            for month in block:
                everyone = self.latent("all", month)
                for kind, key in (("channel", "channels"), ("lonely", "loneliness")):
                    codes = sorted(self._codes[key])
                    parts = [self.latent(kind, code, month) for code in codes]
                    self.links.sums.append((everyone, parts))
            for level in sorted(self._codes["loneliness"]):
                whole = self.latent("lonely", level, *block)
                self.links.sums.append(
                    (whole, [self.latent("lonely", level, month) for month in block])
                )
                places = sorted(self._codes["municipalities"])
                self.links.sums.append(
                    (whole, [self.latent("place", p, level, *block) for p in places])
                )
                if level in LONELY:
                    kinds = sorted(self._codes["kinds"])
                    self.links.sums.append(
                        (whole, [self.latent("kind", k, level, *block) for k in kinds])
                    )


def _blocks(reports: Sequence[Report]) -> list[tuple[str, ...]]:
    """The months grouped by the reports that cover them, in order."""
    covering: dict[str, list[int]] = {}
    for number, report in enumerate(reports):
        for month in report.months:
            covering.setdefault(month, []).append(number)
    blocks: dict[tuple[int, ...], list[str]] = {}
    for month in sorted(covering):
        blocks.setdefault(tuple(covering[month]), []).append(month)
    return [tuple(months) for months in blocks.values()]
