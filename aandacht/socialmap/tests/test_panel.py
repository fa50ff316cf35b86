"""The social map inside the contact form: search, referrals, crisis services."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from aandacht.contacts.models import Contact, ContactDraft
from aandacht.contacts.tests.conftest import (
    lists,  # noqa: F401 (a fixture)
    make_contact,
)
from aandacht.contacts.tests.test_register import open_new_report, typical_report
from aandacht.core.tests.html import parse
from aandacht.socialmap.models import Referral
from aandacht.socialmap.panel.entries import ReferralEntry

from .panel_setup import make_service

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lists")]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# A Wednesday, in the afternoon and at night.
WEDNESDAY_NOON = datetime(2026, 11, 25, 12, 0, tzinfo=AMSTERDAM)
WEDNESDAY_NIGHT = datetime(2026, 11, 25, 23, 30, tzinfo=AMSTERDAM)


def toggle(client, region_code: str, service, chosen: Sequence[str] = ()):
    return client.post(
        reverse("socialmap_referral", args=[region_code]),
        {"service": str(service.id), "service_referral": list(chosen)},
        HTTP_HX_REQUEST="true",
    )


def hidden_values(response) -> list[str]:
    page = parse(response.content.decode())
    return [i.attrs["value"] for i in page.find_all("input", name="service_referral")]


def test_one_click_adds_a_referral_with_its_time_and_a_second_removes_it(
    client, cast, login, time_machine
):
    time_machine.move_to(WEDNESDAY_NIGHT, tick=False)
    service = make_service("Rouwgroep De Linde", cast.zuid)
    login(cast["volunteer_zuid"])

    added = toggle(client, "zuid", service)
    assert added.status_code == 200
    assert added["HX-Trigger-After-Swap"] == "referrals-changed"
    [value] = hidden_values(added)
    assert value.startswith(f"{service.id}|")
    chosen_at = datetime.fromisoformat(value.split("|")[1])
    assert chosen_at == WEDNESDAY_NIGHT
    assert "Rouwgroep De Linde" in added.content.decode()

    removed = toggle(client, "zuid", service, [value])
    assert hidden_values(removed) == []


def test_another_regions_service_cannot_be_referred_to(client, cast, login):
    service = make_service("Buurtkamer Noord", cast.noord)
    login(cast["volunteer_zuid"])
    assert toggle(client, "zuid", service).status_code == 400


def test_a_national_service_can_be_referred_to_from_every_region(client, cast, login):
    service = make_service("Landelijke luisterlijn", None)
    login(cast["volunteer_noord"])
    assert hidden_values(toggle(client, "noord", service))


def test_a_saved_report_links_to_the_services_with_the_times_chosen(
    client, cast, login
):
    service = make_service("Maatschappelijk werk Zuid", cast.zuid)
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    chosen_at = timezone.now() - timedelta(minutes=45)
    entry = ReferralEntry(service.id, chosen_at)
    response = client.post(
        reverse("contact_draft", args=[draft.key]),
        typical_report(draft, service_referral=[entry.value]),
    )
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.contact == Contact.objects.get()
    assert referral.service == service
    assert referral.created_at == chosen_at
    assert referral.created_by == cast["volunteer_zuid"]


def test_a_referral_to_a_removed_service_is_refused_and_nothing_is_lost(
    client, cast, login
):
    service = make_service("Taalcafé Zuid", cast.zuid)
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    value = ReferralEntry(service.id, timezone.now()).value
    service.status = "defunct"
    service.save()
    client.cookies["django_language"] = "en"
    response = client.post(
        reverse("contact_draft", args=[draft.key]),
        typical_report(draft, service_referral=[value]),
    )
    assert response.status_code == 200
    assert not Contact.objects.exists()
    assert "no longer on the social map" in response.content.decode()
    draft.refresh_from_db()
    assert draft.data["service_referral"] == [value]
    assert "niemand anders heeft" in draft.data["summary"]


def test_the_draft_keeps_the_referrals_and_shows_them_again(client, cast, login):
    service = make_service("Zilveren draad", None)
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    value = ReferralEntry(service.id, timezone.now()).value
    client.post(
        reverse("contact_autosave", args=[draft.key]),
        {"summary": "Gesprek over alleen zijn.", "service_referral": [value]},
    )
    page = client.get(reverse("contact_draft", args=[draft.key]))
    assert hidden_values(page) == [value]
    referrals = parse(page.content.decode()).find_all("div", id="service-referrals")
    assert "Zilveren draad" in referrals[0].text
    assert ContactDraft.objects.get().data["service_referral"] == [value]


def test_the_crisis_panel_shows_the_regions_pinned_services_first(
    client, cast, login, time_machine
):
    time_machine.move_to(WEDNESDAY_NOON)
    make_service("Landelijke crisislijn", None, crisis_pinned=True, phone="0800 0113")
    make_service("GGZ-crisisdienst Zuid", cast.zuid, crisis_pinned=True)
    make_service("GGZ-crisisdienst Noord", cast.noord, crisis_pinned=True)
    make_service("Buurtcentrum Zuid", cast.zuid)
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    page = parse(
        client.get(reverse("contact_draft", args=[draft.key])).content.decode()
    )
    [panel] = page.find_all("details", id="crisis-panel")
    names = [li.text for li in panel.find_all("li", **{"class": "crisis-service"})]
    assert [name.split(":")[0].strip() for name in names] == [
        "GGZ-crisisdienst Zuid",
        "Landelijke crisislijn",
    ]
    assert "0800 0113" in names[1]
    # The crisis numbers of #3 follow the pinned services.
    assert len(panel.find_all("li")) > len(names)


def test_the_page_offers_the_search_panel_with_its_shortcut(client, cast, login):
    login(cast["volunteer_zuid"])
    draft = open_new_report(client)
    page = parse(
        client.get(reverse("contact_draft", args=[draft.key])).content.decode()
    )
    [search] = page.find_all("input", id="service-search")
    assert search.attrs["aria-keyshortcuts"] == "/"
    assert search.attrs["hx-post"] == reverse("socialmap_search", args=["zuid"])


def search(client, region_code: str, query: str, chosen: Sequence[str] = ()):
    return client.post(
        reverse("socialmap_search", args=[region_code]),
        {"q": query, "service_referral": list(chosen)},
    )


def test_search_shows_what_a_volunteer_needs_in_a_call(
    client, cast, login, time_machine
):
    time_machine.move_to(WEDNESDAY_NIGHT, tick=False)
    service = make_service(
        "Rouwverwerkingsgroep De Linde",
        cast.zuid,
        hours=("10:00", "12:00", "TH"),
        phone="013 555 0101",
        area="Tilburg",
        staff_note="Intake via de huisarts.",
    )
    service.verified_at = WEDNESDAY_NOON
    service.save()
    login(cast["volunteer_zuid"])
    client.cookies["django_language"] = "en"
    page = search(client, "zuid", "rouwverwerkng").content.decode()  # a typo
    assert "Rouwverwerkingsgroep De Linde" in page
    assert "opens Thu 26 Nov, 10:00" in page
    assert "013 555 0101" in page
    assert "Tilburg" in page
    assert "verified 25 Nov 2026" in page
    assert "Intake via de huisarts." in page
    assert "Add referral" in page


def test_search_marks_services_already_referred(client, cast, login):
    service = make_service("Buurtkamer De Kroon", cast.zuid)
    login(cast["volunteer_zuid"])
    value = ReferralEntry(service.id, timezone.now()).value
    page = parse(search(client, "zuid", "buurtkamer", [value]).content.decode())
    [button] = page.find_all("button", **{"aria-pressed": "true"})
    assert str(service.id) in button.attrs["hx-vals"]


def test_search_keeps_to_the_region_and_the_national_map(client, cast, login):
    make_service("Buurtkamer Zuid", cast.zuid)
    make_service("Buurtkamer Noord", cast.noord)
    make_service("Buurtkamer Nederland", None)
    make_service("Buurtkamer Oud", cast.zuid, status="defunct")
    login(cast["volunteer_zuid"])
    page = search(client, "zuid", "buurtkamer").content.decode()
    assert "Buurtkamer Zuid" in page
    assert "Buurtkamer Nederland" in page
    assert "Buurtkamer Noord" not in page
    assert "Buurtkamer Oud" not in page


def test_a_query_that_finds_nothing_says_so(client, cast, login):
    make_service("Buurtkamer Zuid", cast.zuid)
    login(cast["volunteer_zuid"])
    client.cookies["django_language"] = "en"
    page = search(client, "zuid", "paardrijden").content.decode()
    assert "Nothing found for “paardrijden”" in page


def test_search_results_cost_a_fixed_number_of_queries(
    client, cast, login, django_assert_max_num_queries
):
    for number in range(2):
        make_service(f"Inloophuis {number}", cast.zuid)
    login(cast["volunteer_zuid"])
    with django_assert_max_num_queries(40) as few:
        search(client, "zuid", "inloophuis")
    for number in range(2, 8):
        make_service(f"Inloophuis {number}", cast.zuid)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = search(client, "zuid", "inloophuis").content.decode()
    assert page.count("service-card__name") == 8


def test_the_supervisor_reading_the_report_sees_where_the_caller_was_referred(
    client, cast, login
):
    service = make_service("Schuldhulpmaatje Zuid", cast.zuid)
    chosen_at = timezone.now() - timedelta(minutes=10)
    contact = make_contact(
        cast["volunteer_zuid"],
        cast.zuid,
        service_referrals=[ReferralEntry(service.id, chosen_at)],
    )
    login(cast["supervisor_zuid"])
    page = client.get(reverse("review_detail", args=[contact.pk])).content.decode()
    assert "Schuldhulpmaatje Zuid" in page
    assert timezone.localtime(chosen_at).strftime("%H:%M") in page
