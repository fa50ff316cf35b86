"""Fill the insights rollup: run it every few minutes (cron or a timer)."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from aandacht.insights.rollup.services import rollup_run


class Command(BaseCommand):
    help = (
        "Count new and corrected contact reports into the insights rollup. "
        "Safe to interrupt and to run again: it continues where it stopped."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--full",
            action="store_true",
            help="Throw the rollup away and count every report again, day by day.",
        )

    def handle(self, *args: Any, full: bool, **options: Any) -> None:
        started = time.perf_counter()
        report = rollup_run(full=full)
        seconds = time.perf_counter() - started
        if report.built or report.build_chunks:
            self.stdout.write(
                f"Full build: {report.build_chunks} chunks of days counted."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Rollup done in {seconds:.1f} s: {report.new_contacts} new and "
                f"{report.changed} changed reports, {report.new_feedback} feedback, "
                f"{report.batches} batches."
            )
        )
