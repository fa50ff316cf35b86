"""A bad setting stops `manage.py` with one clear line, not a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[3]
PREFIX = "Aandacht cannot start:"


def manage_check(*, without: tuple[str, ...] = (), **overrides: str):
    env = {k: v for k, v in os.environ.items() if k not in without}
    env.update(overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def assert_one_line_refusal(result, *, mentions: str) -> str:
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(PREFIX)
    assert mentions in lines[0]
    return lines[0]


def test_an_unknown_database_scheme_stops_the_start():
    result = manage_check(DATABASE_URL="mysql://x/y")
    assert_one_line_refusal(result, mentions="DATABASE_URL")


def test_a_missing_secret_key_stops_the_start_outside_the_demo():
    result = manage_check(without=("SECRET_KEY",), AANDACHT_DEMO="0")
    assert_one_line_refusal(result, mentions="SECRET_KEY")


def test_debug_must_be_one_or_zero():
    result = manage_check(DEBUG="yes")
    line = assert_one_line_refusal(result, mentions="DEBUG")
    assert "DEBUG must be 1 or 0" in line


def test_a_malformed_admin_address_stops_the_start():
    result = manage_check(AANDACHT_ADMIN_URL="/beheer")
    assert_one_line_refusal(result, mentions="AANDACHT_ADMIN_URL")


def test_the_demo_runs_without_a_secret_key():
    """The demo keeps a generated key in var/ (git-ignored) instead."""
    result = manage_check(without=("SECRET_KEY",), AANDACHT_DEMO="1")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert (PROJECT / "var" / "demo_secret_key").read_text().strip()
