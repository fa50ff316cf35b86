"""Limit counts on the local clock, and the limit-reached events they cause."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from aandacht.callers import services
from aandacht.callers.limits import limit_status
from aandacht.callers.models import LimitReachedEvent
from aandacht.contacts.tests.conftest import make_contact

from .conftest import make_profile

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMS)


@pytest.fixture
def profile(cast, lists):
    profile = make_profile(cast.zuid, cast["supervisor_zuid"])
    services.limit_set(
        profile=profile,
        actor=cast["supervisor_zuid"],
        per_day=1,
        per_week=3,
        valid_from=at(2026, 1, 1).date(),
        reason="Belt anders tien keer per dag.",
        words="We spraken af: één keer per dag. Bel morgen gerust weer.",
    )
    return profile


def call(cast, profile, start: datetime, channel: str = "phone"):
    return make_contact(
        cast["volunteer_zuid"],
        cast.zuid,
        started_at=start,
        channel=channel,
        caller_profile=profile,
    )


def test_a_call_just_before_midnight_counts_for_that_day_only(cast, profile):
    call(cast, profile, at(2027, 1, 12, 23, 50))
    assert limit_status(profile, at(2027, 1, 12, 23, 59)).today == 1
    status = limit_status(profile, at(2027, 1, 13, 0, 1))
    assert (status.today, status.this_week, status.reached) == (0, 1, False)


def test_the_week_starts_on_monday_at_midnight(cast, profile):
    for day in (15, 16, 17):  # Friday, Saturday, Sunday
        call(cast, profile, at(2027, 1, day, 20))
    assert limit_status(profile, at(2027, 1, 17, 23, 0)).week_reached
    monday = limit_status(profile, at(2027, 1, 18, 0, 30))
    assert (monday.this_week, monday.reached) == (0, False)


def test_the_night_the_clock_goes_back_is_one_day(cast, profile):
    """25 October 2026: 02:30 happens twice; both calls are on the same day."""
    call(cast, profile, datetime(2026, 10, 25, 2, 30, tzinfo=AMS, fold=0))
    second = datetime(2026, 10, 25, 2, 30, tzinfo=AMS, fold=1)
    assert limit_status(profile, second).today == 1
    assert limit_status(profile, at(2026, 10, 25, 23, 59)).day_reached


def test_the_night_the_clock_goes_forward_is_one_day(cast, profile):
    call(cast, profile, at(2027, 3, 28, 0, 30))
    assert limit_status(profile, at(2027, 3, 28, 23, 30)).today == 1
    assert limit_status(profile, at(2027, 3, 29, 0, 0)).today == 0


def test_a_contact_beyond_the_limit_is_an_event_and_the_first_is_not(cast, profile):
    call(cast, profile, at(2027, 1, 12, 10))
    assert not LimitReachedEvent.objects.exists()
    second = call(cast, profile, at(2027, 1, 12, 21))
    event = LimitReachedEvent.objects.get()
    assert event.contact == second


def test_a_limit_for_one_channel_counts_only_that_channel(cast, profile):
    services.limit_set(
        profile=profile,
        actor=cast["supervisor_zuid"],
        per_day=1,
        channel="chat",
        valid_from=at(2026, 1, 1).date(),
        reason="Chat alleen.",
        words="Eén chat per dag.",
    )
    call(cast, profile, at(2027, 1, 12, 10), channel="phone")
    call(cast, profile, at(2027, 1, 12, 11), channel="phone")
    assert not limit_status(profile, at(2027, 1, 12, 12)).reached
    call(cast, profile, at(2027, 1, 12, 13), channel="chat")
    assert limit_status(profile, at(2027, 1, 12, 14)).reached


def test_a_new_limit_ends_the_old_one_and_keeps_it(cast, profile):
    old = profile.limits.get()
    services.limit_set(
        profile=profile,
        actor=cast["supervisor_zuid"],
        per_week=7,
        valid_from=at(2026, 1, 1).date(),
        reason="Ruimer.",
        words="Bel gerust elke dag.",
    )
    old.refresh_from_db()
    assert old.ended_at is not None
    assert profile.limits.count() == 2
    limit = limit_status(profile, at(2027, 1, 12)).limit
    assert limit is not None
    assert limit.per_week == 7


def test_a_limit_outside_its_period_does_not_count(cast, profile):
    limit = profile.limits.get()
    limit.valid_until = at(2026, 12, 31).date()
    limit.save()
    call(cast, profile, at(2027, 1, 12, 10))
    status = limit_status(profile, at(2027, 1, 12, 11))
    assert status.limit is None
    assert not status.reached


def test_a_limit_without_numbers_says_so_in_words_once(client, cast, login):
    """The database's "Beperking 'limit_limits_something' is geschonden" stays out."""
    from django.urls import reverse

    profile = make_profile(cast.zuid, cast["supervisor_zuid"])
    login(cast["supervisor_zuid"])
    response = client.post(
        reverse("limit_new", args=[profile.pk]),
        {"reason": "Belde elke avond.", "words": "We spreken af dat je morgen belt."},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "limit_limits_something" not in page
    assert page.count("per dag of per week in, of een maximale duur") == 1
    assert "Belde elke avond." in page  # nothing typed is lost
