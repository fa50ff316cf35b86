"""The figures of an annual report, as dashboard panels.

Counted straight from the contact reports of one year and the year before
it, in a fixed number of queries (pinned by a test).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.translation import gettext as _

from aandacht.callers.selectors import regular_caller_stats
from aandacht.contacts.choices import (
    Channel,
    ContactType,
    Loneliness,
    LonelinessKind,
    Transfer,
)
from aandacht.contacts.models import Contact, Topic
from aandacht.core.models import Region
from aandacht.insights.annual.report import AnnualReport, build
from aandacht.insights.exports.access import Scope
from aandacht.insights.exports.rows import local_bounds
from aandacht.insights.panels import Chart, Panel, Series
from aandacht.insights.period import Period
from aandacht.socialmap.models import Referral


def annual_report(
    scope: Scope, year: int, *, now: datetime | None = None
) -> AnnualReport:
    return build(
        scope_name=scope.name,
        year=year,
        panels=annual_panels(scope, year),
        made_at=timezone.localtime(now or timezone.now()),
    )


def _contacts(scope: Scope, period: Period) -> QuerySet[Contact]:
    start, end = local_bounds(period)
    contacts = Contact.objects.filter(started_at__gte=start, started_at__lt=end)
    if scope.region is not None:
        contacts = contacts.filter(region=scope.region)
    return contacts


def _counts(contacts: QuerySet[Contact], field: str) -> Counter[str]:
    rows = contacts.values_list(field).annotate(n=Count("pk")).order_by()
    return Counter({str(value): n for value, n in rows})


def annual_panels(scope: Scope, year: int) -> list[Panel]:
    period = Period.year(year)
    this = _contacts(scope, period)
    before = _contacts(scope, period.year_earlier())
    conversations = this.filter(contact_type=ContactType.CONVERSATION)
    return [
        _channels(this, before, year),
        _contact_types(this),
        _trend(this, before, year),
        *_loneliness(conversations),
        _topics(conversations),
        *_referrals(conversations),
        _regular(scope, period),
    ]


def _channels(this: QuerySet[Contact], before: QuerySet[Contact], year: int) -> Panel:
    now, then = _counts(this, "channel"), _counts(before, "channel")
    return Panel(
        key="channel",
        title=_("Contacts by channel"),
        chart=Chart.BARS,
        categories=tuple(str(label) for label in Channel.labels),
        series=(
            Series(str(year), tuple(float(now[c]) for c in Channel.values)),
            Series(str(year - 1), tuple(float(then[c]) for c in Channel.values)),
        ),
    )


def _contact_types(this: QuerySet[Contact]) -> Panel:
    counts = _counts(this, "contact_type")
    return Panel(
        key="contact_type",
        title=_("Conversations and non-data contacts"),
        chart=Chart.BARS,
        categories=tuple(str(label) for label in ContactType.labels),
        series=(
            Series(_("Contacts"), tuple(float(counts[c]) for c in ContactType.values)),
        ),
    )


def _by_month(contacts: QuerySet[Contact]) -> Counter[int]:
    zone = ZoneInfo(settings.TIME_ZONE)
    rows = (
        contacts.annotate(month=TruncMonth("started_at", tzinfo=zone))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return Counter({month.month: n for month, n in rows})


def _trend(this: QuerySet[Contact], before: QuerySet[Contact], year: int) -> Panel:
    now, then = _by_month(this), _by_month(before)
    months = range(1, 13)
    return Panel(
        key="trend",
        title=_("Contacts per month"),
        chart=Chart.LINES,
        categories=tuple(str(MONTHS_3[m]) for m in months),
        series=(
            Series(str(year), tuple(float(now[m]) for m in months)),
            Series(str(year - 1), tuple(float(then[m]) for m in months)),
        ),
    )


def _loneliness(conversations: QuerySet[Contact]) -> list[Panel]:
    degree = _counts(conversations, "loneliness")
    kinds = _counts(
        conversations.exclude(loneliness=Loneliness.NONE), "loneliness_kind"
    )
    return [
        Panel(
            key="loneliness",
            title=_("Loneliness in conversations"),
            chart=Chart.BARS,
            categories=tuple(str(label) for label in Loneliness.labels),
            series=(
                Series(
                    _("Conversations"),
                    tuple(float(degree[c]) for c in Loneliness.values),
                ),
            ),
        ),
        Panel(
            key="loneliness_kind",
            title=_("Kind of loneliness"),
            chart=Chart.BARS,
            categories=tuple(str(label) for label in LonelinessKind.labels),
            series=(
                Series(
                    _("Conversations"),
                    tuple(float(kinds[c]) for c in LonelinessKind.values),
                ),
            ),
            note=_("Conversations about or out of loneliness only."),
        ),
    ]


def _topics(conversations: QuerySet[Contact]) -> Panel:
    links = (
        Contact.topics.through.objects.filter(contact__in=conversations)
        .values_list("topic__code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = dict(links)
    labels = _topic_labels()
    codes = sorted(counts, key=lambda code: (-counts[code], code))
    return Panel(
        key="topic",
        title=_("Topics"),
        chart=Chart.BARS,
        categories=tuple(labels.get(code, code) for code in codes),
        series=(Series(_("Conversations"), tuple(float(counts[c]) for c in codes)),),
        note=_("A conversation can have several topics."),
    )


def _topic_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for topic in Topic.objects.order_by(
        "-topic_list__is_current", "-topic_list__version"
    ):
        labels.setdefault(topic.code, topic.label)
    return labels


def _referrals(conversations: QuerySet[Contact]) -> list[Panel]:
    total = conversations.count()
    linked = set(
        Referral.objects.filter(contact__in=conversations).values_list(
            "contact_id", flat=True
        )
    )
    referred = sum(
        1
        for pk, actions, text in conversations.values_list("pk", "actions", "referrals")
        if pk in linked or text or "referred" in (actions or ())
    )
    transfers = _counts(conversations, "transfer")
    crisis = conversations.filter(crisis=True).count()
    return [
        Panel(
            key="referral",
            title=_("Conversations referred to other help"),
            chart=Chart.NUMBER,
            categories=(_("Referred"), _("Share of conversations (%)")),
            series=(
                Series(
                    _("Conversations"),
                    (float(referred), 100 * referred / total if total else None),
                ),
            ),
            unit="mixed",
            note=_("The study behind the line found about 4% referred."),
        ),
        Panel(
            key="transfer",
            title=_("Transfers"),
            chart=Chart.BARS,
            categories=tuple(str(label) for label in Transfer.labels),
            series=(
                Series(
                    _("Conversations"),
                    tuple(float(transfers[c]) for c in Transfer.values),
                ),
            ),
        ),
        Panel(
            key="crisis",
            title=_("Crisis conversations"),
            chart=Chart.NUMBER,
            categories=(_("In acute danger or crisis"),),
            series=(Series(_("Conversations"), (float(crisis),)),),
        ),
    ]


def _regular(scope: Scope, period: Period) -> Panel:
    regions = (
        Region.objects.filter(pk=scope.region.pk)
        if scope.region is not None
        else Region.objects.all()
    )
    start, end = local_bounds(period)
    stats = regular_caller_stats(regions, start, end)
    share = stats["ticked_share"]
    return Panel(
        key="regular",
        title=_("Regular callers"),
        chart=Chart.NUMBER,
        categories=(
            _("Conversations with regular callers"),
            _("Share of conversations (%)"),
            _("Contacts while a limit was reached"),
        ),
        series=(
            Series(
                _("Conversations"),
                (
                    float(stats["ticked"]),
                    None if share is None else 100 * share,
                    float(stats["limit_reached_events"]),
                ),
            ),
        ),
        unit="mixed",
    )
