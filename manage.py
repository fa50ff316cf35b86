#!/usr/bin/env python
"""Django's command-line utility for Aandacht."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aandacht.settings")
    from django.core.management import execute_from_command_line

    from aandacht.core.env import EnvError

    try:
        execute_from_command_line(sys.argv)
    except EnvError as error:
        sys.stderr.write(f"Aandacht cannot start: {error}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
