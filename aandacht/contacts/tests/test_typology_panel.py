"""The typology assistant inside a contact report: optional, stored, overridable."""

from __future__ import annotations

import pytest
from django.urls import reverse

from aandacht.contacts.models import Contact, ContactDraft
from aandacht.core.tests.html import parse

from .test_register import open_new_report, typical_report

pytestmark = pytest.mark.django_db

DEPENDENT = {
    "typology_network": "small_network_lost",
    "typology_psychiatric": "no",
    "typology_participation": "no",
}


def save(client, draft: ContactDraft, **changes):
    return client.post(
        reverse("contact_draft", args=[draft.key]), typical_report(draft, **changes)
    )


def test_a_report_without_the_panel_stores_no_typology(client, cast, lists, login):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    save(client, draft)
    assert Contact.objects.get().typology == {}


def test_the_answers_result_and_content_version_are_stored(client, cast, lists, login):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)

    save(client, draft, **DEPENDENT)

    stored = Contact.objects.get().typology
    assert stored["network"] == "small_network_lost"
    assert stored["type"] == "dependents"
    assert stored["flags"] == ["safety_check"]
    assert stored["override"] is None
    assert stored["content_version"]


def test_undecided_answers_store_the_candidates(client, cast, lists, login):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)

    save(client, draft, typology_network="lifelong", typology_participation="no")

    stored = Contact.objects.get().typology
    assert stored["type"] is None
    assert stored["candidates"] == ["outsiders", "survivors"]


def test_another_type_needs_a_reason_and_nothing_typed_is_lost(
    client, cast, lists, login
):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)

    response = save(client, draft, **DEPENDENT, typology_override="left_behind")

    assert not Contact.objects.exists()
    page = parse(response.content.decode())
    assert page.find_all("div", class_="field field--error")
    checked = {
        (radio.attrs["name"], radio.attrs["value"])
        for radio in page.find_all("input", type="radio", checked=True)
    }
    assert ("typology_network", "small_network_lost") in checked
    assert "Mevrouw belt omdat ze niemand anders heeft" in response.content.decode()


def test_the_volunteers_own_type_is_kept_with_a_scrubbed_reason(
    client, cast, lists, login
):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)

    save(
        client,
        draft,
        **DEPENDENT,
        typology_override="left_behind",
        typology_reason="Zoekt wel contact, belt 06-12345678 niet meer.",
    )

    stored = Contact.objects.get().typology
    assert stored["type"] == "dependents"
    assert stored["override"] == "left_behind"
    assert "12345678" not in stored["override_reason"]
    assert "[TELEFOON]" in stored["override_reason"]


def test_a_draft_scrubs_the_reason_too(client, cast, lists, login):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    client.post(
        reverse("contact_autosave", args=[draft.key]),
        {"typology_reason": "Ze heet Fatima de Vries en woont in Tilburg."},
    )
    draft.refresh_from_db()
    assert "Fatima" not in draft.data["typology_reason"]


def test_the_panel_shows_the_guidance_for_the_answers(client, cast, lists, login):
    login(cast["volunteer_zuid"])
    url = reverse("typology_panel")

    decided = client.get(url, DEPENDENT).content.decode()
    undecided = client.get(url, {"typology_network": "lifelong"}).content.decode()

    assert 'data-typology-type="dependents"' in decided
    assert 'data-flag="safety_check"' in decided
    candidates = parse(undecided).find_all("li", data_typology_candidate=True)
    assert [li.attrs["data-typology-candidate"] for li in candidates] == [
        "compensators",
        "outsiders",
        "hopeful",
        "survivors",
    ]


def test_the_panel_speaks_the_interface_language(client, cast, lists, login):
    login(cast["volunteer_zuid"])
    client.cookies["django_language"] = "en"
    page = client.get(reverse("typology_panel"), DEPENDENT).content.decode()
    assert "Dependents" in page


def test_a_correction_shows_and_keeps_the_stored_answers(client, cast, lists, login):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    save(client, draft, **DEPENDENT)
    contact = Contact.objects.get()

    page = client.get(reverse("contact_edit", args=[contact.pk])).content.decode()

    checked = {
        (radio.attrs["name"], radio.attrs["value"])
        for radio in parse(page).find_all("input", type="radio", checked=True)
    }
    assert ("typology_participation", "no") in checked
    assert 'data-typology-type="dependents"' in page


def test_a_non_data_contact_has_no_typology(client, cast, lists, login):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    client.post(reverse("contact_autosave", args=[draft.key]), DEPENDENT)
    client.post(
        reverse("contact_non_data", args=[draft.key]), {"contact_type": "silent"}
    )
    assert Contact.objects.get().typology == {}
