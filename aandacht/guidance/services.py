"""Every write of the guidance app."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F

from aandacht.core.models import User
from aandacht.guidance import typology
from aandacht.guidance.models import SelfTestCount, VignetteAnswer


def self_test_count(*, day: date, scale: str, category: str) -> None:
    """Add one to the day's count for a result; the only trace of a self-test."""
    key = {"day": day, "scale": scale, "category": category}
    if SelfTestCount.objects.filter(**key).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            SelfTestCount.objects.create(**key, count=1)
    except IntegrityError:  # another visitor's first count won the race
        SelfTestCount.objects.filter(**key).update(count=F("count") + 1)


def vignette_answer(
    *,
    volunteer: User,
    vignette: str,
    expected_type: str,
    content_version: str,
    network: str,
    psychiatric: str,
    participation: str,
    chosen_type: str,
) -> VignetteAnswer:
    """Keep a quiz answer; `chosen_type` must be one of the eight type codes."""
    if chosen_type not in typology.TYPES:
        raise ValueError(f"unknown type {chosen_type!r}")
    return VignetteAnswer.objects.create(
        volunteer=volunteer,
        vignette=vignette,
        content_version=content_version,
        network=network,
        psychiatric=psychiatric,
        participation=participation,
        chosen_type=chosen_type,
        correct=chosen_type == expected_type,
    )
