"""The counts behind a partner report, read straight from the contact reports.

Only conversations count (non-data contacts say nothing about callers'
needs), only coded answers are read (never a summary or any other free
text), and everything is aggregated in the database: two grouped queries
and two small lists, whatever the number of contacts.

A report covers a quarter or a year (``family``). A quarter's tables are
suppressed on their own; a year's after those of its four quarters, which
keep what they published (``tables.publish_family``). Nothing leaves this
module unsuppressed; the counts of a year are read at once, month by
month, and added up per report here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Case, CharField, Count, F, QuerySet, Value, When
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from aandacht.contacts.choices import Channel, Loneliness, LonelinessKind
from aandacht.contacts.models import Contact, Municipality, Topic
from aandacht.core.models import Region
from aandacht.insights.partner import family
from aandacht.insights.partner.tables import (
    Axis,
    PublishedTable,
    ReportSpec,
    TableSpec,
    publish_family,
)
from aandacht.insights.period import Period

Month = tuple[int, int]

LONELY = (Loneliness.ABOUT, Loneliness.OUT_OF)
OTHER_PLACE = "other"
NO_PLACE = "none"
NOT_RECORDED = "not_recorded"


@dataclass(frozen=True)
class PartnerReport:
    region: Region
    period: Period  # the chosen quarter or year
    months: tuple[Month, ...]  # the complete months of it that are reported
    tables: list[PublishedTable]
    made_at: datetime

    @property
    def first_day(self) -> date:
        year, month = self.months[0]
        return date(year, month, 1)

    @property
    def last_day(self) -> date:
        return Period.month(*self.months[-1]).last


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _bounds(months: tuple[Month, ...]) -> tuple[datetime, datetime]:
    """From local midnight on the first day to local midnight after the last."""
    first = date(months[0][0], months[0][1], 1)
    after = Period.month(*months[-1]).last.toordinal() + 1
    return (
        datetime.combine(first, time.min, tzinfo=_zone()),
        datetime.combine(date.fromordinal(after), time.min, tzinfo=_zone()),
    )


def _month_code(month: Month) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def _month_of(months: tuple[Month, ...]) -> Case:
    """The local month of ``started_at`` as its code, by plain comparisons.

    Comparing with each month's local midnight is the same on both
    databases and much faster on SQLite than truncating every row's time
    in a time zone.
    """
    ends = [(month, _bounds((month,))[1]) for month in months[:-1]]
    return Case(
        *(When(started_at__lt=end, then=Value(_month_code(m))) for m, end in ends),
        default=Value(_month_code(months[-1])),
        output_field=CharField(),
    )


def conversations(region: Region, months: tuple[Month, ...]) -> QuerySet[Contact]:
    start, end = _bounds(months)
    return Contact.objects.conversations().filter(
        region=region, started_at__gte=start, started_at__lt=end
    )


def partner_report(
    region: Region,
    period: Period,
    months: tuple[Month, ...],
    *,
    now: datetime | None = None,
) -> PartnerReport:
    """Every table of the report for ``region`` over ``months``, suppressed.

    ``months`` are those of ``period``, a quarter or a year that has ended
    (``forms``); a year is suppressed after its quarters (``family``).
    """
    span = family.span_of(period)
    if span.months != months:
        raise ValueError(f"a partner report covers all of {period}, not {months}")
    return PartnerReport(
        region=region,
        period=period,
        months=months,
        tables=family_tables(region, span)[span.name],
        made_at=timezone.localtime(now or timezone.now()),
    )


def family_tables(region: Region, span: family.Span) -> dict[str, list[PublishedTable]]:
    """The published tables of ``span`` and of the reports it is made after."""
    counts = read_counts(region, span.months)
    topics = TopicNames.read({code for code, _month in counts.topics})
    return publish_counts(counts, span, topics, municipalities(region))


def publish_counts(
    counts: Counts,
    span: family.Span,
    topics: TopicNames,
    places: list[tuple[int, str]],
) -> dict[str, list[PublishedTable]]:
    """Suppress ``span`` and the reports it is made after (``family.steps``)
    from their counts; no database is read."""
    return publish_family(
        [
            [
                ReportSpec(
                    report.name,
                    _specs(counts.within(report.months), report.months, topics, places),
                    report.parts,
                )
            ]
            for report in family.steps(span)
        ]
    )


def table_specs(region: Region, months: tuple[Month, ...]) -> list[TableSpec]:
    """The tables of one period with their true counts (for ``publish`` only)."""
    counts = read_counts(region, months)
    topics = TopicNames.read({code for code, _month in counts.topics})
    return list(_specs(counts, months, topics, municipalities(region)))


def municipalities(region: Region) -> list[tuple[int, str]]:
    """(id, name) of the region's municipalities."""
    return list(Municipality.objects.filter(region=region).values_list("pk", "name"))


Combos = Counter[tuple[str, str, str, str, int | None]]


@dataclass(frozen=True)
class Counts:
    """Conversations by month and coded answers, and topics by month."""

    combos: Combos  # (month, channel, loneliness, kind, municipality id)
    topics: Counter[tuple[str, str]]  # (topic code, month)

    def within(self, months: tuple[Month, ...]) -> Counts:
        codes = {_month_code(month) for month in months}
        combos = Combos({key: n for key, n in self.combos.items() if key[0] in codes})
        topics = Counter({key: n for key, n in self.topics.items() if key[1] in codes})
        return Counts(combos, topics)


def read_counts(region: Region, months: tuple[Month, ...]) -> Counts:
    contacts = conversations(region, months)
    by_month = contacts.annotate(month=_month_of(months))
    combos = Combos()
    for row in (
        by_month.values(
            "month", "channel", "loneliness", "loneliness_kind", "municipality_id"
        )
        .annotate(n=Count("pk"))
        .order_by()
    ):
        key = (
            row["month"],
            row["channel"],
            row["loneliness"],
            row["loneliness_kind"],
            row["municipality_id"],
        )
        combos[key] += row["n"]
    topics = Counter[tuple[str, str]]()
    for row in (
        by_month.filter(topics__isnull=False)
        .values("month", code=F("topics__code"))
        .annotate(n=Count("pk"))
        .order_by()
    ):
        topics[(str(row["code"]), row["month"])] += row["n"]
    return Counts(combos, topics)


def _specs(
    counts: Counts,
    months: tuple[Month, ...],
    topics: TopicNames,
    places: list[tuple[int, str]],
) -> tuple[TableSpec, ...]:
    month_axis = _month_axis(months)
    found = {code for code, _month in counts.topics}
    return (
        _channel_table(counts.combos, month_axis),
        _loneliness_table(counts.combos, month_axis),
        _kind_table(counts.combos),
        _topic_table(counts.topics, month_axis, topics.items(found)),
        _place_table(counts.combos, places),
    )


def _month_axis(months: tuple[Month, ...]) -> Axis:
    return Axis(
        "month",
        _("Month"),
        tuple(
            (_month_code((y, m)), formats.date_format(date(y, m, 1), "M Y"))
            for y, m in months
        ),
        periods=True,
    )


def _loneliness_axis(levels: tuple[str, ...]) -> Axis:
    labels = dict(Loneliness.choices)
    return Axis(
        "lonely", _("Loneliness"), tuple((lv, str(labels[lv])) for lv in levels)
    )


def _channel_table(combos: Combos, months: Axis) -> TableSpec:
    counts: Counter[tuple[str, str]] = Counter()
    for (month, channel, *_rest), n in combos.items():
        counts[(channel, month)] += n
    return TableSpec(
        key="channels",
        short=_("Channels"),
        title=_("Conversations per month, by channel"),
        note=_(
            "Conversations by phone, chat and mail; contacts without a "
            "conversation (silent, hung up, wrong number) are not counted."
        ),
        rows=Axis(
            "channel",
            _("Channel"),
            tuple((code, str(label)) for code, label in Channel.choices),
        ),
        columns=months,
        counts=counts,
    )


def _loneliness_table(combos: Combos, months: Axis) -> TableSpec:
    counts: Counter[tuple[str, str]] = Counter()
    for (month, _channel, level, *_rest), n in combos.items():
        counts[(level, month)] += n
    return TableSpec(
        key="loneliness",
        short=_("Loneliness"),
        title=_("Loneliness per month"),
        note=_(
            "About loneliness: the caller wanted to talk about feeling lonely. "
            "Out of loneliness: the caller called because there was no one "
            "else to talk to."
        ),
        rows=_loneliness_axis(tuple(Loneliness.values)),
        columns=months,
        counts=counts,
    )


def _kind_table(combos: Combos) -> TableSpec:
    counts: Counter[tuple[str, str]] = Counter()
    for (_month, _channel, level, kind, _place), n in combos.items():
        if level in LONELY:
            counts[(kind or NOT_RECORDED, level)] += n
    labels = dict(LonelinessKind.choices)
    kinds = (
        LonelinessKind.SOCIAL,
        LonelinessKind.EMOTIONAL,
        LonelinessKind.BOTH,
        LonelinessKind.UNCLEAR,
    )
    return TableSpec(
        key="kinds",
        short=_("Kind of loneliness"),
        title=_("Kind of loneliness"),
        note=_(
            "Conversations about or out of loneliness only. Social: the caller "
            "misses a circle of friends and acquaintances. Emotional: the caller "
            "misses a close bond, usually a partner."
        ),
        rows=Axis(
            "kind",
            _("Kind of loneliness"),
            (
                *((str(k), str(labels[k])) for k in kinds),
                (NOT_RECORDED, _("Not recorded")),
            ),
        ),
        columns=_loneliness_axis(LONELY),
        counts=counts,
        grand_key="lonely_all",
        share_of="lonely_all",
    )


def _topic_table(
    topics: Counter[tuple[str, str]],
    months: Axis,
    items: tuple[tuple[str, str], ...],
) -> TableSpec:
    return TableSpec(
        key="topics",
        short=_("Topics"),
        title=_("Topics per month"),
        note=_(
            "A conversation can be about several topics, so the topics add up "
            "to more than the conversations; the share is of all conversations."
        ),
        rows=Axis("topic", _("Topic"), items),
        columns=months,
        counts=topics,
        grand_key=None,
        multiple=True,
    )


@dataclass(frozen=True)
class TopicNames:
    """The current list's topics in its order, and retired ones by name."""

    current: tuple[tuple[str, str], ...]
    retired: dict[str, str]

    @classmethod
    def read(cls, found: set[str]) -> TopicNames:
        current = tuple(
            (topic.code, topic.label)
            for topic in Topic.objects.filter(topic_list__is_current=True)
        )
        retired = found - {code for code, _label in current}
        older: dict[str, str] = {}
        if retired:
            older = {
                topic.code: topic.label
                for topic in Topic.objects.filter(code__in=retired).order_by(
                    "topic_list__version"
                )
            }
        return cls(current, older)

    def items(self, found: set[str]) -> tuple[tuple[str, str], ...]:
        """The current topics, then the retired ones that occur in ``found``."""
        retired = {code: self.retired[code] for code in found if code in self.retired}
        return (*self.current, *sorted(retired.items(), key=lambda item: item[1]))


def _place_table(combos: Combos, places: list[tuple[int, str]]) -> TableSpec:
    ours = {pk: str(pk) for pk, _name in places}
    counts: Counter[tuple[str, str]] = Counter()
    for (_month, _channel, level, _kind, place), n in combos.items():
        row = NO_PLACE if place is None else ours.get(place, OTHER_PLACE)
        counts[(row, level)] += n
    items = (
        *((str(pk), name) for pk, name in sorted(places, key=lambda p: p[1])),
        (OTHER_PLACE, _("A municipality outside the region")),
        (NO_PLACE, _("Not mentioned")),
    )
    return TableSpec(
        key="municipalities",
        short=_("Municipalities"),
        title=_("Municipality, where the caller mentioned it"),
        note=_(
            "Callers are anonymous; some mention where they live, most do not. "
            "The municipality is counted only when the caller said it."
        ),
        rows=Axis("place", _("Municipality"), items),
        columns=_loneliness_axis(tuple(Loneliness.values)),
        counts=counts,
    )
