"""Staff log in with a password and a code from an authenticator app."""

from __future__ import annotations

from base64 import b32encode
from datetime import UTC, datetime, timedelta

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from aandacht.core.models import AuditEvent
from aandacht.core.tests.helpers import post_login, totp_code, wrong_totp_code
from aandacht.core.tests.html import parse
from conftest import PASSWORD

SETUP = "/account/two-factor/"
VERIFY = "/login/code/"
THROTTLE_PAUSE = timedelta(seconds=2)  # django-otp waits 1 s after a wrong code


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(datetime(2025, 3, 10, 9, 0, 5, tzinfo=UTC), tick=False)
    return time_machine


def set_up_two_factor(client, username: str) -> TOTPDevice:
    """Log in with the password and link an app; the time must be frozen."""
    post_login(client, username)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user__username=username, confirmed=False)
    assert client.post(SETUP, {"token": totp_code(device)}).status_code == 302
    return device


def test_staff_are_sent_to_set_up_two_factor_before_anything_else(client, cast):
    response = post_login(client, "supervisor_zuid")
    assert response.status_code == 302
    for path in ("/", "/account/", "/teams/", "/regions/zuid/team/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.url.split("?")[0] == SETUP


def test_the_setup_page_shows_the_key_of_the_new_authenticator(client, cast):
    post_login(client, "supervisor_zuid")
    response = client.get(SETUP)
    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=cast["supervisor_zuid"], confirmed=False)
    secret = b32encode(device.bin_key).decode().rstrip("=")
    shown = parse(response.content).find("code", id="totp-secret").text
    assert shown.replace(" ", "") == secret
    assert "<svg" in response.content.decode()


def test_a_wrong_setup_code_keeps_them_on_the_setup_page(client, cast, frozen):
    post_login(client, "supervisor_zuid")
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=cast["supervisor_zuid"], confirmed=False)

    response = client.post(SETUP, {"token": wrong_totp_code(device)})
    assert response.status_code == 200
    assert parse(response.content).find_all("p", id="id_token_error")
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/").url == SETUP


def test_the_right_setup_code_confirms_the_device_and_opens_the_app(
    client, cast, frozen
):
    user = cast["supervisor_zuid"]
    post_login(client, user.username)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    client.post(SETUP, {"token": wrong_totp_code(device)})
    frozen.shift(THROTTLE_PAUSE)

    response = client.post(SETUP, {"token": totp_code(device)})
    assert response.status_code == 302
    assert response.url == "/"
    device.refresh_from_db()
    assert device.confirmed
    assert list(TOTPDevice.objects.filter(user=user)) == [device]
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.OTP_SETUP, actor=user
    ).exists()
    assert client.get("/").status_code == 200


def test_a_later_login_asks_for_a_code(client, cast, frozen):
    device = set_up_two_factor(client, "coordinator_zuid")
    client.post("/logout/")
    frozen.shift(timedelta(minutes=5))

    post_login(client, "coordinator_zuid")
    assert client.get("/").url == VERIFY
    assert client.get(SETUP).url == VERIFY, "a password alone must not link a new app"
    response = client.post(VERIFY, {"token": totp_code(device)})
    assert response.status_code == 302
    assert response.url == "/"
    assert client.get("/").status_code == 200


def test_a_wrong_login_code_is_refused_and_audited(client, cast, frozen):
    user = cast["coordinator_zuid"]
    device = set_up_two_factor(client, user.username)
    client.post("/logout/")
    frozen.shift(timedelta(minutes=5))
    post_login(client, user.username)

    response = client.post(VERIFY, {"token": wrong_totp_code(device)})
    assert response.status_code == 200
    assert parse(response.content).find_all("p", id="id_token_error")
    assert client.get("/").url == VERIFY
    assert (
        AuditEvent.objects.filter(
            action=AuditEvent.Action.OTP_FAILED, actor=user
        ).count()
        == 1
    )


def test_a_link_to_another_site_is_not_followed_after_the_code(client, cast, frozen):
    """A phishing link `/login/code/?next=https://evil.example/` must stay here."""
    device = set_up_two_factor(client, "admin_zuid")
    client.post("/logout/")
    frozen.shift(timedelta(minutes=5))
    post_login(client, "admin_zuid")

    response = client.post(
        f"{VERIFY}?next=https://evil.example/", {"token": totp_code(device)}
    )
    assert response.status_code == 302
    assert "evil.example" not in response.url


def test_after_the_code_staff_land_on_the_page_they_asked_for(client, cast, frozen):
    device = set_up_two_factor(client, "admin_zuid")
    client.post("/logout/")
    frozen.shift(timedelta(minutes=5))

    wanted = "/audit/?action=login_failed"
    to_login = client.get(wanted)
    to_wanted = client.post(
        to_login.url, {"username": "admin_zuid", "password": PASSWORD}
    )
    assert to_wanted.url == wanted
    to_code = client.get(wanted)
    assert to_code.url.startswith(VERIFY)
    response = client.post(to_code.url, {"token": totp_code(device)})
    assert response.status_code == 302
    assert response.url == wanted


@pytest.mark.parametrize("username", ["volunteer_zuid", "partner_noord", "nobody"])
def test_volunteers_and_partners_need_no_second_factor(client, cast, username):
    post_login(client, username)
    assert client.get("/").status_code == 200
    assert not TOTPDevice.objects.filter(user__username=username).exists()
