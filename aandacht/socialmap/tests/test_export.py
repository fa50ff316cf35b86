"""HSDS export of stored services (issue #5, item 2)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from aandacht.socialmap import hsds
from aandacht.socialmap.io import export
from aandacht.socialmap.models import (
    Address,
    Attribute,
    ClosedDate,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)


def make_service(name: str, *, region: Any = None, verifier: Any = None) -> Service:
    """A complete Dutch service, written through the ORM for the reader's sake."""
    org = Organization.objects.create(
        name=f"Stichting {name}",
        description="Welzijn in de wijk",
        region=region,
        extra={"legal_status": "stichting"},
    )
    service = Service.objects.create(
        organization=org,
        region=region,
        name=name,
        description="Een luisterend oor voor wie eenzaam is",
        url="https://example.nl/luister",
        crisis_pinned=True,
        staff_note="Vraag naar Joke van de balie",
        verified_at=datetime(2025, 3, 31, 22, 30, tzinfo=UTC),
        verified_by=verifier,
        last_modified=datetime(2025, 4, 1, 8, 0, tzinfo=UTC),
        extra={"wait_time": "twee weken", "assurer_email": "joke@example.nl"},
    )
    phone = Phone.objects.create(service=service, organization=org, number="0800-0113")
    Language.objects.create(phone=phone, name="Nederlands", code="nl")
    Language.objects.create(service=service, name="Engels", code="en")
    Schedule.objects.create(
        service=service, byday="MO,TU,WE,TH,FR", opens_at="10:00", closes_at="14:00"
    )
    ServiceArea.objects.create(service=service, name="Tilburg")
    location = Location.objects.create(organization=org, name="Buurthuis De Poort")
    Address.objects.create(
        location=location,
        address_1="Poortstraat 1",
        city="Tilburg",
        postal_code="5038 AA",
    )
    at = ServiceAtLocation.objects.create(service=service, location=location)
    Schedule.objects.create(
        service_at_location=at, byday="SA", opens_at="22:00", closes_at="02:00"
    )
    ClosedDate.objects.create(service=service, day=date(2025, 12, 25), reason="Kerst")
    taxonomy = Taxonomy.objects.create(name="Aandacht", description="Onze indeling")
    term = TaxonomyTerm.objects.create(
        taxonomy=taxonomy, name="Eenzaamheid", description="Alleen zijn", code="E1"
    )
    Attribute.objects.create(link_id=service.id, taxonomy_term=term, value="ja")
    return service


def only(service: Service, *, staff: bool) -> dict[str, Any]:
    [loaded] = export.services_for_export(Service.objects.filter(id=service.id))
    return export.service_document(loaded, staff=staff)


@pytest.mark.django_db
def test_a_stored_service_is_a_valid_nested_hsds_service(cast):
    doc = only(make_service("Luisterlijn", region=cast.zuid), staff=True)

    assert hsds.validate("service", doc) == []
    assert doc["organization"]["name"] == "Stichting Luisterlijn"
    assert doc["organization"]["legal_status"] == "stichting"
    assert "services" not in doc["organization"]
    assert doc["phones"][0]["languages"][0]["code"] == "nl"
    assert doc["schedules"][0]["opens_at"] == "10:00"
    location = doc["service_at_locations"][0]["location"]
    assert location["addresses"][0]["city"] == "Tilburg"
    assert doc["service_at_locations"][0]["schedules"][0]["closes_at"] == "02:00"
    term = doc["attributes"][0]["taxonomy_term"]
    assert term["name"] == "Eenzaamheid"
    assert term["taxonomy_detail"]["name"] == "Aandacht"
    assert doc["wait_time"] == "twee weken"
    # Verified at 00:30 Amsterdam time on 1 April (22:30 UTC the day before).
    assert doc["assured_date"] == "2025-04-01"
    assert doc["last_modified"] == "2025-04-01T08:00:00Z"
    assert doc["closed_dates"] == [{"date": "2025-12-25", "reason": "Kerst"}]
    assert doc["crisis_pinned"] is True
    assert doc["region"] == "zuid"


@pytest.mark.django_db
def test_staff_see_the_note_and_the_verifier_and_the_public_does_not(cast):
    verifier = cast["vraagwijzer_zuid"]
    verifier.email = "vraagwijzer@example.nl"
    verifier.save()
    service = make_service("Luisterlijn", verifier=verifier)

    staff = only(service, staff=True)
    public = only(service, staff=False)

    assert staff["staff_note"] == "Vraag naar Joke van de balie"
    assert staff["verified_by"] == verifier.display_name
    assert staff["assurer_email"] == "vraagwijzer@example.nl"
    for hidden in ("staff_note", "verified_by", "assurer_email"):
        assert hidden not in public
    assert "Joke" not in str(public)
    assert hsds.validate("service", public) == []


@pytest.mark.django_db
def test_a_national_service_without_extras_leaves_our_extensions_out():
    service = Service.objects.create(name="Kale dienst")

    doc = only(service, staff=True)

    assert doc == {
        "id": str(service.id),
        "name": "Kale dienst",
        "status": "active",
        "last_modified": export.format_datetime(service.last_modified),
    }
    assert hsds.validate("service", doc) == []


@pytest.mark.django_db
def test_a_page_of_services_costs_the_same_queries_for_one_or_many(
    cast, django_assert_num_queries
):
    make_service("Een")

    def serialise() -> list[dict[str, Any]]:
        services = export.services_for_export(Service.objects.all())
        return [export.service_document(s, staff=False) for s in services]

    with django_assert_num_queries(23) as one:
        serialise()
    for name in ("Twee", "Drie", "Vier"):
        make_service(name, region=cast.noord)
    with django_assert_num_queries(len(one.captured_queries)):
        docs = serialise()
    assert len(docs) == 4


@pytest.mark.django_db
def test_an_organization_with_its_services_validates():
    service = make_service("Luisterlijn")

    [org] = export.organizations_for_export(
        Organization.objects.filter(services=service), with_services=True
    )
    doc = export.organization_document(org, staff=False, with_services=True)

    assert hsds.validate("organization", doc) == []
    assert [s["name"] for s in doc["services"]] == ["Luisterlijn"]
    assert "organization" not in doc["services"][0]
    assert doc["locations"][0]["name"] == "Buurthuis De Poort"


@pytest.mark.django_db
def test_taxonomies_and_terms_validate_and_name_their_parent():
    taxonomy = Taxonomy.objects.create(name="Aandacht", description="")
    parent = TaxonomyTerm.objects.create(taxonomy=taxonomy, name="Zorg")
    child = TaxonomyTerm.objects.create(taxonomy=taxonomy, name="GGZ", parent=parent)

    term = export.taxonomy_term_document(child)

    assert hsds.validate("taxonomy_term", term) == []
    assert term["parent_id"] == str(parent.id)
    assert term["description"] == ""  # required by the schema, so kept empty
    assert hsds.validate("taxonomy", export.taxonomy_document(taxonomy)) == []


A_SERVICE = {
    "id": "ac148810-d857-441c-9679-408f346de14b",
    "name": "A",
    "status": "active",
}


@pytest.mark.parametrize(
    ("total", "page", "per_page", "pages", "first", "last"),
    [
        (0, 1, 10, 0, True, True),
        (25, 1, 10, 3, True, False),
        (25, 3, 10, 3, False, True),
    ],
)
def test_pages_follow_the_hsds_api(total, page, per_page, pages, first, last):
    shown = min(per_page, max(0, total - (page - 1) * per_page))

    doc = export.page_document(
        [A_SERVICE] * shown, total_items=total, page=page, per_page=per_page
    )

    assert (doc["total_pages"], doc["first_page"], doc["last_page"]) == (
        pages,
        first,
        last,
    )
    assert doc["empty"] is (shown == 0)
    assert hsds.validate_page(doc, "service") == []


def test_datetimes_are_utc_with_an_offset():
    moment = datetime(2023, 3, 15, 10, 30, 45, 123000, tzinfo=UTC)

    assert export.format_datetime(moment) == "2023-03-15T10:30:45.123Z"
