"""Every write of the further-training register: recording and changing sessions.

A session holds no caller data, so no audit event is written; nothing here
logs who attended.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aandacht.core.models import Region, User
from aandacht.training.access import volunteers_of
from aandacht.training.models import (
    MAX_HALF_DAYS,
    MIN_HALF_DAYS,
    Attendance,
    TrainingSession,
)

MAX_TOPIC = TrainingSession._meta.get_field("topic").max_length or 200


def _validated(
    *,
    region: Region,
    date: datetime.date,
    topic: str,
    half_days: int,
    attendees: Iterable[User],
    kept: Iterable[int] = (),
) -> tuple[str, set[int]]:
    """The cleaned topic and attendee ids; a ValidationError names each problem.

    `kept` are the ids of people already recorded as attending: they may stay
    even if they have left the region or stopped volunteering since.
    """
    errors: dict[str, list[str]] = {}
    if date > timezone.localdate():
        errors.setdefault("date", []).append(
            _("The date lies in the future. Record a session after it took place.")
        )
    topic = " ".join(topic.split())
    if not topic:
        errors.setdefault("topic", []).append(_("Enter the topic of the session."))
    elif len(topic) > MAX_TOPIC:
        errors.setdefault("topic", []).append(
            _("Keep the topic to %(max)d characters.") % {"max": MAX_TOPIC}
        )
    if not MIN_HALF_DAYS <= half_days <= MAX_HALF_DAYS:
        errors.setdefault("half_days", []).append(
            _("A session lasts %(min)d to %(max)d half-days.")
            % {"min": MIN_HALF_DAYS, "max": MAX_HALF_DAYS}
        )
    people = {person.pk: person for person in attendees}
    if not people:
        errors.setdefault("attendees", []).append(
            _("Choose at least one volunteer who attended.")
        )
    allowed = set(
        volunteers_of(region).filter(pk__in=people).values_list("pk", flat=True)
    )
    strangers = sorted(
        people[pk].display_name for pk in people.keys() - allowed - set(kept)
    )
    if strangers:
        errors.setdefault("attendees", []).append(
            _("Only volunteers of %(region)s can attend; not: %(names)s.")
            % {"region": region.name, "names": ", ".join(strangers)}
        )
    if errors:
        raise ValidationError(errors)
    return topic, set(people)


@transaction.atomic
def training_session_record(
    *,
    region: Region,
    date: datetime.date,
    topic: str,
    half_days: int,
    attendees: Iterable[User],
    recorded_by: User,
) -> TrainingSession:
    """Record a session that took place, with the volunteers who attended."""
    topic, attendee_ids = _validated(
        region=region, date=date, topic=topic, half_days=half_days, attendees=attendees
    )
    session = TrainingSession.objects.create(
        region=region,
        date=date,
        topic=topic,
        half_days=half_days,
        recorded_by=recorded_by,
    )
    Attendance.objects.bulk_create(
        Attendance(session=session, volunteer_id=pk) for pk in sorted(attendee_ids)
    )
    return session


@transaction.atomic
def training_session_update(
    *,
    session: TrainingSession,
    date: datetime.date,
    topic: str,
    half_days: int,
    attendees: Iterable[User],
) -> TrainingSession:
    """Change a session's facts and who attended; the region stays."""
    # Lock the session, so two supervisors' changes of one list do not mix.
    TrainingSession.objects.select_for_update().filter(pk=session.pk).first()
    recorded = set(session.attendance.values_list("volunteer_id", flat=True))
    topic, attendee_ids = _validated(
        region=session.region,
        date=date,
        topic=topic,
        half_days=half_days,
        attendees=attendees,
        kept=recorded,
    )
    session.date, session.topic, session.half_days = date, topic, half_days
    session.save(update_fields=["date", "topic", "half_days"])
    session.attendance.filter(volunteer_id__in=recorded - attendee_ids).delete()
    Attendance.objects.bulk_create(
        Attendance(session=session, volunteer_id=pk)
        for pk in sorted(attendee_ids - recorded)
    )
    return session
