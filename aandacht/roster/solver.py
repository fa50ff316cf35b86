"""The month roster solver (pure Python on OR-Tools CP-SAT and GLOP).

Reads a :class:`~aandacht.roster.problem.Problem` and returns the best roster
it finds within the time allowed, as a :class:`Result` that
:func:`result_to_json` turns into the result format of
``docs/roster-format.md`` (shared docs).

The model
---------
One boolean ``x`` per *option*: a volunteer, a slot (date and shift) they are
available in, and an open line they can staff. Hard rules 1-3 are linear:
at most one option per volunteer and date, at most one of the last shift of
a date and the first shift of the next, at most ``max_parallel`` options per
line slot, and at most ``max_shifts`` per volunteer.

Rule 4 (``min_shifts`` and the night shift) is soft but lexicographically
first. The solver works in phases:

1. *Shortfall*: minimise the total shortfall (missing shifts plus missing
   nights) under rules 1-3. A greedy roster that already meets rule 4 makes
   this phase free (zero is the least possible).
2. *Bound*: an LP relaxation of the assignment, with the concave gains as
   per-volunteer-count increments and the shortfall fixed at its minimum,
   solved by GLOP; the bound reported is the dual (Lagrangian) bound of the
   LP's dual solution, which is an upper bound whatever GLOP's tolerances.
3. *Objective*: with the shortfall fixed at its minimum, maximise the
   expected weighted answered contacts plus tie-breakers.

Expected answered contacts in a line slot with ``n`` volunteers are
``G(n) = weight * hours * λ * (1 - P_abandon(n))`` (Erlang A). ``G`` is
concave in ``n``, so it is modelled with ordered booleans ``y_k`` ("at least
``k`` volunteers in this line slot", ``Σ y_k = n``, ``y_k ≥ y_{k+1}``) that
earn ``G(k) - G(k-1)`` each; the ordering makes the model exact even where
rounding makes an increment slightly out of order. The increments are scaled
to integers with a factor chosen so that the tie-breakers stay within half a
percent of the objective.

Tie-breakers: fairness (the sum of squared shift counts, which is least when
counts are as even as possible; among volunteers with the same band this is
exactly "as even as possible") weighs more than all preferences together
(one point per assignment in a ``preferred`` slot). The two together span
at most 0.5% of the objective value of a roster known before the search, so
they can cost at most that much of the objective value.
"""

from __future__ import annotations

import argparse
import heapq
import itertools
import json
import math
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from ortools.linear_solver import pywraplp  # type: ignore[import-untyped]
from ortools.sat.python import cp_model

from aandacht.roster.erlang import erlang_a_abandonment
from aandacht.roster.problem import Problem, ProblemError, load_problem

Status = Literal["optimal", "feasible", "partial", "timeout"]
Phase = Literal["shortfall", "objective"]

TIE_BREAK_SHARE = 0.005
"""The share of the objective value the tie-breakers may span (≤ 1% allowed)."""

_MAX_SCALED_TOTAL = 2.0**52
"""Largest total of scaled gains, so that CP-SAT's integers stay exact."""

_MIN_SCALE = 1000.0
"""At least a thousandth of a contact as the integer unit of the objective."""

_CUT_OPTIONS = 2000
"""Up to this many options, the LP bound is added to CP-SAT as a cut."""


@dataclass(frozen=True)
class Assignment:
    volunteer: str
    date: date
    shift: str
    line: str


@dataclass(frozen=True)
class Unmet:
    volunteer: str
    rule: Literal["min_shifts", "night"]
    detail: str


@dataclass(frozen=True)
class Progress:
    """What the search has reached, for a progress bar.

    In phase ``shortfall`` ``shortfall`` is the best total shortfall so far;
    in phase ``objective`` ``objective`` is the best objective value so far
    and ``bound`` the proven upper bound (both in weighted answered contacts).
    """

    phase: Phase
    elapsed_seconds: float
    solutions: int
    objective: float | None = None
    bound: float | None = None
    shortfall: int | None = None


@dataclass(frozen=True)
class Evaluation:
    objective_value: float
    expected_answered: float
    expected_arrivals: float


@dataclass(frozen=True)
class Result:
    status: Status
    assignments: tuple[Assignment, ...]
    expected_answered: float
    expected_arrivals: float
    objective_value: float
    upper_bound: float
    unmet: tuple[Unmet, ...]
    solve_seconds: float
    shortfall: int = 0
    # False when time ran out before the shortfall was proven least possible.
    shortfall_proven: bool = True
    phases: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------
# Gains


class _Gains:
    """Expected (weighted) answered contacts of a line slot by staffing level."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self._lines = {line.code: line for line in problem.lines}

    def answered_rate(self, line_code: str, arrivals_per_hour: float, n: int) -> float:
        """Answered contacts per hour with n volunteers (unweighted)."""
        if n <= 0 or arrivals_per_hour <= 0:
            return 0.0
        service = self.problem.service[self._lines[line_code].channel]
        p_abandon = erlang_a_abandonment(
            arrivals_per_hour, service.aht_minutes, service.patience_minutes, n
        )
        return arrivals_per_hour * (1.0 - p_abandon)

    def weight(self, line_code: str) -> float:
        return self._lines[line_code].weight


def evaluate(problem: Problem, assignments: Iterable[Assignment]) -> Evaluation:
    """The objective value, expected answered contacts and arrivals of a roster."""
    gains = _Gains(problem)
    staffed: dict[tuple[str, date, str], int] = defaultdict(int)
    for assignment in assignments:
        staffed[(assignment.line, assignment.date, assignment.shift)] += 1
    objective = answered = arrivals = 0.0
    for line_slot in problem.line_slots:
        n = staffed.get((line_slot.line, line_slot.date, line_slot.shift), 0)
        rate = gains.answered_rate(line_slot.line, line_slot.arrivals_per_hour, n)
        answered += line_slot.hours * rate
        objective += gains.weight(line_slot.line) * line_slot.hours * rate
        arrivals += line_slot.arrivals
    return Evaluation(
        objective_value=objective,
        expected_answered=answered,
        expected_arrivals=arrivals,
    )


# --------------------------------------------------------------------------
# The combinatorial structure shared by the greedy roster, the LP and CP-SAT


@dataclass(frozen=True)
class _Option:
    volunteer: int
    day: int  # index into problem.dates
    shift: int  # index into problem.shifts (sorted by start)
    line_slot: int  # index into _Structure.line_slots
    night: bool
    preferred: bool


@dataclass
class _LineSlot:
    line: str
    date: date
    shift: str
    capacity: int
    hours: float
    arrivals_per_hour: float
    options: list[int]
    # increments[k] = G(k+1) - G(k), weighted, for k < min(capacity, len(options))
    increments: list[float]


class _Structure:
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        gains = _Gains(problem)
        dates = problem.dates
        day_index = {day: index for index, day in enumerate(dates)}
        shift_index = {shift.code: index for index, shift in enumerate(problem.shifts)}
        self.night_shifts = {
            index for index, shift in enumerate(problem.shifts) if shift.night
        }
        lines = {line.code: line for line in problem.lines}
        self.line_slots: list[_LineSlot] = []
        slot_lines: dict[tuple[int, int], list[int]] = defaultdict(list)
        for line_slot in problem.line_slots:
            line = lines[line_slot.line]
            if line.max_parallel <= 0:
                continue
            key = (day_index[line_slot.date], shift_index[line_slot.shift])
            slot_lines[key].append(len(self.line_slots))
            self.line_slots.append(
                _LineSlot(
                    line=line.code,
                    date=line_slot.date,
                    shift=line_slot.shift,
                    capacity=line.max_parallel,
                    hours=line_slot.hours,
                    arrivals_per_hour=line_slot.arrivals_per_hour,
                    options=[],
                    increments=[],
                )
            )
        self.options: list[_Option] = []
        self.by_volunteer: list[list[int]] = []
        self.available_slots: list[int] = []
        self.available_nights: list[int] = []
        for v, volunteer in enumerate(problem.volunteers):
            mine: list[int] = []
            slots_with_options = 0
            nights_with_options = 0
            for day, shift_code in sorted(
                volunteer.available, key=lambda slot: (slot[0], shift_index[slot[1]])
            ):
                d, s = day_index[day], shift_index[shift_code]
                found = False
                for ls in slot_lines.get((d, s), []):
                    if not volunteer.can_staff(lines[self.line_slots[ls].line]):
                        continue
                    found = True
                    if volunteer.max_shifts <= 0:
                        continue
                    index = len(self.options)
                    self.options.append(
                        _Option(
                            volunteer=v,
                            day=d,
                            shift=s,
                            line_slot=ls,
                            night=s in self.night_shifts,
                            preferred=(day, shift_code) in volunteer.preferred,
                        )
                    )
                    self.line_slots[ls].options.append(index)
                    mine.append(index)
                if found:
                    slots_with_options += 1
                    nights_with_options += s in self.night_shifts
            self.by_volunteer.append(mine)
            self.available_slots.append(slots_with_options)
            self.available_nights.append(nights_with_options)
        for staffed in self.line_slots:
            rate = staffed.arrivals_per_hour
            if rate <= 0:
                continue
            weight = gains.weight(staffed.line) * staffed.hours
            top = min(staffed.capacity, len(staffed.options))
            values = [
                weight * gains.answered_rate(staffed.line, rate, n)
                for n in range(top + 1)
            ]
            staffed.increments = [values[k + 1] - values[k] for k in range(top)]
        # Groups of options of which a volunteer may take at most one.
        self.exclusive: list[list[int]] = []
        last, first = len(problem.shifts) - 1, 0
        for mine in self.by_volunteer:
            by_day: dict[int, list[int]] = defaultdict(list)
            edge_last: dict[int, list[int]] = defaultdict(list)
            edge_first: dict[int, list[int]] = defaultdict(list)
            for index in mine:
                option = self.options[index]
                by_day[option.day].append(index)
                if option.shift == last:
                    edge_last[option.day].append(index)
                if option.shift == first:
                    edge_first[option.day].append(index)
            for group in by_day.values():
                if len(group) > 1:
                    self.exclusive.append(group)
            for number, tail in edge_last.items():
                head = edge_first.get(number + 1, [])
                if head:
                    self.exclusive.append(tail + head)

    def shortfall_of(self, chosen: Iterable[int]) -> list[tuple[int, int]]:
        """(missing shifts, missing night) per volunteer for a set of options."""
        counts = [0] * len(self.problem.volunteers)
        nights = [0] * len(self.problem.volunteers)
        for index in chosen:
            option = self.options[index]
            counts[option.volunteer] += 1
            nights[option.volunteer] += option.night
        return [
            (
                max(0, volunteer.min_shifts - counts[v]),
                int(volunteer.night_required and nights[v] == 0),
            )
            for v, volunteer in enumerate(self.problem.volunteers)
        ]

    def gain_of(self, chosen: Iterable[int]) -> float:
        staffed: dict[int, int] = defaultdict(int)
        for index in chosen:
            staffed[self.options[index].line_slot] += 1
        return sum(sum(self.line_slots[ls].increments[:n]) for ls, n in staffed.items())


# --------------------------------------------------------------------------
# A greedy roster: a start for the search (not the naive roster of the bench)


class _Greedy:
    def __init__(self, structure: _Structure) -> None:
        self.s = structure
        problem = structure.problem
        self.count = [0] * len(problem.volunteers)
        self.nights = [0] * len(problem.volunteers)
        self.days: list[set[int]] = [set() for _ in problem.volunteers]
        self.day_shift: list[dict[int, int]] = [{} for _ in problem.volunteers]
        self.staffed = [0] * len(structure.line_slots)
        self.chosen: list[int] = []
        self.last = len(problem.shifts) - 1

    def feasible(self, index: int) -> bool:
        option = self.s.options[index]
        v = option.volunteer
        volunteer = self.s.problem.volunteers[v]
        if self.count[v] >= volunteer.max_shifts or option.day in self.days[v]:
            return False
        if (
            self.staffed[option.line_slot]
            >= self.s.line_slots[option.line_slot].capacity
        ):
            return False
        mine = self.day_shift[v]
        if option.shift == self.last and mine.get(option.day + 1) == 0:
            return False
        return not (option.shift == 0 and mine.get(option.day - 1) == self.last)

    def marginal(self, index: int) -> float:
        line_slot = self.s.line_slots[self.s.options[index].line_slot]
        n = self.staffed[self.s.options[index].line_slot]
        return line_slot.increments[n] if n < len(line_slot.increments) else 0.0

    def take(self, index: int) -> None:
        option = self.s.options[index]
        v = option.volunteer
        self.count[v] += 1
        self.nights[v] += option.night
        self.days[v].add(option.day)
        self.day_shift[v][option.day] = option.shift
        self.staffed[option.line_slot] += 1
        self.chosen.append(index)

    def best(self, candidates: Iterable[int]) -> int | None:
        best_index: int | None = None
        best_value = -1.0
        for index in candidates:
            if self.feasible(index):
                value = self.marginal(index) + (
                    1e-9 if self.s.options[index].preferred else 0.0
                )
                if value > best_value:
                    best_index, best_value = index, value
        return best_index

    def run(self) -> list[int]:
        problem = self.s.problem
        volunteers = problem.volunteers
        # 1. A night for those who need one, the scarcest first.
        needing = [
            v
            for v, volunteer in enumerate(volunteers)
            if volunteer.night_required and volunteer.max_shifts > 0
        ]
        needing.sort(key=lambda v: self.s.available_nights[v])
        for v in needing:
            nights = [i for i in self.s.by_volunteer[v] if self.s.options[i].night]
            choice = self.best(nights)
            if choice is not None:
                self.take(choice)
        # 2. Up to min_shifts for everyone, the least slack first.
        order = sorted(
            range(len(volunteers)),
            key=lambda v: self.s.available_slots[v] - volunteers[v].min_shifts,
        )
        for v in order:
            while self.count[v] < volunteers[v].min_shifts:
                choice = self.best(self.s.by_volunteer[v])
                if choice is None:
                    break
                self.take(choice)
        # 3. The rest by marginal gain (lazy: gains only fall as slots fill).
        heap = [(-self.marginal(i), i) for i in range(len(self.s.options))]
        heapq.heapify(heap)
        while heap:
            negative, index = heapq.heappop(heap)
            if not self.feasible(index):
                continue
            value = self.marginal(index)
            if value <= 0:
                continue  # gains never rise again
            if value < -negative - 1e-12:
                heapq.heappush(heap, (-value, index))
                continue
            self.take(index)
        return self.chosen


# --------------------------------------------------------------------------
# The LP bound


def _lp_upper_bound(
    structure: _Structure, max_shortfall: int, time_limit_seconds: float
) -> float | None:
    """A proven upper bound on the objective value, from the LP relaxation.

    Maximise Σ c_k y_k subject to A z ≤ b, 0 ≤ z ≤ u. For any dual vector
    π ≥ 0, Σ c z = π·A z + (c - πA)·z ≤ π·b + Σ_j u_j·max(0, (c - πA)_j):
    the bound holds for every π ≥ 0, so it is safe whatever GLOP's tolerances.
    The gains' upper concave envelope makes the relaxation valid even if an
    increment were out of order.
    """
    problem = structure.problem
    upper: list[float] = []
    cost: list[float] = []

    def column(bound: float, value: float = 0.0) -> int:
        upper.append(bound)
        cost.append(value)
        return len(upper) - 1

    x = [column(1.0) for _ in structure.options]
    rows: list[tuple[list[tuple[int, float]], float]] = []
    for line_slot in structure.line_slots:
        members = [(x[i], 1.0) for i in line_slot.options]
        if len(members) > line_slot.capacity:
            rows.append((members, float(line_slot.capacity)))
        increments = _concave_envelope(line_slot.increments)
        if increments:
            ys = [column(1.0, value) for value in increments]
            rows.append(([(y, 1.0) for y in ys] + [(c, -1.0) for c, _ in members], 0.0))
    for group in structure.exclusive:
        rows.append(([(x[i], 1.0) for i in group], 1.0))
    shortfall_columns: list[int] = []
    for v, volunteer in enumerate(problem.volunteers):
        mine = [(x[i], 1.0) for i in structure.by_volunteer[v]]
        if len(mine) > volunteer.max_shifts:
            rows.append((mine, float(volunteer.max_shifts)))
        if volunteer.min_shifts > 0:
            short = column(float(volunteer.min_shifts))
            shortfall_columns.append(short)
            rows.append(
                ([(c, -1.0) for c, _ in mine] + [(short, -1.0)], -volunteer.min_shifts)
            )
        if volunteer.night_required:
            short = column(1.0)
            shortfall_columns.append(short)
            nights = [
                (x[i], -1.0)
                for i in structure.by_volunteer[v]
                if structure.options[i].night
            ]
            rows.append(([*nights, (short, -1.0)], -1.0))
    if shortfall_columns:
        rows.append(([(c, 1.0) for c in shortfall_columns], float(max_shortfall)))

    solver = pywraplp.Solver.CreateSolver("GLOP")
    if solver is None:
        return None
    solver.SetTimeLimit(max(1, int(time_limit_seconds * 1000)))
    variables = [solver.NumVar(0.0, bound, "") for bound in upper]
    constraints = []
    for members, bound in rows:
        constraint = solver.Constraint(-solver.infinity(), bound)
        for c, coefficient in members:
            constraint.SetCoefficient(variables[c], coefficient)
        constraints.append(constraint)
    objective = solver.Objective()
    for c, value in enumerate(cost):
        if value:
            objective.SetCoefficient(variables[c], value)
    objective.SetMaximization()
    status = solver.Solve()
    if status not in (pywraplp.Solver.OPTIMAL, pywraplp.Solver.FEASIBLE):
        return None
    duals = [constraint.dual_value() for constraint in constraints]
    bounds = []
    for sign in (1.0, -1.0):
        pi = [max(0.0, sign * dual) for dual in duals]
        reduced = list(cost)
        total = 0.0
        for (members, bound), weight in zip(rows, pi, strict=True):
            if weight == 0.0:
                continue
            total += weight * bound
            for c, coefficient in members:
                reduced[c] -= weight * coefficient
        total += sum(u * r for u, r in zip(upper, reduced, strict=True) if r > 0)
        bounds.append(total)
    best = min(bounds)
    # Guard against the rounding of the sums above.
    return best + 1e-9 * abs(best) + 1e-9


def _concave_envelope(increments: Sequence[float]) -> list[float]:
    """Increments of the least concave majorant of the cumulative gains."""
    points = [(0, 0.0)]
    total = 0.0
    for k, value in enumerate(increments, start=1):
        total += value
        points.append((k, total))
    hull: list[tuple[int, float]] = []
    for point in points:
        while len(hull) >= 2:
            (x1, y1), (x2, y2) = hull[-2], hull[-1]
            # drop the middle point if it lies on or below the chord
            if (y2 - y1) * (point[0] - x1) <= (point[1] - y1) * (x2 - x1):
                hull.pop()
            else:
                break
        hull.append(point)
    result: list[float] = []
    for (x1, y1), (x2, y2) in itertools.pairwise(hull):
        result.extend([(y2 - y1) / (x2 - x1)] * (x2 - x1))
    return result


# --------------------------------------------------------------------------
# CP-SAT


class _Callback(cp_model.CpSolverSolutionCallback):
    def __init__(self, report: Callable[[_Callback], None]) -> None:
        super().__init__()
        self._report = report
        self.solutions = 0

    def on_solution_callback(self) -> None:
        self.solutions += 1
        self._report(self)


class _Model:
    def __init__(self, structure: _Structure) -> None:
        self.s = structure
        problem = structure.problem
        model = cp_model.CpModel()
        self.model = model
        self.x = [model.new_bool_var("") for _ in structure.options]
        self.y: list[list[cp_model.IntVar]] = []
        for line_slot in structure.line_slots:
            members = [self.x[i] for i in line_slot.options]
            if len(members) > line_slot.capacity:
                model.add(sum(members) <= line_slot.capacity)
            ys = [model.new_bool_var("") for _ in line_slot.increments]
            if ys:
                model.add(sum(ys) == sum(members))
                for above, below in zip(ys[1:], ys, strict=False):
                    model.add_implication(above, below)
            self.y.append(ys)
        for group in structure.exclusive:
            model.add_at_most_one(self.x[i] for i in group)
        self.counts: list[cp_model.LinearExprT] = []
        self.shortfall_terms: list[cp_model.IntVar] = []
        self.z: list[list[cp_model.IntVar]] = []
        for v, volunteer in enumerate(problem.volunteers):
            mine = [self.x[i] for i in structure.by_volunteer[v]]
            count = sum(mine)
            self.counts.append(count)
            if len(mine) > volunteer.max_shifts:
                model.add(count <= volunteer.max_shifts)
            if volunteer.min_shifts > 0:
                short = model.new_int_var(0, volunteer.min_shifts, "")
                model.add(short + count >= volunteer.min_shifts)
                self.shortfall_terms.append(short)
            if volunteer.night_required:
                missing = model.new_bool_var("")
                nights = [
                    self.x[i]
                    for i in structure.by_volunteer[v]
                    if structure.options[i].night
                ]
                model.add(sum(nights) + missing >= 1)
                self.shortfall_terms.append(missing)
            top = min(
                volunteer.max_shifts,
                len({structure.options[i].day for i in structure.by_volunteer[v]}),
            )
            zs = [model.new_bool_var("") for _ in range(top)]
            if zs:
                model.add(sum(zs) == count)
                for above, below in zip(zs[1:], zs, strict=False):
                    model.add_implication(above, below)
            self.z.append(zs)
        self.shortfall = sum(self.shortfall_terms)

    def hint(self, chosen: Iterable[int]) -> None:
        model = self.model
        model.clear_hints()  # type: ignore[no-untyped-call]
        chosen_set = set(chosen)
        for index, var in enumerate(self.x):
            model.add_hint(var, index in chosen_set)
        staffed: dict[int, int] = defaultdict(int)
        count: dict[int, int] = defaultdict(int)
        for index in chosen_set:
            staffed[self.s.options[index].line_slot] += 1
            count[self.s.options[index].volunteer] += 1
        for ls, ys in enumerate(self.y):
            for k, var in enumerate(ys):
                model.add_hint(var, k < staffed[ls])
        for v, zs in enumerate(self.z):
            for k, var in enumerate(zs):
                model.add_hint(var, k < count[v])

    def solve(
        self,
        time_limit: float,
        workers: int,
        callback: _Callback | None,
    ) -> tuple[cp_model.CpSolver, Any]:
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.01, time_limit)
        solver.parameters.num_workers = max(1, workers)
        solver.parameters.random_seed = 1
        status = solver.solve(self.model, callback)
        return solver, status

    def chosen(self, solver: cp_model.CpSolver) -> list[int]:
        return [i for i, var in enumerate(self.x) if solver.boolean_value(var)]


def _scale_and_weights(
    structure: _Structure, reference_gain: float
) -> tuple[float, int, int]:
    """The integer scale of the gains and the weights of fairness and preference.

    Fairness (per unit of the sum of squared counts) outweighs every
    preference together; the tie-breakers' whole range stays within
    TIE_BREAK_SHARE of ``reference_gain`` (the objective value of a roster
    that meets the shortfall, so no more than the best objective value).
    """
    problem = structure.problem
    preference_range = sum(
        min(
            volunteer.max_shifts,
            sum(1 for i in structure.by_volunteer[v] if structure.options[i].preferred),
        )
        for v, volunteer in enumerate(problem.volunteers)
    )
    fairness_range = sum(len(zs) ** 2 for zs in _z_sizes(structure))
    preference_weight = 1
    fairness_weight = preference_range + 1
    tie_range = fairness_weight * fairness_range + preference_weight * preference_range
    total_gain = sum(sum(ls.increments) for ls in structure.line_slots)
    if total_gain <= 0:
        # Nothing to answer: the tie-breakers cost nothing and decide alone.
        return 1.0, fairness_weight, preference_weight
    largest_scale = _MAX_SCALED_TOTAL / total_gain
    if reference_gain <= 0:
        # No roster with a known positive value: no room for tie-breakers.
        return min(max(_MIN_SCALE, 1e9 / total_gain), largest_scale), 0, 0
    scale = max(_MIN_SCALE, tie_range / (TIE_BREAK_SHARE * reference_gain))
    if scale > largest_scale:
        # Too fine for exact integers: keep fairness only, at the smallest weight.
        scale = largest_scale
        if fairness_range > TIE_BREAK_SHARE * reference_gain * scale:
            return scale, 0, 0
        return scale, 1, 0
    return scale, fairness_weight, preference_weight


def _z_sizes(structure: _Structure) -> list[range]:
    problem = structure.problem
    return [
        range(
            min(
                volunteer.max_shifts,
                len({structure.options[i].day for i in structure.by_volunteer[v]}),
            )
        )
        for v, volunteer in enumerate(problem.volunteers)
    ]


# --------------------------------------------------------------------------
# Solve


def solve(
    problem: Problem,
    *,
    time_limit_seconds: float = 60,
    workers: int = 2,
    progress: Callable[[Progress], None] | None = None,
) -> Result:
    """The best roster found within the time limit (see the module docstring)."""
    started = time.monotonic()

    def elapsed() -> float:
        return time.monotonic() - started

    def remaining() -> float:
        return time_limit_seconds - elapsed()

    structure = _Structure(problem)
    greedy = _Greedy(structure).run()
    greedy_shortfall = sum(a + b for a, b in structure.shortfall_of(greedy))
    model = _Model(structure)
    phases: dict[str, Any] = {"greedy_objective": structure.gain_of(greedy)}

    # Phase 1: the least total shortfall.
    start_roster = greedy
    shortfall = greedy_shortfall
    proven = greedy_shortfall == 0
    if not proven and model.shortfall_terms:
        model.model.minimize(model.shortfall)
        model.hint(greedy)

        def report_shortfall(callback: _Callback) -> None:
            if progress is not None:
                progress(
                    Progress(
                        phase="shortfall",
                        elapsed_seconds=elapsed(),
                        solutions=callback.solutions,
                        shortfall=round(callback.objective_value),
                    )
                )

        budget = max(0.5, min(remaining() * 0.4, remaining() - 1.0))
        solver, status = model.solve(budget, workers, _Callback(report_shortfall))
        phases["shortfall_status"] = solver.status_name(status)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            found = round(solver.objective_value)
            if found <= shortfall:
                shortfall = found
                start_roster = model.chosen(solver)
            proven = status == cp_model.OPTIMAL or shortfall == 0
            if not proven:
                proven = round(solver.best_objective_bound) >= shortfall
    phases["shortfall"] = shortfall
    phases["shortfall_proven"] = proven
    phases["shortfall_seconds"] = elapsed()

    # Phase 2: the LP bound, with the shortfall at its minimum.
    trivial_bound = sum(sum(ls.increments) for ls in structure.line_slots)
    lp_bound = _lp_upper_bound(structure, shortfall, max(1.0, remaining() * 0.25))
    upper_bound = trivial_bound if lp_bound is None else min(lp_bound, trivial_bound)
    phases["lp_bound"] = lp_bound
    phases["lp_seconds"] = elapsed() - phases["shortfall_seconds"]

    # Phase 3: the objective with tie-breakers, shortfall fixed.
    reference = structure.gain_of(start_roster)
    scale, fairness_weight, preference_weight = _scale_and_weights(structure, reference)
    cp = model.model
    if model.shortfall_terms:
        cp.add(model.shortfall <= shortfall)
    cp.clear_objective()  # type: ignore[no-untyped-call]
    gain_terms = [
        (var, round(value * scale))
        for line_slot, ys in zip(structure.line_slots, model.y, strict=True)
        for var, value in zip(ys, line_slot.increments, strict=True)
    ]
    gain_expr = cp_model.LinearExpr.weighted_sum(
        [var for var, _ in gain_terms], [coefficient for _, coefficient in gain_terms]
    )
    penalty_vars = [var for zs in model.z for var in zs]
    penalty_coefficients = [2 * k + 1 for zs in model.z for k in range(len(zs))]
    preferred = [
        model.x[i] for i, option in enumerate(structure.options) if option.preferred
    ]
    objective = (
        gain_expr
        - fairness_weight
        * cp_model.LinearExpr.weighted_sum(penalty_vars, penalty_coefficients)
        + preference_weight * sum(preferred)
    )
    cp.maximize(objective)
    model.hint(start_roster)
    # Rounding the increments moves a roster's scaled gain by at most this.
    rounding = 0.5 * len(gain_terms) / scale
    if gain_terms and len(structure.options) <= _CUT_OPTIONS:
        # The LP bound as a cut: CP-SAT cannot derive it itself. It lets small
        # problems be proven optimal, but slows the search on large ones.
        cp.add(gain_expr <= math.floor((upper_bound + rounding) * scale) + 1)
    fairness_span = fairness_weight * sum(
        coefficient for coefficient in penalty_coefficients
    )
    best_bound = [upper_bound]

    def report_objective(callback: _Callback) -> None:
        cp_bound = (callback.best_objective_bound + fairness_span) / scale + rounding
        best_bound[0] = min(best_bound[0], cp_bound)
        if progress is not None:
            progress(
                Progress(
                    phase="objective",
                    elapsed_seconds=elapsed(),
                    solutions=callback.solutions,
                    objective=callback.value(gain_expr) / scale,
                    bound=best_bound[0],
                    shortfall=shortfall,
                )
            )

    roster = start_roster
    optimal = False
    has_objective = bool(gain_terms) or fairness_weight > 0 or preference_weight > 0
    if remaining() > 0.05 and has_objective:
        solver, status = model.solve(remaining(), workers, _Callback(report_objective))
        phases["objective_status"] = solver.status_name(status)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            roster = model.chosen(solver)
            optimal = status == cp_model.OPTIMAL
            cp_bound = (solver.best_objective_bound + fairness_span) / scale + rounding
            best_bound[0] = min(best_bound[0], cp_bound)
    upper_bound = best_bound[0]
    phases["scale"] = scale
    phases["fairness_weight"] = fairness_weight
    phases["preference_weight"] = preference_weight

    assignments = _assignments(structure, roster)
    evaluation = evaluate(problem, assignments)
    unmet = _unmet(structure, roster)
    if evaluation.objective_value >= upper_bound - 1e-9 * max(1.0, upper_bound):
        optimal = True  # the objective value reaches its proven bound
    status_value: Status
    if unmet:
        status_value = "partial"
    elif optimal:
        status_value = "optimal"
    else:
        status_value = "feasible"
    return Result(
        status=status_value,
        assignments=assignments,
        expected_answered=evaluation.expected_answered,
        expected_arrivals=evaluation.expected_arrivals,
        objective_value=evaluation.objective_value,
        upper_bound=upper_bound,
        unmet=unmet,
        solve_seconds=elapsed(),
        shortfall=shortfall,
        shortfall_proven=proven,
        phases=phases,
    )


def _assignments(
    structure: _Structure, chosen: Iterable[int]
) -> tuple[Assignment, ...]:
    problem = structure.problem
    dates = problem.dates
    result = []
    for index in chosen:
        option = structure.options[index]
        result.append(
            (
                option.day,
                option.shift,
                structure.line_slots[option.line_slot].line,
                problem.volunteers[option.volunteer].id,
            )
        )
    result.sort()
    return tuple(
        Assignment(
            volunteer=volunteer,
            date=dates[day],
            shift=problem.shifts[shift].code,
            line=line,
        )
        for day, shift, line, volunteer in result
    )


def _unmet(structure: _Structure, chosen: Iterable[int]) -> tuple[Unmet, ...]:
    problem = structure.problem
    shortfalls = structure.shortfall_of(chosen)
    unmet: list[Unmet] = []
    for v, (missing, night) in enumerate(shortfalls):
        volunteer = problem.volunteers[v]
        if missing:
            got = volunteer.min_shifts - missing
            unmet.append(
                Unmet(
                    volunteer=volunteer.id,
                    rule="min_shifts",
                    detail=(
                        f"{got} of at least {volunteer.min_shifts} shifts: available "
                        f"in {_slots(structure.available_slots[v])} with a line they "
                        "can staff"
                    ),
                )
            )
        if night:
            unmet.append(
                Unmet(
                    volunteer=volunteer.id,
                    rule="night",
                    detail=(
                        "no night shift: available in "
                        f"{_slots(structure.available_nights[v], 'night ')} with a "
                        "line they can staff"
                    ),
                )
            )
    return tuple(unmet)


def _slots(count: int, kind: str = "") -> str:
    return f"{count} {kind}slot" + ("" if count == 1 else "s")


def result_to_json(result: Result) -> dict[str, Any]:
    """The result format of docs/roster-format.md."""
    return {
        "status": result.status,
        "assignments": [
            {
                "volunteer": assignment.volunteer,
                "date": assignment.date.isoformat(),
                "shift": assignment.shift,
                "line": assignment.line,
            }
            for assignment in result.assignments
        ],
        "expected_answered": round(result.expected_answered, 6),
        "expected_arrivals": round(result.expected_arrivals, 6),
        "objective_value": round(result.objective_value, 6),
        "upper_bound": math.ceil(result.upper_bound * 1e6) / 1e6,
        "unmet": [
            {"volunteer": unmet.volunteer, "rule": unmet.rule, "detail": unmet.detail}
            for unmet in result.unmet
        ],
        "solve_seconds": round(result.solve_seconds, 3),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Solve a problem file: ``--input PROBLEM.json --output RESULT.json``."""
    parser = argparse.ArgumentParser(description="Solve a month's roster.")
    parser.add_argument("--input", required=True, help="problem JSON file")
    parser.add_argument("--output", required=True, help="result JSON file to write")
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT workers")
    args = parser.parse_args(argv)
    try:
        problem = load_problem(args.input)
    except ProblemError as error:
        print(error, file=sys.stderr)
        return 2
    except OSError as error:
        print(f"cannot read {args.input}: {error}", file=sys.stderr)
        return 2
    result = solve(problem, time_limit_seconds=args.time_limit, workers=args.workers)
    Path(args.output).write_text(
        json.dumps(result_to_json(result), indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    print(
        f"{result.status}: objective {result.objective_value:.1f} of at most "
        f"{result.upper_bound:.1f}, {len(result.assignments)} assignments, "
        f"{len(result.unmet)} unmet, {result.solve_seconds:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
