"""Contacts for the partner-report tests, and the counts they should give.

The fixture writes a first quarter of conversations in region zuid (with a
mail channel, municipalities and topics rare enough to need suppression),
plus contacts that must not count: non-data contacts, region noord, and
days just outside the quarter. ``Expected`` counts the same rows in plain
Python, so every table is checked against the contacts themselves.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from aandacht.contacts import services as contact_services
from aandacht.contacts.models import Contact, Municipality, Topic
from aandacht.core.models import Region, User

LOCAL = ZoneInfo("Europe/Amsterdam")
YEAR = 2026
QUARTER = 1
MONTHS = ("2026-01", "2026-02", "2026-03")
PLACES_ZUID = [
    ("GM0505", "Dordrecht"),
    ("GM0642", "Zwijndrecht"),
    ("GM0610", "Sliedrecht"),
]
PLACES_NOORD = [("GM0014", "Groningen")]
TOPICS = ["loneliness", "grief", "mental_health", "housing", "suicidal_thoughts"]


@dataclass
class Expected:
    """Counts of the fixture's zuid conversations in the quarter."""

    channel: Counter[tuple[str, str]] = field(default_factory=Counter)
    loneliness: Counter[tuple[str, str]] = field(default_factory=Counter)
    kind: Counter[tuple[str, str]] = field(default_factory=Counter)
    topic: Counter[tuple[str, str]] = field(default_factory=Counter)
    place: Counter[tuple[str, str]] = field(default_factory=Counter)
    total: int = 0


def _contact(region: Region, volunteer: User, start: datetime, **values) -> Contact:
    topic_list = values.pop("topic_list")
    return Contact(
        region=region,
        volunteer=volunteer,
        started_at=start,
        ended_at=start + timedelta(minutes=20),
        duration_seconds=1200,
        topic_list=topic_list,
        **values,
    )


def write_contacts(
    cast, *, seed: int = 7, count: int = 420, days: int = 90
) -> Expected:
    """Conversations of the quarter in zuid, and others that must not count.

    ``days`` spreads them over more than the first quarter (365: the year).
    """
    contact_services.lists_install_defaults()
    contact_services.municipalities_add(region=cast.zuid, rows=PLACES_ZUID)
    contact_services.municipalities_add(region=cast.noord, rows=PLACES_NOORD)
    places = {m.code: m for m in Municipality.objects.all()}
    topics = {t.code: t for t in Topic.objects.filter(topic_list__is_current=True)}
    topic_list = next(iter(topics.values())).topic_list
    rng = random.Random(seed)  # noqa: S311 (test data)
    expected = Expected()
    rows: list[tuple[Contact, list[str]]] = []
    volunteer = cast["volunteer_zuid"]
    first = datetime(YEAR, 1, 1, tzinfo=LOCAL)
    for _ in range(count):
        start = first + timedelta(minutes=rng.randrange(days * 24 * 60))
        channel = rng.choices(["phone", "chat", "mail"], weights=[80, 17, 3])[0]
        level = rng.choices(["none", "about", "out_of"], weights=[60, 25, 15])[0]
        kind = ""
        if level != "none":
            kind = rng.choice(["social", "emotional", "both", "unclear", ""])
        place_code = rng.choices(
            [None, "GM0505", "GM0642", "GM0610", "GM0014"], weights=[55, 30, 8, 4, 3]
        )[0]
        chosen = sorted(
            {
                rng.choices(TOPICS, weights=[40, 20, 30, 8, 2])[0]
                for _ in range(rng.choice([1, 1, 2]))
            }
        )
        contact = _contact(
            cast.zuid,
            volunteer,
            start,
            channel=channel,
            loneliness=level,
            loneliness_kind=kind,
            municipality=places[place_code] if place_code else None,
            topic_list=topic_list,
        )
        rows.append((contact, chosen))
        month = f"{start.year:04d}-{start.month:02d}"
        expected.total += 1
        expected.channel[(channel, month)] += 1
        expected.loneliness[(level, month)] += 1
        if level != "none":
            expected.kind[(kind or "not_recorded", level)] += 1
        for code in chosen:
            expected.topic[(code, month)] += 1
        place = "none"
        if place_code in {"GM0505", "GM0642", "GM0610"}:
            place = str(places[place_code].pk)
        elif place_code is not None:
            place = "other"
        expected.place[(place, level)] += 1
    # Contacts that must not count: non-data, another region, outside the days.
    noise = [
        _contact(
            cast.zuid,
            volunteer,
            first + timedelta(days=3),
            channel="phone",
            contact_type="silent",
            topic_list=topic_list,
        ),
        _contact(
            cast.noord,
            cast["volunteer_noord"],
            first + timedelta(days=4),
            channel="phone",
            loneliness="about",
            topic_list=topic_list,
        ),
        _contact(
            cast.zuid,
            volunteer,
            first - timedelta(minutes=1),
            channel="mail",
            topic_list=topic_list,
        ),
        _contact(
            cast.zuid,
            volunteer,
            first + timedelta(days=days),
            channel="mail",
            topic_list=topic_list,
        ),
    ]
    Contact.objects.bulk_create([contact for contact, _ in rows] + noise)
    links = [
        Contact.topics.through(contact_id=contact.pk, topic_id=topics[code].pk)
        for contact, chosen in rows
        for code in chosen
    ]
    Contact.topics.through.objects.bulk_create(links)
    return expected


@pytest.fixture
def quarter(cast) -> Expected:
    """The fixture's contacts, written once per test."""
    return write_contacts(cast)


@pytest.fixture
def year_of_contacts(cast) -> Expected:
    """A year of conversations in zuid, as many a quarter as ``quarter``'s.

    Rare channels, places and topics make small counts in every quarter.
    """
    return write_contacts(cast, seed=11, count=4 * 420, days=365)
