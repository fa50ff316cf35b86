"""Test set-up shared by every test: fast hashing and a cast of personas.

The cast has every role in two regions ("zuid" and "noord") and one national
coordinator, so each view can be tried inside and outside a user's region.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from aandacht.core import services
from aandacht.core.access import requires_two_factor
from aandacht.core.models import Region, User
from aandacht.core.roles import Role

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class Cast:
    zuid: Region
    noord: Region
    users: dict[str, User]

    def __getitem__(self, name: str) -> User:
        return self.users[name]


def make_user(username: str, role: str | None, region: Region | None) -> User:
    user = services.user_create(
        username=username, password=PASSWORD, first_name=username
    )
    if role is not None:
        services.role_grant(user=user, role=role, region=region)
    return user


@pytest.fixture
def cast(db) -> Cast:
    organisation = services.organisation_create(name="Testlijn")
    zuid = services.region_create(organisation=organisation, code="zuid", name="Zuid")
    noord = services.region_create(
        organisation=organisation, code="noord", name="Noord"
    )
    users = {}
    for role in Role.values:
        users[f"{role}_zuid"] = make_user(f"{role}_zuid", role, zuid)
        users[f"{role}_noord"] = make_user(f"{role}_noord", role, noord)
    users["national"] = make_user("national", Role.COORDINATOR, None)
    users["nobody"] = make_user("nobody", None, None)
    return Cast(zuid, noord, users)


def verified_login(client: Client, user: User) -> Client:
    """Log in as `user`, with the second factor already given where it is owed."""
    client.force_login(user)
    if requires_two_factor(user):
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, name="test", defaults={"confirmed": True}
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def login(client):
    def _login(user: User) -> Client:
        return verified_login(client, user)

    return _login
