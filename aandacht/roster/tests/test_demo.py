"""The demo: next month open for availability, with lines, demand and marks, and
a problem the solver accepts."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from aandacht.roster.models import Availability, Demand, Line, RosterMonth
from aandacht.roster.planning.problem import roster_problem
from aandacht.roster.problem import parse_problem


@pytest.mark.django_db
def test_the_demo_opens_next_month_with_availability_and_demand(settings):
    settings.DEMO = True
    call_command("seed_demo", "--contacts=2000", stdout=StringIO())

    months = list(RosterMonth.objects.select_related("region"))
    assert months
    for roster in months:
        assert roster.status == RosterMonth.Status.COLLECTING
        assert Line.objects.filter(region=roster.region).exists()
        assert Availability.objects.filter(roster=roster).exists()
        parse_problem(roster_problem(roster))  # raises on any problem
    assert Demand.objects.filter(arrivals_per_hour__gt=0).exists()

    call_command("seed_demo", "--contacts=0", stdout=StringIO())  # again: no change
    assert RosterMonth.objects.count() == len(months)
