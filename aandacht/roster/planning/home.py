"""What planning adds to the volunteer's home page: their next shifts."""

from __future__ import annotations

from aandacht.core.home import HomePanel, register_home_panel
from aandacht.core.models import User
from aandacht.core.roles import Role
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
