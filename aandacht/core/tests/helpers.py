"""Steps the core tests share: logging in the way a person does."""

from __future__ import annotations

from django.conf import settings
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD


def post_login(client: Client, username: str, password: str = PASSWORD):
    """The login form, with django-axes counting failures as in production."""
    return client.post("/login/", {"username": username, "password": password})


def lock_out(client: Client, username: str):
    """Type a wrong password until the account locks; returns the last response."""
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = post_login(client, username, "not the password")
    return response


def totp_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code an authenticator app linked to `device` shows now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time += steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def wrong_totp_code(device: TOTPDevice) -> str:
    """A code that the device refuses now, also with its clock tolerance."""
    accepted = {totp_code(device, steps_ahead=n) for n in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222") if code not in accepted)
