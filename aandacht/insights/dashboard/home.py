"""What the insights dashboard adds to coordinators' and supervisors' home page.

Registered in ``InsightsConfig.ready()`` for the coordinator and supervisor
roles (``register_home_panel``).
"""

from __future__ import annotations

from aandacht.core.home import HomePanel
from aandacht.core.models import User


def dashboard_panel(user: User) -> HomePanel:
    return HomePanel("insights/dashboard/_home.html")
