"""Supervisors read reports in a queue, give feedback; volunteers see it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from aandacht.contacts.models import Feedback
from aandacht.core.models import AuditEvent

from .conftest import make_contact

pytestmark = pytest.mark.django_db


def queue_ids(client, **params) -> list[int]:
    response = client.get(reverse("review_queue"), params)
    assert response.status_code == 200
    return [contact.pk for contact in response.context["page"]]


def test_the_queue_puts_unread_crisis_reports_on_top(client, cast, lists, login):
    volunteer = cast["volunteer_zuid"]
    now = timezone.now()
    older = make_contact(volunteer, cast.zuid, started_at=now - timedelta(hours=5))
    crisis = make_contact(
        volunteer, cast.zuid, crisis=True, started_at=now - timedelta(hours=9)
    )
    newest = make_contact(volunteer, cast.zuid, started_at=now - timedelta(hours=1))
    read = make_contact(volunteer, cast.zuid, started_at=now - timedelta(minutes=40))
    read.read_at = now
    read.save(update_fields=["read_at"])
    make_contact(cast["volunteer_noord"], cast.noord)

    login(cast["supervisor_zuid"])
    assert queue_ids(client) == [crisis.pk, newest.pk, older.pk, read.pk]


def test_the_queue_filters(client, cast, lists, login):
    volunteer = cast["volunteer_zuid"]
    chat = make_contact(volunteer, cast.zuid, channel="chat")
    about = make_contact(volunteer, cast.zuid, loneliness="about")
    login(cast["supervisor_zuid"])
    assert queue_ids(client, channel="chat") == [chat.pk]
    assert queue_ids(client, loneliness="about") == [about.pk]
    assert queue_ids(client, crisis="on") == []


def test_the_queue_runs_a_fixed_number_of_queries(
    client, cast, lists, login, django_assert_max_num_queries
):
    for _ in range(30):
        make_contact(cast["volunteer_zuid"], cast.zuid)
    login(cast["supervisor_zuid"])
    with django_assert_max_num_queries(12):
        client.get(reverse("review_queue"))


def test_reading_a_report_is_audited(client, cast, lists, login):
    contact = make_contact(cast["volunteer_zuid"], cast.zuid)
    login(cast["supervisor_zuid"])
    assert client.get(reverse("review_detail", args=[contact.pk])).status_code == 200
    event = AuditEvent.objects.get(action="viewed")
    assert (event.actor, event.object_id) == (cast["supervisor_zuid"], str(contact.pk))


def test_feedback_reaches_the_volunteer(client, cast, lists, login):
    contact = make_contact(cast["volunteer_zuid"], cast.zuid)
    login(cast["supervisor_zuid"])
    client.post(
        reverse("review_detail", args=[contact.pk]),
        {"text": "Mooi hoe je de stilte liet bestaan."},
    )
    contact.refresh_from_db()
    assert contact.read_at is not None

    client.logout()
    login(cast["volunteer_zuid"])
    home = client.get(reverse("home")).content.decode()
    assert "1 new feedback" in home or "1 nieuwe feedback" in home
    mine = client.get(reverse("my_reports")).content.decode()
    assert "Mooi hoe je de stilte liet bestaan." in mine
    assert Feedback.objects.get().seen_at is not None


def test_mark_as_read(client, cast, lists, login):
    contact = make_contact(cast["volunteer_zuid"], cast.zuid)
    login(cast["supervisor_zuid"])
    client.post(reverse("review_detail", args=[contact.pk]), {"mark_read": "1"})
    contact.refresh_from_db()
    assert contact.read_by == cast["supervisor_zuid"]


def test_non_data_contacts_are_not_in_the_queue(client, cast, lists, login):
    make_contact(cast["volunteer_zuid"], cast.zuid, contact_type="silent")
    login(cast["supervisor_zuid"])
    assert queue_ids(client) == []
