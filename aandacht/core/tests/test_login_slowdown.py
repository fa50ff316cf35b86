"""Guessing one user name from many addresses: slower and slower, never locked."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from axes.models import AccessAttempt
from django.db.models import Sum
from django.test import Client

from aandacht.core.models import AuditEvent
from aandacht.core.selectors import slowdown_seconds
from aandacht.core.tests.helpers import post_login
from aandacht.core.tests.html import parse

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
NAME = "volunteer_zuid"


def fail_from_many_addresses(failures: int, username: str = NAME) -> None:
    """One wrong password from each of `failures` addresses, none locked out."""
    for number in range(failures):
        post_login(Client(REMOTE_ADDR=f"203.0.113.{number + 1}"), username, "wrong")


def recorded_failures() -> int:
    return AccessAttempt.objects.aggregate(total=Sum("failures_since_start"))["total"]


def volunteer() -> Client:
    client = Client(REMOTE_ADDR="198.51.100.20")
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(START, tick=False)
    return time_machine


def test_four_failures_from_four_addresses_cost_no_wait(cast, frozen):
    fail_from_many_addresses(4)
    assert post_login(volunteer(), NAME).status_code == 302


def test_after_five_failures_the_right_password_waits_without_being_checked(
    cast, frozen
):
    fail_from_many_addresses(5)
    failures_before = AuditEvent.objects.filter(action="login_failed").count()

    response = post_login(volunteer(), NAME)

    assert response.status_code == 429
    assert response["Retry-After"] == "2"
    page = parse(response.content)
    alert = page.find("div", class_="form-errors", role="alert").text
    assert "Wait 2 seconds and try again" in alert
    assert page.find("input", name="username").attrs["value"] == NAME
    assert "_auth_user_id" not in response.client.session
    # No password check: nothing counted, nothing audited as a failure.
    assert recorded_failures() == 5
    assert AuditEvent.objects.filter(action="login_failed").count() == failures_before


def test_after_the_wait_the_person_logs_in(cast, frozen):
    fail_from_many_addresses(5)
    frozen.shift(1)
    assert post_login(volunteer(), NAME).status_code == 429
    frozen.shift(1)
    assert post_login(volunteer(), NAME).status_code == 302


def test_the_wait_doubles_with_each_further_failure(cast, frozen):
    fail_from_many_addresses(5)
    frozen.shift(2)
    post_login(Client(REMOTE_ADDR="192.0.2.1"), NAME, "wrong")  # the sixth
    response = post_login(volunteer(), NAME)
    assert response["Retry-After"] == "4"
    assert "Wait 4 seconds" in response.content.decode()


def test_the_wait_stops_growing_at_the_longest_wait(cast, frozen, settings):
    settings.LOGIN_MAX_WAIT_SECONDS = 5
    fail_from_many_addresses(5)
    for extra in range(4):
        frozen.shift(5)
        post_login(Client(REMOTE_ADDR=f"192.0.2.{extra + 1}"), NAME, "wrong")
    response = post_login(volunteer(), NAME)
    assert response["Retry-After"] == "5"


def test_other_user_names_are_not_slowed_down(cast, frozen):
    fail_from_many_addresses(8)
    assert post_login(volunteer(), "supervisor_zuid").status_code == 302


def test_an_unknown_name_is_slowed_down_like_a_known_one(cast, frozen):
    """The answer does not tell whether a user name exists."""
    fail_from_many_addresses(5, "no_such_person")
    response = post_login(volunteer(), "no_such_person")
    assert response.status_code == 429
    assert "Wait 2 seconds" in response.content.decode()


def test_the_failures_are_forgotten_after_the_lock_out_time(cast, frozen, settings):
    fail_from_many_addresses(10)
    frozen.shift(settings.AXES_COOLOFF_TIME.total_seconds() + 1)
    post_login(Client(REMOTE_ADDR="192.0.2.1"), NAME, "wrong")
    assert post_login(volunteer(), NAME).status_code == 302


def test_the_admin_login_is_slowed_down_too(cast, frozen, settings):
    fail_from_many_addresses(5)
    response = volunteer().post(
        f"/{settings.ADMIN_URL}login/", {"username": NAME, "password": "anything"}
    )
    assert "Wait 2 seconds" in response.content.decode()
    assert recorded_failures() == 5


@pytest.mark.parametrize(
    ("failures", "wait"),
    [(0, 0), (4, 0), (5, 2), (6, 4), (7, 8), (9, 32), (10, 60), (500, 60)],
)
def test_the_wait_for_a_number_of_failures(failures, wait):
    assert slowdown_seconds(failures, free=5, longest=60) == wait
