"""The background worker: takes solver runs off the database queue and solves them."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections

from aandacht.roster.planning.services import run_next


class Command(BaseCommand):
    help = (
        "Solve queued roster runs, one at a time; --once stops when the queue is empty."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true")
        parser.add_argument(
            "--poll", type=float, default=2.0, help="seconds between looks"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            close_old_connections()
            run = run_next()
            if run is not None:
                self.stdout.write(f"Run {run.pk}: {run.status}")
                continue
            if options["once"]:
                return
            time.sleep(options["poll"])
