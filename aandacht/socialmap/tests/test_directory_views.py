"""The maintenance screens as the Vraagwijzer specialist and a volunteer use them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from aandacht.core.home import register_home_panel
from aandacht.core.roles import Role
from aandacht.socialmap.directory.home import vraagwijzer_panel
from aandacht.socialmap.directory.services import ScheduleInput, service_hours_set
from aandacht.socialmap.models import ChangeRecord, Organization, Service, Synonym
from aandacht.socialmap.tests.permissions_directory import (
    make_organization,
    make_service,
)

# A Monday, 11:00 in Amsterdam.
MONDAY_11 = datetime(2025, 3, 10, 10, 0, tzinfo=UTC)
ENGLISH = {"django_language": "en"}


@pytest.fixture
def vraagwijzer(cast, client, login):
    client.cookies.load(ENGLISH)
    login(cast["vraagwijzer_zuid"])
    return cast["vraagwijzer_zuid"]


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_a_vraagwijzer_adds_an_organisation_and_its_service(cast, client, vraagwijzer):
    response = client.post(
        reverse("socialmap_organization_new"),
        {"name": "Stichting Samen Oud", "region": "zuid", "website": "samenoud.nl"},
    )
    organization = Organization.objects.get(name="Stichting Samen Oud")
    assert response.url == reverse(
        "socialmap_organization_detail", args=[organization.id]
    )
    assert organization.region == cast.zuid
    assert organization.website == "https://samenoud.nl"
    form_page = client.get(
        reverse("socialmap_service_new") + f"?organization={organization.id}"
    )
    assert f'<option value="{organization.id}" selected>' in form_page.content.decode()
    data = {
        "name": "Telefooncirkel",
        "organization": str(organization.id),
        "region": "zuid",
        "status": "active",
        "service_areas": "Maastricht\nHeerlen",
        "languages": "nl",
        **management("phones", 2),
        "phones-0-number": "043-1234567",
        "phones-0-type": "voice",
        "phones-0-description": "aanmelden",
        "phones-1-type": "voice",  # the empty row, as the browser sends it
    }
    response = client.post(reverse("socialmap_service_new"), data)
    service = Service.objects.get(name="Telefooncirkel")
    assert response.url == reverse("socialmap_service_hours", args=[service.id])
    assert service.organization == organization
    assert list(service.phones.values_list("number", flat=True)) == ["043-1234567"]
    assert ChangeRecord.objects.filter(entity_id=service.id, action="created").exists()


def test_a_new_phone_row_is_for_calls(cast, client, vraagwijzer):
    page = client.get(reverse("socialmap_service_new")).content.decode()
    assert '<option value="voice" selected>' in page


def test_a_wrong_phone_keeps_everything_typed_and_saves_nothing(
    cast, client, vraagwijzer
):
    service = make_service(vraagwijzer, cast.zuid, "Inloophuis De Brug")
    data = {
        "name": "Inloophuis De Brug (nieuw)",
        "region": "zuid",
        "status": "active",
        "description": "Koffie en een luisterend oor",
        **management("phones", 1),
        "phones-0-number": "bel ons maar",
    }
    response = client.post(reverse("socialmap_service_edit", args=[service.id]), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "The service is not saved yet" in page
    assert "Give a public phone number in digits" in page
    assert 'value="Inloophuis De Brug (nieuw)"' in page
    assert "Koffie en een luisterend oor" in page
    assert 'value="bel ons maar"' in page
    assert Service.objects.get(pk=service.pk).name == "Inloophuis De Brug"


def test_the_hours_page_shows_the_rules_reason_next_to_the_row(
    cast, client, vraagwijzer
):
    service = make_service(vraagwijzer, cast.zuid)
    data = {
        **management("schedules", 2),
        "schedules-0-weekdays": ["MO", "TU"],
        "schedules-0-opens_at": "09:00",
        "schedules-0-closes_at": "17:00",
        "schedules-1-weekdays": ["WE"],
        "schedules-1-opens_at": "09:00",
        "schedules-1-closes_at": "03:00",
        "schedules-1-description": "alleen op afspraak",
        **management("closed", 1),
        "closed-0-day": "2025-12-25",
        "closed-0-reason": "Eerste Kerstdag",
    }
    response = client.post(reverse("socialmap_service_hours", args=[service.id]), data)
    page = response.content.decode()
    assert "The opening hours are not saved yet" in page
    row_two = page.index("Opening hours, row 2")
    reason = page.index("closes at 03:00, before it opens at 09:00")
    assert row_two < reason < page.index('name="schedules-1-opens_at"')
    assert 'value="03:00"' in page
    assert "alleen op afspraak" in page
    assert 'value="Eerste Kerstdag"' in page
    assert not service.schedules.exists()
    assert not service.closed_dates.exists()


def test_a_preview_shows_the_typed_hours_without_saving(cast, client, vraagwijzer):
    service = make_service(vraagwijzer, cast.zuid)
    data = {
        **management("schedules", 1),
        "schedules-0-weekdays": ["MO"],
        "schedules-0-opens_at": "10:00",
        "schedules-0-closes_at": "14:00",
        **management("closed", 1),
        "preview": "1",
    }
    with time_machine.travel(MONDAY_11, tick=False):
        response = client.post(
            reverse("socialmap_service_hours", args=[service.id]), data
        )
    page = response.content.decode()
    assert "Preview of the hours above (not saved)" in page
    assert "Open now" in page
    assert "10:00–14:00" in page
    assert not service.schedules.exists()


def test_saving_hours_leads_to_the_service_open_now(cast, client, vraagwijzer):
    service = make_service(vraagwijzer, cast.zuid)
    data = {
        **management("schedules", 2),
        "schedules-0-weekdays": ["MO", "TU", "WE", "TH", "FR"],
        "schedules-0-opens_at": "10.00",
        "schedules-0-closes_at": "14.00",
        **management("closed", 1),
    }
    with time_machine.travel(MONDAY_11, tick=False):
        response = client.post(
            reverse("socialmap_service_hours", args=[service.id]), data
        )
        assert response.url == reverse("socialmap_service_detail", args=[service.id])
        page = client.get(response.url).content.decode()
    (row,) = service.schedules.all()
    assert (row.byday, row.opens_at, row.closes_at) == (
        "MO,TU,WE,TH,FR",
        "10:00",
        "14:00",
    )
    assert "Open now" in page
    assert "The opening hours are saved." in page


def test_the_hours_form_shows_the_saved_rows(cast, client, vraagwijzer):
    service = make_service(vraagwijzer, cast.zuid)
    service_hours_set(
        service=service,
        actor=vraagwijzer,
        schedules=[
            ScheduleInput(
                freq="MONTHLY", byday="1SA", opens_at="10:00", closes_at="12:00"
            )
        ],
        closed_dates=[],
    )
    page = client.get(reverse("socialmap_service_hours", args=[service.id]))
    html = page.content.decode()
    assert 'name="schedules-0-weekdays" value="SA"' in html
    saturday = html.index('name="schedules-0-weekdays" value="SA"')
    assert "checked" in html[saturday - 120 : saturday + 120]
    assert 'value="10:00"' in html


def test_verify_from_the_stale_list_returns_to_it(cast, client, vraagwijzer):
    service = make_service(vraagwijzer, cast.zuid, "Maatjesproject")
    stale = reverse("socialmap_stale")
    assert "Maatjesproject" in client.get(stale).content.decode()
    response = client.post(
        reverse("socialmap_service_verify", args=[service.id]), {"next": stale}
    )
    assert response.url == stale
    page = client.get(stale).content.decode()
    assert "Maatjesproject is marked as verified today." in page
    assert "Maatjesproject</a>" not in page
    service.refresh_from_db()
    assert service.verified_by == vraagwijzer


def test_verify_ignores_a_next_address_elsewhere(cast, client, vraagwijzer):
    organization = make_organization(vraagwijzer, cast.zuid)
    response = client.post(
        reverse("socialmap_organization_verify", args=[organization.id]),
        {"next": "https://example.org/"},
    )
    assert response.url == reverse(
        "socialmap_organization_detail", args=[organization.id]
    )


def test_the_history_page_lists_changes_newest_first(cast, client, vraagwijzer):
    with time_machine.travel(MONDAY_11 - timedelta(days=1), tick=False):
        service = make_service(vraagwijzer, cast.zuid, "Voedselbank Zuid")
    client.post(reverse("socialmap_service_verify", args=[service.id]))
    page = client.get(
        reverse("socialmap_service_history", args=[service.id])
    ).content.decode()
    assert page.index("Verified") < page.index("Created")
    assert "Voedselbank Zuid" in page
    # A field that was empty shows as a dash, not as nothing.
    created = '<span class="history__old">–</span> → <span class="history__new">'
    assert created + "Voedselbank Zuid</span>" in page
    assert vraagwijzer.display_name in page


def test_the_list_marks_what_one_may_change(cast, client, vraagwijzer):
    own = make_service(vraagwijzer, cast.zuid, "Eigen dienst")
    shared = make_service(cast["national"], None, "Landelijke dienst")
    make_service(cast["vraagwijzer_noord"], cast.noord, "Dienst van Noord")
    page = client.get(reverse("socialmap_directory")).content.decode()
    assert reverse("socialmap_service_edit", args=[own.id]) in page
    assert reverse("socialmap_service_detail", args=[shared.id]) in page
    assert reverse("socialmap_service_edit", args=[shared.id]) not in page
    assert "Dienst van Noord" not in page


def test_the_list_filters_with_htmx_and_says_it_varies(cast, client, vraagwijzer):
    make_service(vraagwijzer, cast.zuid, "Rouwgroep")
    make_service(vraagwijzer, cast.zuid, "Taalcafé")
    response = client.get(
        reverse("socialmap_directory"), {"q": "rouw"}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert "<html" not in page
    assert "Rouwgroep" in page
    assert "Taalcafé" not in page
    assert "HX-Request" in response["Vary"]


def test_a_volunteer_reads_a_service_without_buttons_to_change_it(cast, client, login):
    service = make_service(cast["vraagwijzer_zuid"], cast.zuid, "Huisartsenpost")
    service_hours_set(
        service=service,
        actor=cast["vraagwijzer_zuid"],
        schedules=[
            ScheduleInput(
                freq="WEEKLY", byday="MO", opens_at="17:00", closes_at="08:00"
            )
        ],
        closed_dates=[],
    )
    client.cookies.load(ENGLISH)
    login(cast["volunteer_zuid"])
    with time_machine.travel(MONDAY_11, tick=False):
        page = client.get(
            reverse("socialmap_service_detail", args=[service.id])
        ).content.decode()
    assert "Huisartsenpost" in page
    assert "opens Monday 10 March, 17:00" in page
    assert "17:00–08:00 (next day)" in page
    assert reverse("socialmap_service_edit", args=[service.id]) not in page
    assert "Mark as verified" not in page


def test_the_vraagwijzer_home_shows_how_many_entries_wait(cast, client, vraagwijzer):
    register_home_panel(Role.VRAAGWIJZER, vraagwijzer_panel)
    make_service(vraagwijzer, cast.zuid, "Eén")
    make_organization(vraagwijzer, cast.zuid, "Twee")
    page = client.get(reverse("home")).content.decode()
    assert "2 not verified for 12 months" in page
    assert reverse("socialmap_stale") in page


def test_synonyms_are_added_changed_and_removed(cast, client, vraagwijzer):
    response = client.post(
        reverse("socialmap_synonym_new"),
        {"term": "praathulp", "synonyms": "psycholoog\nluisterend oor"},
    )
    assert response.url == reverse("socialmap_synonyms")
    synonym = Synonym.objects.get(term="praathulp")
    assert synonym.synonym_list == ["psycholoog", "luisterend oor"]
    client.post(
        reverse("socialmap_synonym_edit", args=[synonym.pk]),
        {"term": "praathulp", "synonyms": "psycholoog"},
    )
    assert Synonym.objects.get(pk=synonym.pk).synonym_list == ["psycholoog"]
    confirm = client.get(reverse("socialmap_synonym_delete", args=[synonym.pk]))
    assert "Remove the synonyms of “praathulp”?" in confirm.content.decode()
    client.post(reverse("socialmap_synonym_delete", args=[synonym.pk]))
    assert not Synonym.objects.filter(pk=synonym.pk).exists()


def test_a_duplicate_synonym_term_keeps_what_was_typed(cast, client, vraagwijzer):
    Synonym.objects.create(term="ggz", synonyms="geestelijke gezondheidszorg")
    response = client.post(
        reverse("socialmap_synonym_new"), {"term": "GGZ", "synonyms": "psychiatrie"}
    )
    page = response.content.decode()
    assert "There is already a synonym group for this term" in page
    assert "psychiatrie" in page
    assert Synonym.objects.count() == 1
