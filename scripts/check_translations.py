"""Fail when a text in the code or templates has no Dutch translation.

Extracts the messages afresh in a temporary copy of the project (so the
working tree is untouched), merges them into the committed Dutch catalogue,
and lists every message that is untranslated or fuzzy there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = Path("locale/nl/LC_MESSAGES/django.po")


def _extract(copy: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "nl",
            "--no-obsolete",
            "--ignore=.venv",
            "--ignore=var",
            "--ignore=tests",
            "-v0",
        ],
        cwd=copy,
        check=True,
        env={**os.environ, "PYTHONPATH": str(copy)},
    )


def _problems(po: Path) -> str:
    found = []
    for flag in ("--untranslated", "--only-fuzzy"):
        result = subprocess.run(
            ["msgattrib", flag, "--no-wrap", str(po)],
            capture_output=True,
            text=True,
            check=True,
        )
        found += [
            line for line in result.stdout.splitlines() if line.startswith("msgid ")
        ]
    return "\n".join(line for line in found if line != 'msgid ""')


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "project"
        shutil.copytree(
            ROOT,
            copy,
            ignore=shutil.ignore_patterns(
                ".venv", ".git", "var", "node_modules", "*.mo"
            ),
        )
        _extract(copy)
        problems = _problems(copy / CATALOGUE)
    if problems:
        print("Texts without a Dutch translation in locale/nl/LC_MESSAGES/django.po")
        print("(run `make messages`, translate, and remove 'fuzzy' flags):")
        print(problems)
        return 1
    print("Every text has a Dutch translation.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
