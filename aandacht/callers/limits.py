"""Where a profile stands against its contact limit, today and this week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q
from django.utils import timezone

from aandacht.callers.models import CallerProfile, ContactLimit
from aandacht.callers.windows import LOCAL, day_window, week_window
from aandacht.contacts.models import Contact


@dataclass(frozen=True)
class LimitStatus:
    limit: ContactLimit | None
    today: int
    this_week: int

    @property
    def day_reached(self) -> bool:
        per_day = self.limit.per_day if self.limit else None
        return per_day is not None and self.today >= per_day

    @property
    def week_reached(self) -> bool:
        per_week = self.limit.per_week if self.limit else None
        return per_week is not None and self.this_week >= per_week

    @property
    def reached(self) -> bool:
        return self.day_reached or self.week_reached


def current_limit(profile: CallerProfile, moment: datetime) -> ContactLimit | None:
    """The limit in force on the local date of `moment`, if any."""
    day = moment.astimezone(LOCAL).date()
    return (
        profile.limits.filter(ended_at__isnull=True, valid_from__lte=day)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day))
        .order_by("-created_at")
        .first()
    )


def limit_status(
    profile: CallerProfile,
    moment: datetime | None = None,
    *,
    exclude: Contact | None = None,
) -> LimitStatus:
    """Contacts so far today and this week (local clock) against the limit.

    Counts conversations only, on the limit's channel when it names one.
    `exclude` leaves out the contact being registered, to ask whether the
    limit was reached before it.
    """
    moment = moment or timezone.now()
    limit = current_limit(profile, moment)
    contacts = Contact.objects.conversations().filter(caller_profile=profile)
    if limit and limit.channel:
        contacts = contacts.filter(channel=limit.channel)
    if exclude is not None:
        contacts = contacts.exclude(pk=exclude.pk)
    day_start, day_end = day_window(moment)
    week_start, week_end = week_window(moment)
    counts = contacts.filter(
        started_at__gte=min(week_start, day_start),
        started_at__lt=max(week_end, day_end),
    ).aggregate(
        week=Count("pk", filter=Q(started_at__gte=week_start, started_at__lt=week_end)),
        today=Count("pk", filter=Q(started_at__gte=day_start, started_at__lt=day_end)),
    )
    return LimitStatus(limit, today=counts["today"], this_week=counts["week"])
