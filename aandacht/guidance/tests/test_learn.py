"""Lessons and the case quiz: answers kept, progress shown, choices per case."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from aandacht.core.tests.html import parse
from aandacht.guidance import assistant
from aandacht.guidance.models import VignetteAnswer

pytestmark = pytest.mark.django_db


def number_of(key: str) -> int:
    return list(assistant.guidance().vignettes).index(key) + 1


def answer(client, key: str, chosen: str, **answers: str):
    data = {
        "network": "thinning",
        "psychiatric": "no",
        "participation": "yes",
        **answers,
        "chosen_type": chosen,
    }
    return client.post(reverse("case", args=[number_of(key)]), data)


def test_every_lesson_renders_with_its_sources(client, cast, login):
    login(cast["volunteer_zuid"])
    words = assistant.guidance()
    for key, lesson in words.lessons.items():
        page = client.get(reverse("lesson", args=[key])).content.decode()
        assert lesson.title in page
        assert lesson.paragraphs[0].source in page


def test_a_right_answer_is_kept_and_explained(client, cast, login):
    login(cast["volunteer_zuid"])
    words = assistant.guidance()
    case = words.vignettes["actives_1"]

    response = answer(
        client,
        "actives_1",
        "actives",
        network=case.network,
        psychiatric=case.psychiatric,
        participation=case.participation,
    )

    outcome = parse(response.content.decode()).find_all("div", class_="case__outcome")
    assert outcome[0].attrs["data-correct"] == "yes"
    assert case.explanation.text[:40] in response.content.decode()
    stored = VignetteAnswer.objects.get()
    assert (stored.volunteer, stored.chosen_type, stored.correct) == (
        cast["volunteer_zuid"],
        "actives",
        True,
    )


def test_a_wrong_type_is_kept_and_the_right_one_named(client, cast, login):
    login(cast["volunteer_zuid"])
    words = assistant.guidance()

    response = answer(client, "actives_1", "outsiders")

    page = response.content.decode()
    assert 'data-correct="no"' in page
    assert words.types["actives"].name in page
    assert VignetteAnswer.objects.get().correct is False


def test_an_incomplete_answer_keeps_what_was_chosen(client, cast, login):
    login(cast["volunteer_zuid"])
    response = client.post(
        reverse("case", args=[number_of("actives_1")]), {"network": "lifelong"}
    )
    checked = parse(response.content.decode()).find_all(
        "input", type="radio", checked=True
    )
    assert [(c.attrs["name"], c.attrs["value"]) for c in checked] == [
        ("network", "lifelong")
    ]
    assert not VignetteAnswer.objects.exists()


def test_the_overview_shows_progress_per_case(client, cast, login):
    login(cast["volunteer_zuid"])
    answer(client, "actives_1", "actives")
    answer(client, "sheltered_1", "actives")

    response = client.get(reverse("learn"))

    progress = {item.vignette.key: item for item in response.context["progress"]}
    assert progress["actives_1"].last_correct is True
    assert progress["sheltered_1"].last_correct is False
    assert progress["outsiders_1"].attempts == 0
    assert len(progress) >= 16


def test_supervisors_see_the_choices_of_their_own_regions_volunteers(
    client, cast, login
):
    login(cast["volunteer_zuid"])
    answer(client, "actives_1", "sheltered")
    login(cast["volunteer_noord"])
    answer(client, "actives_1", "outsiders")

    login(cast["supervisor_zuid"])
    rows = client.get(reverse("case_choices")).context["rows"]

    first = next(row for row in rows if row["vignette"].key == "actives_1")
    chosen = {type_.code: times for type_, times, _own in first["choices"] if times}
    assert chosen == {"sheltered": 1}
    assert first["total"] == 1


def test_an_unknown_case_or_lesson_is_not_found(client, cast, login):
    login(cast["volunteer_zuid"])
    assert client.get(reverse("case", args=[999])).status_code == 404
    assert client.get("/learn/cases/actives_1/").status_code == 404
    assert client.get(reverse("lesson", args=["nothing"])).status_code == 404


def test_a_cases_address_does_not_give_its_type_away(client, cast, login):
    login(cast["volunteer_zuid"])
    page = client.get(reverse("learn")).content.decode()
    links = re.findall(r'href="(/learn/cases/[^"]+)"', page)
    assert links
    types = set(assistant.guidance().types)
    assert not [link for link in links if any(code in link for code in types)]
    assert all(client.get(link).status_code == 200 for link in links)
