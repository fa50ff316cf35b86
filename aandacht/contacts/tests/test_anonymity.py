"""No caller identifier typed into a report ends up in any table or log line."""

from __future__ import annotations

import logging
import re

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from aandacht.contacts.models import Contact, ContactDraft
from aandacht.privacy.normalise import normalise

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


def save_a_report(client, text: str) -> None:
    """Autosave ``text`` into every free-text field of a draft, then save it."""
    client.get(reverse("contact_new"))
    draft = ContactDraft.objects.get()
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


def test_identifiers_in_drafts_and_reports_are_never_stored_or_logged(
    client, cast, lists, login, caplog
):
    caplog.set_level(logging.DEBUG)
    login(cast["volunteer_zuid"])
    save_a_report(
        client, f"Zij is te bereiken op {PHONE} of {EMAIL}, postcode {POSTCODE}."
    )
    stored = every_stored_text()
    assert "[TELEFOON]" in stored
    for identifier in (PHONE, EMAIL, POSTCODE):
        assert identifier not in stored
        assert identifier not in caplog.text


def test_numbers_written_in_pasted_characters_are_never_stored(
    client, cast, lists, login
):
    """No-break spaces, dashes, zero-width and full-width digits hide nothing."""
    login(cast["volunteer_zuid"])
    phone = "06\u00a048\u202f21\u200b33\u201377"
    iban = "".join(chr(ord(c) + 0xFEE0) for c in "NL91ABNA0417164300")
    save_a_report(client, f"Ze belt vanaf {phone} en noemde rekening {iban}.")
    assert Contact.objects.get().summary == (
        "Ze belt vanaf [TELEFOON] en noemde rekening [IBAN]."
    )
    readable = re.sub(r"[\s-]", "", normalise(every_stored_text()).text)
    assert "0648213377" not in readable
    assert "NL91ABNA0417164300" not in readable


FREE_TEXT = ("q", "summary", "reflection", "referrals", "typology_reason")


def test_what_a_volunteer_types_never_goes_into_a_url(client, cast, lists, login):
    """Server, proxy and gunicorn access logs keep URLs: typed text stays out."""
    from aandacht.core.tests.html import parse

    from .test_register import open_new_report

    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    page = parse(
        client.get(reverse("contact_draft", args=[draft.key])).content.decode()
    )
    for search in ("caller-search", "service-search"):
        [field] = page.find_all("input", id=search)
        assert "hx-post" in field.attrs
        assert "hx-get" not in field.attrs
    tags = ("div", "section", "form", "input", "select", "button", "a", "details")
    getters = [element for tag in tags for element in page.find_all(tag, hx_get=True)]
    assert getters  # the typology panel asks for its guidance by GET
    for element in getters:
        included = element.attrs.get("hx-include", "")
        for prefix, value in re.findall(r"\[name(\^?)='([^']+)'\]", included):
            sends = [n for n in FREE_TEXT if n.startswith(value)] if prefix else [value]
            assert not set(sends) & set(FREE_TEXT), included
        assert element.attrs.get("name") not in FREE_TEXT
    for name in ("caller_lookup", "socialmap_search"):
        url = reverse(name, args=["zuid"])
        assert client.get(url, {"q": "Jan de Vries 0612345678"}).status_code == 405
