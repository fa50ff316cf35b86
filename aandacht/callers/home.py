"""What the callers app adds to the supervisor's home page."""

from __future__ import annotations

from django.utils import timezone

from aandacht.callers import access
from aandacht.callers.models import CallerProfile
from aandacht.core.home import HomePanel
from aandacht.core.models import User


def supervisor_panel(user: User) -> HomePanel:
    reviews_due = (
        access.managed_profiles(user)
        .filter(status=CallerProfile.Status.ACTIVE, review_on__lte=timezone.localdate())
        .count()
    )
    return HomePanel("callers/_home_supervisor.html", {"reviews_due": reviews_due})
