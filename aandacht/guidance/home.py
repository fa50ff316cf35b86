"""What guidance adds to the home page of volunteers and supervisors."""

from __future__ import annotations

from aandacht.core.home import HomePanel
from aandacht.core.models import User
from aandacht.guidance import assistant
from aandacht.guidance.models import VignetteAnswer


def learn_panel(user: User) -> HomePanel:
    words = assistant.guidance()
    done = (
        VignetteAnswer.objects.filter(volunteer=user, vignette__in=words.vignettes)
        .values("vignette")
        .distinct()
        .count()
    )
    context = {"done": done, "total": len(words.vignettes), "choices": False}
    return HomePanel("guidance/_home_learn.html", context)


def coaching_panel(user: User) -> HomePanel:
    return HomePanel("guidance/_home_learn.html", {"choices": True, "coach": True})
