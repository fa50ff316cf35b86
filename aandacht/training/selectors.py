"""The reads behind the further-training screens, one function per screen.

`half_days_for` is the one other apps (the roster, later) call: the
half-days a volunteer attended in a year, in every region together.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from aandacht.core.access import AnyUser
from aandacht.core.models import Region, User
from aandacht.training import access, quota
from aandacht.training.models import Attendance, TrainingSession

SESSIONS_PAGE_SIZE = 25
NAME_ORDER = ("first_name", "last_name", "username")


def half_days_for(user: User, year: int) -> int:
    """The half-days of further training `user` attended in `year`."""
    total = TrainingSession.objects.filter(
        attendance__volunteer=user, date__year=year
    ).aggregate(total=Sum("half_days"))["total"]
    return int(total or 0)


@dataclass(frozen=True)
class Progress:
    """Half-days attended in a year against the eight owed."""

    year: int
    attended: int
    owed: Decimal
    required: int = quota.HALF_DAYS_PER_YEAR

    @property
    def behind(self) -> bool:
        return quota.is_behind(self.attended, self.owed)


def progress(user: User, today: datetime.date | None = None) -> Progress:
    """The volunteer's count for the current year, for the home page."""
    today = today or timezone.localdate()
    return Progress(
        today.year,
        half_days_for(user, today.year),
        quota.owed_by_now(today.year, today),
    )


def my_training(user: AnyUser, today: datetime.date | None = None) -> dict[str, Any]:
    """The volunteer's own sessions of the current year, newest first."""
    volunteer = access.own_training(user)
    today = today or timezone.localdate()
    sessions = list(
        TrainingSession.objects.filter(
            attendance__volunteer=volunteer, date__year=today.year
        )
        .select_related("region")
        .order_by("-date", "-pk")
    )
    attended = sum(session.half_days for session in sessions)
    owed = quota.owed_by_now(today.year, today)
    return {
        "sessions": sessions,
        "progress": Progress(today.year, attended, owed),
    }


def session_list(user: AnyUser, page: str) -> Page[Any]:
    """The sessions of the supervisor's regions, newest first."""
    regions = access.session_regions(user)
    sessions = (
        TrainingSession.objects.filter(region__in=regions)
        .select_related("region")
        .annotate(attendee_count=Count("attendance"))
        .order_by("-date", "-pk")
    )
    return Paginator(sessions, SESSIONS_PAGE_SIZE).get_page(page)


def attendee_choices(
    region: Region, session: TrainingSession | None = None
) -> QuerySet[User]:
    """Whom a session's form offers: the region's volunteers, and those recorded.

    Someone recorded as attending stays on the list of that session even
    after leaving the region, so a change does not drop them unseen.
    """
    offered = Q(pk__in=access.volunteers_of(region).values("pk"))
    if session is not None:
        offered |= Q(training_attendance__session=session)
    return User.objects.filter(offered).distinct().order_by(*NAME_ORDER)


def overview_regions(user: AnyUser) -> QuerySet[Region]:
    return access.overview_regions(user)


def overview_years(region: Region, today: datetime.date | None = None) -> list[int]:
    """The years a coordinator can choose: from the first session to this one."""
    today = today or timezone.localdate()
    first = (
        TrainingSession.objects.filter(region=region)
        .order_by("date")
        .values_list("date", flat=True)
        .first()
    )
    start = min(first.year if first else today.year, today.year - 1)
    return list(range(today.year, start - 1, -1))


@dataclass(frozen=True)
class VolunteerTraining:
    volunteer: User
    attended: int
    owed: Decimal

    @property
    def behind(self) -> bool:
        return quota.is_behind(self.attended, self.owed)


@dataclass(frozen=True)
class RegionOverview:
    region: Region
    year: int
    owed: Decimal
    rows: list[VolunteerTraining]
    volunteers: int  # in the region, before "behind only" leaves some out
    behind: int
    required: int = quota.HALF_DAYS_PER_YEAR


def region_overview(
    region: Region,
    year: int,
    *,
    behind_only: bool = False,
    today: datetime.date | None = None,
) -> RegionOverview:
    """Every volunteer of `region` with the half-days attended in `year`.

    Sessions of every region count: the eight half-days are owed per person.
    Behind first, then by name. One query, however many volunteers.
    """
    today = today or timezone.localdate()
    owed = quota.owed_by_now(year, today)
    attended = (
        Attendance.objects.filter(volunteer=OuterRef("pk"), session__date__year=year)
        .order_by()
        .values("volunteer")
        .annotate(total=Sum("session__half_days"))
        .values("total")
    )
    volunteers = (
        access.volunteers_of(region)
        .annotate(attended=Coalesce(Subquery(attended, output_field=IntegerField()), 0))
        .only(*NAME_ORDER)
    )
    rows = [
        VolunteerTraining(volunteer, volunteer.attended, owed)
        for volunteer in volunteers
    ]
    rows.sort(key=lambda row: (not row.behind, row.volunteer.display_name.casefold()))
    behind = sum(row.behind for row in rows)
    shown = [row for row in rows if row.behind] if behind_only else rows
    return RegionOverview(region, year, owed, shown, len(rows), behind)
