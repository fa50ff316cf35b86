"""What the maintenance screens add to the Vraagwijzer's home page."""

from __future__ import annotations

from aandacht.core.home import HomePanel
from aandacht.core.models import User
from aandacht.socialmap.directory import access, selectors


def vraagwijzer_panel(user: User) -> HomePanel | None:
    """The social map, with how many entries wait for a check."""
    scope = access.edit_scope(user)
    if scope.empty:
        return None
    return HomePanel(
        "socialmap/directory/_home_vraagwijzer.html",
        {"stale_count": selectors.stale_count(scope)},
    )
