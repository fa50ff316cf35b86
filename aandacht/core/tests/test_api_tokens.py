"""API tokens: stored only as a hash, shown once, audited, revocable."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.utils import timezone

from aandacht.core import access, services
from aandacht.core.models import ApiToken, AuditEvent

pytestmark = pytest.mark.django_db


def _everything_stored() -> str:
    """Every value of every row of every table, as one text."""
    return "\n".join(
        repr(row)
        for model in apps.get_models()
        for row in model._base_manager.values_list()
    )


def test_the_key_is_stored_only_as_its_hash(cast):
    token, key = services.api_token_create(user=cast["volunteer_zuid"], name="Bel")
    assert key.startswith("aan_")
    assert key not in _everything_stored()
    assert key[len(token.prefix) :] not in _everything_stored()
    token.refresh_from_db()
    assert token.key_hash == ApiToken.hash_key(key)
    assert len(token.key_hash) == 64


def test_the_prefix_recognises_a_token_without_revealing_it(cast):
    token, key = services.api_token_create(user=cast["volunteer_zuid"], name="Bel")
    assert key.startswith(token.prefix)
    assert len(token.prefix) == 12
    assert len(key) - len(token.prefix) >= 32
    assert token.prefix in str(token)


def test_each_token_is_new(cast):
    keys = {
        services.api_token_create(user=cast["volunteer_zuid"], name="Bel")[1]
        for _ in range(5)
    }
    assert len(keys) == 5


def test_a_key_finds_its_token(cast):
    token, key = services.api_token_create(user=cast["volunteer_zuid"], name="Bel")
    assert access.api_token_for(key) == token
    assert token.user == cast["volunteer_zuid"]


@pytest.mark.parametrize(
    "key",
    [
        "",
        "aan_",
        "aan_" + "x" * 43,  # the right shape, but no such token
        "aan_" + "x" * 44,
        "Bearer aan_" + "x" * 43,
        "aan_" + "\x00" * 43,
        "aan_" + "é" * 43,
    ],
)
def test_a_wrong_key_finds_nothing(cast, key):
    services.api_token_create(user=cast["volunteer_zuid"], name="Bel")
    assert access.api_token_for(key) is None


def test_a_revoked_token_finds_nothing(cast):
    token, key = services.api_token_create(user=cast["volunteer_zuid"], name="Bel")
    services.api_token_revoke(token=token)
    assert not token.is_active
    assert access.api_token_for(key) is None


def test_the_token_of_a_deactivated_person_finds_nothing(cast):
    user = cast["volunteer_zuid"]
    _token, key = services.api_token_create(user=user, name="Bel")
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert access.api_token_for(key) is None


def test_a_token_stops_working_when_it_expires(cast, time_machine, settings):
    settings.API_TOKEN_DAYS = 30
    token, key = services.api_token_create(user=cast["volunteer_zuid"], name="Bel")
    assert token.expires_at == token.created_at + timedelta(days=30)
    time_machine.move_to(token.expires_at - timedelta(minutes=1))
    assert access.api_token_for(key) == token
    time_machine.move_to(token.expires_at + timedelta(minutes=1))
    assert access.api_token_for(key) is None


def test_a_new_password_ends_every_token(cast):
    person = cast["volunteer_zuid"]
    _token, key = services.api_token_create(user=person, name="Bel")
    person.set_password("a new password after a leak")
    person.save()
    assert access.api_token_for(key) is None
    _fresh, fresh_key = services.api_token_create(user=person, name="Bel opnieuw")
    assert access.api_token_for(fresh_key) is not None


def test_creating_and_revoking_are_audited(cast):
    user = cast["volunteer_zuid"]
    token, _key = services.api_token_create(user=user, name="Bel")
    services.api_token_revoke(token=token, actor=cast["admin_zuid"])
    services.api_token_revoke(token=token)  # a second time changes nothing
    created, revoked = AuditEvent.objects.order_by("id")
    assert (created.action, created.actor, created.object_id) == (
        AuditEvent.Action.API_TOKEN_CREATED,
        user,
        str(token.pk),
    )
    assert created.detail == {"prefix": token.prefix}
    assert (revoked.action, revoked.actor) == (
        AuditEvent.Action.API_TOKEN_REVOKED,
        cast["admin_zuid"],
    )


def test_use_is_noted_to_the_minute(cast, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    token, _key = services.api_token_create(user=cast["volunteer_zuid"], name="Bel")
    assert token.last_used_at is None
    services.api_token_mark_used(token=token)
    first = token.last_used_at
    assert first == timezone.now()
    time_machine.shift(timedelta(seconds=30))
    services.api_token_mark_used(token=token)
    assert token.last_used_at == first
    time_machine.shift(timedelta(seconds=31))
    services.api_token_mark_used(token=token)
    token.refresh_from_db()
    assert token.last_used_at == timezone.now()


def test_the_command_prints_the_key_once(cast):
    out = StringIO()
    call_command("api_token_create", "volunteer_zuid", "Telefooncentrale", stdout=out)
    token = ApiToken.objects.get()
    key = next(line for line in out.getvalue().splitlines() if line.startswith("aan_"))
    assert out.getvalue().count(key) == 1
    assert (token.user, token.name) == (cast["volunteer_zuid"], "Telefooncentrale")
    assert access.api_token_for(key) == token


@pytest.mark.parametrize(
    ("username", "name"),
    [("nosuchperson", "Bel"), ("volunteer_zuid", "  "), ("volunteer_zuid", "x" * 101)],
)
def test_the_command_refuses_what_it_cannot_make(cast, username, name):
    with pytest.raises(CommandError):
        call_command("api_token_create", username, name, stdout=StringIO())
    assert not ApiToken.objects.exists()


def test_the_revoke_command_takes_the_prefix(cast):
    token, key = services.api_token_create(user=cast["volunteer_zuid"], name="Bel")
    out = StringIO()
    call_command("api_token_revoke", token.prefix, stdout=out)
    assert access.api_token_for(key) is None
    assert "volunteer_zuid" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("api_token_revoke", token.prefix, stdout=StringIO())
