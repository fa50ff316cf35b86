"""Revoke API tokens by the prefix shown when they were made."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aandacht.core.models import ApiToken
from aandacht.core.services import api_token_revoke


class Command(BaseCommand):
    help = (
        "Revoke the active API token whose key starts with PREFIX (e.g. aan_Ab12Cd34)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("prefix")

    def handle(self, *args: Any, **options: Any) -> None:
        tokens = list(
            ApiToken.objects.select_related("user").filter(
                prefix=options["prefix"], revoked_at__isnull=True
            )
        )
        if len(tokens) != 1:
            raise CommandError(
                f"{len(tokens)} active tokens have the prefix {options['prefix']!r}; "
                "expected exactly one."
            )
        token = api_token_revoke(token=tokens[0])
        self.stdout.write(f"Revoked {token.name!r} of {token.user.username}.")
