"""manage.py import_hsds PATH [--region CODE] [--dry-run]."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aandacht.core.models import Region
from aandacht.socialmap.io.importer import import_path

#: Exit status when records were rejected, and when the file was refused.
REJECTED_STATUS = 1
REFUSED_STATUS = 2


def region_by_code(code: str | None) -> Region | None:
    if code is None:
        return None
    region = Region.objects.filter(code=code).first()
    if region is None:
        known = ", ".join(Region.objects.values_list("code", flat=True)) or "none"
        raise CommandError(f"No region with code {code!r} (known: {known}).")
    return region


class Command(BaseCommand):
    help = (
        "Import HSDS 3.1 data into the social map: a JSON file (one object, a "
        "list or an API page), a folder of JSON files, or a CSV data package "
        "(a folder with datapackage.json). Upserts by id and reports what it "
        "created, updated and rejected."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="HSDS JSON file, folder or CSV data package.")
        parser.add_argument(
            "--region",
            metavar="CODE",
            help="Put new organisations and services in this region's map "
            "(default: national).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check and report everything, then write nothing.",
        )

    def handle(
        self, *args: Any, path: str, region: str | None, dry_run: bool, **options: Any
    ) -> None:
        report = import_path(path, region=region_by_code(region), dry_run=dry_run)
        for line in report.lines():
            self.stdout.write(line)
        if report.refused is not None:
            raise CommandError("The file was refused.", returncode=REFUSED_STATUS)
        if report.rejections:
            raise CommandError(
                f"{len(report.rejections)} record(s) rejected.",
                returncode=REJECTED_STATUS,
            )
