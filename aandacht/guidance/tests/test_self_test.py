"""The public self-test: a result in words, and nothing kept but a count.

Answers below follow the worked cases of shared/docs/scales.md.
"""

from __future__ import annotations

import logging

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from aandacht.core.tests.html import parse
from aandacht.guidance.models import SelfTestCount

pytestmark = pytest.mark.django_db

VISITOR_IP = "198.51.100.77"
DJG6_ITEMS = (3, 4, 7, 9, 8, 10)


def answers(values: dict[int, str]) -> dict[str, str]:
    return {f"item_{number}": answer for number, answer in values.items()}


def take(client, url: str, data: dict[str, str]):
    return client.post(url, data, REMOTE_ADDR=VISITOR_IP)


def test_the_short_test_in_dutch_shows_the_statements_and_the_note(client):
    page = client.get(reverse("self_test")).content.decode()
    assert "Ik ervaar een leegte om me heen" in page
    assert "Ik mis een echt goede vriend" not in page  # item 2 is not in the DJG-6
    assert 'lang="nl"' in page


def test_the_long_test_in_english_has_all_eleven_statements(client):
    page = client.get(reverse("self_test_en") + "?scale=djg11").content.decode()
    assert "I miss having a really close friend" in page
    assert page.count('type="radio"') == 11 * 3
    assert 'lang="en"' in page


def test_a_lonely_answer_set_gives_the_result_in_words_and_counts_it(client):
    lonely = {3: "yes", 9: "yes", 10: "yes", 4: "no", 7: "no", 8: "more_or_less"}
    response = take(client, reverse("self_test"), answers(lonely) | {"scale": "djg6"})

    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-category="severe"' in page
    assert "Dit is geen diagnose" in page
    assert "De Jong Gierveld" in page
    count = SelfTestCount.objects.get()
    assert (count.day, count.scale, count.category, count.count) == (
        timezone.localdate(),
        "djg6",
        "severe",
        1,
    )
    take(client, reverse("self_test"), answers(lonely) | {"scale": "djg6"})
    assert SelfTestCount.objects.get().count == 2


def test_the_long_worked_case_with_two_skipped_items_is_severe(client):
    given = ["N", "J", "J", "N", "J", "J", "N", "N", "J"]
    mapping = {"J": "yes", "N": "no"}
    data = answers({n: mapping[a] for n, a in enumerate(given, start=1)})
    response = take(client, reverse("self_test_en"), data | {"scale": "djg11"})
    assert 'data-category="severe"' in response.content.decode()
    assert "This is not a diagnosis" in response.content.decode()


def test_too_many_skipped_statements_ask_for_more_and_keep_the_answers(client):
    data = answers({3: "yes", 4: "no", 7: "more_or_less", 9: "no"}) | {"scale": "djg6"}
    response = take(client, reverse("self_test_en"), data)

    page = response.content.decode()
    assert "Answer at least five of the six statements" in page
    checked = {
        (field.attrs["name"], field.attrs["value"])
        for field in parse(page).find_all("input", type="radio", checked=True)
    }
    assert checked == {
        ("item_3", "yes"),
        ("item_4", "no"),
        ("item_7", "more_or_less"),
        ("item_9", "no"),
    }
    assert not SelfTestCount.objects.exists()


def test_an_unknown_answer_is_refused_without_a_result(client):
    data = answers(dict.fromkeys(DJG6_ITEMS, "no")) | {"item_3": "ja", "scale": "djg6"}
    response = take(client, reverse("self_test_en"), data)
    assert "data-category" not in response.content.decode()
    assert not SelfTestCount.objects.exists()


def test_a_visit_sets_no_cookie_but_csrf_and_stores_nothing_else(client, caplog):
    """Count every row of every table before and after a visit, and read the logs."""
    caplog.set_level(logging.DEBUG)
    before = {model: model._default_manager.count() for model in apps.get_models()}

    form = client.get(reverse("self_test"), REMOTE_ADDR=VISITOR_IP)
    data = answers(dict.fromkeys(DJG6_ITEMS, "more_or_less")) | {"scale": "djg6"}
    result = take(client, reverse("self_test"), data)

    assert set(form.cookies) <= {"csrftoken"}
    assert set(result.cookies) <= {"csrftoken"}
    changed = {
        model.__name__
        for model in apps.get_models()
        if model._default_manager.count() != before[model]
    }
    assert changed == {"SelfTestCount"}
    logged = "\n".join(
        f"{record.getMessage()} {record.__dict__}" for record in caplog.records
    )
    assert VISITOR_IP not in logged


def test_the_result_points_to_the_line(client, settings):
    settings.LINE_PHONE = "088 0767 000"
    settings.LINE_CHAT_URL = "https://chat.example.org/"
    data = answers(dict.fromkeys(DJG6_ITEMS, "no")) | {"scale": "djg6"}
    page = take(client, reverse("self_test_en"), data).content.decode()
    assert 'href="tel:0880767000"' in page
    assert "Day and night" in page
    assert "https://chat.example.org/" in page
