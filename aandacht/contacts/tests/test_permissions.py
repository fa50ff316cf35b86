"""The permission matrix of the contact screens, for every persona of the cast.

The draft and the report belong to the volunteer of region zuid.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from aandacht.contacts.models import Contact, ContactDraft
from aandacht.core.models import AuditEvent
from aandacht.core.tests.test_permissions import (
    DENIED,
    HIDDEN,
    MOVES_ON,
    OK,
    TO_LOGIN,
    assert_answer,
    cases,
    each,
    row,
)

from .conftest import make_contact

# The JSON API knows only API tokens: a browser session without one gets 401.
NO_TOKEN = 401

VOLUNTEERS_ONLY = (OK, DENIED, DENIED, DENIED, DENIED, DENIED)
OWN_DRAFT = (MOVES_ON, DENIED, DENIED, DENIED, DENIED, DENIED)
REVIEWERS = (DENIED, OK, DENIED, DENIED, DENIED, DENIED)

MATRIX = {
    "contact_new": row(
        zuid=OWN_DRAFT,
        noord=OWN_DRAFT,
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "contact_draft": row(
        zuid=VOLUNTEERS_ONLY,
        noord=(HIDDEN, *each(DENIED)[1:]),
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "contact_autosave": row(
        zuid=VOLUNTEERS_ONLY,
        noord=(HIDDEN, *each(DENIED)[1:]),
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "contact_non_data": row(
        zuid=OWN_DRAFT,
        noord=(HIDDEN, *each(DENIED)[1:]),
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "draft_discard": row(
        zuid=OWN_DRAFT,
        noord=(HIDDEN, *each(DENIED)[1:]),
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "my_reports": row(
        zuid=VOLUNTEERS_ONLY,
        noord=VOLUNTEERS_ONLY,
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "contact_edit": row(
        zuid=(OK, OK, DENIED, DENIED, DENIED, DENIED),
        noord=(HIDDEN, HIDDEN, DENIED, DENIED, DENIED, DENIED),
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "review_queue": row(
        zuid=REVIEWERS,
        noord=REVIEWERS,
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    "review_detail": row(
        zuid=REVIEWERS,
        noord=(DENIED, HIDDEN, *each(DENIED)[2:]),
        national=DENIED,
        nobody=DENIED,
        anonymous=TO_LOGIN,
    ),
    # The API with a token per persona: aandacht/contacts/tests/test_api.py.
    "api_contact_create": row(
        zuid=each(NO_TOKEN),
        noord=each(NO_TOKEN),
        national=NO_TOKEN,
        nobody=NO_TOKEN,
        anonymous=NO_TOKEN,
    ),
    "api_contact_list": row(
        zuid=each(NO_TOKEN),
        noord=each(NO_TOKEN),
        national=NO_TOKEN,
        nobody=NO_TOKEN,
        anonymous=NO_TOKEN,
    ),
    "api_contact_detail": row(
        zuid=each(NO_TOKEN),
        noord=each(NO_TOKEN),
        national=NO_TOKEN,
        nobody=NO_TOKEN,
        anonymous=NO_TOKEN,
    ),
    # The OpenAPI document is public, as other programs are built from it...
    "openapi-json": row(
        zuid=each(OK), noord=each(OK), national=OK, nobody=OK, anonymous=OK
    ),
    # ...and ninja's root (where a docs page would be) leads nowhere.
    "api-root": row(
        zuid=each(HIDDEN),
        noord=each(HIDDEN),
        national=HIDDEN,
        nobody=HIDDEN,
        anonymous=HIDDEN,
    ),
}


def request_for(name: str, cast) -> tuple[str, str, dict[str, str]]:
    owner = cast["volunteer_zuid"]
    if name in {
        "contact_draft",
        "contact_autosave",
        "contact_non_data",
        "draft_discard",
    }:
        draft = ContactDraft.objects.create(volunteer=owner, region=cast.zuid)
        if name == "contact_draft":
            return "get", reverse(name, args=[draft.key]), {}
        return "post", reverse(name, args=[draft.key]), {"contact_type": "silent"}
    if name in {"contact_edit", "review_detail"}:
        contact = make_contact(owner, cast.zuid)
        return "get", reverse(name, args=[contact.pk]), {}
    if name.startswith("api_") or name in {"openapi-json", "api-root"}:
        return _api_request_for(name, owner, cast)
    return "get", reverse(name), {}


def _api_request_for(name: str, owner, cast) -> tuple[str, str, dict[str, str]]:
    if name == "api_contact_detail":
        contact = make_contact(owner, cast.zuid)
        return "get", reverse(f"api-v1:{name}", args=[contact.pk]), {}
    method = "post" if name == "api_contact_create" else "get"
    return method, reverse(f"api-v1:{name}"), {}


CASES = cases(MATRIX)


@pytest.mark.parametrize(("name", "persona", "expected"), CASES)
def test_permission_matrix(client, cast, lists, login, name, persona, expected):
    if persona != "anonymous":
        login(cast[persona])
    method, path, data = request_for(name, cast)
    response = getattr(client, method)(path, data)
    assert_answer(response, expected, path)


# Screens that show a report's text: every time they do so to anyone but the
# volunteer who wrote it, an audit entry says who read which report.
SHOWS_REPORT_TEXT = ("contact_edit", "review_detail")


@pytest.mark.parametrize(
    ("name", "persona", "expected"),
    cases({name: MATRIX[name] for name in SHOWS_REPORT_TEXT}),
)
def test_every_read_of_a_report_by_someone_else_is_audited(
    client, cast, lists, login, name, persona, expected
):
    if persona != "anonymous":
        login(cast[persona])
    method, path, data = request_for(name, cast)
    response = getattr(client, method)(path, data)
    views = AuditEvent.objects.filter(action=AuditEvent.Action.VIEWED)
    # Not shown, or shown to the report's own volunteer: nothing to audit.
    if response.status_code != OK or persona == "volunteer_zuid":
        assert not views.exists()
    else:
        (event,) = views
        assert event.actor == cast[persona]
        assert event.object_id == str(Contact.objects.get().pk)
