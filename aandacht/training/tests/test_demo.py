"""The demo: sessions in every region, some volunteers behind and some not."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from aandacht.core.models import Region
from aandacht.training import selectors
from aandacht.training.models import TrainingSession


@pytest.fixture
def demo(db, settings):
    settings.DEMO = True
    return settings


@pytest.mark.parametrize("day", ["2025-01-01", "2025-06-15", "2025-12-31"])
def test_the_demo_has_volunteers_behind_and_on_track(demo, time_machine, day):
    today = datetime.date.fromisoformat(day)
    time_machine.move_to(
        datetime.datetime(today.year, today.month, today.day, 12, tzinfo=datetime.UTC)
    )
    call_command("seed_demo", "--contacts=0", stdout=StringIO())
    for region in Region.objects.all():
        sessions = TrainingSession.objects.filter(region=region)
        assert sessions.filter(date__year=today.year).exists()
        assert not sessions.filter(date__gt=today).exists()
        overview = selectors.region_overview(region, today.year, today=today)
        assert 0 < overview.behind < overview.volunteers


def test_seeding_twice_adds_no_sessions(demo):
    call_command("seed_demo", "--contacts=0", stdout=StringIO())
    first = TrainingSession.objects.count()
    call_command("seed_demo", "--contacts=0", stdout=StringIO())
    assert TrainingSession.objects.count() == first > 0
