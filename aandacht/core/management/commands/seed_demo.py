"""Build the demo organisation; every Aandacht app adds its own demo data.

Each step says what it loads before it starts and how long it took, so a
first `make run` never sits silent: the scrubber's name lists alone take
seconds to load, and a large `--contacts` takes minutes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from aandacht.core import demo
from aandacht.core.models import Organisation
from aandacht.privacy.scrub import get_deduce


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
        self.verbosity = int(options.get("verbosity", 1))
        modules = _app_demo_modules()
        total = len(modules) + 2
        self._step(1, total, "the scrubber's name lists (deduce)", get_deduce)
        context = self._step(
            2,
            total,
            demo.DESCRIPTION,
            lambda: demo.seed(contacts=contacts, progress=self._progress),
        )
        for number, module in enumerate(modules, start=3):
            self._step(number, total, module.DESCRIPTION, partial(module.seed, context))
        if self.verbosity >= 1:
            self.stdout.write(self.style.SUCCESS("Demo data is ready."))

    def _step(self, number: int, total: int, what: str, run: Callable[[], Any]) -> Any:
        if self.verbosity < 1:
            return run()
        self.stdout.write(f"[{number}/{total}] Loading {what} ...")
        self.stdout.flush()
        started = time.monotonic()
        result = run()
        self.stdout.write(f"      done in {time.monotonic() - started:.1f} s")
        return result

    def _progress(self, done: int, total: int, what: str) -> None:
        if self.verbosity < 1:
            return
        self.stdout.write(f"      {done:,} of {total:,} {what}")
        self.stdout.flush()


def _app_demo_modules() -> list[Any]:
    """The `demo` module of every Aandacht app except core, in app order."""
    modules = []
    for config in apps.get_app_configs():
        ours = config.name.startswith("aandacht.") and config.label != "core"
        if ours and find_spec(f"{config.name}.demo") is not None:
            modules.append(import_module(f"{config.name}.demo"))
    return modules
