"""manage.py import_hsds: its output and exit status (#5, item 2)."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from aandacht.socialmap.models import Service

IO_DATA = Path(__file__).resolve().parent / "io_data"


def run(*args: str) -> tuple[str, int]:
    """The command's printed report and its exit status."""
    out = StringIO()
    try:
        call_command("import_hsds", *args, stdout=out)
    except CommandError as error:
        return out.getvalue(), error.returncode
    return out.getvalue(), 0


@pytest.mark.django_db
def test_a_good_package_prints_the_counts_and_exits_zero():
    output, status = run(str(IO_DATA / "sociale_kaart_csv"))

    assert status == 0
    assert "  service: 4 created, 0 updated, 0 unchanged, 0 rejected" in output
    assert "  organization: 2 created, 0 updated, 0 unchanged, 0 rejected" in output
    assert Service.objects.count() == 4


@pytest.mark.django_db
def test_a_rejected_record_prints_its_reason_and_exits_one(tmp_path):
    services = json.loads((IO_DATA / "sociale_kaart.json").read_text("utf-8"))
    services[3]["id"] = "buurtbemiddeling"
    file = tmp_path / "kaart.json"
    file.write_text(json.dumps(services), encoding="utf-8")

    output, status = run(str(file))

    assert status == 1
    assert "service buurtbemiddeling: service id 'buurtbemiddeling' is not a UUID" in (
        output
    )
    assert Service.objects.count() == 3


@pytest.mark.django_db
def test_a_refused_file_says_why_exits_two_and_writes_nothing(tmp_path):
    file = tmp_path / "kaart.json"
    file.write_text('{"id": ', encoding="utf-8")

    output, status = run(str(file))

    assert status == 2
    assert "kaart.json is not valid JSON" in output
    assert "Nothing was imported." in output
    assert Service.objects.count() == 0


@pytest.mark.django_db
def test_a_dry_run_says_so_and_writes_nothing():
    output, status = run(str(IO_DATA / "sociale_kaart.json"), "--dry-run")

    assert status == 0
    assert "(dry run: nothing was written)" in output
    assert "service: 4 created" in output
    assert Service.objects.count() == 0


@pytest.mark.django_db
def test_the_region_option_puts_new_services_in_that_region(cast):
    run(str(IO_DATA / "sociale_kaart.json"), "--region", "noord")

    assert set(Service.objects.values_list("region__code", flat=True)) == {"noord"}


@pytest.mark.django_db
def test_an_unknown_region_is_named(cast):
    with pytest.raises(CommandError, match="No region with code 'oost'"):
        call_command(
            "import_hsds", str(IO_DATA / "sociale_kaart.json"), "--region", "oost"
        )
    assert Service.objects.count() == 0
