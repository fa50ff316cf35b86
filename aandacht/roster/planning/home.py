"""What planning adds to the volunteer's home page: their next shifts."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from aandacht.core import access
from aandacht.core.home import HomePanel, register_home_panel
from aandacht.core.models import User
from aandacht.core.roles import Role
from aandacht.roster.models import SwapOffer
from aandacht.roster.planning.selectors import my_shifts

NEXT_SHIFTS = 3


def shifts_panel(user: User) -> HomePanel | None:
    shifts = my_shifts(user)
    if not shifts:
        return None
    return HomePanel(
        "roster/planning/_home_volunteer.html", {"next": shifts[:NEXT_SHIFTS]}
    )


def register_planning_panels() -> None:
    register_home_panel(Role.VOLUNTEER, shifts_panel)
    register_swap_panels()


def swaps_panel(user: User) -> HomePanel | None:
    """For coordinators: the shifts volunteers swapped in the last two weeks."""
    regions = access.regions_for(user, {Role.COORDINATOR})
    since = timezone.now() - timedelta(days=14)
    taken = list(
        SwapOffer.objects.filter(
            status=SwapOffer.Status.TAKEN,
            closed_at__gte=since,
            assignment__roster__region__in=regions,
        ).select_related("assignment__line", "offered_by", "taken_by")[:10]
    )
    if not taken:
        return None
    return HomePanel("roster/planning/_home_swaps.html", {"taken": taken})


def now_panel(user: User) -> HomePanel:
    return HomePanel("roster/planning/_home_now.html", {})


def register_swap_panels() -> None:
    register_home_panel(Role.COORDINATOR, swaps_panel)
    register_home_panel(Role.SUPERVISOR, now_panel)
