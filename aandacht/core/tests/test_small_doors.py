"""Pages of signed-in people are never cached; demo mode fails the deploy check."""

from __future__ import annotations

import pytest
from django.core.checks import run_checks
from django.urls import reverse

from aandacht.callers.tests.conftest import make_profile
from aandacht.contacts.tests.conftest import lists, make_contact  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("persona", "screen"),
    [
        ("volunteer_zuid", "home"),
        ("volunteer_zuid", "my_reports"),
        ("supervisor_zuid", "review_detail"),
        ("supervisor_zuid", "profile_detail"),
        ("vraagwijzer_zuid", "callback_queue"),
        ("admin_zuid", "audit_log"),
    ],
)
@pytest.mark.usefixtures("lists")
def test_a_signed_in_persons_page_is_never_stored(client, cast, login, persona, screen):
    volunteer, supervisor = cast["volunteer_zuid"], cast["supervisor_zuid"]
    args = []
    if screen == "review_detail":
        args = [make_contact(volunteer, cast.zuid).pk]
    elif screen == "profile_detail":
        args = [make_profile(cast.zuid, supervisor).pk]
    login(cast[persona])
    response = client.get(reverse(screen, args=args))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_the_second_factors_secret_is_never_stored(client, cast):
    client.force_login(cast["coordinator_zuid"])  # no second factor set up yet
    response = client.get(reverse("two_factor_setup"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_deploy_check_fails_in_demo_mode(settings):
    settings.DEMO = True
    errors = run_checks(include_deployment_checks=True)
    assert "core.E001" in {message.id for message in errors}
    settings.DEMO = False
    errors = run_checks(include_deployment_checks=True)
    assert "core.E001" not in {message.id for message in errors}
