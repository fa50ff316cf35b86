"""The attacker of the suppression tests, written apart from ``suppression``.

It reads only what a report publishes: tables of texts ("123", "< 10" and
the hidden mark), the sums any reader knows (a row total is the sum of its row, and so
on) and the links between tables that a reader can see (the same count in
two tables). With linear programming (OR-Tools GLOP) it computes the least
and the greatest value of every hidden number. The tests below show it is
a real attacker: it recovers cells that primary suppression alone leaves
open.

A reader of several reports also knows counts that no table shows: the
mail conversations of February alone, say, when one report covers January
to February and another January. Those are ``latent`` positions, unknown
counts of at least 0, and ``Links.sums`` says which published number is
the sum of which of them; the attacker narrows them down too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ortools.linear_solver import pywraplp  # type: ignore[import-untyped]

from aandacht.insights.partner.suppression import PROTECTION

SMALL = "< 10"
HIDDEN = "×"
LATENT = "latent"  # a count no table shows, known only through sums
LARGE = 10**7
THRESHOLD = 10

# A position in a report: (table, part, row, column); part is "cell",
# "row_total", "column_total" or "grand". A latent count has a position of
# the reader's own making.
Position = tuple[object, ...]


@dataclass
class Grid:
    """One published table, as texts."""

    name: str
    cells: list[list[str]]
    row_totals: list[str]
    column_totals: list[str] | None = None  # None: rows overlap, no column sums
    grand: str | None = None

    def positions(self) -> Iterable[tuple[Position, str]]:
        for i, row in enumerate(self.cells):
            for j, text in enumerate(row):
                yield (self.name, "cell", i, j), text
        for i, text in enumerate(self.row_totals):
            yield (self.name, "row_total", i, 0), text
        for j, text in enumerate(self.column_totals or ()):
            yield (self.name, "column_total", 0, j), text
        if self.grand is not None:
            yield (self.name, "grand", 0, 0), self.grand


@dataclass
class Links:
    """What a reader sees between tables: equal counts and upper bounds."""

    same: list[tuple[Position, Position]] = field(default_factory=list)
    at_most: list[tuple[Position, Position]] = field(default_factory=list)
    # A number (or latent count) that is the sum of others.
    sums: list[tuple[Position, list[Position]]] = field(default_factory=list)
    latent: list[Position] = field(default_factory=list)
    # The latent counts whose range the attack reports (the others are
    # shown somewhere, and attacked there).
    watched: set[Position] = field(default_factory=set)


@dataclass(frozen=True)
class Finding:
    position: Position
    text: str
    low: float
    high: float

    @property
    def width(self) -> float:
        return self.high - self.low


def _bounds(text: str, labels: bool) -> tuple[float, float]:
    if text == SMALL:
        return (0.0, 9.0) if labels else (0.0, LARGE)
    if text == HIDDEN:
        return (10.0, LARGE) if labels else (0.0, LARGE)
    value = float(int(text))
    return value, value


def attack(
    grids: Sequence[Grid], links: Links | None = None, *, labels: bool = True
) -> list[Finding]:
    """The range of every hidden number, given everything published.

    With ``labels`` the reader also uses what the marks say ("< 10" is 0
    to 9, the hidden mark at least 10); without, only that counts are not negative.
    """
    links = links or Links()
    solver = pywraplp.Solver.CreateSolver("GLOP")
    texts: dict[Position, str] = {}
    variables: dict[Position, pywraplp.Variable] = {}
    for grid in grids:
        for position, text in grid.positions():
            low, high = _bounds(text, labels)
            texts[position] = text
            variables[position] = solver.NumVar(low, high, str(position))
    for position in links.latent:
        texts[position] = LATENT if position in links.watched else ""
        variables[position] = solver.NumVar(0.0, LARGE, str(position))

    def equal(total: Position, parts: Iterable[Position]) -> None:
        coefficients = {total: 1.0}
        for part in parts:
            coefficients[part] = coefficients.get(part, 0.0) - 1.0
        constraint = solver.Constraint(0.0, 0.0)
        for position, coefficient in coefficients.items():
            constraint.SetCoefficient(variables[position], coefficient)

    for grid in grids:
        n, rows = grid.name, range(len(grid.cells))
        columns = range(len(grid.cells[0]) if grid.cells else 0)
        for i in rows:
            equal((n, "row_total", i, 0), [(n, "cell", i, j) for j in columns])
        if grid.column_totals is not None:
            for j in columns:
                equal((n, "column_total", 0, j), [(n, "cell", i, j) for i in rows])
            if grid.grand is not None:
                grand = (n, "grand", 0, 0)
                equal(grand, [(n, "row_total", i, 0) for i in rows])
                equal(grand, [(n, "column_total", 0, j) for j in columns])
    for a, b in links.same:
        equal(a, [b])
    for total, parts in links.sums:
        equal(total, parts)
    for part, whole in links.at_most:
        constraint = solver.Constraint(-solver.infinity(), 0.0)
        constraint.SetCoefficient(variables[part], 1.0)
        constraint.SetCoefficient(variables[whole], -1.0)

    # Numbers linked as the same have the same range: one solve serves all.
    same = _classes(links.same)
    solved: dict[Position, tuple[float, float]] = {}
    findings = []
    objective = solver.Objective()
    for position, text in texts.items():
        if text not in (SMALL, HIDDEN, LATENT):
            continue
        ends = solved.get(same(position))
        if ends is None:
            found = []
            for maximise in (False, True):
                objective.Clear()
                objective.SetCoefficient(variables[position], 1.0)
                objective.SetOptimizationDirection(maximise)
                status = solver.Solve()
                assert status == pywraplp.Solver.OPTIMAL, f"{position}: {status}"
                found.append(objective.Value())
            ends = solved[same(position)] = (found[0], found[1])
        findings.append(Finding(position, text, *ends))
    return findings


def _classes(
    pairs: Iterable[tuple[Position, Position]],
) -> Callable[[Position], Position]:
    """One position for every set of positions linked as the same."""
    parent: dict[Position, Position] = {}

    def find(position: Position) -> Position:
        while parent.get(position, position) != position:
            position = parent[position]
        return position

    for a, b in pairs:
        parent[find(a)] = find(b)
    return find


def disclosures(findings: Iterable[Finding], *, labels: bool = True) -> list[Finding]:
    """The hidden numbers a reader can pin down or narrow down too far.

    Every hidden number must keep more than one possible value (min < max),
    and its range must include values below 10, so that no "< 10" is given
    away. With the labels read, a "< 10" must keep a range of at least
    ``PROTECTION``; without them, every hidden number could still be small.
    A latent count is given away when the reader knows it is below 10 and
    can narrow it to fewer than ``PROTECTION`` values (a difference of two
    shown numbers, say).
    """
    found = []
    for finding in findings:
        if finding.text == LATENT:
            small = finding.high < THRESHOLD - 1e-6
            if small and finding.width < PROTECTION - 1e-6:
                found.append(finding)
            continue
        recoverable = finding.width < 1e-6
        not_small = finding.text == SMALL and finding.low > 9 + 1e-6
        narrow = labels and finding.text == SMALL and finding.width < PROTECTION - 1e-6
        if recoverable or not_small or narrow:
            found.append(finding)
    return found


def two_way(name: str, cells: list[list[int]], marks: list[list[str]]) -> Grid:
    """A two-way table with all totals shown, its cells as ``marks`` say."""
    texts = [
        [mark or str(value) for value, mark in zip(row, mark_row, strict=True)]
        for row, mark_row in zip(cells, marks, strict=True)
    ]
    columns = range(len(cells[0]))
    return Grid(
        name,
        texts,
        [str(sum(row)) for row in cells],
        [str(sum(row[j] for row in cells)) for j in columns],
        str(sum(map(sum, cells))),
    )


def test_primary_suppression_alone_gives_a_lonely_small_cell_away():
    cells = [[40, 3, 25], [30, 18, 22]]
    marks = [["", SMALL, ""], ["", "", ""]]
    findings = attack([two_way("t", cells, marks)])
    assert [(f.low, f.high) for f in findings] == [(3.0, 3.0)]
    assert disclosures(findings) == findings


def test_two_small_cells_in_a_row_still_give_each_other_away_by_their_columns():
    cells = [[40, 3, 4], [30, 18, 22]]
    marks = [["", SMALL, SMALL], ["", "", ""]]
    findings = attack([two_way("t", cells, marks)])
    assert {(f.low, f.high) for f in findings} == {(3.0, 3.0), (4.0, 4.0)}


def test_a_rectangle_of_hidden_cells_leaves_the_small_one_open():
    cells = [[40, 3, 25], [30, 18, 22]]
    marks = [[HIDDEN, SMALL, ""], [HIDDEN, HIDDEN, ""]]
    findings = attack([two_way("t", cells, marks)])
    small = next(f for f in findings if f.text == SMALL)
    assert (small.low, small.high) == (0.0, 9.0)
    assert disclosures(findings) == []


def test_a_second_table_with_the_same_column_totals_links_the_two():
    """Protected in one table alone, given away by a second that shows more."""
    first = Grid(
        "a", [[SMALL, HIDDEN], ["30", "18"]], ["43", "48"], [HIDDEN] * 2, HIDDEN
    )
    second = two_way("b", [[20, 50], [13, 8]], [["", ""], ["", ""]])
    alone = next(f for f in attack([first]) if f.text == SMALL)
    assert (alone.low, alone.high) == (0.0, 9.0)
    links = Links(
        same=[
            *(
                (("a", "column_total", 0, j), ("b", "column_total", 0, j))
                for j in (0, 1)
            ),
            (("a", "grand", 0, 0), ("b", "grand", 0, 0)),
        ]
    )
    together = attack([first, second], links)
    small = next(f for f in together if f.text == SMALL)
    assert (small.low, small.high) == (3.0, 3.0)
    assert small in disclosures(together)


def test_without_the_labels_a_reader_knows_less():
    cells = [[40, 3, 25], [30, 18, 22]]
    marks = [[HIDDEN, SMALL, ""], [HIDDEN, HIDDEN, ""]]
    findings = attack([two_way("t", cells, marks)], labels=False)
    small = next(f for f in findings if f.text == SMALL)
    assert (small.low, small.high) == (0.0, 21.0)  # 21 = the 21 of the column
