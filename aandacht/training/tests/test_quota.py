"""The pro-rating of the eight half-days a year: plain unit tests, no database."""

from __future__ import annotations

import ast
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from aandacht.training import quota


@pytest.mark.parametrize(
    ("today", "owed"),
    [
        (date(2025, 1, 1), "0.7"),  # the first day: January counts as elapsed
        (date(2025, 1, 31), "0.7"),
        (date(2025, 2, 1), "1.3"),
        (date(2025, 3, 15), "2.0"),
        (date(2025, 6, 30), "4.0"),
        (date(2025, 7, 1), "4.7"),
        (date(2025, 11, 30), "7.3"),
        (date(2025, 12, 1), "8.0"),  # December: the full eight
        (date(2025, 12, 31), "8.0"),
    ],
)
def test_the_current_year_owes_a_share_per_month_begun(today, owed):
    assert quota.owed_by_now(2025, today) == Decimal(owed)


def test_a_past_year_owes_the_full_eight():
    assert quota.owed_by_now(2024, date(2025, 1, 1)) == Decimal("8.0")
    assert quota.owed_by_now(2020, date(2025, 7, 1)) == Decimal("8.0")


def test_a_future_year_owes_nothing_yet():
    assert quota.owed_by_now(2026, date(2025, 12, 31)) == Decimal("0.0")


def test_months_elapsed_at_the_boundaries():
    assert quota.months_elapsed(2025, date(2025, 1, 1)) == 1
    assert quota.months_elapsed(2025, date(2025, 12, 31)) == 12
    assert quota.months_elapsed(2024, date(2025, 1, 1)) == 12
    assert quota.months_elapsed(2026, date(2025, 12, 31)) == 0


def test_another_yearly_amount_is_pro_rated_the_same_way():
    assert quota.owed_by_now(2025, date(2025, 6, 1), per_year=12) == Decimal("6.0")


@pytest.mark.parametrize(
    ("attended", "owed", "behind"),
    [
        (0, "0.7", True),
        (1, "0.7", False),
        (4, "4.0", False),  # exactly what is owed is enough
        (4, "4.7", True),
        (7, "8.0", True),
        (9, "8.0", False),
        (0, "0.0", False),
    ],
)
def test_behind_means_fewer_than_owed(attended, owed, behind):
    assert quota.is_behind(attended, Decimal(owed)) is behind


def test_the_quota_module_imports_no_django_and_no_app_code():
    """Pure, like core/env.py; import-linter should guard it too (see the report)."""
    tree = ast.parse(Path(quota.__file__).read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    assert not any(name.split(".")[0] in {"django", "aandacht"} for name in imported)
