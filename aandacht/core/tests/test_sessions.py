"""Staff sessions end after 30 idle minutes; a volunteer's lasts a shift."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(datetime(2025, 6, 14, 21, 0, tzinfo=UTC), tick=False)
    return time_machine


def minutes(count: int) -> timedelta:
    return timedelta(minutes=count)


def assert_sent_to_login(response) -> None:
    assert response.status_code == 302
    assert response.url.startswith("/login/")


def test_a_staff_session_ends_after_30_idle_minutes(client, cast, login, frozen):
    login(cast["supervisor_zuid"])
    assert client.get("/").status_code == 200
    frozen.shift(minutes(31))
    assert_sent_to_login(client.get("/"))


def test_each_request_restarts_the_staff_idle_time(client, cast, login, frozen):
    login(cast["coordinator_noord"])
    assert client.get("/").status_code == 200
    frozen.shift(minutes(20))
    assert client.get("/").status_code == 200
    frozen.shift(minutes(29))
    assert client.get("/").status_code == 200
    frozen.shift(minutes(31))
    assert_sent_to_login(client.get("/"))


def test_a_volunteer_session_survives_31_idle_minutes(client, cast, login, frozen):
    login(cast["volunteer_zuid"])
    assert client.get("/").status_code == 200
    frozen.shift(minutes(31))
    assert client.get("/").status_code == 200


def test_a_volunteer_session_ends_after_ten_hours(client, cast, login, frozen):
    login(cast["volunteer_zuid"])
    frozen.shift(timedelta(hours=9, minutes=59))
    assert client.get("/").status_code == 200
    frozen.shift(minutes(2))
    assert_sent_to_login(client.get("/"))
