"""Test set-up shared by every test: fast hashing and a cast of personas.

The cast has every role in two regions ("zuid" and "noord") and one national
coordinator, so each view can be tried inside and outside a user's region.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from aandacht.core import services
from aandacht.core.access import requires_two_factor
from aandacht.core.models import Region, User
from aandacht.core.roles import Role

PASSWORD = "correct horse battery"

# Fixtures through which a test reaches the database (pytest-django's own).
DATABASE_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
        "live_server",
    }
)


def uses_database(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    return item.get_closest_marker("django_db") is not None or bool(
        fixtures & DATABASE_FIXTURES
    )


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    """With AANDACHT_DATABASE_TESTS_ONLY=1, run only the tests whose outcome
    the database can change: ``make test`` runs the rest once, on SQLite, and
    not again on PostgreSQL."""
    if os.environ.get("AANDACHT_DATABASE_TESTS_ONLY") != "1":
        return
    kept = [item for item in items if uses_database(item)]
    config.hook.pytest_deselected(
        items=[item for item in items if not uses_database(item)]
    )
    items[:] = kept


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counts live in the process's cache: each test starts afresh."""
    cache.clear()


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
