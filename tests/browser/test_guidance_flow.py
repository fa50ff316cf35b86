"""Guidance in Chromium: the typology panel in a call, the self-test, the cases."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from aandacht.contacts.models import Contact
from aandacht.core.roles import Role
from aandacht.guidance import content
from aandacht.guidance.models import SelfTestCount, VignetteAnswer
from conftest import make_user

from .conftest import htmx_ready, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_typology_panel_guides_as_the_volunteer_answers(
    page: Page, live_server, region, english, csp_violations
):
    make_user("sanne", Role.VOLUNTEER, region)
    log_in(page, live_server.url, "sanne")
    page.get_by_role("link", name=re.compile("New contact")).click()
    htmx_ready(page)

    page.get_by_text("Typology assistant (optional)").click()
    result = page.locator("#typology-result")
    expect(result).to_contain_text("Answer what you heard")

    page.get_by_label("The small network that was enough has fallen away").check()
    expect(result).to_contain_text("2 types still fit")
    expect(result).to_contain_text("Those left behind")

    page.locator("#id_typology_participation").get_by_label("No", exact=True).check()
    expect(result.get_by_role("heading")).to_have_text("Possibly: Dependents")
    expect(result.locator('[data-flag="safety_check"]')).to_be_visible()

    page.get_by_role("textbox", name="Summary").fill("Ze mist haar zus.")
    page.get_by_role("button", name=re.compile("Save report")).click()
    expect(page.get_by_text("The report is saved")).to_be_visible()
    assert Contact.objects.get().typology["type"] == "dependents"


def answer_all(page: Page, answer: str) -> None:
    for group in page.locator("fieldset.self-test__item").all():
        group.get_by_label(answer, exact=True).check()


def test_the_public_self_test_in_dutch_and_in_english(
    page: Page, live_server, csp_violations
):
    page.goto(f"{live_server.url}/zelftest/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    answer_all(page, "Min of meer")
    page.get_by_role("button", name="Bekijk mijn uitslag").click()
    expect(page.get_by_role("heading", name="Uw uitslag")).to_be_visible()
    expect(page.get_by_text("Dit is geen diagnose.")).to_be_visible()

    page.get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    answer_all(page, "No")
    page.get_by_role("button", name="See my result").click()
    expect(page.get_by_role("heading", name="Your result")).to_be_visible()
    expect(page.get_by_text("This is not a diagnosis.")).to_be_visible()

    # All "more or less" scores 6 of 6; all "no" scores the three positive items.
    assert sorted(SelfTestCount.objects.values_list("category", flat=True)) == [
        "moderate",
        "severe",
    ]
    assert [c["name"] for c in page.context.cookies()] in ([], ["csrftoken"])


def test_a_volunteer_does_two_cases(
    page: Page, live_server, region, english, csp_violations
):
    make_user("sanne", Role.VOLUNTEER, region)
    words = content.load("en")
    first, second = list(words.vignettes.values())[:2]
    log_in(page, live_server.url, "sanne")
    page.goto(f"{live_server.url}/learn/")
    page.get_by_role("link", name="Case 1", exact=True).click()

    answer_case(page, first, chosen=words.types[first.type].name)
    expect(page.get_by_role("heading", name=re.compile("^Right"))).to_be_visible()
    page.get_by_role("link", name="Next case").click()

    wrong = next(t for code, t in words.types.items() if code != second.type)
    answer_case(page, second, chosen=wrong.name)
    expect(page.get_by_role("heading", name=re.compile("^You chose"))).to_be_visible()
    expect(page.get_by_text(second.explanation.text[:30])).to_be_visible()

    assert list(
        VignetteAnswer.objects.order_by("answered_at").values_list("correct", flat=True)
    ) == [True, False]


def answer_case(page: Page, case: content.Vignette, *, chosen: str) -> None:
    labels = {
        "thinning": "It works, but is thinning or under threat",
        "small_network_lost": "The small network that was enough has fallen away",
        "lifelong": "Isolated from early in life",
        "yes": "Yes",
        "no": "No",
    }
    page.locator("#id_network").get_by_label(labels[case.network]).check()
    page.locator("#id_psychiatric").get_by_label(
        labels[case.psychiatric], exact=True
    ).check()
    page.locator("#id_participation").get_by_label(
        labels[case.participation], exact=True
    ).check()
    page.locator("#id_chosen_type").get_by_label(chosen, exact=True).check()
    page.get_by_role("button", name="Check my answer").click()
