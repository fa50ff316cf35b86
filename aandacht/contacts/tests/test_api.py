"""The JSON API: reports registered and read with a personal API token."""

from __future__ import annotations

import json
import logging
import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from aandacht.contacts import api
from aandacht.contacts.models import Contact, ContactDraft, Municipality
from aandacht.contacts.services import municipalities_add
from aandacht.core import services as core_services
from aandacht.core.models import ApiToken
from aandacht.core.roles import Role
from aandacht.core.tests.test_permissions import PERSONAS

from .conftest import make_contact

pytestmark = pytest.mark.django_db

CREATE = reverse("api-v1:api_contact_create")
LIST = reverse("api-v1:api_contact_list")
PHONE = "06-12345678"


def detail(contact_id: int) -> str:
    return reverse("api-v1:api_contact_detail", args=[contact_id])


def bearer(user) -> dict[str, str]:
    _token, key = core_services.api_token_create(user=user, name="test")
    return {"Authorization": f"Bearer {key}"}


def report(**changes) -> dict[str, object]:
    """A typical report: phone, out of loneliness, two topics, a short summary."""
    end = timezone.now() - timedelta(minutes=2)
    return {
        "idempotency_key": str(uuid.uuid4()),
        "channel": "phone",
        "started_at": (end - timedelta(minutes=21)).isoformat(),
        "ended_at": end.isoformat(),
        "gender": "female",
        "age_band": "80+",
        "living_situation": "alone",
        "topics": ["loneliness", "grief"],
        "loneliness": "out_of",
        "loneliness_kind": "emotional",
        "sought": ["heard"],
        "actions": ["listened", "ordered"],
        "phases": ["opening", "exploration", "closing"],
        "summary": "Mevrouw voelt zich alleen sinds haar man overleed.",
        "reflection": "Lange stiltes; ik liet ze bestaan.",
        **changes,
    }


def post(client: Client, body: object, headers: dict[str, str]):
    return client.post(
        CREATE, json.dumps(body), content_type="application/json", headers=headers
    )


# --- Registering ---------------------------------------------------------------


def test_a_volunteer_registers_a_report_with_a_token(client, cast, lists):
    volunteer = cast["volunteer_zuid"]
    body = report(summary=f"Ze belde vanaf {PHONE}. Ze mist haar man.")
    response = post(client, body, bearer(volunteer))
    assert response.status_code == 201
    contact = Contact.objects.get()
    assert (contact.volunteer, contact.region) == (volunteer, cast.zuid)
    assert str(contact.idempotency_key) == body["idempotency_key"]
    assert sorted(t.code for t in contact.topics.all()) == ["grief", "loneliness"]
    assert (contact.loneliness, contact.duration_seconds) == ("out_of", 21 * 60)
    data = response.json()
    assert data["id"] == contact.pk
    assert data["region"] == "zuid"
    assert data["topics"] == ["loneliness", "grief"]
    assert data["reflection"] == "Lange stiltes; ik liet ze bestaan."


def test_free_text_is_scrubbed_before_it_is_stored(client, cast, lists):
    body = report(
        summary=f"Ze belde vanaf {PHONE}.",
        reflection=f"Ik gaf {PHONE} niet door.",
        referrals=f"Huisarts, {PHONE}",
    )
    response = post(client, body, bearer(cast["volunteer_zuid"]))
    assert response.status_code == 201
    assert PHONE not in response.content.decode()
    contact = Contact.objects.get()
    for text in (contact.summary, contact.reflection, contact.referrals):
        assert PHONE not in text
        assert "[TELEFOON]" in text


def test_a_retry_stores_one_report_and_returns_it(client, cast, lists):
    headers = bearer(cast["volunteer_zuid"])
    body = report()
    first = post(client, body, headers)
    again = post(client, {**body, "summary": "Een tweede poging."}, headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["summary"] == first.json()["summary"]
    assert Contact.objects.count() == 1


def test_the_key_of_someone_elses_report_is_refused(client, cast, lists):
    theirs = make_contact(cast["volunteer_noord"], cast.noord, summary="Van noord.")
    body = report(idempotency_key=str(theirs.idempotency_key))
    response = post(client, body, bearer(cast["volunteer_zuid"]))
    assert response.status_code == 409
    assert "Van noord" not in response.content.decode()
    assert Contact.objects.count() == 1


def test_the_key_of_someone_elses_draft_is_refused(client, cast, lists):
    draft = ContactDraft.objects.create(
        volunteer=cast["volunteer_noord"], region=cast.noord
    )
    body = report(idempotency_key=str(draft.key))
    assert post(client, body, bearer(cast["volunteer_zuid"])).status_code == 409
    assert ContactDraft.objects.filter(key=draft.key).exists()
    assert not Contact.objects.exists()


def test_a_non_data_contact_is_only_counted(client, cast, lists):
    body = report(contact_type="hung_up")
    response = post(client, body, bearer(cast["volunteer_zuid"]))
    assert response.status_code == 201
    data = response.json()
    assert (data["summary"], data["topics"], data["loneliness"]) == ("", [], "none")


def test_source_and_municipality_by_code(client, cast, lists):
    municipalities_add(region=cast.zuid, rows=[("GM0772", "Eindhoven")])
    body = report(source="mee", municipality="GM0772")
    response = post(client, body, bearer(cast["volunteer_zuid"]))
    assert response.status_code == 201
    contact = Contact.objects.get()
    assert contact.source is not None
    assert contact.source.code == "mee"
    assert contact.municipality == Municipality.objects.get(code="GM0772")
    assert (response.json()["source"], response.json()["municipality"]) == (
        "mee",
        "GM0772",
    )


def test_no_csrf_token_is_needed(cast, lists):
    client = Client(enforce_csrf_checks=True)
    response = post(client, report(), bearer(cast["volunteer_zuid"]))
    assert response.status_code == 201


# --- Regions ---------------------------------------------------------------------


@pytest.fixture
def two_regions(cast):
    volunteer = cast["volunteer_zuid"]
    core_services.role_grant(user=volunteer, role=Role.VOLUNTEER, region=cast.noord)
    return volunteer


def test_a_volunteer_of_two_regions_names_one(client, cast, lists, two_regions):
    headers = bearer(two_regions)
    response = post(client, report(), headers)
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["body", "report", "region"]
    assert "noord, zuid" in problem["msg"]
    assert post(client, report(region="noord"), headers).status_code == 201
    assert Contact.objects.get().region == cast.noord


def test_a_region_that_is_not_yours_is_refused(client, cast, lists):
    response = post(client, report(region="noord"), bearer(cast["volunteer_zuid"]))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "report", "region"]
    assert not Contact.objects.exists()


# --- Reading -------------------------------------------------------------------


def test_a_volunteer_reads_their_own_report(client, cast, lists):
    volunteer = cast["volunteer_zuid"]
    contact = make_contact(volunteer, cast.zuid, reflection="Zwaar gesprek.")
    response = client.get(detail(contact.pk), headers=bearer(volunteer))
    assert response.status_code == 200
    data = response.json()
    assert (data["id"], data["channel"], data["reflection"]) == (
        contact.pk,
        "phone",
        "Zwaar gesprek.",
    )


def test_someone_elses_report_is_not_found(client, cast, lists):
    own = make_contact(cast["volunteer_noord"], cast.noord)
    someone_elses = make_contact(cast["volunteer_zuid"], cast.zuid)
    headers = bearer(cast["volunteer_noord"])
    assert client.get(detail(someone_elses.pk), headers=headers).status_code == 404
    assert (
        client.get(detail(someone_elses.pk + 1000), headers=headers).status_code == 404
    )
    assert client.get(detail(own.pk), headers=headers).status_code == 200


def test_reports_older_than_thirty_days_are_not_listed(
    client, cast, lists, time_machine
):
    volunteer = cast["volunteer_zuid"]
    time_machine.move_to(timezone.now() - timedelta(days=31))
    old = make_contact(volunteer, cast.zuid)
    time_machine.move_to(timezone.now() + timedelta(days=31))
    headers = bearer(volunteer)
    assert client.get(detail(old.pk), headers=headers).status_code == 404
    assert client.get(LIST, headers=headers).json()["count"] == 0


def test_the_reflection_is_only_for_the_reports_volunteer(cast, lists):
    contact = make_contact(cast["volunteer_zuid"], cast.zuid, reflection="Van mij.")
    assert api._out(contact, cast["volunteer_zuid"]).reflection == "Van mij."
    assert api._out(contact, cast["supervisor_zuid"]).reflection is None


def test_the_list_is_paginated_newest_first(
    client, cast, lists, django_assert_num_queries
):
    volunteer = cast["volunteer_zuid"]
    now = timezone.now()
    mine = [
        make_contact(volunteer, cast.zuid, started_at=now - timedelta(hours=hours))
        for hours in (3, 1, 2)
    ]
    make_contact(cast["volunteer_noord"], cast.noord)
    headers = bearer(volunteer)
    client.get(LIST, headers=headers)  # the token's first use is noted once
    # token, roles, contacts, their topics, the count
    with django_assert_num_queries(5):
        first = client.get(LIST, {"page_size": 2}, headers=headers).json()
    second = client.get(LIST, {"page_size": 2, "page": 2}, headers=headers).json()
    assert (first["count"], first["page"], first["page_size"]) == (3, 1, 2)
    ids = [item["id"] for item in first["items"] + second["items"]]
    assert ids == [mine[1].pk, mine[2].pk, mine[0].pk]
    beyond = client.get(LIST, {"page": 3, "page_size": 2}, headers=headers).json()
    assert (beyond["items"], beyond["count"]) == ([], 3)


# --- Who may ---------------------------------------------------------------------

# With their own token: volunteers register and read, every other role gets
# 403; a volunteer of another region does not find the zuid report.
CREATES = {"volunteer_zuid": 201, "volunteer_noord": 201}
READS_OWN = {"volunteer_zuid": 200, "volunteer_noord": 404}
WITH_TOKEN = [persona for persona in PERSONAS if persona != "anonymous"]


@pytest.mark.parametrize("persona", WITH_TOKEN)
def test_what_each_persona_may_do_with_a_token(client, cast, lists, persona):
    user = cast[persona]
    headers = bearer(user)
    contact = make_contact(cast["volunteer_zuid"], cast.zuid)
    assert post(client, report(), headers).status_code == CREATES.get(persona, 403)
    listed = client.get(LIST, headers=headers)
    assert listed.status_code == (200 if persona in CREATES else 403)
    read = client.get(detail(contact.pk), headers=headers)
    assert read.status_code == READS_OWN.get(persona, 403)


def test_a_supervisors_token_cannot_register(client, cast, lists):
    response = post(client, report(), bearer(cast["supervisor_zuid"]))
    assert response.status_code == 403
    assert "volunteer" in response.json()["detail"]
    assert not Contact.objects.exists()


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Bearer",
        "Bearer wrong",
        "Bearer aan_" + "x" * 43,
        "Token {key}",
        "Basic {key}",
        "Bearer {key}x",
    ],
)
def test_without_a_valid_token_the_answer_is_401(client, cast, lists, authorization):
    _token, key = core_services.api_token_create(user=cast["volunteer_zuid"], name="t")
    headers = {}
    if authorization is not None:
        headers["Authorization"] = authorization.format(key=key)
    response = post(client, report(), headers)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert "Authorization: Bearer" in response.json()["detail"]
    assert client.get(LIST, headers=headers).status_code == 401
    assert not Contact.objects.exists()


def test_a_revoked_token_is_refused(client, cast, lists):
    token, key = core_services.api_token_create(user=cast["volunteer_zuid"], name="t")
    headers = {"Authorization": f"Bearer {key}"}
    assert client.get(LIST, headers=headers).status_code == 200
    core_services.api_token_revoke(token=token)
    assert client.get(LIST, headers=headers).status_code == 401
    assert post(client, report(), headers).status_code == 401


def test_a_logged_in_browser_without_a_token_gets_401(client, cast, lists, login):
    login(cast["volunteer_zuid"])
    assert client.get(LIST).status_code == 401
    assert post(client, report(), {}).status_code == 401


def test_using_a_token_notes_when(client, cast, lists):
    headers = bearer(cast["volunteer_zuid"])
    assert ApiToken.objects.get().last_used_at is None
    client.get(LIST, headers=headers)
    used = ApiToken.objects.get().last_used_at
    assert used is not None
    assert timezone.now() - used < timedelta(seconds=5)


# --- Bad input -------------------------------------------------------------------

LONG = "x" * 2001


def _in(minutes: int) -> str:
    return (timezone.now() + timedelta(minutes=minutes)).isoformat()


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"ended_at": "before"}, "ended_at", "end is before the start"),
        ({"channel": "fax"}, "channel", "'phone', 'chat' or 'mail'"),
        ({"loneliness": "very"}, "loneliness", "'about'"),
        ({"age_band": "90+"}, "age_band", "'80+'"),
        ({"sought": ["money"]}, "sought", "'solutions'"),
        ({"topics": ["loneliness", "cats"]}, "topics", "not a topic"),
        ({"source": "nobody"}, "source", "not the code"),
        ({"municipality": "GM9999"}, "municipality", "not the cbs code"),
        ({"municipality": "Eindhoven"}, "municipality", "pattern"),
        ({"summary": LONG}, "summary", "at most 2000 characters"),
        ({"reflection": LONG}, "reflection", "at most 2000 characters"),
        ({"referrals": "x" * 501}, "referrals", "at most 500 characters"),
        ({"summary": "Een\x00nul"}, "summary", "control character"),
        ({"started_at": "2026-01-01T10:00:00"}, "started_at", "timezone"),
        ({"started_at": "yesterday"}, "started_at", "datetime"),
        ({"started_at": "in_an_hour"}, "started_at", "in the future"),
        ({"started_at": "two_years_ago"}, "started_at", "more than a year"),
        ({"ended_at": "two_days_later"}, "ended_at", "more than 24 hours"),
        ({"idempotency_key": "not-a-uuid"}, "idempotency_key", "uuid"),
        ({"idempotency_key": None}, "idempotency_key", "uuid"),
        ({"channel": None}, "channel", "'phone'"),
        ({"sumary": "typo"}, "sumary", "extra inputs are not permitted"),
    ],
)
def test_bad_input_names_the_field(client, cast, lists, changes, field, words):
    body = report()
    start = timezone.now() - timedelta(minutes=30)
    times = {
        "before": (start - timedelta(minutes=1)).isoformat(),
        "in_an_hour": _in(60),
        "two_years_ago": _in(-2 * 365 * 24 * 60),
        "two_days_later": (start + timedelta(days=2)).isoformat(),
    }
    body["started_at"] = start.isoformat()
    for key, value in changes.items():
        body[key] = times.get(value, value) if isinstance(value, str) else value
    response = post(client, body, bearer(cast["volunteer_zuid"]))
    assert response.status_code == 422
    problems = response.json()["detail"]
    assert [p for p in problems if p["loc"][2] == field and words in p["msg"].lower()]
    assert not Contact.objects.exists()


def test_a_missing_field_is_named(client, cast, lists):
    body = report()
    del body["channel"]
    response = post(client, body, bearer(cast["volunteer_zuid"]))
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert (problem["loc"], problem["msg"]) == (
        ["body", "report", "channel"],
        "Field required",
    )


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ('{"channel": "phone",', 400, "not valid json"),
        ("channel=phone", 400, "not valid json"),
        (b"\xff\xfe\xfa", 400, "not valid json"),
        ("[]", 422, "valid dictionary"),
        ('"phone"', 422, "valid dictionary"),
        ("null", 422, "valid dictionary"),
        ("", 422, "field required"),
    ],
)
def test_a_malformed_request_gets_a_clear_message(
    client, cast, lists, body, status, words
):
    response = client.post(
        CREATE,
        body,
        content_type="application/json",
        headers=bearer(cast["volunteer_zuid"]),
    )
    assert response.status_code == status
    assert words in json.dumps(response.json()).lower()


@pytest.mark.parametrize(
    ("path", "field"),
    [
        (f"{LIST}?page=0", "page"),
        (f"{LIST}?page=many", "page"),
        (f"{LIST}?page_size=1000", "page_size"),
        ("/api/v1/contacts/abc", "contact_id"),
        ("/api/v1/contacts/99999999999999999999", "contact_id"),
    ],
)
def test_bad_parameters_name_the_parameter(client, cast, lists, path, field):
    response = client.get(path, headers=bearer(cast["volunteer_zuid"]))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][1] == field


def test_no_request_body_reaches_the_log(client, cast, lists, caplog):
    headers = bearer(cast["volunteer_zuid"])
    marker = "Marjolein-uit-de-Dorpsstraat"
    with caplog.at_level(logging.DEBUG):
        post(client, report(summary=marker), headers)
        post(client, report(summary=marker, channel="fax"), headers)
        client.post(
            CREATE, f'{{"summary": "{marker}"', "application/json", headers=headers
        )
    assert caplog.records
    assert marker not in caplog.text
    assert headers["Authorization"][7:] not in caplog.text
