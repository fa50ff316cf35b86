"""The home page shows one section per role, and the navigation fits the roles."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from aandacht.core import services
from aandacht.core.roles import Role
from aandacht.core.tests.helpers import post_login
from aandacht.core.tests.html import parse


def role_sections(content) -> set[str]:
    return {
        section.attrs["aria-labelledby"]
        for section in parse(content).find_all("section", class_="role-section")
    }


@pytest.mark.parametrize("role", Role.values)
def test_each_role_sees_its_own_section(client, cast, login, role):
    login(cast[f"{role}_noord"])
    response = client.get("/")
    assert response.status_code == 200
    assert role_sections(response.content) == {f"role-{role}"}
    assert parse(response.content).find("h2", id=f"role-{role}")


def test_a_user_without_a_role_sees_no_section(client, cast, login):
    login(cast["nobody"])
    response = client.get("/")
    assert response.status_code == 200
    assert role_sections(response.content) == set()


def test_the_volunteer_starts_a_new_contact_from_the_home_page(client, cast, login):
    login(cast["volunteer_zuid"])
    page = parse(client.get("/").content)
    with translation.override("nl"):
        label = gettext("New contact")
    section = page.find("section", aria_labelledby="role-volunteer")
    link = section.find_all("a")[0]
    assert link.text.startswith(label)
    assert link.attrs["href"] == "/contacts/new/"
    assert link.attrs["data-shortcut"]


def test_every_role_finds_its_screens_on_the_home_page(client, cast, login):
    login(cast["partner_zuid"])
    page = parse(client.get("/").content)
    section = page.find("section", aria_labelledby="role-partner")
    hrefs = {link.attrs["href"] for link in section.find_all("a")}
    assert reverse("partner_reports") in hrefs
    assert not section.find_all("button", disabled="")


def test_a_user_with_two_roles_sees_both_sections(client, cast, login):
    user = cast["volunteer_zuid"]
    services.role_grant(user=user, role=Role.SUPERVISOR, region=cast.noord)
    login(user)
    response = client.get("/")
    assert role_sections(response.content) == {"role-volunteer", "role-supervisor"}
    regions = parse(response.content).find("p", class_="lead").text
    assert "Zuid" in regions
    assert "Noord" in regions


def nav_links(client) -> set[str]:
    nav = parse(client.get("/").content).find("nav", class_="main-nav")
    return {link.attrs["href"] for link in nav.find_all("a")}


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("volunteer_zuid", set()),
        ("supervisor_zuid", {"/teams/", "/insights/dashboard/"}),
        ("vraagwijzer_zuid", {"/social-map/", "/callbacks/"}),
        ("coordinator_zuid", {"/teams/", "/insights/dashboard/"}),
        ("partner_zuid", {"/insights/partner/"}),
        ("admin_zuid", {"/teams/", "/audit/"}),
        ("national", {"/teams/", "/insights/dashboard/"}),
        ("nobody", set()),
    ],
)
def test_the_navigation_offers_only_the_screens_of_the_role(
    client, cast, login, persona, expected
):
    login(cast[persona])
    assert nav_links(client) == {"/", "/account/", *expected}


def test_the_navigation_waits_for_the_second_factor(client, cast):
    post_login(client, "admin_zuid")
    page = parse(client.get("/account/two-factor/").content)
    assert page.find_all("nav", class_="main-nav") == []
