"""The counts of a period, read from the rollup and topped up with newer reports.

``read_figures`` is the one read of the rollup for dashboards (and for any
other part of insights that needs counts per dimension value): one grouped
query over the period's daily rows, one for the monthly totals a year
earlier, and the contacts saved since the rollup's checkpoint, counted
here with the same rule (``rollup.keys``). So a report shows on the
dashboard the moment it is saved, and the job only has to keep up, not run
before every page.

A fixed number of queries whatever the period (six), none of them over the
contacts table except the small tail after the checkpoint.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import connection, transaction
from django.db.models import Q, Sum

from aandacht.contacts.models import Feedback
from aandacht.insights.models import DailyCount, RollupCheckpoint
from aandacht.insights.period import Period
from aandacht.insights.rollup.facts import (
    ContactFilter,
    day_start,
    local_day,
    read_facts,
)
from aandacht.insights.rollup.keys import Dimension
from aandacht.insights.rollup.services import CHECKPOINT, tally

# At most this many reports after the checkpoint are counted on read; more
# means the job is not running, and ``Figures.pending`` says so.
TOP_UP_LIMIT = 20_000

CONTACTS, CONVERSATIONS, SECONDS = 0, 1, 2


def month_of(day: date) -> date:
    return day.replace(day=1)


@dataclass
class Figures:
    """Counts per (dimension, value, month) of a period, and totals a year earlier.

    ``cells`` values are [contacts, conversations, conversation seconds].
    ``pending`` is true when reports exist that neither the rollup nor the
    top-up counted (the job is behind, or a full build is running).
    """

    period: Period
    cells: dict[str, dict[str, dict[date, list[int]]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(dict))
    )
    earlier: dict[date, int] = field(default_factory=dict)
    pending: bool = False

    def add(self, dimension: str, value: str, month: date, cell: Sequence[int]) -> None:
        months = self.cells[dimension][value]
        current = months.setdefault(month, [0, 0, 0])
        for index, amount in enumerate(cell):
            current[index] += int(amount)

    def values(self, dimension: str, column: int = CONTACTS) -> dict[str, int]:
        """The period's total per value of a dimension."""
        return {
            value: sum(cell[column] for cell in months.values())
            for value, months in self.cells.get(dimension, {}).items()
        }

    def total(self, dimension: str, value: str, column: int = CONTACTS) -> int:
        months = self.cells.get(dimension, {}).get(value, {})
        return sum(cell[column] for cell in months.values())

    def monthly(
        self, dimension: str, value: str, column: int = CONTACTS
    ) -> dict[date, int]:
        months = self.cells.get(dimension, {}).get(value, {})
        return {month: cell[column] for month, cell in months.items()}

    def months(self) -> list[date]:
        return [date(year, month, 1) for year, month in self.period.months()]

    def earlier_months(self) -> list[date]:
        return [
            date(year, month, 1) for year, month in self.period.year_earlier().months()
        ]

    @property
    def contacts(self) -> int:
        return self.total(Dimension.TOTAL, "all")

    @property
    def conversations(self) -> int:
        return self.total(Dimension.TOTAL, "all", CONVERSATIONS)


def read_figures(region_ids: Sequence[int] | None, period: Period) -> Figures:
    """The period's figures for some regions (None: all regions)."""
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # One snapshot, so a batch the job commits meanwhile is counted once.
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            return _read(region_ids, period)
    return _read(region_ids, period)


def _read(region_ids: Sequence[int] | None, period: Period) -> Figures:
    figures = Figures(period)
    state = RollupCheckpoint.objects.filter(name=CHECKPOINT).first()
    regions = Q() if region_ids is None else Q(region_id__in=list(region_ids))
    rows = (
        DailyCount.objects.filter(regions, day__gte=period.first, day__lte=period.last)
        .values_list("dimension", "value", "month")
        .annotate(
            contacts=Sum("contacts"),
            conversations=Sum("conversations"),
            seconds=Sum("conversation_seconds"),
        )
        .order_by()
    )
    for dimension, value, month, *cell in rows:
        figures.add(dimension, value, month, cell)
    earlier = period.year_earlier()
    earlier_rows = (
        DailyCount.objects.filter(
            regions,
            dimension=Dimension.TOTAL,
            day__gte=earlier.first,
            day__lte=earlier.last,
        )
        .values_list("month")
        .annotate(contacts=Sum("contacts"))
        .order_by()
    )
    for month, contacts in earlier_rows:
        figures.earlier[month] = int(contacts)
    if state is None:  # never run: every report is after the checkpoint
        state = RollupCheckpoint(name=CHECKPOINT)
    if state.is_building:
        figures.pending = True
        return figures
    _top_up(figures, region_ids, state)
    return figures


def _top_up(
    figures: Figures, region_ids: Sequence[int] | None, state: RollupCheckpoint
) -> None:
    """Count the reports and feedback saved after the checkpoint, on read."""
    period = figures.period
    earlier = period.year_earlier()
    after = state.contacts_through
    start = day_start(min(earlier.first, period.first))
    end = day_start(max(earlier.last, period.last) + timedelta(days=1))

    def newer(prefix: str) -> Q:
        found = Q(
            **{
                f"{prefix}id__gt": after,
                f"{prefix}started_at__gte": start,
                f"{prefix}started_at__lt": end,
            }
        )
        if region_ids is not None:
            found &= Q(**{f"{prefix}region_id__in": list(region_ids)})
        return found

    contacts: ContactFilter = newer
    facts = read_facts(contacts, limit=TOP_UP_LIMIT)
    figures.pending = len(facts) >= TOP_UP_LIMIT
    for (_region, day, dimension, value), cell in tally(f for _pk, f in facts).items():
        if day in period:
            figures.add(dimension, value, month_of(day), cell)
        elif day in earlier and dimension == Dimension.TOTAL:
            month = month_of(day)
            figures.earlier[month] = figures.earlier.get(month, 0) + cell[CONTACTS]
    feedback = Feedback.objects.filter(
        id__gt=state.feedback_through,
        created_at__gte=day_start(period.first),
        created_at__lt=day_start(period.last + timedelta(days=1)),
    )
    if region_ids is not None:
        feedback = feedback.filter(contact__region_id__in=list(region_ids))
    for created in feedback.values_list("created_at", flat=True)[:TOP_UP_LIMIT]:
        day = local_day(created)
        figures.add(Dimension.FEEDBACK, "given", month_of(day), (1, 0, 0))
