"""The demo: profiles in every region, clean text, linked reports, safe to rerun."""

from __future__ import annotations

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from aandacht.callers.models import CallerProfile, ContactLimit, LimitReachedEvent
from aandacht.callers.services import PROFILE_TEXT_FIELDS
from aandacht.callers.windows import day_window, week_window
from aandacht.contacts.models import Contact
from aandacht.core.models import Region
from aandacht.privacy.scrub import scrub

CONTACTS = "--contacts=3000"


@pytest.fixture
def demo(db, settings):
    settings.DEMO = True
    return settings


def seed() -> None:
    call_command("seed_demo", CONTACTS, stdout=StringIO())


def snapshot() -> tuple[object, ...]:
    return (
        sorted(CallerProfile.objects.values_list("pk", "alias", "last_contact_at")),
        sorted(ContactLimit.objects.values_list("pk", "profile_id")),
        sorted(LimitReachedEvent.objects.values_list("contact_id", "profile_id")),
        sorted(
            Contact.objects.filter(caller_profile__isnull=False).values_list(
                "pk", "caller_profile_id"
            )
        ),
    )


def test_every_region_has_profiles_some_with_a_limit_and_reports(demo):
    seed()
    for region in Region.objects.all():
        profiles = CallerProfile.objects.filter(region=region)
        assert 6 <= profiles.count() <= 10
        assert 2 <= ContactLimit.objects.filter(profile__region=region).count() <= 3
        assert Contact.objects.filter(caller_profile__region=region).exists()
        assert profiles.exclude(consultation_notes="").exists()
    linked = Contact.objects.filter(caller_profile__isnull=False)
    assert linked.filter(regular_caller=True).count() == linked.count()
    assert not linked.exclude(region=F("caller_profile__region")).exists()
    per_profile = Counter(linked.values_list("caller_profile", flat=True))
    assert max(per_profile.values()) >= 3 * min(per_profile.values())  # daily, weekly


def test_some_reviews_are_due_and_last_contacts_are_set(demo):
    seed()
    today = timezone.localdate()
    assert CallerProfile.objects.filter(review_on__lte=today).exists()
    assert CallerProfile.objects.filter(review_on__gt=today).exists()
    for profile in CallerProfile.objects.all():
        last = (
            Contact.objects.filter(caller_profile=profile)
            .order_by("-started_at")
            .values_list("started_at", flat=True)
            .first()
        )
        assert profile.last_contact_at == last


def test_no_profile_text_holds_what_the_scrubber_would_replace(demo):
    seed()
    texts = [
        getattr(profile, name)
        for profile in CallerProfile.objects.all()
        for name in PROFILE_TEXT_FIELDS
    ]
    for limit in ContactLimit.objects.all():
        texts += [limit.reason, limit.words]
    assert all(texts[:2])
    for text in texts:
        assert scrub(text).findings == (), text


def test_limit_events_are_reports_taken_over_the_limit(demo):
    seed()
    events = LimitReachedEvent.objects.select_related("limit", "contact")
    assert events.exists()
    for event in events:
        limit, contact = event.limit, event.contact
        assert contact.caller_profile_id == event.profile_id == limit.profile_id
        assert event.at == contact.started_at
        earlier = Contact.objects.filter(
            caller_profile=event.profile_id, started_at__lt=contact.started_at
        )
        if limit.channel:
            assert contact.channel == limit.channel
            earlier = earlier.filter(channel=limit.channel)
        day = earlier.filter(started_at__gte=day_window(contact.started_at)[0])
        week = earlier.filter(started_at__gte=week_window(contact.started_at)[0])
        assert (limit.per_day is not None and day.count() >= limit.per_day) or (
            limit.per_week is not None and week.count() >= limit.per_week
        )


def test_seeding_twice_changes_nothing(demo):
    seed()
    first = snapshot()
    seed()
    assert snapshot() == first
    assert CallerProfile.objects.count() > 0
