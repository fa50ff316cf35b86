"""Requests per minute per address on the public self-test and the HSDS API."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.apps import apps
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from aandacht.core.tests.html import parse
from aandacht.guidance.models import SelfTestCount

VISITOR_IP = "198.51.100.77"
OTHER_IP = "203.0.113.8"
MINUTE_START = datetime(2026, 3, 2, 9, 0, 0, tzinfo=UTC)

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(MINUTE_START, tick=False)
    return time_machine


def get_many(url: str, times: int, address: str = VISITOR_IP) -> list[int]:
    client = Client(REMOTE_ADDR=address)
    return [client.get(url).status_code for _request in range(times)]


@pytest.mark.parametrize(
    ("url_name", "language"), [("self_test", "nl"), ("self_test_en", "en")]
)
def test_the_self_test_refuses_an_address_after_its_limit(
    frozen, settings, url_name, language
):
    settings.SELF_TEST_RATE_LIMIT = 3
    url = reverse(url_name)
    assert get_many(url, 4) == [200, 200, 200, 429]

    response = Client(REMOTE_ADDR=VISITOR_IP).get(url)
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "too_many_requests.html" in [t.name for t in response.templates]
    assert parse(response.content).find("html").attrs["lang"] == language


def test_the_refusal_says_how_long_to_wait(frozen, settings):
    settings.SELF_TEST_RATE_LIMIT = 1
    get_many(reverse("self_test_en"), 1)
    frozen.shift(45)
    response = Client(REMOTE_ADDR=VISITOR_IP).get(reverse("self_test_en"))
    alert = parse(response.content).find("div", role="alert").text
    assert "Wait 15 seconds and try again." in alert


def test_another_address_is_not_refused(frozen, settings):
    settings.SELF_TEST_RATE_LIMIT = 2
    get_many(reverse("self_test"), 3)
    assert get_many(reverse("self_test"), 1, OTHER_IP) == [200]


def test_the_limit_starts_again_the_next_minute(frozen, settings):
    settings.SELF_TEST_RATE_LIMIT = 2
    get_many(reverse("self_test"), 3)
    frozen.shift(59)
    response = Client(REMOTE_ADDR=VISITOR_IP).get(reverse("self_test"))
    assert response["Retry-After"] == "1"
    frozen.shift(1)
    assert get_many(reverse("self_test"), 2) == [200, 200]


def test_refused_answers_of_the_self_test_are_kept_to_send_again(frozen, settings):
    settings.SELF_TEST_RATE_LIMIT = 1
    client = Client(REMOTE_ADDR=VISITOR_IP)
    client.get(reverse("self_test_en"))
    answers = {f"item_{n}": "no" for n in (3, 4, 7, 9, 8, 10)} | {"scale": "djg6"}
    response = client.post(reverse("self_test_en"), answers)
    assert response.status_code == 429
    assert not SelfTestCount.objects.exists()

    form = parse(response.content).find("form", method="post")
    kept = {
        field.attrs["name"]: field.attrs["value"]
        for field in form.find_all("input", type="hidden")
        if field.attrs["name"] != "csrfmiddlewaretoken"
    }
    assert kept == answers
    frozen.shift(60)
    again = client.post(reverse("self_test_en"), kept)
    assert 'data-category="' in again.content.decode()
    assert SelfTestCount.objects.get().count == 1


def test_the_hsds_api_refuses_an_address_after_its_limit(frozen, settings):
    settings.HSDS_API_RATE_LIMIT = 2
    assert get_many("/api/hsds/", 3) == [200, 200, 429]
    response = Client(REMOTE_ADDR=VISITOR_IP).get("/api/hsds/services")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert response.json() == {
        "detail": "Too many requests from your address: wait 60 seconds and try again."
    }


def test_the_self_test_and_the_api_count_separately(frozen, settings):
    settings.SELF_TEST_RATE_LIMIT = 1
    settings.HSDS_API_RATE_LIMIT = 1
    assert get_many(reverse("self_test"), 1) == [200]
    assert get_many("/api/hsds/", 1) == [200]


def test_a_limit_of_zero_switches_it_off(frozen, settings):
    settings.SELF_TEST_RATE_LIMIT = 0
    assert set(get_many(reverse("self_test"), 5)) == {200}


def test_behind_the_proxy_the_address_the_proxy_saw_counts(frozen, settings):
    settings.BEHIND_PROXY = True
    settings.SELF_TEST_RATE_LIMIT = 1
    first = Client(HTTP_X_FORWARDED_FOR=VISITOR_IP)
    second = Client(HTTP_X_FORWARDED_FOR=f"{VISITOR_IP}, {OTHER_IP}")
    assert first.get(reverse("self_test")).status_code == 200
    assert second.get(reverse("self_test")).status_code == 200
    assert first.get(reverse("self_test")).status_code == 429


def test_the_address_is_stored_nowhere(frozen, settings):
    """Not in the database, and not even in the cache's keys or values."""
    settings.SELF_TEST_RATE_LIMIT = 1
    before = {model: model._default_manager.count() for model in apps.get_models()}

    get_many(reverse("self_test"), 2)
    get_many("/api/hsds/", 2)

    assert all(
        model._default_manager.count() == count for model, count in before.items()
    )
    stored = cache._cache  # type: ignore[attr-defined]  # the memory cache's dict
    assert stored, "the counts should be in the cache"
    for key, value in stored.items():
        assert VISITOR_IP not in key
        assert VISITOR_IP.encode() not in value  # a pickled text keeps its bytes
