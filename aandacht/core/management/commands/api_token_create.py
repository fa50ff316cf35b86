"""Make an API token for one person and print its key, the only time it is shown."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aandacht.core.models import ApiToken, User
from aandacht.core.services import api_token_create

NAME_LENGTH = ApiToken._meta.get_field("name").max_length or 100


class Command(BaseCommand):
    help = "Make an API token for USERNAME and print its key once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("name", help="what the token is for, e.g. 'telephony'")

    def handle(self, *args: Any, **options: Any) -> None:
        name = options["name"].strip()
        if not name or len(name) > NAME_LENGTH:
            raise CommandError(
                f"Give the token a name of 1 to {NAME_LENGTH} characters."
            )
        try:
            user = User.objects.get(username=options["username"], is_active=True)
        except User.DoesNotExist:
            raise CommandError(f"No active user {options['username']!r}.") from None
        token, key = api_token_create(user=user, name=name)
        self.stdout.write(
            f"API token {token.name!r} for {user.username} ({token.prefix}…):"
        )
        self.stdout.write(key)
        self.stdout.write(
            "Copy it now: only its hash is stored, so it cannot be shown again. "
            "Send it as 'Authorization: Bearer <token>'."
        )
