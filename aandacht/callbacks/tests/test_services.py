"""Recording, showing, working and erasing call-back requests."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from aandacht.callbacks import crypto, services
from aandacht.callbacks.models import CallbackRequest
from aandacht.callbacks.phone import PhoneError
from aandacht.callbacks.workdays import AMSTERDAM
from aandacht.contacts.tests.conftest import make_contact
from aandacht.core.models import AuditEvent

from .conftest import NORMALISED, make_request, new_key

TUESDAY_EVENING = datetime(2026, 6, 16, 21, 0, tzinfo=AMSTERDAM)


def raw_row(callback: CallbackRequest) -> str:
    """Every column of the request as the database holds it, as one text."""
    table = CallbackRequest._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} WHERE id = %s", [callback.pk])  # noqa: S608
        return " ".join(str(value) for value in cursor.fetchone())


def test_a_request_keeps_a_scrubbed_question_and_the_due_day(cast):
    callback = make_request(
        cast.zuid,
        cast["volunteer_zuid"],
        question="Mevrouw Jansen zoekt een rouwgroep; bel 010-1234567 niet.",
        now=TUESDAY_EVENING,
    )
    callback.refresh_from_db()
    assert "Jansen" not in callback.question
    assert "1234567" not in callback.question
    assert "rouwgroep" in callback.question
    assert callback.due_on == date(2026, 6, 17)
    assert callback.is_open
    assert callback.preferred_time == "morning"


def test_the_database_holds_no_digits_of_the_number(cast):
    callback = make_request(cast.zuid, cast["volunteer_zuid"], number="06 1234 5678")
    raw = raw_row(callback)
    for part in (NORMALISED, "612345678", "12345678", "1234 5678", "+31"):
        assert part not in raw
    assert callback.number_token.startswith("gAAAA")  # a Fernet token


def test_the_specialist_reads_the_number_and_each_time_is_audited(cast):
    callback = make_request(cast.zuid, cast["volunteer_zuid"], number="+31 6 12345678")
    specialist = cast["vraagwijzer_zuid"]
    for _time in range(2):
        assert services.callback_number(callback=callback, viewer=specialist) == (
            NORMALISED
        )
    shown = AuditEvent.objects.filter(action=services.NUMBER_SHOWN)
    assert shown.count() == 2
    event = shown.first()
    assert event is not None
    assert event.actor == specialist
    assert event.region == cast.zuid
    assert event.object_id == str(callback.pk)
    assert NORMALISED[1:] not in str(event.detail)


def test_a_number_older_than_seven_days_is_never_shown_even_unpurged(
    cast, time_machine
):
    callback = make_request(cast.zuid, cast["volunteer_zuid"])
    specialist = cast["vraagwijzer_zuid"]
    time_machine.move_to(callback.created_at + timedelta(days=7, minutes=-1))
    assert services.callback_number(callback=callback, viewer=specialist)
    time_machine.move_to(callback.created_at + timedelta(days=7, minutes=1))
    callback.refresh_from_db()
    assert callback.has_number  # the purge job has not run
    with pytest.raises(services.NumberGone):
        services.callback_number(callback=callback, viewer=specialist)
    assert AuditEvent.objects.filter(action=services.NUMBER_SHOWN).count() == 1


def test_a_changed_key_gives_a_clear_error_and_no_audit(cast, settings):
    callback = make_request(cast.zuid, cast["volunteer_zuid"])
    settings.CALLBACK_KEYS = [new_key()]
    with pytest.raises(crypto.NumberUnreadable):
        services.callback_number(callback=callback, viewer=cast["vraagwijzer_zuid"])
    assert not AuditEvent.objects.filter(action=services.NUMBER_SHOWN).exists()


def test_a_rotated_key_still_reads_numbers_made_with_the_old_one(cast, settings):
    old = settings.CALLBACK_KEYS[0]
    callback = make_request(cast.zuid, cast["volunteer_zuid"])
    settings.CALLBACK_KEYS = [new_key(), old]
    viewer = cast["vraagwijzer_zuid"]
    assert services.callback_number(callback=callback, viewer=viewer) == NORMALISED


@pytest.mark.parametrize(("keys", "reason"), [([], "missing"), (["kort"], "malformed")])
def test_without_a_usable_key_nothing_is_stored(cast, settings, keys, reason):
    settings.CALLBACK_KEYS = keys
    with pytest.raises(crypto.CallbackKeyError) as refused:
        make_request(cast.zuid, cast["volunteer_zuid"])
    assert refused.value.reason == reason
    assert not CallbackRequest.objects.exists()


def test_a_bad_number_stores_nothing(cast):
    with pytest.raises(PhoneError):
        make_request(cast.zuid, cast["volunteer_zuid"], number="0612")
    assert not CallbackRequest.objects.exists()


def test_a_request_can_come_from_a_contact(cast, lists):
    contact = make_contact(cast["volunteer_zuid"], cast.zuid)
    callback = make_request(cast.zuid, cast["volunteer_zuid"], contact=contact)
    assert callback.contact == contact


def test_the_outcome_note_is_scrubbed(cast):
    callback = make_request(cast.zuid, cast["volunteer_zuid"])
    services.callback_note(
        callback=callback,
        actor=cast["vraagwijzer_zuid"],
        outcome="Gesproken met meneer De Vries, hij mailt naar piet@example.nl.",
    )
    callback.refresh_from_db()
    assert "piet@example.nl" not in callback.outcome
    assert "Gesproken" in callback.outcome


def test_done_erases_the_number_at_once(cast):
    callback = make_request(cast.zuid, cast["volunteer_zuid"])
    specialist = cast["vraagwijzer_zuid"]
    services.callback_done(callback=callback, actor=specialist, outcome="Teruggebeld.")
    callback.refresh_from_db()
    assert callback.status == CallbackRequest.Status.DONE
    assert callback.number_token == ""
    assert callback.number_erased_at is not None
    assert callback.done_by == specialist
    assert callback.outcome == "Teruggebeld."
    with pytest.raises(services.NumberGone):
        services.callback_number(callback=callback, viewer=specialist)
    with pytest.raises(services.RequestClosed):
        services.callback_note(callback=callback, actor=specialist, outcome="Nog iets")
    assert AuditEvent.objects.filter(action=services.DONE).get().detail == {
        "number_erased": True
    }


def test_the_database_refuses_a_done_request_with_a_number(cast):
    callback = make_request(cast.zuid, cast["volunteer_zuid"])
    with pytest.raises(IntegrityError), transaction.atomic():
        CallbackRequest.objects.filter(pk=callback.pk).update(status="done")


def test_the_purge_erases_old_and_done_numbers_and_keeps_recent_open_ones(cast):
    now = timezone.now()
    author = cast["volunteer_zuid"]
    old_open = make_request(cast.zuid, author, now=now - timedelta(days=8))
    recent_open = make_request(cast.zuid, author, now=now - timedelta(days=6))
    old_done = make_request(cast.zuid, author, now=now - timedelta(days=9))
    services.callback_done(callback=old_done, actor=author, outcome="")
    counts = services.callbacks_purge_counts(now=now)
    assert (counts.older_than_retention, counts.done, counts.total) == (1, 0, 1)
    assert services.callbacks_purge(now=now) == 1
    old_open.refresh_from_db()
    recent_open.refresh_from_db()
    assert old_open.number_token == ""
    assert old_open.number_erased_at == now
    assert old_open.is_open  # still on the queue, without a number
    assert recent_open.number_token != ""
    assert services.callbacks_purge(now=now) == 0
