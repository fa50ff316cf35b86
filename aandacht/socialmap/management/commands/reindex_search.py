"""Rebuild the social map's search index from the directory.

Writes through the app's services keep the index in step; this is for after
a change they do not cover (a region renamed, a bulk edit in the database)
or a change to the analysis itself.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from aandacht.socialmap.models import Service
from aandacht.socialmap.search.index import reindex_all


class Command(BaseCommand):
    help = "Rebuild the social map's search index."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        reindex_all()
        seconds = time.monotonic() - started
        count = Service.objects.count()
        self.stdout.write(f"Search index rebuilt: {count} services in {seconds:.1f} s.")
