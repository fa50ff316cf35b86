"""The reads behind the callers screens, and the statistics feed for insights."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncWeek
from django.utils import timezone

from aandacht.callers.limits import LimitStatus, limit_status
from aandacht.callers.models import CallerProfile, LimitReachedEvent
from aandacht.callers.windows import LOCAL
from aandacht.contacts.models import Contact
from aandacht.core.models import Region
from aandacht.guidance.assistant import effective_type

LOOKUP_RESULTS = 8
BANNER_CONTACTS = 5
TREND_WEEKS = 8


def lookup(region: Region, query: str) -> list[CallerProfile]:
    """Active profiles whose alias or cues hold every word typed; best first.

    An alias that starts with the words comes first, then an alias that
    holds them, then cues; within each, the most recent caller first.
    """
    words = query.split()
    if not words or len(query.strip()) < 2:
        return []
    matches = CallerProfile.objects.active().filter(region=region)
    for word in words:
        matches = matches.filter(Q(alias__icontains=word) | Q(cues__icontains=word))
    found = list(matches.order_by("-last_contact_at")[:50])
    first = words[0].lower()

    def rank(profile: CallerProfile) -> int:
        alias = profile.alias.lower()
        if alias.startswith(first):
            return 0
        return 1 if all(word.lower() in alias for word in words) else 2

    return sorted(found, key=rank)[:LOOKUP_RESULTS]


@dataclass(frozen=True)
class Banner:
    profile: CallerProfile
    status: LimitStatus
    recent: list[Contact]


def banner(profile: CallerProfile, moment: datetime | None = None) -> Banner:
    recent = list(
        Contact.objects.conversations()
        .filter(caller_profile=profile)
        .only("started_at", "channel", "summary", "duration_seconds")
        .order_by("-started_at")[:BANNER_CONTACTS]
    )
    return Banner(profile, limit_status(profile, moment), recent)


@dataclass(frozen=True)
class ProfileRow:
    profile: CallerProfile
    weekly: list[int]  # contacts per week, oldest first, this week last
    limit_events: int
    review_due: bool


def profile_list(
    profiles: QuerySet[CallerProfile], *, today: date | None = None
) -> list[ProfileRow]:
    """Every profile with its last weeks of contacts, limit events and review."""
    today = today or timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    first_monday = monday - timedelta(weeks=TREND_WEEKS - 1)
    since = datetime.combine(first_monday, datetime.min.time(), tzinfo=LOCAL)
    rows = list(
        profiles.exclude(status=CallerProfile.Status.MERGED)
        .select_related("region")
        .annotate(
            events=Count(
                "limit_events",
                filter=Q(limit_events__at__gte=timezone.now() - timedelta(days=30)),
            )
        )
        .order_by("status", "alias")
    )
    weekly = (
        Contact.objects.conversations()
        .filter(caller_profile__in=[row.pk for row in rows], started_at__gte=since)
        .annotate(week=TruncWeek("started_at", tzinfo=LOCAL))
        .values("caller_profile", "week")
        .annotate(total=Count("pk"))
        .order_by()
    )
    counts: dict[tuple[int, date], int] = {}
    for item in weekly:
        week = item["week"]
        day = week.date() if isinstance(week, datetime) else week
        counts[(item["caller_profile"], day)] = item["total"]
    mondays = [first_monday + timedelta(weeks=n) for n in range(TREND_WEEKS)]
    return [
        ProfileRow(
            profile=profile,
            weekly=[counts.get((profile.pk, day), 0) for day in mondays],
            limit_events=getattr(profile, "events", 0),
            review_due=profile.review_on is not None and profile.review_on <= today,
        )
        for profile in rows
    ]


def profile_detail(profile: CallerProfile) -> dict[str, Any]:
    contacts = Contact.objects.conversations().filter(caller_profile=profile)
    assessed = contacts.exclude(typology={}).order_by("-started_at")[:20]
    return {
        "profile": profile,
        "status": limit_status(profile),
        "limits": list(profile.limits.select_related("set_by")),
        "events": list(profile.limit_events.order_by("-at")[:20]),
        "assessments": [
            (contact.started_at, effective_type(contact.typology), contact.typology)
            for contact in assessed
        ],
        "recent": list(contacts.order_by("-started_at")[:BANNER_CONTACTS]),
        "total_contacts": contacts.count(),
    }


def merge_candidates(profile: CallerProfile) -> QuerySet[CallerProfile]:
    return (
        CallerProfile.objects.filter(region=profile.region)
        .exclude(pk=profile.pk)
        .exclude(status__in=[CallerProfile.Status.MERGED, CallerProfile.Status.ERASED])
        .order_by("alias")
    )


def regular_caller_stats(
    regions: QuerySet[Region], start: datetime, end: datetime
) -> dict[str, Any]:
    """For insights: the share of contacts from regular callers, and limit events.

    `linked` counts contacts attached to a profile; `ticked` those with the
    report's "regular caller" box, which volunteers also tick for callers
    without a profile.
    """
    contacts = Contact.objects.conversations().filter(
        region__in=regions, started_at__gte=start, started_at__lt=end
    )
    counts = contacts.aggregate(
        total=Count("pk"),
        linked=Count("pk", filter=Q(caller_profile__isnull=False)),
        ticked=Count("pk", filter=Q(regular_caller=True)),
    )
    events = LimitReachedEvent.objects.filter(
        profile__region__in=regions, at__gte=start, at__lt=end
    ).count()
    total = counts["total"]
    return {
        **counts,
        "linked_share": counts["linked"] / total if total else None,
        "ticked_share": counts["ticked"] / total if total else None,
        "limit_reached_events": events,
    }
