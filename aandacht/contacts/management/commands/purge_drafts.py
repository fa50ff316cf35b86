"""Delete abandoned contact drafts; meant to run daily from cron or a timer."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from aandacht.contacts.services import drafts_purge


class Command(BaseCommand):
    help = (
        "Delete contact drafts untouched for longer than the retention period "
        "(AANDACHT_DRAFT_RETENTION_DAYS, default 14)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=settings.DRAFT_RETENTION_DAYS,
            help="Override the retention period, in days.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count the drafts that would be deleted.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"]
        if days < 1:
            raise CommandError("--days must be at least 1.")
        count = drafts_purge(
            older_than=timedelta(days=days), dry_run=options["dry_run"]
        )
        verb = "Would delete" if options["dry_run"] else "Deleted"
        self.stdout.write(f"{verb} {count} drafts untouched for over {days} days.")
