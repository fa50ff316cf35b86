"""Demo rosters: lines, demand from the demo contacts, and next month open for
availability, with most demo volunteers' availability already entered."""

from __future__ import annotations

import datetime
import random

from django.utils import timezone

from aandacht.core.demo import DemoContext
from aandacht.core.models import Region
from aandacht.roster.availability.access import volunteers_of
from aandacht.roster.availability.services import availability_replace
from aandacht.roster.demand.services import (
    demand_estimate_from_history,
    lines_install_defaults,
)
from aandacht.roster.models import RosterMonth
from aandacht.roster.shifts import SHIFTS, month_days

DESCRIPTION = "rosters: lines, demand and next month open for availability"

SHARE_AVAILABLE = 0.4


def seed(context: DemoContext) -> None:
    today = timezone.localdate()
    month = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    deadline = max(today, month - datetime.timedelta(days=10))
    for region in context.regions.values():
        if RosterMonth.objects.filter(region=region).exists():
            continue  # seeded before
        lines_install_defaults(region=region)
        demand_estimate_from_history(region=region)
        roster = RosterMonth.objects.create(
            region=region, month=month, deadline=deadline
        )
        _availability(region, roster)


def _availability(region: Region, roster: RosterMonth) -> None:
    """All but the last volunteer have entered availability: one still owes it."""
    chance = random.Random(f"roster-{region.code}")  # noqa: S311 (demo data)
    volunteers = list(volunteers_of(region).order_by("username"))
    slots = [(day, shift.code) for day in month_days(roster.month) for shift in SHIFTS]
    for volunteer in volunteers[:-1]:
        available = [slot for slot in slots if chance.random() < SHARE_AVAILABLE]
        preferred = [slot for slot in available if chance.random() < 0.2]
        availability_replace(
            roster=roster, volunteer=volunteer, available=available, preferred=preferred
        )
