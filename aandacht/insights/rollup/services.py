"""Fill the rollup tables: a checkpointed job that can stop at any moment.

See the package docstring for the design. Every batch re-counts whole
region-days from the reports and moves the checkpoint in one transaction,
so a batch either happened completely or not at all, and doing one twice
changes nothing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.db.models import Max, Min
from django.utils import timezone

from aandacht.contacts.models import Contact, Feedback
from aandacht.insights.models import CountedContact, DailyCount, RollupCheckpoint
from aandacht.insights.rollup.facts import (
    Span,
    local_day,
    read_facts,
    spans_filter,
)
from aandacht.insights.rollup.keys import ContactFacts, Dimension, keys

CHECKPOINT = "contacts"
# New contacts per incremental batch (one transaction each).
BATCH_CONTACTS = 5_000
# Changed contacts per batch when corrections are counted again.
BATCH_CHANGED = 2_000
# Days per transaction of a full build: about 15,000 national contacts.
BUILD_DAYS = 14
# Region-day spans counted again in one transaction of an incremental batch.
SPANS_PER_BATCH = 200
# Contacts saved less than this long ago wait for the next run: a report is
# committed within moments, and a lower id that commits after a higher one
# must not be skipped.
HOLD_BACK = timedelta(minutes=1)
# Corrections are looked for from this long before the previous run started.
CHANGES_MARGIN = timedelta(minutes=5)
# More new contacts than this (a bulk import) are counted by a full build,
# day by day, rather than by re-counting every day each batch touches.
FULL_BUILD_ABOVE = 200_000


@dataclass
class RollupReport:
    """What one run did, for the command's output and for tests."""

    built: bool = False
    build_chunks: int = 0
    changed: int = 0
    new_contacts: int = 0
    new_feedback: int = 0
    batches: int = 0
    finished: bool = True
    days: set[tuple[int, date]] = field(default_factory=set)


def checkpoint() -> RollupCheckpoint:
    found, _created = RollupCheckpoint.objects.get_or_create(name=CHECKPOINT)
    return found


def _locked_checkpoint() -> RollupCheckpoint:
    checkpoint()
    return RollupCheckpoint.objects.select_for_update().get(name=CHECKPOINT)


def rollup_run(
    *, full: bool = False, max_batches: int | None = None, now: datetime | None = None
) -> RollupReport:
    """Count everything new or changed since the last run; resume a build first.

    ``full`` starts a new full build (throwing the rollup away first).
    ``max_batches`` stops after that many committed batches, as an
    interruption would; the next run continues where this one stopped.
    """
    report = RollupReport()
    started = now or timezone.now()
    state = checkpoint()
    pending = Contact.objects.filter(id__gt=state.contacts_through).count()
    nothing_yet = state.contacts_through == 0 and not state.is_building
    if full or (not state.is_building and (nothing_yet or pending > FULL_BUILD_ABOVE)):
        _build_start(started)
        report.built = True
    steps = [
        _build_steps(report),
        _changed_steps(report, started),
        _new_contact_steps(report, started),
        _feedback_steps(report, started),
    ]
    for step_list in steps:
        for _ in step_list:
            report.batches += 1
            if max_batches is not None and report.batches >= max_batches:
                report.finished = False
                return report
    return report


# --- Full build --------------------------------------------------------------


@transaction.atomic
def _build_start(started: datetime) -> None:
    """Throw the rollup away and remember the id ceiling and the days to count."""
    state = _locked_checkpoint()
    DailyCount.objects.all().delete()
    CountedContact.objects.all().delete()
    ceiling = Contact.objects.aggregate(top=Max("id"))["top"] or 0
    bounds = Contact.objects.filter(id__lte=ceiling).aggregate(
        first=Min("started_at"), last=Max("started_at")
    )
    state.contacts_through = 0
    state.feedback_through = 0
    state.changes_since = started - CHANGES_MARGIN
    state.building_through = ceiling
    state.next_day = local_day(bounds["first"]) if bounds["first"] else None
    state.last_day = local_day(bounds["last"]) if bounds["last"] else None
    state.updated_at = timezone.now()
    state.save()


def _build_steps(report: RollupReport) -> Iterable[None]:
    while True:
        with transaction.atomic():
            state = _locked_checkpoint()
            if not state.is_building:
                return
            ceiling = state.building_through or 0
            if (
                state.next_day is None
                or state.last_day is None
                or (state.next_day > state.last_day)
            ):
                _build_finish(state, ceiling)
            else:
                last = min(
                    state.next_day + timedelta(days=BUILD_DAYS - 1), state.last_day
                )
                recount([Span(None, state.next_day, last)], ceiling=ceiling)
                state.next_day = last + timedelta(days=1)
                state.updated_at = timezone.now()
                state.save()
                report.build_chunks += 1
        yield None


def _build_finish(state: RollupCheckpoint, ceiling: int) -> None:
    """Count all feedback once, then hand over to the incremental runs."""
    DailyCount.objects.filter(dimension=Dimension.FEEDBACK).delete()
    top = Feedback.objects.aggregate(top=Max("id"))["top"] or 0
    rows = Feedback.objects.filter(id__lte=top).values_list(
        "created_at", "contact__region_id"
    )
    _add_feedback(rows.iterator(chunk_size=10_000))
    _analyze()
    state.feedback_through = top
    state.contacts_through = ceiling
    state.building_through = None
    state.next_day = None
    state.last_day = None
    state.updated_at = timezone.now()
    state.save()


def _analyze() -> None:
    """Fresh planner statistics for the rebuilt tables.

    SQLite never gathers them by itself; without them it may read a national
    year through the per-region index. PostgreSQL's autovacuum would, later.
    """
    with connection.cursor() as cursor:
        for model in (DailyCount, CountedContact):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


# --- Corrections --------------------------------------------------------------


def _changed_steps(report: RollupReport, started: datetime) -> Iterable[None]:
    """Count again the old and the new day of every report changed since last time.

    A report can be corrected (by its volunteer within 24 hours, by a
    supervisor later); ``contact_correct`` sets ``updated_at``. The day a
    report was counted on is in ``CountedContact``, so a report moved to
    another day leaves its old day too.
    """
    state = checkpoint()
    if state.is_building or state.changes_since is None:
        return
    changed = list(
        Contact.objects.filter(
            updated_at__gte=state.changes_since, id__lte=state.contacts_through
        )
        .order_by("id")
        .values_list("id", "region_id", "started_at")
    )
    for offset in range(0, len(changed), BATCH_CHANGED):
        part = changed[offset : offset + BATCH_CHANGED]
        with transaction.atomic():
            ceiling = _locked_checkpoint().contacts_through
            counted = dict(
                CountedContact.objects.filter(
                    contact_id__in=[pk for pk, _r, _s in part]
                ).values_list("contact_id", "day")
            )
            touched: set[tuple[int, date]] = set()
            for pk, region_id, started_at in part:
                touched.add((region_id, local_day(started_at)))
                if pk in counted:
                    touched.add((region_id, counted[pk]))
            _recount_days(touched, ceiling)
            report.changed += len(part)
            report.days |= touched
        yield None
    with transaction.atomic():
        state = _locked_checkpoint()
        state.changes_since = started - CHANGES_MARGIN
        state.updated_at = timezone.now()
        state.save()
    yield None


# --- New contacts and feedback -----------------------------------------------


def _new_contact_steps(report: RollupReport, started: datetime) -> Iterable[None]:
    settled = started - HOLD_BACK
    while True:
        with transaction.atomic():
            state = _locked_checkpoint()
            if state.is_building:
                return
            rows = list(
                Contact.objects.filter(id__gt=state.contacts_through)
                .order_by("id")
                .values_list("id", "region_id", "started_at", "created_at")[
                    :BATCH_CONTACTS
                ]
            )
            taken = []
            for row in rows:
                if row[3] > settled:
                    break
                taken.append(row)
            if not taken:
                return
            touched = {
                (region_id, local_day(start)) for _pk, region_id, start, _c in taken
            }
            ceiling = taken[-1][0]
            _recount_days(touched, ceiling)
            state.contacts_through = ceiling
            state.updated_at = timezone.now()
            state.save()
            report.new_contacts += len(taken)
            report.days |= touched
        yield None


def _feedback_steps(report: RollupReport, started: datetime) -> Iterable[None]:
    """Feedback is only ever added, so it is added to its day's count."""
    settled = started - HOLD_BACK
    while True:
        with transaction.atomic():
            state = _locked_checkpoint()
            if state.is_building:
                return
            rows = list(
                Feedback.objects.filter(id__gt=state.feedback_through)
                .order_by("id")
                .values_list("id", "created_at", "contact__region_id")[:BATCH_CONTACTS]
            )
            taken = []
            for row in rows:
                if row[1] > settled:
                    break
                taken.append(row)
            if not taken:
                return
            _add_feedback((created, region) for _pk, created, region in taken)
            state.feedback_through = taken[-1][0]
            state.updated_at = timezone.now()
            state.save()
            report.new_feedback += len(taken)
        yield None


def _add_feedback(rows: Iterable[tuple[datetime, int]]) -> None:
    per_day: Counter[tuple[int, date]] = Counter(
        (region_id, local_day(created)) for created, region_id in rows
    )
    if not per_day:
        return
    existing = {
        (row.region_id, row.day): row
        for row in DailyCount.objects.filter(
            dimension=Dimension.FEEDBACK,
            day__in={day for _region, day in per_day},
            region_id__in={region for region, _day in per_day},
        )
    }
    fresh = []
    for (region_id, day), count in per_day.items():
        row = existing.get((region_id, day))
        if row is None:
            fresh.append(_count_row(region_id, day, Dimension.FEEDBACK, "given", count))
        else:
            row.contacts += count
            row.save(update_fields=["contacts"])
    DailyCount.objects.bulk_create(fresh, batch_size=1000)


# --- Counting days again ------------------------------------------------------


def _recount_days(touched: set[tuple[int, date]], ceiling: int) -> None:
    """Count the touched region-days again, merging neighbouring days into spans."""
    spans = _spans(touched)
    for offset in range(0, len(spans), SPANS_PER_BATCH):
        recount(spans[offset : offset + SPANS_PER_BATCH], ceiling=ceiling)


def _spans(touched: set[tuple[int, date]]) -> list[Span]:
    by_region: dict[int, list[date]] = defaultdict(list)
    for region_id, day in touched:
        by_region[region_id].append(day)
    spans: list[Span] = []
    for region_id, days in sorted(by_region.items()):
        days.sort()
        first = last = days[0]
        for day in days[1:]:
            if day == last + timedelta(days=1):
                last = day
                continue
            spans.append(Span(region_id, first, last))
            first = last = day
        spans.append(Span(region_id, first, last))
    return spans


def recount(spans: list[Span], *, ceiling: int) -> int:
    """Replace the counts of the spans' region-days with counts from the reports.

    Only contacts with an id up to ``ceiling`` count, so the rollup always
    holds exactly the contacts up to the checkpoint, and the dashboard can
    add those after it without counting any twice. Feedback rows are left
    alone: they are counted on the feedback's day, not the contact's.
    """
    facts = read_facts(spans_filter(spans, ceiling))
    day_filter = spans[0].counts()
    for span in spans[1:]:
        day_filter |= span.counts()
    DailyCount.objects.filter(day_filter).exclude(dimension=Dimension.FEEDBACK).delete()
    _insert_counts(tally(fact for _pk, fact in facts))
    _remember_days([(pk, fact.day) for pk, fact in facts])
    return len(facts)


Tally = dict[tuple[int, date, str, str], list[int]]


def tally(facts: Iterable[ContactFacts]) -> Tally:
    """contacts, conversations and their seconds per (region, day, dimension, value)."""
    counts: Tally = {}
    for fact in facts:
        day = fact.day
        conversation = fact.is_conversation
        seconds = fact.duration_seconds if conversation else 0
        for dimension, value in keys(fact):
            key = (fact.region_id, day, dimension, value)
            cell = counts.get(key)
            if cell is None:
                counts[key] = [1, int(conversation), seconds]
            else:
                cell[0] += 1
                cell[1] += conversation
                cell[2] += seconds
    return counts


# Rows per INSERT statement; plain tuples and executemany rather than model
# instances, which took two thirds of a full build's time.
INSERT_ROWS = 5_000


def _insert_counts(counts: Tally) -> None:
    table = DailyCount._meta.db_table
    ops = connection.ops
    sql = (
        f"INSERT INTO {ops.quote_name(table)} (region_id, day, month, dimension, "  # noqa: S608 (a model's own table name)
        "value, contacts, conversations, conversation_seconds) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)"
    )
    rows = [
        (
            region_id,
            ops.adapt_datefield_value(day),
            ops.adapt_datefield_value(day.replace(day=1)),
            dimension,
            value,
            *cell,
        )
        for (region_id, day, dimension, value), cell in counts.items()
    ]
    _execute_many(sql, rows)


def _remember_days(pairs: list[tuple[int, date]]) -> None:
    """Upsert each contact's counted day (both databases know ON CONFLICT)."""
    table = connection.ops.quote_name(CountedContact._meta.db_table)
    sql = (
        f"INSERT INTO {table} (contact_id, day) VALUES (%s, %s) "  # noqa: S608 (a model's own table name)
        "ON CONFLICT (contact_id) DO UPDATE SET day = excluded.day"
    )
    adapt = connection.ops.adapt_datefield_value
    _execute_many(sql, [(pk, adapt(day)) for pk, day in pairs])


def _execute_many(sql: str, rows: list[tuple[Any, ...]]) -> None:
    with connection.cursor() as cursor:
        for offset in range(0, len(rows), INSERT_ROWS):
            cursor.executemany(sql, rows[offset : offset + INSERT_ROWS])


def _count_row(
    region_id: int,
    day: date,
    dimension: str,
    value: str,
    contacts: int,
    conversations: int = 0,
    seconds: int = 0,
) -> DailyCount:
    return DailyCount(
        region_id=region_id,
        day=day,
        month=day.replace(day=1),
        dimension=dimension,
        value=value,
        contacts=contacts,
        conversations=conversations,
        conversation_seconds=seconds,
    )
