"""What the base layout needs on every page: the navigation for the user's roles."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from aandacht.core.access import two_factor_pending
from aandacht.core.selectors import navigation_for


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    if two_factor_pending(user):
        return {"nav_items": []}
    return {"nav_items": navigation_for(user)}
