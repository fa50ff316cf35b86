"""No caller identifier typed into a report ends up in any table or log line."""

from __future__ import annotations

import logging

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from aandacht.contacts.models import ContactDraft

pytestmark = pytest.mark.django_db

PHONE = "06-48213377"
EMAIL = "r.verhoeven@voorbeeld.nl"
POSTCODE = "3312 KL"


def every_stored_text() -> str:
    """All text in every table of the project, as one string to search."""
    parts: list[str] = []
    for model in apps.get_models():
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        if fields:
            for row in model._default_manager.values_list(*fields):
                parts.extend(str(value) for value in row)
    return "\n".join(parts)


def test_identifiers_in_drafts_and_reports_are_never_stored_or_logged(
    client, cast, lists, login, caplog
):
    caplog.set_level(logging.DEBUG)
    login(cast["volunteer_zuid"])
    client.get(reverse("contact_new"))
    draft = ContactDraft.objects.get()
    text = f"Zij is te bereiken op {PHONE} of {EMAIL}, postcode {POSTCODE}."
    client.post(
        reverse("contact_autosave", args=[draft.key]),
        {"summary": text, "reflection": text, "referrals": text},
    )
    client.post(
        reverse("contact_draft", args=[draft.key]),
        {
            "channel": "phone",
            "started_at": "2020-01-01T10:00",
            "ended_at": "2020-01-01T10:20",
            "line_language": "nl",
            "gender": "unknown",
            "age_band": "unknown",
            "living_situation": "unknown",
            "transfer": "none",
            "loneliness": "none",
            "summary": text,
            "reflection": text,
            "referrals": text,
        },
    )
    stored = every_stored_text()
    assert "[TELEFOON]" in stored
    for identifier in (PHONE, EMAIL, POSTCODE):
        assert identifier not in stored
        assert identifier not in caplog.text
