"""What the further-training register adds to the home page, per role."""

from __future__ import annotations

from aandacht.core.home import HomePanel
from aandacht.core.models import User
from aandacht.training import selectors


def volunteer_panel(user: User) -> HomePanel:
    return HomePanel(
        "training/_home_volunteer.html", {"progress": selectors.progress(user)}
    )


def supervisor_panel(user: User) -> HomePanel:
    return HomePanel("training/_home_supervisor.html")


def coordinator_panel(user: User) -> HomePanel:
    return HomePanel("training/_home_coordinator.html")
