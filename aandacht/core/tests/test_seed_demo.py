"""The demo organisation: only in demo mode, one user per role, safe to rerun."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from aandacht.core.models import Organisation, Region, RoleAssignment, User
from aandacht.core.roles import Role


@pytest.fixture
def demo(db, settings):
    settings.DEMO = True
    return settings


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", *args, "--contacts=0", stdout=out)
    return out.getvalue()


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count() for model in (Organisation, Region, User, RoleAssignment)
    )


def test_seeding_is_refused_outside_the_demo(db, settings):
    settings.DEMO = False
    with pytest.raises(CommandError, match="AANDACHT_DEMO=1"):
        call_command("seed_demo", stdout=StringIO())
    assert counts() == (0, 0, 0, 0)


def test_the_demo_has_three_regions(demo):
    seed()
    names = set(Region.objects.values_list("name", flat=True))
    assert len(names) == 3
    assert "Zuid-Holland Zuid Midden" in names


def test_the_demo_has_a_demo_user_for_every_role(demo):
    seed()
    users = User.objects.all()
    assert users.exists()
    assert all(user.is_demo for user in users)
    roles = set(RoleAssignment.objects.values_list("role", flat=True))
    assert roles == set(Role.values)
    assert RoleAssignment.objects.filter(region__isnull=True).exists()


def test_seeding_twice_creates_no_duplicates(demo):
    seed()
    first = counts()
    seed()
    assert counts() == first


def test_if_empty_leaves_an_existing_organisation_alone(cast, demo):
    before = counts()
    output = seed("--if-empty")
    assert counts() == before
    assert not User.objects.filter(is_demo=True).exists()
    assert "no demo data added" in output


def test_demo_logins_lists_every_demo_user(demo):
    seed()
    out = StringIO()
    call_command("demo_logins", stdout=out)
    for username in User.objects.filter(is_demo=True).values_list(
        "username", flat=True
    ):
        assert username in out.getvalue()


def test_demo_logins_lists_nobody_outside_the_demo(demo):
    seed()
    demo.DEMO = False
    out = StringIO()
    call_command("demo_logins", stdout=out)
    assert not any(
        username in out.getvalue()
        for username in User.objects.values_list("username", flat=True)
    )
