"""Read contacts as ``ContactFacts``: the rollup's and the top-up's one query set.

Three queries whatever the number of contacts: the contacts with the few
columns the rollup needs (never free text: a typed referral is read as
"is there one"), their topic codes, and which of them have a social-map
referral. Each filter is applied to all three through the contact.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone

from aandacht.contacts.models import Contact
from aandacht.insights.rollup.keys import ContactFacts, referral_kind
from aandacht.socialmap.models import Referral

COLUMNS = (
    "id",
    "region_id",
    "started_at",
    "duration_seconds",
    "channel",
    "line_language",
    "source_id",
    "contact_type",
    "loneliness",
    "loneliness_kind",
    "transfer",
    "crisis",
    "regular_caller",
    "caller_profile_id",
    "municipality_id",
    "gender",
    "age_band",
    "living_situation",
    "sought",
    "actions",
    "typology__network",
    "typology__type",
    "typology__override",
    "has_referral_text",
)

# A filter on contacts, given the prefix that leads to the contact ("" on
# Contact itself, "contact__" from its topics and referrals).
ContactFilter = Callable[[str], Q]


def local_zone() -> tzinfo:
    """The clock the line keeps: Europe/Amsterdam (``settings.TIME_ZONE``)."""
    return timezone.get_default_timezone()


def day_start(day: date) -> datetime:
    """The moment a local day starts, in UTC (midnight never falls in a DST gap)."""
    return datetime.combine(day, time.min, tzinfo=local_zone()).astimezone(UTC)


def local_day(moment: datetime) -> date:
    return moment.astimezone(local_zone()).date()


@dataclass(frozen=True)
class Span:
    """Local days ``first`` to ``last`` of one region, or of all (region None)."""

    region_id: int | None
    first: date
    last: date

    def contacts(self, prefix: str = "") -> Q:
        moments = Q(
            **{
                f"{prefix}started_at__gte": day_start(self.first),
                f"{prefix}started_at__lt": day_start(self.last + timedelta(days=1)),
            }
        )
        if self.region_id is None:
            return moments
        return moments & Q(**{f"{prefix}region_id": self.region_id})

    def counts(self) -> Q:
        days = Q(day__gte=self.first, day__lte=self.last)
        return days if self.region_id is None else days & Q(region_id=self.region_id)


def spans_filter(spans: list[Span], ceiling: int) -> ContactFilter:
    """Contacts in any of the spans, with an id of at most ``ceiling``."""

    def contacts(prefix: str) -> Q:
        within = Q()
        for span in spans:
            within |= span.contacts(prefix)
        return within & Q(**{f"{prefix}id__lte": ceiling})

    return contacts


def read_facts(
    contacts: ContactFilter, *, limit: int | None = None
) -> list[tuple[int, ContactFacts]]:
    """(contact id, facts) of the filtered contacts, in id order."""
    rows = (
        Contact.objects.filter(contacts(""))
        .annotate(
            has_referral_text=ExpressionWrapper(
                ~Q(referrals=""), output_field=BooleanField()
            )
        )
        .order_by("id")
        .values_list(*COLUMNS)
    )
    if limit is not None:
        rows = rows[:limit]
    fetched = list(rows)
    if not fetched:
        return []
    ceiling = fetched[-1][0]
    within = contacts("contact__") & Q(contact_id__lte=ceiling)
    topics: dict[int, list[str]] = defaultdict(list)
    for contact_id, code in Contact.topics.through.objects.filter(within).values_list(
        "contact_id", "topic__code"
    ):
        topics[contact_id].append(code)
    linked = set(Referral.objects.filter(within).values_list("contact_id", flat=True))
    zone = local_zone()
    return [
        (row[0], _facts(row, zone, tuple(topics.get(row[0], ())), row[0] in linked))
        for row in fetched
    ]


def _facts(
    row: tuple[Any, ...], zone: tzinfo, topics: tuple[str, ...], linked: bool
) -> ContactFacts:
    (
        _pk,
        region_id,
        started_at,
        duration_seconds,
        channel,
        line_language,
        source_id,
        contact_type,
        loneliness,
        loneliness_kind,
        transfer,
        crisis,
        regular_caller,
        caller_profile_id,
        municipality_id,
        gender,
        age_band,
        living_situation,
        sought,
        actions,
        network,
        assessed_type,
        override,
        has_referral_text,
    ) = row
    chosen = override or assessed_type
    return ContactFacts(
        region_id=int(region_id),
        local_start=started_at.astimezone(zone),
        duration_seconds=int(duration_seconds),
        channel=str(channel),
        line_language=str(line_language),
        source_id=None if source_id is None else int(source_id),
        contact_type=str(contact_type),
        loneliness=str(loneliness),
        loneliness_kind=str(loneliness_kind or ""),
        transfer=str(transfer),
        crisis=bool(crisis),
        regular_caller=bool(regular_caller),
        has_profile=caller_profile_id is not None,
        referral=referral_kind(
            social_map=linked,
            actions=list(actions) if isinstance(actions, list) else [],
            text=bool(has_referral_text),
        ),
        assessed=network is not None,
        typology_type=str(chosen) if chosen else None,
        topics=topics,
        sought=tuple(str(s) for s in sought) if isinstance(sought, list) else (),
        municipality_id=None if municipality_id is None else int(municipality_id),
        gender=str(gender),
        age_band=str(age_band),
        living_situation=str(living_situation),
    )
