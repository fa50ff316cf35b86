"""A volunteer registers a report: drafts, validation, idempotency, scrubbing."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from aandacht.contacts.models import Contact, ContactDraft
from aandacht.core.tests.html import parse

from .conftest import topic

pytestmark = pytest.mark.django_db


def open_new_report(client) -> ContactDraft:
    response = client.get(reverse("contact_new"))
    assert response.status_code == 302
    return ContactDraft.objects.latest("started_at")


def local_minute(offset_minutes: int) -> str:
    moment = timezone.localtime() + timedelta(minutes=offset_minutes)
    return moment.strftime("%Y-%m-%dT%H:%M")


def typical_report(draft: ContactDraft, **changes) -> dict[str, object]:
    data: dict[str, object] = {
        "channel": "phone",
        "line_language": "nl",
        "started_at": local_minute(-60),
        "ended_at": local_minute(-39),
        "gender": "female",
        "age_band": "80+",
        "living_situation": "alone",
        "transfer": "none",
        "topics": [topic("loneliness").pk, topic("grief").pk],
        "loneliness": "out_of",
        "loneliness_kind": "emotional",
        "sought": ["heard"],
        "actions": ["listened"],
        "phases": ["opening", "exploration", "closing"],
        "summary": (
            "Mevrouw belt omdat ze niemand anders heeft. Haar man is vorig jaar "
            "overleden. Ze wil vooral gehoord worden."
        ),
    }
    data.update(changes)
    return data


def test_a_typical_report_is_stored_with_its_indicators(client, cast, lists, login):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    response = client.post(
        reverse("contact_draft", args=[draft.key]), typical_report(draft)
    )
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert contact.region == cast.zuid
    assert contact.volunteer == cast["volunteer_zuid"]
    assert contact.loneliness == "out_of"
    assert contact.loneliness_kind == "emotional"
    assert {t.code for t in contact.topics.all()} == {"loneliness", "grief"}
    assert contact.topic_list == lists
    assert contact.duration_seconds == 21 * 60
    assert contact.phases == ["opening", "exploration", "closing"]
    assert not ContactDraft.objects.filter(key=draft.key).exists()


def test_sending_the_same_report_twice_stores_it_once(client, cast, lists, login):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    url = reverse("contact_draft", args=[draft.key])
    client.post(url, typical_report(draft))
    ContactDraft.objects.create(
        key=draft.key, volunteer=cast["volunteer_zuid"], region=cast.zuid
    )
    client.post(url, typical_report(draft))
    assert Contact.objects.count() == 1


def test_names_and_numbers_in_the_summary_are_never_stored(client, cast, lists, login):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    summary = "Mevrouw Roos Verbeek belde, bereikbaar op 06-12345678."
    client.post(
        reverse("contact_draft", args=[draft.key]),
        typical_report(draft, summary=summary),
    )
    stored = Contact.objects.get().summary
    assert "06-12345678" not in stored
    assert "Verbeek" not in stored
    assert "[TELEFOON]" in stored


def test_an_end_before_the_start_is_refused_and_nothing_is_lost(
    client, cast, lists, login
):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    data = typical_report(draft, ended_at=local_minute(-90))
    response = client.post(reverse("contact_draft", args=[draft.key]), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "The end is before the start." in page or "Het einde ligt" in page
    assert "Ze wil vooral gehoord worden." in page
    assert Contact.objects.count() == 0
    draft.refresh_from_db()
    assert "gehoord" in draft.data["summary"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("channel", "telegraph"), ("loneliness", "sometimes"), ("summary", "x" * 2001)],
)
def test_an_unknown_code_or_an_over_long_text_is_refused(
    client, cast, lists, login, field, value
):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    data = typical_report(draft, **{field: value})
    response = client.post(reverse("contact_draft", args=[draft.key]), data)
    assert response.status_code == 200
    assert Contact.objects.count() == 0
    assert 'class="form-errors"' in response.content.decode()


def test_a_non_data_contact_is_counted_in_one_click(client, cast, lists, login):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    response = client.post(
        reverse("contact_non_data", args=[draft.key]),
        {"contact_type": "hung_up", "channel": "chat"},
    )
    assert response.status_code == 302
    contact = Contact.objects.get()
    assert (contact.contact_type, contact.channel) == ("hung_up", "chat")
    assert contact.summary == ""


def test_a_non_data_type_must_be_one_of_the_list(client, cast, lists, login):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    client.post(
        reverse("contact_non_data", args=[draft.key]), {"contact_type": "conversation"}
    )
    assert Contact.objects.count() == 0


def test_the_draft_is_autosaved_scrubbed_and_offered_again(client, cast, lists, login):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    response = client.post(
        reverse("contact_autosave", args=[draft.key]),
        {"summary": "Meneer belt vanaf 0612345678 over zijn buurman.", "topics": []},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "[TELEFOON]" in response.content.decode()
    draft.refresh_from_db()
    assert "0612345678" not in draft.data["summary"]

    client.logout()
    login(cast["volunteer_zuid"])
    offer = client.get(reverse("contact_new"))
    assert offer.status_code == 200
    assert reverse("contact_draft", args=[draft.key]) in offer.content.decode()
    page = client.get(reverse("contact_draft", args=[draft.key])).content.decode()
    assert "over zijn buurman" in page


def test_an_autosave_that_arrives_after_the_report_was_saved_changes_nothing(
    client, cast, lists, login
):
    """The save button takes the focus, which sends a last autosave on its way."""
    from aandacht.contacts import access, services

    volunteer = cast["volunteer_zuid"]
    login(volunteer)
    draft = open_new_report(client)
    late = access.draft_for(volunteer, str(draft.key))  # found before the save
    ContactDraft.objects.filter(pk=draft.pk).delete()  # as the report's save does
    assert services.draft_save(draft=late, data={"summary": "Laat."}) is None
    assert ContactDraft.objects.count() == 0
    response = client.post(
        reverse("contact_autosave", args=[draft.key]),
        {"summary": "Laat."},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 404


def test_a_draft_keeps_only_the_forms_own_fields(client, cast, lists, login):
    """Any other posted key would be stored as it came, unscrubbed."""
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    client.post(
        reverse("contact_autosave", args=[draft.key]),
        {"summary": "Over haar buurman.", "notitie": "Jan de Vries 0612345678"},
        HTTP_HX_REQUEST="true",
    )
    draft.refresh_from_db()
    assert draft.data["summary"] == "Over haar buurman."
    assert "notitie" not in draft.data
    assert "0612345678" not in str(draft.data)


def test_an_autosave_far_beyond_the_fields_limit_is_refused_unscrubbed(
    client, cast, lists, login
):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    client.post(
        reverse("contact_autosave", args=[draft.key]),
        {"summary": "Over haar buurman."},
        HTTP_HX_REQUEST="true",
    )
    started = time.monotonic()
    response = client.post(
        reverse("contact_autosave", args=[draft.key]),
        {"summary": "Ze zegt dat Jan belde. " * 1000},  # 23,000 characters
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 400
    assert time.monotonic() - started < 2  # refused before scrubbing
    draft.refresh_from_db()
    assert draft.data["summary"] == "Over haar buurman."  # nothing lost


def test_a_request_body_beyond_the_limit_is_refused(client, cast, lists, login):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    response = client.post(
        reverse("contact_autosave", args=[draft.key]),
        {"summary": "x" * 800_000},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 400
    draft.refresh_from_db()
    assert draft.data == {}


def test_a_report_with_an_overlong_summary_shows_the_error_and_keeps_the_text(
    client, cast, lists, login
):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    text = "Ze vertelde lang over haar moeder. " * 70  # 2,450 characters
    response = client.post(
        reverse("contact_draft", args=[draft.key]),
        {"channel": "phone", "summary": text},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert re.search(r"2000 (tekens|characters)", page)  # says what is allowed
    assert "Ze vertelde lang over haar moeder." in page
    assert Contact.objects.count() == 0


def test_a_fresh_start_is_possible_beside_a_draft(client, cast, lists, login):
    login(cast["volunteer_zuid"])
    open_new_report(client)
    response = client.get(reverse("contact_new") + "?fresh=1")
    assert response.status_code == 302
    assert ContactDraft.objects.count() == 2


def test_the_crisis_panel_is_open_when_the_draft_says_crisis(
    client, cast, lists, login
):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    client.post(
        reverse("contact_autosave", args=[draft.key]), {"crisis": "on", "summary": ""}
    )
    page = client.get(reverse("contact_draft", args=[draft.key])).content.decode()
    assert 'class="crisis-panel crisis-panel--active" id="crisis-panel" open' in page
    assert "0800-0113" in page


def test_the_channel_defaults_to_the_volunteers_last_one(client, cast, lists, login):
    from .conftest import make_contact

    make_contact(cast["volunteer_zuid"], cast.zuid, channel="chat", line_language="tr")
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    page = client.get(reverse("contact_draft", args=[draft.key])).content.decode()
    chat = parse(page).find("input", name="channel", value="chat")
    assert "checked" in chat.attrs
    assert chat.attrs["data-shortcut"] == "c"
    assert '<option value="tr" selected>' in page
