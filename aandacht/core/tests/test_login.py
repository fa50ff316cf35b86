"""Logging in with a password: lock-out after five failures at one address,
a slow-down after five failures anywhere, all of it audited."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from aandacht.core import services
from aandacht.core.models import AuditEvent
from aandacht.core.tests.helpers import lock_out, post_login
from aandacht.core.tests.html import parse

Action = AuditEvent.Action
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def actions_of(label: str) -> Counter[str]:
    return Counter(
        AuditEvent.objects.filter(actor_label=label).values_list("action", flat=True)
    )


def is_logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_the_login_page_is_dutch_by_default(client):
    response = client.get("/login/")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "nl"
    assert parse(response.content).find("html").attrs["lang"] == "nl"


def test_a_volunteer_logs_in_and_finds_the_new_contact_button(client, cast):
    response = post_login(client, "volunteer_zuid")
    assert response.status_code == 302
    assert response.url == "/"

    home = client.get("/")
    assert home.status_code == 200
    with translation.override("nl"):
        label = gettext("New contact")
    section = parse(home.content).find("section", aria_labelledby="role-volunteer")
    [link] = [a for a in section.find_all("a") if a.text.startswith(label)]
    assert link.attrs["href"] == "/contacts/new/"


def test_a_wrong_password_shows_an_error_and_keeps_the_user_name(client, cast):
    response = post_login(client, "volunteer_zuid", "wrong password")
    assert response.status_code == 200
    page = parse(response.content)
    assert page.find("div", class_="form-errors", role="alert").text
    assert page.find("input", name="username").attrs["value"] == "volunteer_zuid"
    assert not is_logged_in(client)


def test_the_fifth_wrong_password_locks_the_account(client, cast):
    statuses = [
        post_login(client, "volunteer_zuid", "wrong password").status_code
        for _attempt in range(5)
    ]
    assert statuses == [200, 200, 200, 200, 429]
    assert not is_logged_in(client)


def test_the_locked_out_page_is_shown(client, cast):
    response = lock_out(client, "volunteer_zuid")
    assert response.status_code == 429
    assert "registration/locked_out.html" in [t.name for t in response.templates]
    assert 'href="/password-reset/"' in response.content.decode()


def test_a_locked_account_refuses_even_the_right_password(client, cast):
    lock_out(client, "volunteer_zuid")
    response = post_login(client, "volunteer_zuid")
    assert response.status_code == 429
    assert not is_logged_in(client)
    assert client.get("/").status_code == 302


def test_a_stranger_elsewhere_cannot_lock_a_volunteer_out(client, cast, time_machine):
    """Failures count per user name and address: another address is not locked."""
    time_machine.move_to(START, tick=False)
    stranger = Client(REMOTE_ADDR="203.0.113.5")
    lock_out(stranger, "volunteer_zuid")
    time_machine.shift(2)  # the user name's slow-down after five failures
    volunteer = Client(REMOTE_ADDR="198.51.100.20")
    assert post_login(volunteer, "volunteer_zuid").status_code == 302
    response = post_login(stranger, "volunteer_zuid")
    assert response.status_code == 429
    assert "registration/locked_out.html" in [t.name for t in response.templates]


def test_behind_the_proxy_the_lock_out_holds_for_the_address_the_proxy_saw(
    client, cast, settings, time_machine
):
    """All requests come from the proxy; X-Forwarded-For tells them apart."""
    settings.BEHIND_PROXY = True
    time_machine.move_to(START, tick=False)
    stranger = Client(HTTP_X_FORWARDED_FOR="203.0.113.5")
    lock_out(stranger, "volunteer_zuid")
    time_machine.shift(2)
    # What a client writes before the proxy's own entry does not count.
    volunteer = Client(HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.20")
    assert post_login(volunteer, "volunteer_zuid").status_code == 302
    assert post_login(stranger, "volunteer_zuid").status_code == 429


def test_one_persons_typos_do_not_lock_out_a_colleague(client, cast):
    lock_out(client, "volunteer_zuid")
    assert post_login(client, "supervisor_zuid").status_code == 302


def test_every_failure_and_the_lock_out_are_audited(client, cast):
    lock_out(client, "volunteer_zuid")
    assert actions_of("volunteer_zuid") == {
        Action.LOGIN_FAILED: 5,
        Action.LOCKED_OUT: 1,
    }
    events = AuditEvent.objects.filter(actor_label="volunteer_zuid")
    assert {event.actor for event in events} == {cast["volunteer_zuid"]}
    # The address is kept only as long as the lock-out, by django-axes.
    assert {event.ip_address for event in events} == {None}


def test_a_successful_login_and_a_logout_are_audited(client, cast):
    post_login(client, "partner_zuid")
    client.post("/logout/")
    events = AuditEvent.objects.filter(actor=cast["partner_zuid"]).order_by("at", "id")
    assert [e.action for e in events] == [Action.LOGIN, Action.LOGOUT]
    assert {e.actor_label for e in events} == {"partner_zuid"}


def test_a_failed_login_with_an_unknown_name_keeps_only_a_marker(client, cast):
    """The typed name may be a password typed in the user-name field."""
    post_login(client, "Zomer2024!geheim", "guess")
    event = AuditEvent.objects.get(action=Action.LOGIN_FAILED)
    assert event.actor is None
    assert event.actor_label == AuditEvent.UNKNOWN_USER


def test_a_lock_out_of_an_unknown_name_keeps_only_a_marker(client, cast):
    lock_out(client, "Zomer2024!geheim")
    labels = set(AuditEvent.objects.values_list("action", "actor_label"))
    assert labels == {
        (Action.LOGIN_FAILED, AuditEvent.UNKNOWN_USER),
        (Action.LOCKED_OUT, AuditEvent.UNKNOWN_USER),
    }


def test_failures_at_two_addresses_do_not_show_a_member_as_locked(client, cast, login):
    member = cast["volunteer_zuid"]
    for address, failures in (("203.0.113.5", 3), ("198.51.100.20", 2)):
        for _attempt in range(failures):
            post_login(Client(REMOTE_ADDR=address), member.username, "wrong")

    login(cast["coordinator_zuid"])
    team = parse(client.get("/regions/zuid/team/").content)
    unlock_url = reverse("member_unlock", args=["zuid", member.pk])
    assert team.find_all("form", action=unlock_url) == []


@pytest.mark.parametrize("unlocker", ["coordinator_zuid", "admin_zuid", "national"])
def test_a_coordinator_or_admin_unlocks_a_member_of_their_region(
    client, cast, login, unlocker
):
    member = cast["volunteer_zuid"]
    member_client = Client()
    lock_out(member_client, member.username)
    unlock_url = reverse("member_unlock", args=["zuid", member.pk])

    login(cast[unlocker])
    team = parse(client.get("/regions/zuid/team/").content)
    assert team.find("form", action=unlock_url)
    response = client.post(unlock_url)
    assert response.status_code == 302
    assert response.url == "/regions/zuid/team/"
    team = parse(client.get("/regions/zuid/team/").content)
    assert team.find_all("form", action=unlock_url) == []

    assert post_login(member_client, member.username).status_code == 302
    event = AuditEvent.objects.get(action=Action.UNLOCKED)
    assert event.actor == cast[unlocker]
    assert event.region == cast.zuid
    assert (event.object_type, event.object_id) == ("core.user", str(member.pk))


def test_a_coordinator_cannot_unlock_a_member_of_another_region(client, cast, login):
    member = cast["volunteer_noord"]
    lock_out(Client(), member.username)
    login(cast["coordinator_zuid"])
    response = client.post(reverse("member_unlock", args=["zuid", member.pk]))
    assert response.status_code == 404
    assert post_login(Client(), member.username).status_code == 429
    assert not AuditEvent.objects.filter(action=Action.UNLOCKED).exists()


def test_a_lock_out_from_two_browsers_can_be_unlocked_from_the_team_page(
    client, cast, login
):
    """django-axes adds up the failures of one name at one address, any browser."""
    member = cast["volunteer_zuid"]
    at_home = Client(HTTP_USER_AGENT="Firefox at home")
    at_location = Client(HTTP_USER_AGENT="Chromium at the contact location")
    for _attempt in range(3):
        post_login(at_home, member.username, "wrong")
    post_login(at_location, member.username, "wrong")
    assert post_login(at_location, member.username, "wrong").status_code == 429

    login(cast["coordinator_zuid"])
    team = parse(client.get("/regions/zuid/team/").content)
    unlock_url = reverse("member_unlock", args=["zuid", member.pk])
    assert team.find_all("form", action=unlock_url), (
        "no unlock button for a locked member"
    )


def test_a_demo_user_cannot_log_in_outside_the_demo(client, db, settings):
    settings.DEMO = False
    services.user_create(
        username="vrijwilliger", password="demo-password", is_demo=True
    )
    response = post_login(client, "vrijwilliger", "demo-password")
    assert response.status_code == 200
    assert not is_logged_in(client)


def test_a_demo_user_can_log_in_in_the_demo(client, db, settings):
    settings.DEMO = True
    services.user_create(
        username="vrijwilliger", password="demo-password", is_demo=True
    )
    response = post_login(client, "vrijwilliger", "demo-password")
    assert response.status_code == 302
    assert is_logged_in(client)
