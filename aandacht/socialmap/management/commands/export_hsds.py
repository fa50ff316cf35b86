"""manage.py export_hsds [--region CODE] [--national] [--output PATH] [--staff]."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandParser, OutputWrapper
from django.db.models import Q, QuerySet

from aandacht.socialmap.io.export import export_documents
from aandacht.socialmap.management.commands.import_hsds import region_by_code
from aandacht.socialmap.models import Service


def services_to_export(region_code: str | None, national: bool) -> QuerySet[Service]:
    """All services; or a region's and/or the national ones."""
    region = region_by_code(region_code)
    if region is None and not national:
        return Service.objects.all()
    scope = Q(region__isnull=True) if national else Q(pk__in=[])
    if region is not None:
        scope |= Q(region=region)
    return Service.objects.filter(scope)


def write_list(documents: Iterable[Any], out: TextIO | OutputWrapper) -> int:
    """Write a JSON list one document at a time; return how many."""
    count = 0
    out.write("[")
    for document in documents:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(document, ensure_ascii=False, indent=2))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


class Command(BaseCommand):
    help = (
        "Export the social map's services as a JSON list of nested HSDS 3.1 "
        "services, which import_hsds reads back. Without --staff, fields only "
        "staff may see are left out."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--region", metavar="CODE", help="This region's services.")
        parser.add_argument(
            "--national",
            action="store_true",
            help="National services (with --region: the region's and national).",
        )
        parser.add_argument("--output", metavar="PATH", help="File (default stdout).")
        parser.add_argument(
            "--staff",
            action="store_true",
            help="Include staff-only fields (note for the team, who verified it).",
        )

    def handle(
        self,
        *args: Any,
        region: str | None,
        national: bool,
        output: str | None,
        staff: bool,
        **options: Any,
    ) -> None:
        documents = export_documents(services_to_export(region, national), staff=staff)
        if output is None:
            write_list(documents, self.stdout)
            return
        with Path(output).open("w", encoding="utf-8") as out:
            count = write_list(documents, out)
        self.stderr.write(f"Wrote {count} services to {output}.")
