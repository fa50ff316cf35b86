"""Recording and changing sessions: the rules, with a clear message for each."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from aandacht.core.models import AuditEvent
from aandacht.core.roles import Role
from aandacht.training import services
from aandacht.training.models import Attendance, TrainingSession
from conftest import make_user

from .conftest import record

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def attempt(cast, **changes):
    values = {
        "region": cast.zuid,
        "date": timezone.localdate(),
        "topic": "Bellers in crisis",
        "half_days": 2,
        "attendees": [cast["volunteer_zuid"]],
        "recorded_by": cast["supervisor_zuid"],
        **changes,
    }
    return services.training_session_record(**values)


def messages_of(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return error.value.message_dict


def test_a_session_is_recorded_with_its_attendees(cast):
    session = attempt(cast, topic="  Bellers   in crisis ")
    assert session.topic == "Bellers in crisis"  # spaces tidied
    assert list(session.attendees.all()) == [cast["volunteer_zuid"]]
    assert session.recorded_by == cast["supervisor_zuid"]


def test_a_date_in_the_future_is_refused(cast):
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        attempt(cast, date=tomorrow)
    assert "future" in messages_of(error)["date"][0]
    assert not TrainingSession.objects.exists()


@pytest.mark.parametrize("half_days", [0, 5, -1])
def test_half_days_outside_one_to_four_are_refused(cast, half_days):
    with pytest.raises(ValidationError) as error:
        attempt(cast, half_days=half_days)
    assert messages_of(error)["half_days"] == ["A session lasts 1 to 4 half-days."]


@pytest.mark.parametrize("half_days", [1, 4])
def test_one_and_four_half_days_are_fine(cast, half_days):
    assert attempt(cast, half_days=half_days).half_days == half_days


def test_a_session_needs_an_attendee(cast):
    with pytest.raises(ValidationError) as error:
        attempt(cast, attendees=[])
    assert messages_of(error)["attendees"] == [
        "Choose at least one volunteer who attended."
    ]


def test_a_session_needs_a_topic(cast):
    with pytest.raises(ValidationError) as error:
        attempt(cast, topic="   ")
    assert "topic" in messages_of(error)


def test_only_volunteers_of_the_region_can_attend(cast):
    with pytest.raises(ValidationError) as error:
        attempt(
            cast,
            attendees=[
                cast["volunteer_zuid"],
                cast["volunteer_noord"],
                cast["coordinator_zuid"],
            ],
        )
    assert messages_of(error)["attendees"] == [
        "Only volunteers of Zuid can attend; not: coordinator_zuid, volunteer_noord."
    ]
    assert not TrainingSession.objects.exists()


def test_every_problem_is_named_at_once(cast):
    with pytest.raises(ValidationError) as error:
        attempt(
            cast, date=timezone.localdate() + timedelta(days=3), half_days=9, topic=""
        )
    assert set(messages_of(error)) == {"date", "half_days", "topic"}


def test_an_inactive_volunteer_cannot_be_recorded(cast):
    volunteer = cast["volunteer_zuid"]
    volunteer.is_active = False
    volunteer.save(update_fields=["is_active"])
    with pytest.raises(ValidationError):
        attempt(cast)


def test_a_national_volunteer_attends_in_any_region(cast):
    roaming = make_user("roaming", Role.VOLUNTEER, None)
    assert attempt(cast, attendees=[roaming]).attendees.get() == roaming


def test_changing_a_session_replaces_its_attendance(cast):
    second = make_user("second_zuid", Role.VOLUNTEER, cast.zuid)
    session = record(cast.zuid, [cast["volunteer_zuid"]], half_days=1)
    services.training_session_update(
        session=session,
        date=session.date,
        topic="Nieuw onderwerp",
        half_days=3,
        attendees=[second],
    )
    session.refresh_from_db()
    assert (session.topic, session.half_days) == ("Nieuw onderwerp", 3)
    assert list(session.attendees.all()) == [second]


def test_someone_who_left_the_region_stays_recorded_on_a_change(cast):
    volunteer = cast["volunteer_zuid"]
    session = record(cast.zuid, [volunteer])
    volunteer.roles.all().delete()
    services.training_session_update(
        session=session,
        date=session.date,
        topic=session.topic,
        half_days=2,
        attendees=[volunteer],
    )
    assert list(session.attendees.all()) == [volunteer]


def test_someone_who_left_cannot_be_added_to_another_session(cast):
    leaver = cast["volunteer_zuid"]
    other = make_user("other_zuid", Role.VOLUNTEER, cast.zuid)
    session = record(cast.zuid, [other])
    leaver.roles.all().delete()
    with pytest.raises(ValidationError):
        services.training_session_update(
            session=session,
            date=session.date,
            topic=session.topic,
            half_days=1,
            attendees=[other, leaver],
        )
    assert list(session.attendees.all()) == [other]


def test_a_refused_change_keeps_the_session_as_it_was(cast):
    session = record(cast.zuid, [cast["volunteer_zuid"]], half_days=2)
    with pytest.raises(ValidationError):
        services.training_session_update(
            session=session,
            date=session.date,
            topic="Anders",
            half_days=7,
            attendees=[],
        )
    session.refresh_from_db()
    assert (session.topic, session.half_days) == ("Luisteren naar eenzame bellers", 2)
    assert Attendance.objects.filter(session=session).count() == 1


def test_recording_writes_no_audit_event_and_logs_no_names(cast, caplog):
    caplog.set_level(logging.DEBUG)
    attendee = make_user("jansje_pieters", Role.VOLUNTEER, cast.zuid)
    session = attempt(cast, attendees=[attendee])
    services.training_session_update(
        session=session,
        date=session.date,
        topic=session.topic,
        half_days=1,
        attendees=[attendee, cast["volunteer_zuid"]],
    )
    assert not AuditEvent.objects.exists()
    assert "jansje" not in caplog.text.lower()
    assert "volunteer_zuid" not in caplog.text
