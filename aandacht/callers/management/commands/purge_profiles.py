"""Mark quiet profiles dormant and erase the text of long-dormant ones; run daily."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from aandacht.callers.services import (
    profiles_mark_dormant,
    profiles_purge,
    profiles_to_purge,
)


class Command(BaseCommand):
    help = (
        "Profiles without a contact for six months become dormant; dormant "
        "profiles whose last contact is older than AANDACHT_PROFILE_RETENTION_DAYS "
        "(default 730) lose their text and keep only their counts."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=settings.PROFILE_RETENTION_DAYS,
            help="Override the retention period, in days.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only report what would change; change nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        days, dry_run = options["days"], options["dry_run"]
        if days < 183:
            raise CommandError("--days must be at least 183 (six months).")
        with transaction.atomic():
            dormant = profiles_mark_dormant()
            erasable = profiles_to_purge(retention_days=days).count()
            erased = 0 if dry_run else profiles_purge(retention_days=days)
            if dry_run:
                transaction.set_rollback(True)
        if dry_run:
            self.stdout.write(
                f"Would mark {dormant} profiles dormant and erase {erasable}."
            )
        else:
            self.stdout.write(f"Marked {dormant} profiles dormant; erased {erased}.")
