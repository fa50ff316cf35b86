"""The call-back screens as a volunteer and the Vraagwijzer specialist use them."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aandacht.callbacks import selectors, services
from aandacht.callbacks.models import CallbackRequest
from aandacht.callbacks.workdays import AMSTERDAM
from aandacht.contacts.tests.conftest import make_contact
from aandacht.core.models import AuditEvent
from aandacht.core.roles import Role
from conftest import make_user

from .conftest import NORMALISED, NUMBER, make_request, new_key

QUESTION = "Zoekt een wandelgroep in de buurt."
HTMX = {"HX-Request": "true"}


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"


def new_request(client, data, region="zuid", **params):
    query = "&".join(f"{k}={v}" for k, v in {"region": region, **params}.items())
    return client.post(f"{reverse('callback_new')}?{query}", data)


def test_a_volunteer_leaves_a_request_and_sees_no_number_afterwards(
    client, cast, login, english
):
    login(cast["volunteer_zuid"])
    data = {"question": QUESTION, "number": NUMBER, "preferred_time": "midday"}
    response = new_request(client, data)
    callback = CallbackRequest.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("callback_saved", args=[callback.pk])
    page = client.get(response.url).content.decode()
    assert "The call-back request is saved" in page
    assert QUESTION in page
    assert "1234" not in page
    assert callback.created_by == cast["volunteer_zuid"]
    assert callback.region == cast.zuid


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("06 1234", "A Dutch phone number has ten digits"),
        ("+32 470 12 34 56", "Only Dutch numbers"),
        ("0900 1234567", "cost money per minute"),
        ("bel na zessen", "only digits"),
        ("", "Enter the phone number"),
    ],
)
def test_a_bad_number_is_explained_and_everything_typed_is_kept(
    client, cast, login, english, typed, message
):
    login(cast["volunteer_zuid"])
    data = {"question": QUESTION, "number": typed, "preferred_time": "morning"}
    response = new_request(client, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "everything you typed is kept" in page
    assert QUESTION in page
    if typed:
        assert f'value="{typed}"' in page
    assert not CallbackRequest.objects.exists()


def test_without_a_key_the_form_says_so_and_keeps_the_text(
    client, cast, login, english, settings
):
    settings.CALLBACK_KEYS = []
    login(cast["volunteer_zuid"])
    assert (
        "AANDACHT_CALLBACK_KEY"
        in client.get(reverse("callback_new") + "?region=zuid").content.decode()
    )
    data = {"question": QUESTION, "number": NUMBER, "preferred_time": "any"}
    page = new_request(client, data).content.decode()
    assert "cannot be recorded" in page
    assert QUESTION in page
    assert not CallbackRequest.objects.exists()


def test_during_the_vraagwijzer_hours_a_volunteer_is_told_to_transfer(
    client, cast, login, english
):
    login(cast["volunteer_zuid"])
    path = reverse("callback_new") + "?region=zuid"
    with time_machine.travel(datetime(2026, 6, 16, 11, tzinfo=AMSTERDAM)):
        assert "transfer the caller directly" in client.get(path).content.decode()
    with time_machine.travel(datetime(2026, 6, 16, 20, tzinfo=AMSTERDAM)):
        assert "transfer the caller directly" not in client.get(path).content.decode()


def test_a_volunteer_with_two_regions_chooses_one(client, cast, login, english):
    from aandacht.core import services as core_services

    volunteer = cast["volunteer_zuid"]
    core_services.role_grant(user=volunteer, role=Role.VOLUNTEER, region=cast.noord)
    login(volunteer)
    page = client.get(reverse("callback_new")).content.decode()
    assert "For which region" in page
    assert "?region=noord" in page
    assert "?region=zuid" in page


def test_a_request_links_the_volunteers_own_contact_only(
    client, cast, login, english, lists
):
    own = make_contact(cast["volunteer_zuid"], cast.zuid)
    colleague = make_user("collega", Role.VOLUNTEER, cast.zuid)
    theirs = make_contact(colleague, cast.zuid)
    login(cast["volunteer_zuid"])
    data = {"question": QUESTION, "number": NUMBER, "preferred_time": "any"}
    assert new_request(client, data, contact=theirs.pk).status_code == 404
    assert new_request(client, data, contact=own.pk).status_code == 302
    assert CallbackRequest.objects.get().contact == own


def test_the_link_for_the_contact_form_carries_region_and_contact(cast, lists):
    from django.template.loader import render_to_string

    contact = make_contact(cast["volunteer_zuid"], cast.zuid)
    html = render_to_string("callbacks/_request_link.html", {"contact": contact})
    assert f"?region=zuid&amp;contact={contact.pk}" in html
    html = render_to_string("callbacks/_request_link.html", {"region": cast.noord})
    assert "?region=noord" in html
    assert reverse("callback_new") in render_to_string("callbacks/_request_link.html")


def test_the_queue_puts_the_overdue_first_and_marks_them(client, cast, login, english):
    now = timezone.now()
    author = cast["volunteer_zuid"]
    make_request(cast.zuid, author, question="Later gesteld.", now=now)
    make_request(cast.zuid, author, question="Lang geleden.", now=now - timedelta(6))
    make_request(cast.noord, cast["volunteer_noord"], question="Ander gebied.")
    login(cast["vraagwijzer_zuid"])
    page = client.get(reverse("callback_queue")).content.decode()
    assert page.index("Lang geleden.") < page.index("Later gesteld.")
    assert "Ander gebied." not in page
    assert "Overdue" in page
    assert "1 request is overdue" in page


def test_the_queue_reads_in_a_fixed_number_of_queries(cast, django_assert_num_queries):
    for days in range(5):
        make_request(
            cast.zuid, cast["volunteer_zuid"], now=timezone.now() - timedelta(days)
        )
    requests = CallbackRequest.objects.filter(region=cast.zuid)
    with django_assert_num_queries(3):
        queue = selectors.queue(requests, show_done=False, today=timezone.localdate())
        [row.callback.region.name for row in queue.rows]
    assert len(queue.rows) == 5


def test_the_number_is_shown_on_a_button_press_and_every_press_is_audited(
    client, cast, login, english
):
    callback = make_request(cast.zuid, cast["volunteer_zuid"])
    login(cast["vraagwijzer_zuid"])
    detail = client.get(reverse("callback_detail", args=[callback.pk]))
    assert "Show number" in detail.content.decode()
    assert "1234" not in detail.content.decode()
    assert not AuditEvent.objects.filter(action=services.NUMBER_SHOWN).exists()
    path = reverse("callback_number", args=[callback.pk])
    partial = client.post(path, headers=HTMX)
    assert "06 1234 5678" in partial.content.decode()
    assert "<html" not in partial.content.decode()
    assert "no-store" in partial["Cache-Control"]
    full = client.post(path)  # without JavaScript: the whole page
    assert "06 1234 5678" in full.content.decode()
    assert "<html" in full.content.decode()
    assert AuditEvent.objects.filter(action=services.NUMBER_SHOWN).count() == 2


def test_a_changed_key_is_explained_not_a_crash(client, cast, login, english, settings):
    callback = make_request(cast.zuid, cast["volunteer_zuid"])
    settings.CALLBACK_KEYS = [new_key()]
    login(cast["vraagwijzer_zuid"])
    response = client.post(reverse("callback_number", args=[callback.pk]), headers=HTMX)
    assert response.status_code == 200
    assert "cannot be read with the current encryption key" in response.content.decode()


def test_marking_done_erases_the_number_and_keeps_the_note(
    client, cast, login, english
):
    callback = make_request(cast.zuid, cast["volunteer_zuid"])
    login(cast["vraagwijzer_zuid"])
    path = reverse("callback_outcome", args=[callback.pk])
    response = client.post(path, {"outcome": "Teruggebeld, rouwgroep genoemd."})
    assert response.url == reverse("callback_detail", args=[callback.pk])
    response = client.post(path, {"outcome": "Teruggebeld, rouwgroep.", "done": "1"})
    assert response.url == reverse("callback_queue")
    callback.refresh_from_db()
    assert not callback.is_open
    assert callback.number_token == ""
    assert callback.outcome == "Teruggebeld, rouwgroep."
    page = client.get(reverse("callback_detail", args=[callback.pk])).content.decode()
    assert "Show number" not in page
    assert "the number is erased" in page
    response = client.post(reverse("callback_number", args=[callback.pk]))
    assert "the number is erased" in response.content.decode()
    done = client.get(reverse("callback_queue") + "?show=done").content.decode()
    assert callback.question in done


def test_no_log_line_holds_the_number(client, cast, login, caplog):
    """Not in the request log, and not even in the SQL log with its parameters."""
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django.db.backends")
    data = {"question": QUESTION, "number": NUMBER, "preferred_time": "any"}
    with CaptureQueriesContext(connection):  # makes Django log every query
        login(cast["volunteer_zuid"])
        new_request(client, data | {"number": "0612"})  # refused
        new_request(client, data, region="noord")  # 404, logged by django.request
        new_request(client, data)
        callback = CallbackRequest.objects.get()
        client.logout()
        login(cast["vraagwijzer_zuid"])
        client.post(reverse("callback_number", args=[callback.pk]), headers=HTMX)
        client.post(reverse("callback_outcome", args=[callback.pk]), {"done": "1"})
    assert "INSERT INTO" in caplog.text  # the queries were logged...
    assert "Not Found" in caplog.text  # ...and the refused request too...
    for digits in (NORMALISED, "12345678", "1234 5678", "0612"):
        assert digits not in caplog.text  # ...but never the number


def test_home_shows_the_due_count_to_the_specialist(client, cast, login, english):
    make_request(
        cast.zuid, cast["volunteer_zuid"], now=timezone.now() - timedelta(days=5)
    )
    login(cast["vraagwijzer_zuid"])
    page = client.get(reverse("home")).content.decode()
    assert reverse("callback_queue") in page
    assert "1 due" in page


def test_an_open_request_past_seven_days_says_its_number_was_erased(
    client, cast, login, english
):
    callback = make_request(
        cast.zuid, cast["volunteer_zuid"], now=timezone.now() - timedelta(days=8)
    )
    services.callbacks_purge()
    login(cast["vraagwijzer_zuid"])
    page = client.get(reverse("callback_detail", args=[callback.pk])).content.decode()
    assert "no number is kept longer than 7 days" in page
    assert "Show number" not in page
    assert "Mark done" in page  # the specialist can still close it
