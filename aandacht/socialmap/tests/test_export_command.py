"""manage.py export_hsds: a JSON list that import_hsds reads back (#5, item 2)."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from aandacht.socialmap import hsds
from aandacht.socialmap.io.importer import import_path
from aandacht.socialmap.models import Service

IO_DATA = Path(__file__).resolve().parent / "io_data"


def export(*args: str) -> list[dict[str, Any]]:
    out = StringIO()
    call_command("export_hsds", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def kaart(cast):
    """The Dutch test map: three services in zuid, one national."""
    import_path(IO_DATA / "sociale_kaart.json", region=cast.zuid)
    night = Service.objects.get(name="Nachtlijn Nachtlicht")
    night.region = None
    night.staff_note = "Alleen doorverbinden na overleg"
    night.save()
    return cast


@pytest.mark.django_db
def test_everything_is_exported_as_valid_nested_services(kaart):
    documents = export()

    assert sorted(d["name"] for d in documents) == sorted(
        Service.objects.values_list("name", flat=True)
    )
    for document in documents:
        assert hsds.validate("service", document) == []


@pytest.mark.django_db
def test_region_and_national_choose_the_services(kaart):
    zuid = {d["name"] for d in export("--region", "zuid")}
    national = {d["name"] for d in export("--national")}
    both = {d["name"] for d in export("--region", "zuid", "--national")}

    assert "Nachtlijn Nachtlicht" not in zuid
    assert national == {"Nachtlijn Nachtlicht"}
    assert both == zuid | national
    assert export("--region", "noord") == []


@pytest.mark.django_db
def test_staff_fields_only_with_the_staff_option(kaart):
    [public] = export("--national")
    [staff] = export("--national", "--staff")

    assert "staff_note" not in public
    assert staff["staff_note"] == "Alleen doorverbinden na overleg"


@pytest.mark.django_db
def test_an_exported_file_imports_back_unchanged(kaart, tmp_path):
    file = tmp_path / "kaart.json"
    err = StringIO()

    call_command("export_hsds", "--output", str(file), "--staff", stderr=err)
    report = import_path(file)

    assert f"Wrote 4 services to {file}." in err.getvalue()
    assert report.ok, report.lines()
    counts = report.counts["service"]
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 4)
