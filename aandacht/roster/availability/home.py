"""What the register and availability add to the home page, per role.

`register_home_panels()` is called from the roster app's `ready()`.
"""

from __future__ import annotations

from aandacht.core import access as core_access
from aandacht.core.home import HomePanel, register_home_panel
from aandacht.core.models import User
from aandacht.core.roles import Role
from aandacht.roster.availability import access, selectors


def volunteer_panel(user: User) -> HomePanel | None:
    """The months that collect availability, with their deadline; none: no panel."""
    months = selectors.open_months_for(user)
    if not months:
        return None
    return HomePanel("roster/availability/_home_volunteer.html", {"months": months})


def coordinator_panel(user: User) -> HomePanel:
    regions = list(core_access.regions_for(user, access.PLANNING_ROLES)[:2])
    region = regions[0] if len(regions) == 1 else None
    return HomePanel("roster/availability/_home_coordinator.html", {"region": region})


def register_home_panels() -> None:
    register_home_panel(Role.VOLUNTEER, volunteer_panel)
    register_home_panel(Role.COORDINATOR, coordinator_panel)
