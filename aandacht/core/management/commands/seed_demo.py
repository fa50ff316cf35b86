"""Build the demo organisation; every Aandacht app adds its own demo data."""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from aandacht.core import demo
from aandacht.core.models import Organisation


class Command(BaseCommand):
    help = "Create the demo organisation, its regions and one demo user per role."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already holds an organisation.",
        )
        parser.add_argument(
            "--contacts",
            type=int,
            default=2000,
            help="How many synthetic contact reports to create (default 2000).",
        )

    def handle(self, *args: Any, if_empty: bool, contacts: int, **options: Any) -> None:
        if not settings.DEMO:
            raise CommandError(
                "Demo data exists only in demo mode: set AANDACHT_DEMO=1."
            )
        if contacts < 0:
            raise CommandError("--contacts must be 0 or more.")
        if if_empty and Organisation.objects.exists():
            self.stdout.write("The database already has data; no demo data added.")
            return
        context = demo.seed(contacts=contacts)
        for module in _app_demo_modules():
            module.seed(context)
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))


def _app_demo_modules() -> list[Any]:
    """The `demo` module of every Aandacht app except core, in app order."""
    modules = []
    for config in apps.get_app_configs():
        ours = config.name.startswith("aandacht.") and config.label != "core"
        if ours and find_spec(f"{config.name}.demo") is not None:
            modules.append(import_module(f"{config.name}.demo"))
    return modules
