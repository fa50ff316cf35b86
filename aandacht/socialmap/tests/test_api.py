"""The HSDS 3.1 read API: pages that validate, filters, errors, the login setting."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from aandacht.core.services import api_token_create
from aandacht.socialmap import hsds
from aandacht.socialmap.models import (
    Attribute,
    Language,
    Service,
    Taxonomy,
    TaxonomyTerm,
)

from .panel_setup import make_service

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WEDNESDAY_NOON = datetime(2026, 11, 25, 12, 0, tzinfo=AMSTERDAM)
THURSDAY_1AM = datetime(2026, 11, 26, 1, 0, tzinfo=AMSTERDAM)


def get(client, name: str, *args, **params):
    return client.get(reverse(name, args=args), params)


def names(response) -> list[str]:
    return [service["name"] for service in response.json()["contents"]]


@pytest.fixture
def directory(cast):
    return {
        "day": make_service("Buurtcentrum De Kroon", cast.zuid, area="Tilburg"),
        "night": make_service(
            "Nachtpension", cast.noord, hours=("22:00", "02:00", "MO,TU,WE,TH,FR")
        ),
        "national": make_service(
            "Landelijke luisterlijn",
            None,
            hours=("00:00", "24:00", "MO,TU,WE,TH,FR,SA,SU"),
        ),
    }


def test_the_root_names_the_hsds_version(client, db):
    body = get(client, "hsds_root").json()
    assert body["version"] == "3.1"
    assert body["openapi_url"].startswith("https://")


def test_a_services_page_and_every_service_in_it_are_valid_hsds(client, directory):
    response = get(client, "hsds_services")
    assert response.status_code == 200
    page = response.json()
    assert hsds.validate_page(page, "service") == []
    assert page["total_items"] == 3
    assert names(response) == sorted(names(response))


def test_paging_walks_through_every_service_once(client, directory):
    first = get(client, "hsds_services", per_page=2).json()
    second = get(client, "hsds_services", per_page=2, page=2).json()
    assert (first["total_pages"], first["first_page"], first["last_page"]) == (
        2,
        True,
        False,
    )
    assert second["last_page"]
    ids = [s["id"] for s in first["contents"] + second["contents"]]
    assert len(set(ids)) == 3


def test_one_service_by_id_and_a_clear_404(client, directory):
    service = directory["day"]
    body = get(client, "hsds_service", str(service.id)).json()
    assert body["name"] == "Buurtcentrum De Kroon"
    assert body["phones"][0]["number"] == "030 123 4567"
    missing = get(client, "hsds_service", str(uuid.uuid4()))
    assert missing.status_code == 404
    assert "no service" in missing.json()["detail"].lower()
    assert get(client, "hsds_service", "not-a-uuid").status_code == 404


def test_open_at_follows_the_hours_across_midnight(client, directory):
    noon = get(client, "hsds_services", open_at=WEDNESDAY_NOON.isoformat())
    assert names(noon) == ["Buurtcentrum De Kroon", "Landelijke luisterlijn"]
    night = get(client, "hsds_services", open_at=THURSDAY_1AM.isoformat())
    assert names(night) == ["Landelijke luisterlijn", "Nachtpension"]


def test_open_now_uses_the_clock(client, directory, time_machine):
    time_machine.move_to(THURSDAY_1AM, tick=False)
    assert names(get(client, "hsds_services", open_now="true")) == [
        "Landelijke luisterlijn",
        "Nachtpension",
    ]


def test_area_finds_municipalities_and_regions(client, cast, directory):
    assert names(get(client, "hsds_services", area="tilburg")) == [
        "Buurtcentrum De Kroon"
    ]
    assert names(get(client, "hsds_services", area="Noord")) == ["Nachtpension"]


def test_language_organization_and_taxonomy_filters(client, directory):
    day = directory["day"]
    Language.objects.create(service=day, code="tr", name="Turks")
    assert names(get(client, "hsds_services", language="tr")) == [day.name]
    organization = str(directory["night"].organization_id)
    assert names(get(client, "hsds_services", organization_id=organization)) == [
        "Nachtpension"
    ]
    taxonomy = Taxonomy.objects.create(name="Aandacht", description="Hulpsoorten")
    term = TaxonomyTerm.objects.create(
        taxonomy=taxonomy, name="Ontmoeting", description="Mensen ontmoeten"
    )
    Attribute.objects.create(link_id=day.id, taxonomy_term=term)
    assert names(get(client, "hsds_services", taxonomy_term_id=str(term.id))) == [
        day.name
    ]
    assert names(get(client, "hsds_services", taxonomy_id=str(taxonomy.id))) == [
        day.name
    ]


def test_modified_after_leaves_out_older_entries(client, directory):
    old = timezone.now() - timedelta(days=30)
    Service.objects.exclude(id=directory["day"].id).update(last_modified=old)
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert names(get(client, "hsds_services", modified_after=since)) == [
        "Buurtcentrum De Kroon"
    ]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"page": "0"}, "page must be a whole number"),
        ({"per_page": "veel"}, "per_page must be a whole number"),
        ({"open_at": "morgen"}, "open_at must be an ISO 8601 date-time"),
        ({"open_at": "2026-11-25T12:00:00"}, "open_at needs a UTC offset"),
        ({"open_now": "misschien"}, "open_now must be true or false"),
        ({"organization_id": "42"}, "organization_id must be a UUID"),
        ({"modified_after": "gisteren"}, "modified_after must be an ISO 8601"),
    ],
)
def test_a_parameter_the_api_cannot_use_gets_a_clear_400(client, db, params, message):
    response = client.get(reverse("hsds_services"), params)
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_other_lists_are_valid_pages(client, directory):
    taxonomy = Taxonomy.objects.create(name="Aandacht", description="Hulpsoorten")
    TaxonomyTerm.objects.create(taxonomy=taxonomy, name="Rouw", description="Verlies")
    for name, kind in (
        ("hsds_organizations", "organization"),
        ("hsds_taxonomies", "taxonomy"),
        ("hsds_taxonomy_terms", "taxonomy_term"),
    ):
        page = get(client, name).json()
        assert page["contents"]
        assert hsds.validate_page(page, kind) == []
    organization = directory["day"].organization
    body = get(client, "hsds_organization", str(organization.id)).json()
    assert body["name"] == organization.name


def test_the_login_setting_closes_the_api_to_anonymous_readers(
    client, cast, login, settings, directory
):
    settings.HSDS_API_LOGIN_REQUIRED = True
    refused = get(client, "hsds_services")
    assert refused.status_code == 401
    assert "API token" in refused.json()["detail"]
    _token, key = api_token_create(user=cast["partner_zuid"], name="gemeente")
    with_token = client.get(
        reverse("hsds_services"), headers={"Authorization": f"Bearer {key}"}
    )
    assert with_token.status_code == 200
    login(cast["volunteer_noord"])
    assert get(client, "hsds_services").status_code == 200


def test_a_page_costs_the_same_queries_for_few_or_many_services(
    client, cast, django_assert_max_num_queries
):
    for number in range(3):
        make_service(f"Inloophuis {number}", cast.zuid)
    with django_assert_max_num_queries(20) as few:
        get(client, "hsds_services")
    for number in range(3, 15):
        make_service(f"Inloophuis {number}", cast.zuid)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(names(get(client, "hsds_services"))) == 15


def test_search_comes_most_relevant_first_and_nothing_gives_an_empty_page(client, cast):
    make_service("Buurtcentrum De Kroon", cast.zuid, description="Ook een rouwgroep.")
    make_service("Rouwgroep Tilburg", cast.zuid, description="Praten over verlies.")
    found = get(client, "hsds_services", search="rouwgroep")
    assert names(found)[0] == "Rouwgroep Tilburg"
    assert hsds.validate_page(found.json(), "service") == []
    empty = get(client, "hsds_services", search="paardrijden").json()
    assert (empty["total_items"], empty["contents"], empty["empty"]) == (0, [], True)
    assert hsds.validate_page(empty, "service") == []
