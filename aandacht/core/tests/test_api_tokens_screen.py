"""A volunteer makes an API token on a screen, sees its key once, and revokes it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from aandacht.core.models import ApiToken, AuditEvent


@pytest.mark.django_db
def test_a_volunteer_makes_a_token_and_sees_the_key_once(client, cast, login):
    login(cast["volunteer_zuid"])

    response = client.post(reverse("api_tokens"), {"name": "Telefooncentrale"})

    token = ApiToken.objects.get(user=cast["volunteer_zuid"])
    key = response.context["new_key"]
    assert key.startswith(token.prefix)
    assert ApiToken.hash_key(key) == token.key_hash
    assert key in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    listing = client.get(reverse("api_tokens")).content.decode()
    assert "Telefooncentrale" in listing
    assert key not in listing


@pytest.mark.django_db
def test_a_revoked_token_stops_working_and_is_audited(client, cast, login):
    login(cast["volunteer_zuid"])
    client.post(reverse("api_tokens"), {"name": "Chat"})
    token = ApiToken.objects.get(user=cast["volunteer_zuid"])

    response = client.post(reverse("api_token_revoke", args=[token.pk]), follow=True)

    token.refresh_from_db()
    assert not token.is_active
    assert "Chat" in response.content.decode()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.API_TOKEN_REVOKED, actor=cast["volunteer_zuid"]
    ).exists()


@pytest.mark.django_db
def test_a_token_without_a_name_is_refused_with_a_message(client, cast, login):
    login(cast["volunteer_zuid"])

    response = client.post(reverse("api_tokens"), {"name": ""})

    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert not ApiToken.objects.exists()
