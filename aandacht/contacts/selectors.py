"""The reads behind the contact screens, one function per screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, Q, QuerySet, When
from django.utils import timezone

from aandacht.contacts import access
from aandacht.contacts.models import Contact, ContactDraft, CrisisResource, Feedback
from aandacht.core.access import AnyUser
from aandacht.core.models import Region, User

QUEUE_PAGE_SIZE = 40


def unfinished_drafts(user: User) -> QuerySet[ContactDraft]:
    return ContactDraft.objects.filter(volunteer=user).select_related("region")


def crisis_resources(region: Region) -> QuerySet[CrisisResource]:
    return CrisisResource.objects.filter(Q(region=region) | Q(region__isnull=True))


def crisis_topic_ids(form: Any) -> list[int]:
    topics = form.fields["topics"].queryset
    return list(topics.filter(is_crisis=True).values_list("pk", flat=True))


def draft_initial(draft: ContactDraft) -> dict[str, Any]:
    """The form's starting values: the draft's answers, else the volunteer's line.

    The channel and line language default to those of the volunteer's last
    report, since a volunteer on a chat shift keeps answering chats.
    """
    started = timezone.localtime(draft.started_at).strftime("%Y-%m-%dT%H:%M")
    last = (
        Contact.objects.filter(volunteer=draft.volunteer)
        .order_by("-started_at")
        .values("channel", "line_language")
        .first()
    ) or {"channel": "phone", "line_language": "nl"}
    initial: dict[str, Any] = {"started_at": started, **last}
    initial.update(draft.data)
    return initial


def my_reports(user: AnyUser) -> QuerySet[Contact]:
    return (
        access.own_contacts(user)
        .select_related("region")
        .prefetch_related("feedback", "topics")
        .order_by("-started_at")
    )


def unseen_feedback_count(user: User) -> int:
    return Feedback.objects.filter(
        contact__volunteer=user, seen_at__isnull=True
    ).count()


@dataclass(frozen=True)
class ReviewFilters:
    channel: str = ""
    loneliness: str = ""
    crisis: bool = False
    unread: bool = False
    volunteer: str = ""
    date_from: date | None = None
    date_to: date | None = None


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _filtered(contacts: QuerySet[Contact], filters: ReviewFilters) -> QuerySet[Contact]:
    if filters.channel:
        contacts = contacts.filter(channel=filters.channel)
    if filters.loneliness:
        contacts = contacts.filter(loneliness=filters.loneliness)
    if filters.crisis:
        contacts = contacts.filter(crisis=True)
    if filters.unread:
        contacts = contacts.filter(read_at__isnull=True)
    if filters.volunteer:
        contacts = contacts.filter(
            Q(volunteer__username__icontains=filters.volunteer)
            | Q(volunteer__first_name__icontains=filters.volunteer)
            | Q(volunteer__last_name__icontains=filters.volunteer)
        )
    if filters.date_from:
        contacts = contacts.filter(started_at__gte=_local_midnight(filters.date_from))
    if filters.date_to:
        end = _local_midnight(filters.date_to + timedelta(days=1))
        contacts = contacts.filter(started_at__lt=end)
    return contacts


def review_queue(user: AnyUser, filters: ReviewFilters, page: str) -> Page[Any]:
    """Unread first, crisis on top of them, newest first; conversations only."""
    contacts = Contact.objects.conversations().filter(
        region__in=access.review_regions(user)
    )
    ordered = (
        _filtered(contacts, filters)
        .select_related("volunteer", "region")
        .annotate(
            feedback_count=Count("feedback"),
            unread=Case(When(read_at__isnull=True, then=1), default=0),
        )
        .order_by("-unread", "-crisis", "-started_at")
    )
    return Paginator(ordered, QUEUE_PAGE_SIZE).get_page(page)


def review_detail(contact: Contact) -> dict[str, Any]:
    return {
        "contact": contact,
        "topics": list(contact.topics.all()),
        "feedback": list(contact.feedback.select_related("author")),
    }
