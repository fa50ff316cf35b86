"""Small-cell suppression for partner reports: which counts may be published.

Pure on purpose: standard library and OR-Tools only, no Django.

The rule, as the report states it to its readers:

* A count below ``THRESHOLD`` (10) is shown as "< 10". **Zero counts too**:
  a true 0 says nothing about a person, but showing 0 beside "< 10" tells a
  reader that "< 10" means 1 to 9, so that at least one caller is in that
  cell, and zeros pin down the rest of their row. Treating 0 as small keeps
  the label honest: "< 10" means 0 to 9, nothing more.
* Totals are counts like any other: a total below 10 is "< 10" as well.
* **Complementary suppression**: where a small count could be worked out
  from the totals (or narrowed down), other counts are hidden too. They are
  marked "x" (printed as a multiplication sign), not "< 10", because they
  are not small and a report for a municipality must not say what is not
  true. A reader therefore knows that an "x" is at least 10; the
  protection below assumes that reader.
* Shares are computed only from shown counts (see ``tables``).

What "protected" means: a reader who takes every published number (the
cells and every total, of every table in the report, with the sums that
link them and the fact that a count can never be negative, that "< 10" is
0 to 9 and that "x" is at least 10) and solves for a hidden count with
linear programming is left with a range of at least ``PROTECTION`` + 1
possible values for every "< 10" (usually all of 0 to 9), and with more than
one possible value for every "x". ``Attacker`` is that reader; ``suppress``
hides counts until the attacker can pin down no hidden count and narrow no
"< 10" further than that. It is greedy, so it may hide more than the least
possible, never less.

The counts and the sums between them form a ``System``: every count (cell
or total) is one variable, and a count that appears in two tables (the
conversations of a month, say) is the same variable in both, so a link
between tables is never overlooked.

**A family of reports.** A partner does not read one report: they can keep
every report they were ever given and set them side by side. Suppressing
each report on its own is then not enough: with a year's report beside its
quarters', a count hidden in a quarter is the year's shown count minus the
other quarters' (and February's mail, hidden in the first quarter, is the
year's shown February column minus its shown phone and chat). So every
report a partner can get is protected together with the others of its
family, which ``family`` lists: the reports of one year. The choices, and
why:

* Only whole periods, once they have ended: a quarter, or a year. A report
  of part of a period beside one of more of it (January to April, then
  January to May, as a running year used to show) gives the difference
  away: May on its own, a table no report shows and nothing protects.
* The year is suppressed *after* its quarters, with everything the
  quarters published held fixed (``fixed``): a quarter is published when
  it ends and a partner may keep it, so what it showed cannot change when
  the year is made, and a first quarter read in April must be the first
  quarter the year is protected against. Suppressing the whole family at
  once would make the first quarter depend on later quarters, so the
  report of April and the one of the January after would differ, and the
  two could be played off against each other. A quarter shares no count
  with another quarter, so each is suppressed on its own, as before.
* The year's system holds the quarters' counts and, for every count of the
  year that is not one month's (a row total over the year, a cell of the
  municipality table), the sum that any reader knows: the year's count is
  its quarters' counts added up. A month's count is one variable in the
  quarter and in the year. The attack then sees every way the five reports
  combine, and only counts of the year are hidden to protect them: a count
  of the year is hidden where it would give away a count a quarter hides
  (usually the one place where only one quarter hides it), so the year can
  hide a number its quarters show, but no quarter changes.
* Why not derive the year from its quarters' published cells, hiding the
  year's count wherever a quarter hides one? That is safe too, but each
  quarter hides different complementary counts, and their union hid most
  of a year's municipality table; the attack shows which of those the year
  can show. Controlled rounding would change every number a partner reads
  and is hard to keep consistent across overlapping reports.
* Data that change after a quarter was read (a late report, a correction)
  change that quarter; the protection covers the reports as they are now.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from ortools.linear_solver import pywraplp  # type: ignore[import-untyped]

__all__ = [
    "PROTECTION",
    "THRESHOLD",
    "AtMost",
    "Attacker",
    "Interval",
    "Mark",
    "Sum",
    "SuppressionError",
    "System",
    "is_protected",
    "suppress",
]

THRESHOLD = 10
# The least width of the range a reader can narrow a "< 10" down to.
PROTECTION = 3


class SuppressionError(ValueError):
    """Counts that cannot be suppressed as asked; the message says why."""


class Mark(StrEnum):
    SHOWN = "shown"
    SMALL = "small"  # below the threshold: "< 10"
    HIDDEN = "hidden"  # hidden to protect a small count: "x"


@dataclass(frozen=True)
class Sum:
    """``values[total] == sum(values[part] for part in parts)``."""

    total: int
    parts: tuple[int, ...]


@dataclass(frozen=True)
class AtMost:
    """``values[part] <= values[whole]``: conversations on one topic of a
    month are at most the month's conversations (a conversation can have
    several topics, so the topics do not add up to it)."""

    part: int
    whole: int


@dataclass(frozen=True)
class System:
    """Every count of a report and the relations a reader knows between them."""

    values: tuple[int, ...]
    sums: tuple[Sum, ...] = ()
    at_most: tuple[AtMost, ...] = ()

    def __post_init__(self) -> None:
        if any(value < 0 for value in self.values):
            raise SuppressionError("a count cannot be negative")
        for relation in self.sums:
            total = sum(self.values[part] for part in relation.parts)
            if total != self.values[relation.total]:
                raise SuppressionError(
                    f"count {relation.total} is not the sum of {relation.parts}"
                )
        for bound in self.at_most:
            if self.values[bound.part] > self.values[bound.whole]:
                raise SuppressionError(
                    f"count {bound.part} is larger than count {bound.whole}"
                )

    @cached_property
    def totals(self) -> frozenset[int]:
        return frozenset(relation.total for relation in self.sums)

    @cached_property
    def _neighbours(self) -> dict[int, frozenset[int]]:
        found: dict[int, set[int]] = defaultdict(set)
        groups = [(r.total, *r.parts) for r in self.sums]
        groups += [(b.part, b.whole) for b in self.at_most]
        for members in groups:
            for index in members:
                found[index].update(members)
        return {index: frozenset(near - {index}) for index, near in found.items()}

    def neighbours(self, index: int) -> frozenset[int]:
        """The counts that share a sum or a bound with ``index``."""
        return self._neighbours.get(index, frozenset())


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    @property
    def width(self) -> float:
        return self.high - self.low


# How many of the cheapest shown counts of a ring are tried as complements.
CANDIDATES = 8
# Below this, two LP bounds are the same number.
_EPSILON = 1e-6


def is_protected(
    mark: Mark,
    interval: Interval,
    *,
    threshold: int = THRESHOLD,
    protection: int = PROTECTION,
) -> bool:
    """Whether what a reader can work out about one count is little enough.

    A "< 10" must keep a range of at least ``protection`` (or all of 0 to
    threshold - 1 where that is narrower); a "x" must not be recoverable.
    """
    if mark == Mark.SHOWN:
        return True
    if mark == Mark.SMALL:
        needed = min(protection, threshold - 1)
        return interval.width >= needed - _EPSILON
    return interval.width > _EPSILON


class Attacker:
    """A reader who solves for hidden counts with linear programming (GLOP).

    One model serves every question: a count's mark only changes its
    bounds (a shown count is fixed, "< 10" is 0 to threshold - 1, "x" is at
    least the threshold), so hiding one more count is a change of bounds.
    """

    def __init__(
        self, system: System, marks: Sequence[Mark], *, threshold: int = THRESHOLD
    ) -> None:
        self.system = system
        self.threshold = threshold
        self.marks = list(marks)
        # A finite "unbounded": no count of a report comes near it.
        self._ceiling = 10.0 * (max(system.values, default=0) + threshold) + 10.0
        self._solver = pywraplp.Solver.CreateSolver("GLOP")
        if self._solver is None:  # pragma: no cover (GLOP ships with OR-Tools)
            raise SuppressionError("the GLOP solver is not available")
        self._variables = [
            self._solver.NumVar(0.0, self._ceiling, f"n{index}")
            for index in range(len(system.values))
        ]
        for relation in system.sums:
            constraint = self._solver.Constraint(0.0, 0.0)
            constraint.SetCoefficient(self._variables[relation.total], 1.0)
            for part in relation.parts:
                constraint.SetCoefficient(self._variables[part], -1.0)
        for bound in system.at_most:
            constraint = self._solver.Constraint(-self._solver.infinity(), 0.0)
            constraint.SetCoefficient(self._variables[bound.part], 1.0)
            constraint.SetCoefficient(self._variables[bound.whole], -1.0)
        for index, mark in enumerate(self.marks):
            self.mark(index, mark)

    def mark(self, index: int, mark: Mark) -> None:
        """Publish count ``index`` as ``mark`` (and bound it accordingly)."""
        self.marks[index] = mark
        value = float(self.system.values[index])
        variable = self._variables[index]
        if mark == Mark.SHOWN:
            variable.SetBounds(value, value)
        elif mark == Mark.SMALL:
            variable.SetBounds(0.0, float(self.threshold - 1))
        else:
            variable.SetBounds(float(self.threshold), self._ceiling)

    def interval(self, index: int) -> Interval:
        """The least and the greatest value count ``index`` can take."""
        low = self._optimum(index, maximise=False)
        return Interval(low, self._optimum(index, maximise=True))

    def _optimum(self, index: int, maximise: bool) -> float:
        objective = self._solver.Objective()
        objective.Clear()
        objective.SetCoefficient(self._variables[index], 1.0)
        if maximise:
            objective.SetMaximization()
        else:
            objective.SetMinimization()
        status = self._solver.Solve()
        if status != pywraplp.Solver.OPTIMAL:  # the true counts always fit
            raise SuppressionError(f"the attack on count {index} did not solve")
        return float(objective.Value())

    def protected(self, index: int, *, protection: int = PROTECTION) -> bool:
        return self.assess(index, protection=protection)[0]

    def assess(self, index: int, *, protection: int = PROTECTION) -> tuple[bool, float]:
        """Whether count ``index`` is protected, and the width of its range.

        The range always holds the true value, so a maximum far enough above
        it settles the question from one solve; the width is then at least
        what was asked.
        """
        mark = self.marks[index]
        if mark == Mark.SHOWN:
            return True, 0.0
        needed = min(protection, self.threshold - 1) if mark == Mark.SMALL else 0
        high = self._optimum(index, maximise=True)
        above = high - self.system.values[index]
        if above >= needed + (0 if needed else _EPSILON):
            return True, above
        interval = Interval(self._optimum(index, maximise=False), high)
        protected = is_protected(
            mark, interval, threshold=self.threshold, protection=protection
        )
        return protected, interval.width


def suppress(
    system: System,
    *,
    threshold: int = THRESHOLD,
    protection: int = PROTECTION,
    fixed: Mapping[int, Mark] | None = None,
) -> tuple[Mark, ...]:
    """How to publish each count of ``system``: shown, "< 10" or "x".

    Every count below the threshold is small. Then each suppressed count is
    attacked in turn; while it is not protected, the cheapest shown count
    nearby that protects it (or widens its range the most) is hidden too.
    Hiding a count only ever widens what the others can be, so a count once
    protected stays protected and one pass is enough.

    ``fixed`` holds the counts that earlier reports have published already
    (a year's quarters, when the year is made): they keep their marks, are
    never hidden as complements (a reader holds the earlier report), and are
    attacked again with everything that is new. A new count that a sum of
    shown fixed counts gives away is never taken as a complement either.
    """
    fixed = fixed or {}
    marks = [
        fixed.get(index) or (Mark.SMALL if value < threshold else Mark.SHOWN)
        for index, value in enumerate(system.values)
    ]
    usable = frozenset(range(len(marks))) - fixed.keys() - _given(system, fixed)
    _pair(system, marks, usable)
    attacker = Attacker(system, marks, threshold=threshold)
    # The new counts first: an earlier report's count is best judged beside
    # new tables that protect their own counts already. A fixed count that
    # no new count is linked to, however far, is as safe as it was.
    linked = _linked_to(frozenset(range(len(marks))) - fixed.keys(), system)
    queue = sorted(
        (i for i, mark in enumerate(marks) if mark != Mark.SHOWN and i in linked),
        key=lambda index: index in fixed,
    )
    while queue:
        index = queue.pop(0)
        while not attacker.protected(index, protection=protection):
            complement = _complement_for(index, attacker, protection, usable)
            if complement is None:
                raise SuppressionError(f"count {index} cannot be protected")
            attacker.mark(complement, Mark.HIDDEN)
            queue.append(complement)
    return tuple(attacker.marks)


def _linked_to(start: frozenset[int], system: System) -> frozenset[int]:
    """``start`` and every count that shares a sum or bound with one of
    them, or with one of those, and so on."""
    found = set(start)
    todo = list(start)
    while todo:
        for near in system.neighbours(todo.pop()):
            if near not in found:
                found.add(near)
                todo.append(near)
    return frozenset(found)


def _given(system: System, fixed: Mapping[int, Mark]) -> frozenset[int]:
    """The counts that share a sum with shown fixed counts only."""
    found = set()
    for relation in system.sums:
        members = _members(relation)
        open_ = [i for i in members if fixed.get(i) != Mark.SHOWN]
        if len(open_) == 1:
            found.add(open_[0])
    return frozenset(found)


def _pair(system: System, marks: list[Mark], usable: frozenset[int]) -> None:
    """No sum with exactly one suppressed count: the cheap first round.

    A sum whose total and other parts are shown gives its one suppressed
    count away. The second count is taken where it closes a cycle: from a
    sum that already has a suppressed count, so that rectangles form (a
    small cell alone needs three partners in a two-way table). Only
    ``usable`` counts are taken; a sum that has none is left to the attack.
    """
    sums_of: dict[int, list[int]] = defaultdict(list)
    for number, relation in enumerate(system.sums):
        for index in _members(relation):
            sums_of[index].append(number)

    def touches_suppressed(index: int, number: int) -> bool:
        """Whether ``index`` is in another sum that already hides a count."""
        return any(
            other != number
            and any(marks[m] != Mark.SHOWN for m in _members(system.sums[other]))
            for other in sums_of[index]
        )

    changed = True
    while changed:
        changed = False
        for number, relation in enumerate(system.sums):
            members = _members(relation)
            if sum(marks[index] != Mark.SHOWN for index in members) != 1:
                continue
            shown = [i for i in members if marks[i] == Mark.SHOWN and i in usable]
            if not shown:
                continue
            pick = min(
                shown,
                key=lambda i: (not touches_suppressed(i, number), *_cost(i, system)),
            )
            marks[pick] = Mark.HIDDEN
            changed = True


def _members(relation: Sum) -> tuple[int, ...]:
    return (relation.total, *relation.parts)


def _complement_for(
    weak: int, attacker: Attacker, protection: int, usable: frozenset[int]
) -> int | None:
    """The shown count to hide next so that count ``weak`` is protected.

    Candidates come in rings: the shown ``usable`` counts that share a sum
    with ``weak``, then those that share one with its suppressed
    neighbours, and so on. Within a ring the cheapest count that protects
    ``weak`` wins; failing that, the one that widens its range most.
    """
    system = attacker.system
    width = attacker.interval(weak).width
    fallback: int | None = None
    for ring in _rings(weak, system, attacker.marks, usable):
        best: tuple[float, int] | None = None
        cheapest = sorted(ring, key=lambda i: _cost(i, system))[:CANDIDATES]
        for candidate in cheapest:
            attacker.mark(candidate, Mark.HIDDEN)
            protected, widened = attacker.assess(weak, protection=protection)
            attacker.mark(candidate, Mark.SHOWN)
            if protected:
                return candidate
            gain = widened - width
            if gain > _EPSILON and (best is None or gain > best[0] + _EPSILON):
                best = (gain, candidate)
        if best is not None:
            return best[1]
        if fallback is None and ring:
            fallback = min(ring, key=lambda i: _cost(i, system))
    return fallback


def _rings(
    weak: int, system: System, marks: Sequence[Mark], usable: frozenset[int]
) -> Iterable[set[int]]:
    """Shown counts at growing distance from ``weak`` through suppressed ones."""
    seen = {weak}
    frontier = {weak}
    while frontier:
        near = set().union(*(system.neighbours(index) for index in frontier)) - seen
        seen |= near
        shown = {i for i in near if marks[i] == Mark.SHOWN and i in usable}
        if shown:
            yield shown
        frontier = {index for index in near if marks[index] != Mark.SHOWN}


def _cost(index: int, system: System) -> tuple[int, int, int]:
    """Hide cells before totals, and small numbers before large ones."""
    return (int(index in system.totals), system.values[index], index)
