"""HSDS import: upserts, refusals, rejected records and the report (#5, item 2)."""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from aandacht.socialmap import opening
from aandacht.socialmap.io.importer import import_documents, import_path
from aandacht.socialmap.models import (
    ChangeRecord,
    ClosedDate,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    TaxonomyTerm,
)

REINDEX = "aandacht.socialmap.search.index.reindex"
IO_DATA = Path(__file__).resolve().parent / "io_data"
EXAMPLES = Path(__file__).resolve().parent / "hsds_examples"
SAMPLES = Path("/work/shared/data/hsds-samples")
MODELS = (
    Organization,
    Service,
    Location,
    ServiceAtLocation,
    Phone,
    Schedule,
    ServiceArea,
    Language,
    TaxonomyTerm,
    ChangeRecord,
)


def new_id() -> str:
    return str(uuid.uuid4())


def service(name: str = "Luisterpunt", **extra: Any) -> dict[str, Any]:
    """A small Dutch service with an organization, a phone and opening hours."""
    return {
        "id": new_id(),
        "name": name,
        "description": "Een luisterend oor",
        "status": "active",
        "organization": {
            "id": new_id(),
            "name": f"Stichting {name}",
            "description": "Welzijn",
        },
        "phones": [{"id": new_id(), "number": "013 123 45 67"}],
        "schedules": [
            {
                "id": new_id(),
                "freq": "WEEKLY",
                "byday": "MO,TU,WE,TH,FR",
                "opens_at": "10:00",
                "closes_at": "14:00",
            }
        ],
        **extra,
    }


def rows() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def dutch() -> list[dict[str, Any]]:
    return json.loads((IO_DATA / "sociale_kaart.json").read_text("utf-8"))


# -- upserts -------------------------------------------------------------------


@pytest.mark.django_db
def test_a_second_import_of_the_same_file_changes_nothing():
    first = import_documents(dutch())
    before = rows()

    second = import_documents(dutch())

    assert first.counts["service"].created == 4
    assert first.counts["organization"].created == 2
    counts = second.counts["service"]
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 4)
    assert second.counts["organization"].unchanged == 2
    assert rows() == before


@pytest.mark.django_db
def test_a_changed_record_is_updated_and_its_history_names_the_fields():
    import_documents(dutch())
    changed = dutch()
    changed[0]["name"] = "Luisterpunt Tilburg-Noord"
    changed[0]["schedules"][0]["closes_at"] = "15:00"

    report = import_documents(changed)

    counts = report.counts["service"]
    assert (counts.created, counts.updated, counts.unchanged) == (0, 1, 3)
    service = Service.objects.get(id=changed[0]["id"])
    assert service.name == "Luisterpunt Tilburg-Noord"
    history = ChangeRecord.objects.filter(entity_id=service.id).order_by("id")
    assert [(r.action, r.changes) for r in history] == [
        ("imported", history[0].changes),
        ("imported", ["name", "schedules"]),
    ]
    assert "name" in history[0].changes  # the creation lists every field


@pytest.mark.django_db
def test_each_created_service_and_organization_gets_an_imported_change_record():
    import_documents(dutch())

    entities = sorted(
        ChangeRecord.objects.filter(action="imported").values_list("entity", flat=True)
    )

    assert entities == ["organization"] * 2 + ["service"] * 4


@pytest.mark.django_db
def test_a_phone_left_out_of_the_list_is_removed_and_a_shared_one_kept():
    import_documents(dutch())
    changed = dutch()
    shared_phone = changed[0]["phones"][0]["id"]  # also the organization's phone
    changed[0]["phones"] = []
    changed[2]["phones"] = []  # the night line's own phone

    import_documents(changed)

    assert not Service.objects.get(id=changed[0]["id"]).phones.exists()
    assert Phone.objects.get(id=shared_phone).organization_id is not None
    assert not Phone.objects.filter(number="0800 0113").exists()


@pytest.mark.django_db
def test_a_service_without_a_phones_list_keeps_its_phones():
    import_documents(dutch())
    slim = dutch()[2]
    del slim["phones"]

    import_documents(slim)

    assert Service.objects.get(id=slim["id"]).phones.get().number == "0800 0113"


@pytest.mark.django_db
def test_our_extensions_are_read_back():
    doc = service(
        crisis_pinned=True,
        staff_note="Vraag naar de dienstdoende",
        closed_dates=[{"date": "2025-12-25", "reason": "Eerste Kerstdag"}],
    )

    import_documents(doc)

    stored = Service.objects.get(id=doc["id"])
    assert stored.crisis_pinned is True
    assert stored.staff_note == "Vraag naar de dienstdoende"
    assert list(ClosedDate.objects.values_list("reason", flat=True)) == [
        "Eerste Kerstdag"
    ]


@pytest.mark.django_db
def test_the_search_index_is_updated_for_the_services_written(monkeypatch):
    calls: list[list[uuid.UUID]] = []
    monkeypatch.setattr(REINDEX, lambda ids: calls.append(list(ids)))

    import_documents(dutch())
    import_documents(dutch())  # nothing changed: nothing to reindex

    assert [sorted(map(str, ids)) for ids in calls] == [
        sorted(s["id"] for s in dutch())
    ]


# -- dry run -------------------------------------------------------------------


@pytest.mark.django_db
def test_a_dry_run_reports_everything_and_writes_nothing(monkeypatch):
    calls: list[object] = []
    monkeypatch.setattr(REINDEX, calls.append)
    before = rows()

    report = import_path(IO_DATA / "sociale_kaart_csv", dry_run=True)

    assert report.ok
    assert report.counts["service"].created == 4
    assert "dry run: nothing was written" in report.lines()[0]
    assert rows() == before
    assert calls == []


# -- the whole file refused ----------------------------------------------------


@pytest.mark.django_db
def test_malformed_json_is_refused_with_line_and_column(tmp_path):
    file = tmp_path / "kapot.json"
    file.write_text('[\n  {"id": "x",\n   "name": "Luisterpunt",,\n  }\n]\n')

    report = import_path(file)

    assert not report.ok
    assert report.refused is not None
    assert "kapot.json is not valid JSON" in report.refused
    assert "line 3, column 26" in report.refused
    assert rows()["Service"] == 0


@pytest.mark.django_db
def test_a_record_breaking_the_schema_refuses_the_whole_file():
    good = service("Goed")
    bad = service("Fout")
    bad["phones"][0]["number"] = 131

    report = import_documents([good, bad])

    assert report.refused is not None
    assert "does not match the service schema (service.json)" in report.refused
    assert "$[1].phones[0].number: 131 is not of type 'string'" in report.refused
    assert all(count == 0 for count in rows().values())


@pytest.mark.django_db
def test_something_that_is_not_hsds_at_all_is_refused():
    report = import_documents([{"naam": "Luisterpunt", "telefoon": "0800"}])

    assert report.refused is not None
    assert "not a recognisable HSDS 3.1 service" in report.refused
    assert "naam, telefoon" in report.refused


@pytest.mark.django_db
def test_two_different_records_with_one_id_refuse_the_file():
    first = service("Een")
    second = service("Twee")
    second["phones"][0]["id"] = first["phones"][0]["id"]
    second["phones"][0]["number"] = "040 000 00 00"

    report = import_documents([first, second])

    assert report.refused is not None
    assert f"duplicate id {first['phones'][0]['id']}" in report.refused
    assert "two different phone records" in report.refused
    assert "differ in number" in report.refused
    assert all(count == 0 for count in rows().values())


@pytest.mark.django_db
def test_one_phone_repeated_identically_under_two_services_is_one_row():
    first = service("Een")
    second = service("Twee")
    second["phones"] = copy.deepcopy(first["phones"])

    report = import_documents([first, second])

    assert report.ok
    phone = Phone.objects.get()
    assert phone.service_id == uuid.UUID(second["id"])  # the last parent's link
    assert Service.objects.count() == 2


# -- one record rejected -------------------------------------------------------


@pytest.mark.django_db
def test_a_schedule_that_closes_before_it_opens_rejects_its_service_only():
    good = service("Goed")
    bad = service("Fout")
    bad["schedules"][0].update(opens_at="09:00", closes_at="03:00")

    report = import_documents([good, bad])

    assert [r.id for r in report.rejections] == [bad["id"]]
    assert "closes at 03:00, before it opens at 09:00" in report.rejections[0].reason
    assert report.counts["service"].rejected == 1
    assert report.counts["service"].created == 1
    # Nothing of the rejected record was written: not its organization either.
    assert list(Service.objects.values_list("name", flat=True)) == ["Goed"]
    assert list(Organization.objects.values_list("name", flat=True)) == [
        "Stichting Goed"
    ]
    assert Phone.objects.count() == Schedule.objects.count() == 1


@pytest.mark.django_db
def test_a_night_schedule_is_fine():
    doc = service()
    doc["schedules"][0].update(byday="SA", opens_at="22:00", closes_at="02:00")

    report = import_documents(doc)

    assert report.ok
    assert opening.rule_of(Schedule.objects.get()) is not None


@pytest.mark.django_db
def test_a_validity_window_that_ends_before_it_starts_rejects_the_service():
    doc = service()
    doc["schedules"][0].update(valid_from="2025-06-01", valid_to="2025-05-01")

    report = import_documents(doc)

    assert report.rejections[0].reason.endswith(
        "valid_to 2025-05-01 is before valid_from 2025-06-01"
    )
    assert Service.objects.count() == 0


@pytest.mark.django_db
def test_a_schedule_we_cannot_interpret_is_kept_for_its_description():
    doc = service()
    doc["schedules"][0].update(count=3, description="Alleen in oktober")

    report = import_documents(doc)

    assert report.ok
    assert any("count cannot be interpreted" in w for w in report.warnings)
    row = Schedule.objects.get()
    assert row.extra == {"count": 3}
    assert row.description == "Alleen in oktober"
    assert opening.rule_of(row) is None  # never counted as open


@pytest.mark.django_db
def test_an_id_that_is_not_a_uuid_rejects_that_record_with_the_reason():
    good = service("Goed")
    bad = service("Fout")
    bad["phones"][0]["id"] = "telefoon-1"

    report = import_documents([good, bad])

    assert [str(r) for r in report.rejections] == [
        f"service {bad['id']}: phone id 'telefoon-1' is not a UUID"
    ]
    assert list(Service.objects.values_list("name", flat=True)) == ["Goed"]


@pytest.mark.django_db
def test_a_value_too_long_for_its_column_rejects_the_record():
    doc = service(name="x" * 300)

    report = import_documents(doc)

    assert report.rejections[0].reason == "name is longer than 250 characters"
    assert Service.objects.count() == 0


@pytest.mark.django_db
def test_an_organization_rejected_takes_its_services_with_it():
    org = {
        "id": new_id(),
        "name": "Stichting Fout",
        "description": "",
        "locations": [
            {
                "id": new_id(),
                "location_type": "physical",
                "schedules": [
                    {
                        "id": new_id(),
                        "freq": "WEEKLY",
                        "byday": "MO",
                        "opens_at": "11:00",
                        "closes_at": "10:00",
                    }
                ],
            }
        ],
        "services": [{"id": new_id(), "name": "Dienst", "status": "active"}],
    }

    report = import_documents(org)

    assert [r.kind for r in report.rejections] == ["organization", "service"]
    assert "was rejected" in report.rejections[1].reason
    assert all(count == 0 for count in rows().values())


# -- regions -------------------------------------------------------------------


@pytest.mark.django_db
def test_a_regional_import_puts_new_records_in_that_regions_map(cast):
    report = import_documents(dutch(), region=cast.zuid)

    assert report.ok
    assert set(Service.objects.values_list("region", flat=True)) == {cast.zuid.id}
    assert set(Organization.objects.values_list("region", flat=True)) == {cast.zuid.id}


@pytest.mark.django_db
def test_a_national_import_never_moves_a_regional_service(cast):
    import_documents(dutch(), region=cast.zuid)

    report = import_documents(dutch())

    assert set(Service.objects.values_list("region", flat=True)) == {cast.zuid.id}
    moved = [w for w in report.warnings if "does not move it" in w]
    assert len(moved) == 6  # four services, two organizations
    assert "stays in region zuid's map; a national import does not move it" in moved[0]


@pytest.mark.django_db
def test_without_a_region_new_records_are_national():
    import_documents(dutch())

    assert set(Service.objects.values_list("region", flat=True)) == {None}


# -- files, folders and packages -----------------------------------------------


@pytest.mark.django_db
def test_the_mock_api_folder_imports():
    report = import_path(SAMPLES / "openreferral-mock-hsds-api" / "data")

    assert report.ok, report.lines()
    assert report.counts["service"].created == 1
    assert report.counts["organization"].created == 1
    assert any("root.json" in w and "skipped" in w for w in report.warnings)


@pytest.mark.django_db
def test_the_ohana_csv_folder_is_refused_saying_what_it_is():
    report = import_path(SAMPLES / "ohana-api-sample-csv")

    assert report.refused is not None
    assert "no datapackage.json" in report.refused
    assert "Ohana API CSV export" in report.refused
    assert "Expected an HSDS 3.1 tabular data package" in report.refused
    assert rows()["Service"] == 0


@pytest.mark.django_db
def test_the_official_csv_example_imports_as_a_package(tmp_path):
    official = Path("/work/shared/data/hsds-3.1")
    for table in (official / "examples" / "csv").glob("*.csv"):
        (tmp_path / table.name).write_bytes(table.read_bytes())
    (tmp_path / "datapackage.json").write_bytes(
        (official / "datapackage.json").read_bytes()
    )

    report = import_path(tmp_path)

    assert report.ok, report.lines()
    stored = Service.objects.get()
    assert stored.organization is not None
    assert stored.service_at_locations.get().location is not None
    assert any("1 attribute row(s) belong to nothing" in w for w in report.warnings)


@pytest.mark.django_db
def test_a_csv_cell_that_is_not_a_number_refuses_the_package(tmp_path):
    package = tmp_path / "kaart"
    package.mkdir()
    for file in (IO_DATA / "sociale_kaart_csv").iterdir():
        (package / file.name).write_bytes(file.read_bytes())
    services = package / "services.csv"
    services.write_text(services.read_text("utf-8").replace(",18,", ",achttien,"))

    report = import_path(package)

    assert report.refused is not None
    assert "services.csv line" in report.refused
    assert "column minimum_age: 'achttien' is not a number" in report.refused
    assert rows()["Service"] == 0


@pytest.mark.django_db
def test_two_csv_rows_with_one_id_and_different_values_refuse_the_package(tmp_path):
    package = tmp_path / "kaart"
    package.mkdir()
    for file in (IO_DATA / "sociale_kaart_csv").iterdir():
        (package / file.name).write_bytes(file.read_bytes())
    areas = package / "service_areas.csv"
    lines = areas.read_text("utf-8").splitlines()
    areas.write_text("\n".join([*lines, lines[1].replace("Tilburg", "Breda")]) + "\n")

    report = import_path(package)

    assert report.refused is not None
    assert "duplicate id" in report.refused
    assert "service_areas.csv" in report.refused


@pytest.mark.django_db
def test_a_single_csv_file_is_refused(tmp_path):
    file = tmp_path / "services.csv"
    file.write_text("id,name\n")

    report = import_path(file)

    assert report.refused is not None
    assert "a folder with datapackage.json" in report.refused


@pytest.mark.django_db
def test_an_api_page_of_services_imports():
    page = json.loads((EXAMPLES / "service_list.json").read_text("utf-8"))

    report = import_documents(page)

    assert report.ok
    assert report.counts["service"].created == 1


@pytest.mark.django_db
def test_the_report_reads_well():
    bad = service("Fout")
    bad["schedules"][0].update(opens_at="09:00", closes_at="03:00")

    lines = import_documents([service("Goed"), bad], source="kaart.json").lines()

    assert lines[0] == "Imported kaart.json:"
    assert "  service: 1 created, 0 updated, 0 unchanged, 1 rejected" in lines
    assert "Rejected (1):" in lines
    assert any(line.startswith(f"  service {bad['id']}: schedule ") for line in lines)


@pytest.mark.django_db
def test_an_import_costs_a_query_per_row_not_per_field(django_assert_max_num_queries):
    import_documents(dutch())

    # The unchanged re-import of four services (two organizations, eleven
    # nested lists each checked for rows to unlink) stays well under a
    # query per field.
    with django_assert_max_num_queries(60):
        import_documents(dutch())
