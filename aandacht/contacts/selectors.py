"""The reads behind the contact screens, one function per screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property

from aandacht.contacts import access
from aandacht.contacts.models import Contact, ContactDraft, CrisisResource, Feedback
from aandacht.core.access import AnyUser
from aandacht.core.models import Region, User
from aandacht.socialmap.models import Referral

QUEUE_PAGE_SIZE = 40
# The review queue counts (and pages through) at most this many reports.
QUEUE_COUNT_LIMIT = 10_000
UNREAD = ExpressionWrapper(Q(read_at__isnull=True), output_field=BooleanField())


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


def api_reports(user: AnyUser) -> QuerySet[Contact]:
    """The volunteer's own reports of the last 30 days, as the JSON API lists them."""
    return (
        access.own_contacts(user)
        .select_related("region", "source", "municipality", "topic_list")
        .prefetch_related("topics")
        .order_by("-started_at", "-pk")
    )


def api_report(user: AnyUser, contact_id: int) -> Contact:
    """One of the volunteer's own reports; anyone else's answers 404."""
    contact = api_reports(user).filter(pk=contact_id).first()
    if contact is None:
        raise Http404
    return contact


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
    """Unread first, crisis on top of them, newest first; conversations only.

    The order is that of the index `contact_review_order`, so a page reads
    its forty rows from the index instead of sorting a region's millions.
    """
    regions = list(access.review_regions(user).values_list("pk", flat=True))
    contacts = _filtered(
        Contact.objects.conversations().filter(region__in=regions), filters
    )
    ordered = (
        contacts.select_related("volunteer", "region")
        .annotate(unread=UNREAD, feedback_count=_feedback_count())
        .order_by("-unread", "-crisis", "-started_at")
    )
    paginator = BoundedPaginator(
        ordered, QUEUE_PAGE_SIZE, counted=contacts, limit=QUEUE_COUNT_LIMIT
    )
    return paginator.get_page(page)


def _feedback_count() -> Coalesce:
    """Feedback per report, counted for the rows of one page only."""
    given = (
        Feedback.objects.filter(contact=OuterRef("pk"))
        .order_by()
        .values("contact")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(given), 0)


class BoundedPaginator(Paginator[Contact]):
    """Counts at most `limit` items: exact below it, `capped` above it.

    An exact count of a region's millions of reports takes longer than the
    page itself; beyond the limit, older reports are found by period.
    """

    def __init__(
        self,
        object_list: QuerySet[Contact],
        per_page: int,
        *,
        counted: QuerySet[Contact],
        limit: int,
    ) -> None:
        super().__init__(object_list, per_page)
        self.counted = counted
        self.limit = limit

    @cached_property
    def _bounded_count(self) -> int:
        return self.counted.order_by().values("pk")[: self.limit + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._bounded_count, self.limit)

    @property
    def capped(self) -> bool:
        """Whether more items match than `count` says."""
        return self._bounded_count > self.limit


def review_detail(contact: Contact) -> dict[str, Any]:
    return {
        "contact": contact,
        "topics": list(contact.topics.all()),
        "feedback": list(contact.feedback.select_related("author")),
        "referred": list(
            Referral.objects.filter(contact=contact).select_related("service")
        ),
    }
