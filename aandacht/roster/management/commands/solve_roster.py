"""Solve a roster problem file; no database needed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from aandacht.roster import solver


class Command(BaseCommand):
    help = (
        "Solve a month's roster: --input PROBLEM.json --output RESULT.json "
        "[--time-limit SECONDS], in the formats of docs/roster-format.md."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--input", required=True)
        parser.add_argument("--output", required=True)
        parser.add_argument("--time-limit", type=float, default=60.0)

    def handle(self, *args: Any, **options: Any) -> None:
        argv = [
            "--input",
            options["input"],
            "--output",
            options["output"],
            "--time-limit",
            str(options["time_limit"]),
        ]
        code = solver.main(argv)
        if code:
            raise CommandError(f"The solver stopped with exit code {code}.")
