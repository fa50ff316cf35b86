"""The reads behind the guidance screens."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count

from aandacht.core.access import AnyUser, regions_for
from aandacht.core.models import User
from aandacht.core.roles import Role
from aandacht.guidance import content
from aandacht.guidance.models import VignetteAnswer


@dataclass(frozen=True)
class CaseProgress:
    vignette: content.Vignette
    attempts: int
    last_correct: bool | None


def quiz_progress(user: User, words: content.Content) -> list[CaseProgress]:
    """Every case in content order, with the volunteer's attempts and last answer."""
    answers = VignetteAnswer.objects.filter(volunteer=user).order_by("answered_at")
    attempts: Counter[str] = Counter()
    last: dict[str, bool] = {}
    for key, correct in answers.values_list("vignette", "correct"):
        attempts[key] += 1
        last[key] = correct
    return [
        CaseProgress(vignette, attempts[key], last.get(key))
        for key, vignette in words.vignettes.items()
    ]


def vignette_choices(user: AnyUser) -> dict[str, Counter[str]]:
    """Per case, how often each type was chosen by volunteers of the user's regions.

    A supervisor sees which types get confused: many answers on a type other
    than the case's own point to something the training should clear up.
    """
    regions = regions_for(user, {Role.SUPERVISOR})
    volunteers = User.objects.filter(
        roles__role=Role.VOLUNTEER, roles__region__in=regions
    ).values("pk")
    rows = (
        VignetteAnswer.objects.filter(volunteer__in=volunteers)
        .values("vignette", "chosen_type")
        .annotate(times=Count("pk"))
        .order_by()
    )
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        counts[row["vignette"]][row["chosen_type"]] = row["times"]
    return counts
