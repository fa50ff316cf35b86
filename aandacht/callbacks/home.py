"""What the call-back app adds to the home page of volunteers and the Vraagwijzer."""

from __future__ import annotations

from django.utils import timezone

from aandacht.callbacks import access, selectors
from aandacht.core.home import HomePanel
from aandacht.core.models import User


def vraagwijzer_panel(user: User) -> HomePanel:
    due = selectors.due_count(access.workable(user), today=timezone.localdate())
    return HomePanel("callbacks/_home_vraagwijzer.html", {"due": due})


def volunteer_panel(user: User) -> HomePanel:
    return HomePanel("callbacks/_home_volunteer.html")
