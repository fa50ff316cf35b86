"""Changing and resetting a password; both are in the audit log."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from aandacht.core.models import AuditEvent
from aandacht.core.tests.helpers import post_login
from conftest import PASSWORD

NEW_PASSWORD = "a brand new passphrase 42"


def test_a_password_change_is_audited(client, cast, login):
    user = cast["volunteer_zuid"]
    login(user)
    response = client.post(
        "/account/password/",
        {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert response.url == "/account/password/done/"
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.PASSWORD_CHANGED, actor=user
    ).exists()
    assert client.get("/").status_code == 200, "the session survives the change"


@pytest.fixture
def reset_by_mail(settings, cast):
    """A mail server is configured, so people can reset their own password."""
    settings.PASSWORD_RESET_ENABLED = True
    user = cast["volunteer_zuid"]
    user.email = "sanne@example.org"
    user.save(update_fields=["email"])
    return user


def follow_reset_link(client, user) -> None:
    client.post("/password-reset/", {"email": user.email})
    [message] = mail.outbox
    link = re.search(r"https?://[^/\s]+(/password-reset/\S+/)", str(message.body))
    assert link, message.body
    set_password_page = client.get(link[1])
    assert set_password_page.status_code == 302
    response = client.post(
        set_password_page.url,
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response.url == "/password-reset/done/"


def test_a_password_reset_by_mail_sets_the_new_password(client, reset_by_mail):
    follow_reset_link(client, reset_by_mail)
    assert post_login(client, reset_by_mail.username, NEW_PASSWORD).status_code == 302


def test_a_password_reset_by_mail_is_audited(client, reset_by_mail):
    follow_reset_link(client, reset_by_mail)
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.PASSWORD_RESET, actor=reset_by_mail
    ).exists()


def test_without_a_mail_server_a_reset_sends_nothing(client, cast):
    response = client.post("/password-reset/", {"email": "sanne@example.org"})
    assert response.status_code == 200
    assert mail.outbox == []
    assert "registration/password_reset_unavailable.html" in [
        t.name for t in response.templates
    ]
