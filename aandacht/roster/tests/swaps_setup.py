"""A published month in region zuid with one shift of the zuid volunteer."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from aandacht.roster.models import Assignment, Line, RosterMonth, VolunteerRegister


def published_shift(cast, *, days_ahead: int = 3, shift: str = "A") -> Assignment:
    region = cast.zuid
    day = timezone.localdate() + timedelta(days=days_ahead)
    line, _ = Line.objects.get_or_create(
        region=region,
        code="phone-nl",
        defaults={"channel": "phone", "language": "nl", "max_parallel": 2},
    )
    roster, _ = RosterMonth.objects.get_or_create(
        region=region,
        month=day.replace(day=1),
        defaults={
            "deadline": day.replace(day=1) - timedelta(days=10),
            "status": RosterMonth.Status.PUBLISHED,
        },
    )
    for volunteer in (cast["volunteer_zuid"], cast["volunteer_noord"]):
        VolunteerRegister.objects.get_or_create(
            volunteer=volunteer,
            region=region,
            defaults={"languages": ["nl"], "channels": ["phone"]},
        )
    return Assignment.objects.create(
        roster=roster,
        volunteer=cast["volunteer_zuid"],
        date=day,
        shift=shift,
        line=line,
    )
