"""Print the demo users and their password (only in demo mode)."""

from __future__ import annotations

import textwrap
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from aandacht.core.demo import demo_logins, demo_usernames


class Command(BaseCommand):
    help = "List the demo logins."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO:
            self.stdout.write("Not in demo mode: there are no demo logins.")
            return
        rows = demo_logins()
        width = max((len(name) for name, _pw, _role in rows), default=0)
        self.stdout.write("Demo logins (staff set up two-factor login at first login):")
        for name, password, role in rows:
            self.stdout.write(f"  {name.ljust(width)}  {password}  ({role})")
        others = sorted(demo_usernames() - {name for name, _pw, _role in rows})
        if others:
            self.stdout.write(f"  and {len(others)} more with the same password:")
            self.stdout.write(
                textwrap.fill(
                    ", ".join(others),
                    78,
                    initial_indent="    ",
                    subsequent_indent="    ",
                )
            )
