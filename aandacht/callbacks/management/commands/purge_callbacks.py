"""Erase the numbers of call-back requests that are done or seven days old; run daily.

Marking a request done erases its number at once; this catches the rest:
requests never marked done, and any done one whose erasure was missed.
Only counts are printed, never a number or a question.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from aandacht.callbacks.services import (
    NUMBER_RETENTION,
    callbacks_purge,
    callbacks_purge_counts,
)


class Command(BaseCommand):
    help = (
        "Erase the phone number of every call-back request older than "
        f"{NUMBER_RETENTION.days} days (open or done) and of every done one."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count the numbers that would be erased; erase nothing.",
        )

    def handle(self, *args: Any, dry_run: bool, **options: Any) -> None:
        now = timezone.now()
        counts = callbacks_purge_counts(now=now)
        reasons = (
            f"{counts.older_than_retention} older than {NUMBER_RETENTION.days} "
            f"days, {counts.done} of done requests"
        )
        if dry_run:
            self.stdout.write(f"Would erase {counts.total} numbers ({reasons}).")
            return
        erased = callbacks_purge(now=now)
        self.stdout.write(f"Erased {erased} numbers ({reasons}).")
