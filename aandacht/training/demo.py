"""Demo further training: sessions this year and last, in every demo region.

Attendance differs per volunteer, so the coordinator's list shows some
volunteers behind and some on track, whatever the day of the year.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from aandacht.core.demo import DemoContext
from aandacht.core.models import Region, User
from aandacht.training import services
from aandacht.training.access import volunteers_of
from aandacht.training.models import TrainingSession

DESCRIPTION = "further training: sessions and attendance"

# (topic, half-days), spread over the part of this year that has passed.
SESSIONS = [
    ("Luisteren naar bellers die eenzaam zijn", 2),
    ("Over of uit eenzaamheid: de registratie", 1),
    ("Bellers in crisis: doorverbinden met het AMW", 2),
    ("De acht typen sociaal isolement", 1),
    ("Vaste bellers en hun profiel", 2),
    ("Grenzen aangeven in een gesprek", 1),
]
LAST_YEAR = [("Themadag: de zes A's", 4), ("Trainingsweekend", 4)]


def _attends(volunteer_index: int, session_index: int) -> bool:
    """Who came: the first two everything, then ever fewer, the last nothing."""
    pattern = [6, 6, 4, 2, 1, 0]
    return session_index < pattern[volunteer_index % len(pattern)]


def _recorder(context: DemoContext, code: str) -> User:
    return context.users["begeleider" if code == "zhzm" else "landelijk"]


def seed(context: DemoContext) -> None:
    today = timezone.localdate()
    for code, region in context.regions.items():
        if TrainingSession.objects.filter(region=region).exists():
            continue  # seeded before
        volunteers = list(volunteers_of(region).order_by("username"))
        if not volunteers:
            continue
        demo_volunteer = context.users.get("vrijwilliger")
        if demo_volunteer in volunteers:  # shown a middling count on logging in
            volunteers.remove(demo_volunteer)
            volunteers.insert(2, demo_volunteer)
        _seed_region(region, volunteers, _recorder(context, code), today)


def _seed_region(
    region: Region, volunteers: list[User], recorder: User, today: datetime.date
) -> None:
    start = datetime.date(today.year, 1, 1)
    elapsed = (today - start).days
    for index, (topic, half_days) in enumerate(SESSIONS):
        when = start + datetime.timedelta(days=elapsed * index // len(SESSIONS))
        attendees = [v for n, v in enumerate(volunteers) if _attends(n, index)]
        services.training_session_record(
            region=region,
            date=when,
            topic=topic,
            half_days=half_days,
            attendees=attendees or volunteers[:1],
            recorded_by=recorder,
        )
    for index, (topic, half_days) in enumerate(LAST_YEAR):
        services.training_session_record(
            region=region,
            date=datetime.date(today.year - 1, 3 + 6 * index, 14),
            topic=topic,
            half_days=half_days,
            attendees=volunteers[: len(volunteers) - index],
            recorded_by=recorder,
        )
