"""Fixtures for further training: sessions recorded as a supervisor would."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from aandacht.core.models import Region, User
from aandacht.training import services
from aandacht.training.models import TrainingSession


def record(
    region: Region,
    attendees: list[User],
    *,
    date: datetime.date | None = None,
    half_days: int = 1,
    topic: str = "Luisteren naar eenzame bellers",
    recorded_by: User | None = None,
) -> TrainingSession:
    """A stored session; recorded by the first attendee unless told otherwise."""
    return services.training_session_record(
        region=region,
        date=date or timezone.localdate(),
        topic=topic,
        half_days=half_days,
        attendees=attendees,
        recorded_by=recorded_by or attendees[0],
    )


@pytest.fixture
def english(client):
    """The language switch set to English, for the tests that read a text."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client
