"""The demo social map: services the team wrote for the demo regions.

The data lives in ``demo_data/`` as HSDS 3.1 JSON (see its README): our
taxonomy, the national services and one file per demo region, named after
the region's code. Loading goes through the HSDS importer, like any other
directory a region brings in, so the demo also shows that path works.

Every record has a fixed id and the importer upserts by id, so seeding twice
leaves the same rows. A region without a file of its own gets only the
national services. The importer brings the search index up to date for the
services it writes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.db import transaction

from aandacht.core.demo import DemoContext
from aandacht.core.models import Region
from aandacht.socialmap.io.importer import import_documents
from aandacht.socialmap.io.report import ImportReport

DESCRIPTION = "the social map: taxonomy, national and regional services"

DATA_DIR = Path(__file__).resolve().parent / "demo_data"
TAXONOMY_FILE = "taxonomy.json"
NATIONAL = "national"


class DemoDataError(RuntimeError):
    """The demo data did not import cleanly: a mistake in ``demo_data/``."""


def service_file(scope: str) -> Path:
    """The file of national services (``scope="national"``) or of one region."""
    return DATA_DIR / f"services_{scope}.json"


def seed(context: DemoContext) -> None:
    """Called by ``seed_demo`` after the demo organisation and its regions exist."""
    seed_social_map(context.regions)


@transaction.atomic
def seed_social_map(regions: Mapping[str, Region]) -> list[ImportReport]:
    """Import the taxonomy, the national services and each region's services.

    Returns the importer's reports, one per file. Raises ``DemoDataError`` if
    any record is refused, so a mistake in the data never passes silently.
    """
    reports = [_import(DATA_DIR / TAXONOMY_FILE, None)]
    reports.append(_import(service_file(NATIONAL), None))
    for code, region in sorted(regions.items()):
        path = service_file(code)
        if path.exists():
            reports.append(_import(path, region))
    return reports


def _import(path: Path, region: Region | None) -> ImportReport:
    documents: Any = json.loads(path.read_text(encoding="utf-8"))
    report = import_documents(documents, region=region, source=path.name)
    if not report.ok:
        problems = [report.refused or "", *map(str, report.rejections)]
        raise DemoDataError(f"{path.name}: {'; '.join(p for p in problems if p)}")
    return report
