"""Schemathesis against the API's own OpenAPI document: no request makes it fail.

Every operation gets generated requests (valid and invalid) with a
volunteer's token, in process through WSGI: no network, no server.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from aandacht.contacts.models import Contact
from aandacht.contacts.services import municipalities_add
from aandacht.core import services as core_services

from .conftest import make_contact

OPENAPI = "/api/v1/openapi.json"
TOPICS = ["loneliness", "grief", "suicidal_thoughts", "daily_life"]
BOUNDED = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)

# Loaded while the tests are collected: the document needs no database.
# (`schemathesis.pytest.from_fixture` would load it later, but schemathesis
# 4.32 reaches into a pytest attribute that pytest 9 no longer has.)
application = get_wsgi_application()
schema = schemathesis.openapi.from_wsgi(OPENAPI, application)
# A second copy, for POST only and without the coverage phase's hundreds of
# edge cases: its generated reports get plausible times and codes in the
# test, so most are stored and the scrubber and database see generated text.
plausible = schemathesis.openapi.from_wsgi(OPENAPI, application).include(method="POST")
plausible.config.phases.coverage.enabled = False


def make_plausible(body: dict[str, Any]) -> None:
    end = timezone.now() - timedelta(minutes=1)
    topics = body.get("topics")
    count = len(topics) if isinstance(topics, list) else 0
    body.update(
        region=None,
        started_at=(end - timedelta(minutes=20)).isoformat(),
        ended_at=end.isoformat(),
        topics=TOPICS[: count % (len(TOPICS) + 1)],
        source="mee" if body.get("source") else None,
        municipality="GM0772" if body.get("municipality") else None,
    )


@pytest.fixture
def same_connection():
    """Keep the test's database transaction open across the app's requests.

    Django's own test client does the same: at the end of a request Django
    would otherwise close the connection, and with it the test transaction.
    """
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def volunteer_key(cast, lists, same_connection) -> str:
    volunteer = cast["volunteer_zuid"]
    municipalities_add(region=cast.zuid, rows=[("GM0772", "Eindhoven")])
    make_contact(volunteer, cast.zuid)
    _token, key = core_services.api_token_create(user=volunteer, name="schemathesis")
    return key


@schema.parametrize()
@BOUNDED
def test_no_request_makes_the_api_fail(case, volunteer_key):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {volunteer_key}"},
        checks=[not_a_server_error],
    )


@plausible.parametrize()
@BOUNDED
def test_generated_reports_are_stored_without_failing(case, volunteer_key):
    if isinstance(case.body, dict):
        make_plausible(case.body)
    response = case.call_and_validate(
        headers={"Authorization": f"Bearer {volunteer_key}"},
        checks=[not_a_server_error],
    )
    if response.status_code in (200, 201):
        stored = Contact.objects.get(pk=response.json()["id"])
        assert stored.summary == response.json()["summary"]
