"""Delete the records of failed logins whose lock-out is over; run every few minutes.

They hold the client's address, kept no longer than a lock-out lasts. Only
counts are printed, never a user name or an address.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from aandacht.core.services import login_records_purge


class Command(BaseCommand):
    help = (
        "Delete django-axes' records of failed logins (with their addresses) "
        "once their lock-out is over, and any access log it kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count the records that would be deleted; delete nothing.",
        )

    def handle(self, *args: Any, dry_run: bool, **options: Any) -> None:
        purged = login_records_purge(now=timezone.now(), dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {purged.attempts} expired login failure records, "
            f"{purged.access_logs} access logs and "
            f"{purged.failure_logs} failure logs."
        )
