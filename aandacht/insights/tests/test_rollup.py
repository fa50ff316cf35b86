"""The rollup job: interrupted runs, corrections, new reports, feedback, drafts."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import override

from aandacht.contacts import services as contacts
from aandacht.contacts.models import Contact, ContactDraft
from aandacht.insights.dashboard.selectors import dashboard
from aandacht.insights.models import CountedContact, DailyCount, RollupCheckpoint
from aandacht.insights.panels import Panel
from aandacht.insights.period import Period
from aandacht.insights.rollup import services as rollup
from aandacht.insights.rollup.keys import (
    ContactFacts,
    Dimension,
    duration_bin,
    keys,
    referral_kind,
)

from .test_dashboard_data import World, build_world

pytestmark = pytest.mark.django_db

Snapshot = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]


@pytest.fixture(autouse=True)
def _english() -> Any:
    with override("en"):
        yield


@pytest.fixture
def world(cast: Any) -> World:
    return build_world(cast, count=120)


def later() -> datetime:
    """A run a few minutes from now: past the hold-back for what was just saved."""
    return timezone.now() + timedelta(minutes=5)


def snapshot() -> Snapshot:
    counts = DailyCount.objects.order_by("region", "day", "dimension", "value")
    return (
        list(
            counts.values_list(
                "region",
                "day",
                "month",
                "dimension",
                "value",
                "contacts",
                "conversations",
                "conversation_seconds",
            )
        ),
        list(CountedContact.objects.order_by("contact_id").values_list()),
    )


def full_snapshot() -> Snapshot:
    rollup.rollup_run(full=True, now=later())
    return snapshot()


def register(world: World, start: datetime, **values: Any) -> Contact:
    data = contacts.ContactInput(
        channel=values.pop("channel", "phone"),
        started_at=start,
        ended_at=start + timedelta(minutes=12),
        **values,
    )
    return contacts.contact_register(
        volunteer=world.cast["volunteer_zuid"],
        region=world.cast.zuid,
        data=data,
        key=uuid.uuid4(),
    )


def correct(contact: Contact, actor: Any, **changes: Any) -> Contact:
    """The correction service as the edit form calls it, with only ``changes`` new."""
    values: dict[str, Any] = {
        "channel": contact.channel,
        "started_at": contact.started_at,
        "ended_at": contact.ended_at,
        "line_language": contact.line_language,
        "contact_type": contact.contact_type,
        "loneliness": contact.loneliness,
        "loneliness_kind": contact.loneliness_kind,
        "topics": list(contact.topics.all()),
    }
    values.update(changes)
    if "started_at" in changes:
        values["ended_at"] = changes["started_at"] + contact.duration
    return contacts.contact_correct(
        actor=actor,
        contact=contact,
        data=contacts.ContactInput(**values),
        version=contact.version,
    )


def channel_counts(period: Period) -> dict[str, float | None]:
    panel: Panel = next(p for p in dashboard(None, period) if p.key == "channel")
    return dict(zip(panel.categories, panel.series[0].values, strict=True))


class Stop(Exception):
    """Stands in for a crash or Ctrl-C in the middle of a batch."""


def crash_on_call(monkeypatch: Any, number: int) -> None:
    """Make the ``number``-th re-count of days fail after writing its rows."""
    original = rollup.recount
    calls = {"count": 0}

    def recount_then_crash(spans: Any, *, ceiling: int) -> int:
        counted = original(spans, ceiling=ceiling)
        calls["count"] += 1
        if calls["count"] == number:
            raise Stop
        return counted

    monkeypatch.setattr(rollup, "recount", recount_then_crash)


# --- The rule, without a database ---------------------------------------------


def facts(**values: Any) -> ContactFacts:
    base: dict[str, Any] = {
        "region_id": 1,
        "local_start": datetime(2025, 3, 30, 3, 30, tzinfo=UTC),
        "duration_seconds": 600,
        "channel": "phone",
        "line_language": "nl",
        "source_id": None,
        "contact_type": "conversation",
    }
    return ContactFacts(**(base | values))


def test_duration_bins_have_closed_lower_and_open_upper_edges():
    assert duration_bin(0) == "0-5"
    assert duration_bin(299) == "0-5"
    assert duration_bin(300) == "5-10"
    assert duration_bin(3599) == "45-60"
    assert duration_bin(3600) == "60+"
    assert duration_bin(86_400) == "60+"


def test_a_non_data_contact_counts_only_where_it_has_answers():
    found = dict(keys(facts(contact_type="silent", crisis=True)))
    assert found[Dimension.TYPE] == "silent"
    assert Dimension.CRISIS not in found
    assert Dimension.LONELINESS not in found
    assert Dimension.REFERRAL not in found


def test_each_topic_and_wish_counts_once_and_typology_only_when_assessed():
    found = list(
        keys(
            facts(
                topics=("grief", "grief", "loneliness"),
                sought=("heard",),
                municipality_id=7,
            )
        )
    )
    assert found.count((Dimension.TOPIC, "grief")) == 1
    assert (Dimension.MUNICIPALITY_TOPIC, "7:loneliness") in found
    assert not [key for key in found if key[0] == Dimension.TYPOLOGY]
    undecided = dict(keys(facts(assessed=True)))
    assert undecided[Dimension.TYPOLOGY] == "undecided"


def test_regular_callers_and_referrals_have_three_kinds():
    assert dict(keys(facts(regular_caller=True, has_profile=True)))["regular"] == (
        "profile"
    )
    assert dict(keys(facts(regular_caller=True)))["regular"] == "ticked"
    assert dict(keys(facts()))["regular"] == "no"
    assert referral_kind(social_map=True, actions=[], text=False) == "social_map"
    assert referral_kind(social_map=False, actions=["referred"], text=False) == "other"
    assert referral_kind(social_map=False, actions=[], text=True) == "other"
    assert referral_kind(social_map=False, actions=["listened"], text=False) == "none"


# --- Interruptions --------------------------------------------------------------


def test_the_first_run_builds_everything_and_a_second_changes_nothing(world):
    report = rollup.rollup_run(now=later())
    assert report.built
    assert report.build_chunks > 40  # two years, 14 days at a time
    first = snapshot()
    assert len(first[1]) == Contact.objects.count()
    again = rollup.rollup_run(now=later())
    assert not again.built
    assert (again.new_contacts, again.changed) == (0, 0)
    assert snapshot() == first


@pytest.mark.parametrize("stop_after", [1, 2, 17, 50])
def test_a_build_stopped_after_any_batch_resumes_to_the_same_counts(world, stop_after):
    expected = full_snapshot()
    stopped = rollup.rollup_run(full=True, max_batches=stop_after, now=later())
    assert not stopped.finished
    assert RollupCheckpoint.objects.get().is_building
    rollup.rollup_run(now=later())
    assert not RollupCheckpoint.objects.get().is_building
    assert snapshot() == expected


@pytest.mark.parametrize("crash_at", [1, 9, 30])
def test_a_build_that_crashes_inside_a_batch_counts_nothing_twice(
    world, monkeypatch, crash_at
):
    expected = full_snapshot()
    with monkeypatch.context() as patch:
        crash_on_call(patch, crash_at)
        with pytest.raises(Stop):
            rollup.rollup_run(full=True, now=later())
    state = RollupCheckpoint.objects.get()
    assert state.is_building
    rollup.rollup_run(now=later())
    assert snapshot() == expected


def test_new_reports_in_small_batches_with_a_crash_equal_a_full_run(world, monkeypatch):
    rollup.rollup_run(now=later())
    for number in range(30):
        start = datetime(2025, 1 + number % 12, 1 + number, 9, tzinfo=UTC)
        register(world, start, channel="chat" if number % 2 else "mail")
    monkeypatch.setattr(rollup, "BATCH_CONTACTS", 4)
    with monkeypatch.context() as patch:
        crash_on_call(patch, 3)
        with pytest.raises(Stop):
            rollup.rollup_run(now=later())
    partly = rollup.rollup_run(max_batches=2, now=later())
    assert not partly.finished
    rest = rollup.rollup_run(now=later())
    assert rest.new_contacts > 0
    incremental = snapshot()
    assert incremental == full_snapshot()


def test_a_bulk_import_is_counted_by_a_full_build(world, monkeypatch):
    rollup.rollup_run(now=later())
    monkeypatch.setattr(rollup, "FULL_BUILD_ABOVE", 5)
    for day in range(1, 8):
        register(world, datetime(2024, 5, day, 12, tzinfo=UTC))
    report = rollup.rollup_run(now=later())
    assert report.built
    assert snapshot() == full_snapshot()


# --- New reports, corrections, feedback, drafts --------------------------------


def test_a_new_report_shows_at_once_and_counts_once_after_the_run(world):
    rollup.rollup_run(now=later())
    may = Period.month(2025, 5)
    before = channel_counts(may)
    register(world, datetime(2025, 5, 20, 14, tzinfo=UTC), channel="mail")
    assert channel_counts(may)["Mail"] == (before["Mail"] or 0) + 1
    # A run right now leaves the report to the next (the hold-back) ...
    assert rollup.rollup_run().new_contacts == 0
    assert channel_counts(may)["Mail"] == (before["Mail"] or 0) + 1
    # ... which counts it in the rollup, and the top-up no longer adds it.
    assert rollup.rollup_run(now=later()).new_contacts == 1
    assert channel_counts(may)["Mail"] == (before["Mail"] or 0) + 1


def test_a_correction_within_24_hours_moves_a_count(world, cast):
    contact = register(world, datetime(2025, 4, 10, 9, tzinfo=UTC), channel="phone")
    rollup.rollup_run(now=later())
    april, june = Period.month(2025, 4), Period.month(2025, 6)
    april_before, june_before = channel_counts(april), channel_counts(june)
    with time_machine.travel(timezone.now() + timedelta(hours=23)):
        correct(
            contact,
            cast["volunteer_zuid"],
            channel="chat",
            started_at=datetime(2025, 6, 2, 9, tzinfo=UTC),
        )
        rollup.rollup_run(now=later())
        assert DailyCount.objects.filter(dimension="total").exists()
        april_after, june_after = channel_counts(april), channel_counts(june)
    assert april_after["Phone"] == (april_before["Phone"] or 0) - 1
    assert june_after["Chat"] == (june_before["Chat"] or 0) + 1
    assert CountedContact.objects.get(contact_id=contact.pk).day == date(2025, 6, 2)
    assert snapshot() == full_snapshot()


def test_a_supervisor_correction_days_later_is_counted_too(world, cast):
    contact = register(world, datetime(2024, 8, 1, 22, tzinfo=UTC))
    rollup.rollup_run(now=later())
    august = Period.month(2024, 8)
    before = channel_counts(august)
    with time_machine.travel(timezone.now() + timedelta(days=3)):
        correct(contact, cast["supervisor_zuid"], channel="mail")
        rollup.rollup_run(now=later())
        after = channel_counts(august)
    assert after["Mail"] == (before["Mail"] or 0) + 1
    assert after["Phone"] == (before["Phone"] or 0) - 1
    assert snapshot() == full_snapshot()


def test_feedback_is_counted_once_before_and_after_the_run(world, cast):
    rollup.rollup_run(now=later())
    this_year = Period.year(timezone.localdate().year)

    def feedback_given() -> float | None:
        panel = next(p for p in dashboard(None, this_year) if p.key == "review")
        return panel.series[2].values[0]

    before = feedback_given()
    contact = Contact.objects.conversations().first()
    assert contact is not None
    contacts.feedback_give(
        supervisor=cast["supervisor_zuid"], contact=contact, text="Mooi gesprek."
    )
    assert feedback_given() == (before or 0) + 1
    assert rollup.rollup_run(now=later()).new_feedback == 1
    assert feedback_given() == (before or 0) + 1
    assert snapshot() == full_snapshot()


def test_drafts_never_count_saved_or_deleted(world, cast):
    rollup.rollup_run(now=later())
    counted = snapshot()
    total_before = sum(v or 0 for v in channel_counts(Period.year(2025)).values())
    draft = contacts.draft_start(volunteer=cast["volunteer_zuid"], region=cast.zuid)
    contacts.draft_save(
        draft=draft,
        data={"channel": "chat", "started_at": "2025-05-01T10:00"},
    )
    rollup.rollup_run(now=later())
    assert snapshot() == counted
    with time_machine.travel(timezone.now() + timedelta(days=30)):
        assert contacts.drafts_purge(older_than=timedelta(days=7)) == 1
    assert not ContactDraft.objects.exists()
    rollup.rollup_run(now=later())
    assert snapshot() == counted
    total = sum(v or 0 for v in channel_counts(Period.year(2025)).values())
    assert total == total_before


def test_the_command_counts_and_rebuilds(world):
    out = StringIO()
    call_command("rollup_insights", stdout=out)
    assert "Full build" in out.getvalue()
    counted = snapshot()
    out = StringIO()
    call_command("rollup_insights", stdout=out)
    assert "Full build" not in out.getvalue()
    assert "Rollup done" in out.getvalue()
    out = StringIO()
    call_command("rollup_insights", "--full", stdout=out)
    assert "Full build" in out.getvalue()
    assert snapshot() == counted
