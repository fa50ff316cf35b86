"""The social map in a call, in Chromium: a typo found, open now, a referral saved."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from aandacht.contacts.models import Contact
from aandacht.core.roles import Role
from aandacht.socialmap.models import Referral
from aandacht.socialmap.tests.panel_setup import make_service
from conftest import make_user

from .conftest import htmx_ready, log_in

pytestmark = pytest.mark.django_db(transaction=True)

ALL_WEEK = "MO,TU,WE,TH,FR,SA,SU"


def test_a_volunteer_finds_help_despite_a_typo_and_refers_the_caller(
    page: Page, live_server, region, english, csp_violations
):
    make_user("sanne", Role.VOLUNTEER, region)
    grief = make_service(
        "Rouwverwerkingsgroep De Linde",
        region,
        description="Lotgenoten praten samen over verlies en rouw.",
        hours=("00:00", "24:00", ALL_WEEK),
        phone="013 555 0101",
        area="Tilburg",
    )
    make_service("Taalcafé Het Anker", region, description="Samen Nederlands oefenen.")

    log_in(page, live_server.url, "sanne")
    page.get_by_role("link", name=re.compile("New contact")).click()
    htmx_ready(page)

    page.locator("body").press("/")  # the shortcut jumps to the search
    search = page.get_by_label(re.compile("Find help for the caller"))
    expect(search).to_be_focused()
    search.fill("rouwverwerking grope")  # "groep", mistyped

    card = page.locator(".service-card").first
    expect(card).to_contain_text("Rouwverwerkingsgroep De Linde")
    expect(card).to_contain_text("Open now")
    expect(card).to_contain_text("013 555 0101")
    expect(card).to_contain_text("Tilburg")
    card.get_by_role("button", name="Add referral").click()

    chosen = page.locator("#service-referrals")
    expect(chosen).to_contain_text("Rouwverwerkingsgroep De Linde")
    expect(card.get_by_role("button", name=re.compile("Referred"))).to_be_visible()

    page.get_by_role("textbox", name="Summary").fill("Ze mist haar broer.")
    page.get_by_role("button", name=re.compile("Save report")).click()
    expect(page.get_by_text("The report is saved")).to_be_visible()
    referral = Referral.objects.get()
    assert referral.contact == Contact.objects.get()
    assert referral.service == grief


def test_a_second_click_removes_the_referral_again(
    page: Page, live_server, region, english, csp_violations
):
    make_user("sanne", Role.VOLUNTEER, region)
    make_service("Buurtkamer De Kroon", region, description="Koffie en ontmoeting.")

    log_in(page, live_server.url, "sanne")
    page.get_by_role("link", name=re.compile("New contact")).click()
    htmx_ready(page)
    page.get_by_label(re.compile("Find help for the caller")).fill("buurtkamer")
    card = page.locator(".service-card").first
    card.get_by_role("button", name="Add referral").click()
    expect(page.locator("#service-referrals")).to_contain_text("Buurtkamer De Kroon")
    card.get_by_role("button", name=re.compile("Referred")).click()
    expect(page.locator("#service-referrals")).not_to_contain_text("Buurtkamer")

    page.get_by_role("textbox", name="Summary").fill("Even kletsen.")
    page.get_by_role("button", name=re.compile("Save report")).click()
    expect(page.get_by_text("The report is saved")).to_be_visible()
    assert not Referral.objects.exists()
