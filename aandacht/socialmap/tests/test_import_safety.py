"""HSDS import of hostile files: web addresses, sizes and nesting (#14).

A record whose web address is not http(s) (``javascript:``, ``data:``,
``file:``, ``ftp:``) is rejected, the others are imported. A file over the
size limit or nested deeper than the limit is refused as a whole, with a
message, before it is parsed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from aandacht.socialmap.io import files
from aandacht.socialmap.io.importer import import_documents, import_path
from aandacht.socialmap.models import Organization, Service
from aandacht.socialmap.tests.test_import import IO_DATA, new_id, rows, service
from aandacht.socialmap.tests.test_import_command import run

NOT_THE_WEB = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "ftp://ftp.example.nl/sociale-kaart",
    "mailto:info@example.nl",
]


def _service_url(doc: dict[str, Any], value: str) -> str:
    doc["url"] = value
    return "url"


def _organization_website(doc: dict[str, Any], value: str) -> str:
    doc["organization"]["website"] = value
    return "organization.website"


def _additional_url(doc: dict[str, Any], value: str) -> str:
    doc["additional_urls"] = [{"id": new_id(), "url": value, "label": "Folder"}]
    return "additional_urls[0].url"


def _location_url(doc: dict[str, Any], value: str) -> str:
    doc["service_at_locations"] = [
        {
            "id": new_id(),
            "location": {
                "id": new_id(),
                "location_type": "physical",
                "url": value,
            },
        }
    ]
    return "service_at_locations[0].location.url"


PLACES = [_service_url, _organization_website, _additional_url, _location_url]


@pytest.mark.django_db
@pytest.mark.parametrize("value", NOT_THE_WEB)
@pytest.mark.parametrize("place", PLACES, ids=lambda place: place.__name__[1:])
def test_a_web_address_that_is_not_http_rejects_its_service(place, value):
    good = service("Goed", url="https://www.example.nl/goed")
    bad = service("Fout")
    field = place(bad, value)

    report = import_documents([good, bad])

    assert report.refused is None
    assert [(r.kind, r.id) for r in report.rejections] == [("service", bad["id"])]
    reason = report.rejections[0].reason
    assert reason.startswith(f"{field} ")
    assert "is not a web address (http:// or https://)" in reason
    assert list(Service.objects.values_list("name", flat=True)) == ["Goed"]
    assert not Organization.objects.filter(name="Stichting Fout").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("value", NOT_THE_WEB)
def test_an_organization_with_such_a_website_is_rejected_with_its_services(value):
    org = {
        "id": new_id(),
        "name": "Stichting Fout",
        "description": "Welzijn",
        "website": value,
        "services": [{"id": new_id(), "name": "Dienst", "status": "active"}],
    }

    report = import_documents([org, service("Goed")])

    assert [(r.kind, r.id) for r in report.rejections] == [
        ("organization", org["id"]),
        ("service", org["services"][0]["id"]),
    ]
    assert report.rejections[0].reason.startswith("website ")
    assert list(Service.objects.values_list("name", flat=True)) == ["Goed"]


@pytest.mark.django_db
def test_web_addresses_of_the_web_are_imported():
    doc = service("Goed", url="http://example.nl/pad?vraag=1#deel")
    doc["organization"]["website"] = "HTTPS://WWW.EXAMPLE.NL"
    _additional_url(doc, "https://example.nl/folder.pdf")

    report = import_documents(doc)

    assert report.ok, report.lines()
    assert Service.objects.get().url == "http://example.nl/pad?vraag=1#deel"


# -- size and depth --------------------------------------------------------------


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.django_db
def test_a_file_nested_100000_levels_deep_is_refused_with_a_message(tmp_path):
    file = tmp_path / "diep.json"
    file.write_text(_nested(100_000), encoding="utf-8")

    report = import_path(file)

    assert report.refused is not None
    assert "diep.json is nested more than 64 levels deep" in report.refused
    assert "at line 1, column 65" in report.refused
    assert all(count == 0 for count in rows().values())


@pytest.mark.django_db
def test_a_service_with_a_property_nested_too_deep_refuses_the_file(tmp_path):
    deep: Any = "bodem"
    for _ in range(files.MAX_DEPTH):
        deep = {"laag": deep}
    file = tmp_path / "kaart.json"
    file.write_text(json.dumps([service("Goed"), service("Diep", x_deep=deep)]))

    report = import_path(file)

    assert report.refused is not None
    assert "nested more than 64 levels deep" in report.refused
    assert rows()["Service"] == 0


@pytest.mark.django_db
def test_brackets_inside_text_do_not_count_as_nesting(tmp_path):
    file = tmp_path / "kaart.json"
    brackets = "[{" * files.MAX_DEPTH
    file.write_text(json.dumps(service("Haakjes", description=brackets)))

    report = import_path(file)

    assert report.ok, report.lines()
    assert Service.objects.get().description == brackets


@pytest.mark.django_db
def test_a_deep_datapackage_json_refuses_the_package(tmp_path):
    package = tmp_path / "pakket"
    package.mkdir()
    (package / "datapackage.json").write_text(_nested(100_000), encoding="utf-8")

    report = import_path(package)

    assert report.refused is not None
    assert "datapackage.json is nested more than 64 levels deep" in report.refused


def _sparse_file(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no room on disk."""
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


@pytest.mark.django_db
def test_a_json_file_over_the_size_limit_is_refused_unread(tmp_path):
    file = _sparse_file(tmp_path / "groot.json", files.MAX_FILE_BYTES + 1)

    report = import_path(file)

    assert report.refused is not None
    assert "groot.json is larger than 25 MB" in report.refused
    assert "split it into several files" in report.refused
    assert rows()["Service"] == 0


@pytest.mark.django_db
def test_a_json_file_at_the_size_limit_is_read(tmp_path):
    text = json.dumps(service("Precies"))
    file = tmp_path / "precies.json"
    file.write_text(text + " " * (files.MAX_FILE_BYTES - len(text.encode())))
    assert file.stat().st_size == files.MAX_FILE_BYTES

    report = import_path(file)

    assert report.ok, report.lines()


@pytest.mark.django_db
def test_a_csv_table_over_the_size_limit_refuses_the_package(tmp_path):
    package = tmp_path / "pakket"
    package.mkdir()
    for source in (IO_DATA / "sociale_kaart_csv").iterdir():
        (package / source.name).write_bytes(source.read_bytes())
    _sparse_file(package / "services.csv", files.MAX_FILE_BYTES + 1)

    report = import_path(package)

    assert report.refused is not None
    assert "services.csv is larger than 25 MB" in report.refused


@pytest.mark.django_db
def test_a_csv_cell_longer_than_csv_reads_refuses_the_package(tmp_path):
    package = tmp_path / "pakket"
    package.mkdir()
    for source in (IO_DATA / "sociale_kaart_csv").iterdir():
        (package / source.name).write_bytes(source.read_bytes())
    services = package / "services.csv"
    header, first, *rest = services.read_text("utf-8").splitlines()
    long_cell = '"' + "lang verhaal " * 20_000 + '"'
    services.write_text("\n".join([header, f"{first},{long_cell}", *rest]) + "\n")

    report = import_path(package)

    assert report.refused is not None
    assert "services.csv cannot be read as CSV at line 2" in report.refused
    assert "field larger than field limit" in report.refused


@pytest.mark.django_db
def test_the_command_prints_the_refusal_of_a_deep_file_and_exits_two(tmp_path):
    file = tmp_path / "diep.json"
    file.write_text(_nested(100_000), encoding="utf-8")

    output, status = run(str(file))

    assert status == 2
    assert "nested more than 64 levels deep" in output
    assert "Nothing was imported." in output
