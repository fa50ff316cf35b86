"""On PostgreSQL `make test` runs only the tests the database can change."""

from __future__ import annotations

import pytest

from conftest import uses_database


def test_a_test_that_asks_for_the_database_runs_on_both(request, db):
    assert uses_database(request.node)


@pytest.mark.django_db
def test_a_test_marked_for_the_database_runs_on_both(request):
    assert uses_database(request.node)


def test_a_test_that_reaches_it_through_a_fixture_runs_on_both(request, cast):
    assert uses_database(request.node)


def test_a_test_without_the_database_runs_once(request, settings):
    assert not uses_database(request.node)
