"""Import, then export: the official HSDS 3.1 examples come back unchanged.

Normalisation before comparing, and why:

* key order is ignored (JSON objects are unordered);
* keys whose value is null or an empty list are dropped (the export leaves
  out what is empty, and an absent list and an empty one mean the same);
* lists of records are compared ordered by id (the export orders nested
  records by id, so it is the same on SQLite and PostgreSQL).

Nothing else: numbers, texts, dates and the ``last_modified`` date-time
come back exactly as written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from aandacht.socialmap import hsds
from aandacht.socialmap.io import export
from aandacht.socialmap.io.importer import import_documents, import_path
from aandacht.socialmap.models import Organization, Service, Taxonomy, TaxonomyTerm

EXAMPLES = Path(__file__).resolve().parent / "hsds_examples"
IO_DATA = Path(__file__).resolve().parent / "io_data"


def example(name: str) -> Any:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def normalised(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            key: normalised(item)
            for key, item in sorted(value.items())
            if item is not None and item != []
        }
    if isinstance(value, list):
        items = [normalised(item) for item in value]
        if all(isinstance(item, dict) and "id" in item for item in items):
            items.sort(key=lambda item: str(item["id"]))
        return items
    return value


def exported_service(service_id: str) -> dict[str, Any]:
    [service] = export.services_for_export(Service.objects.filter(id=service_id))
    return export.service_document(service, staff=True)


def exported_organization(org_id: str) -> dict[str, Any]:
    [org] = export.organizations_for_export(
        Organization.objects.filter(id=org_id), with_services=True
    )
    return export.organization_document(org, staff=True, with_services=True)


def exported_term(term_id: str) -> dict[str, Any]:
    term = TaxonomyTerm.objects.select_related("taxonomy").get(id=term_id)
    return export.taxonomy_term_document(term)


def exported_taxonomy(taxonomy_id: str) -> dict[str, Any]:
    return export.taxonomy_document(Taxonomy.objects.get(id=taxonomy_id))


EXPORTERS = {
    "service": exported_service,
    "organization": exported_organization,
    "taxonomy": exported_taxonomy,
    "taxonomy_term": exported_term,
}

SINGLE = [
    ("service", "service_full"),
    ("organization", "organization_full"),
    ("taxonomy", "taxonomy"),
    ("taxonomy_term", "taxonomy_term"),
]
PAGES = [
    ("service", "service_list"),
    ("organization", "organization_list"),
    ("taxonomy", "taxonomy_list"),
    ("taxonomy_term", "taxonomy_term_list"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "name"), SINGLE)
def test_an_official_example_survives_import_and_export(kind, name):
    original = example(name)

    report = import_documents(original)

    assert report.ok, report.lines()
    again = EXPORTERS[kind](original["id"])
    assert normalised(again) == normalised(original)
    assert hsds.validate(kind, again) == []


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "name"), PAGES)
def test_an_official_api_page_survives_import_and_export(kind, name):
    original = example(name)

    report = import_documents(original)

    assert report.ok, report.lines()
    contents = [EXPORTERS[kind](item["id"]) for item in original["contents"]]
    if kind == "organization":  # a list page shows organizations without services
        contents = [{k: v for k, v in c.items() if k != "services"} for c in contents]
    again = export.page_document(
        contents,
        total_items=original["total_items"],
        page=original["page_number"],
        per_page=original["size"],
    )
    assert normalised(again) == normalised(original)
    assert hsds.validate_page(again, kind) == []


@pytest.mark.django_db
def test_the_official_service_stores_one_row_for_a_record_repeated_under_parents():
    import_documents(example("service_full"))

    service = Service.objects.get()
    phone = service.phones.get()
    at = service.service_at_locations.get()
    assert phone.location_id == at.location_id
    assert phone.service_at_location_id == at.id
    assert phone.organization_id == service.organization_id
    assert at.schedules.get() == service.schedules.get()
    assert phone.languages.get().service_id == service.id


@pytest.mark.django_db
def test_a_nested_dutch_file_survives_import_and_export():
    original = json.loads((IO_DATA / "sociale_kaart.json").read_text("utf-8"))

    report = import_documents(original)

    assert report.ok, report.lines()
    for service in original:
        assert normalised(exported_service(service["id"])) == normalised(service)


@pytest.mark.django_db
def test_a_dutch_csv_package_imports_as_the_same_nested_services():
    """The CSV package holds the same records as ``sociale_kaart.json``."""
    expected = json.loads((IO_DATA / "sociale_kaart.json").read_text("utf-8"))

    report = import_path(IO_DATA / "sociale_kaart_csv")

    assert report.ok, report.lines()
    assert report.counts["service"].created == len(expected)
    for service in expected:
        again = exported_service(service["id"])
        assert normalised(again) == normalised(service)
        assert hsds.validate("service", again) == []


@pytest.mark.django_db
def test_an_export_of_our_own_imports_again_without_changes(tmp_path):
    import_path(IO_DATA / "sociale_kaart_csv")
    first = [exported_service(str(s.id)) for s in Service.objects.order_by("id")]
    file = tmp_path / "export.json"
    file.write_text(json.dumps(first), encoding="utf-8")

    report = import_path(file)

    assert report.ok, report.lines()
    counts = report.counts["service"]
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, len(first))
    assert [
        exported_service(str(s.id)) for s in Service.objects.order_by("id")
    ] == first
