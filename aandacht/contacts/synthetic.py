"""Realistic synthetic contacts for the demo and for benchmarks.

Pure Python (no Django): it draws the coded answers of contacts from the
shapes the report and the line's annual figures describe: over half outside
office hours with an evening peak, about 88% phone, 10% chat and 2% mail,
loneliness in about a third, regular callers in about a third, and about 4%
referred. Summaries come from a fixed list of sentences without any
identifier, so nothing synthetic ever looks like a real caller.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

# Relative weight of each hour of the day (0..23): quiet nights, an evening peak.
HOUR_WEIGHTS = [
    3,
    2,
    2,
    1,
    1,
    1,
    2,
    3,
    4,
    5,
    5,
    5,
    5,
    5,
    5,
    5,
    6,
    7,
    9,
    10,
    10,
    9,
    7,
    5,
]
CHANNELS = (["phone"] * 88) + (["chat"] * 10) + (["mail"] * 2)
LANGUAGES = (["nl"] * 96) + ["ar", "fa", "tr", "en"]
NON_DATA = ["silent", "hung_up", "hung_up", "wrong_number", "prank", "abusive", "test"]
TOPIC_CODES = [
    "relationships",
    "loneliness",
    "mental_health",
    "physical_health",
    "addiction",
    "grief",
    "money_work",
    "housing",
    "violence",
    "suicidal_thoughts",
    "meaning",
    "daily_life",
    "other",
]
TOPIC_WEIGHTS = [14, 16, 16, 9, 3, 8, 6, 4, 3, 2, 6, 11, 2]
SENTENCES = [
    "De beller voelt zich alleen sinds het overlijden van de partner.",
    "Ze vertelt over de lange avonden en dat de kinderen ver weg wonen.",
    "Hij wil vooral even zijn verhaal kwijt over de dag.",
    "Het gesprek ging over de zorgen om de gezondheid.",
    "De beller heeft ruzie gehad met de buren en zit ermee.",
    "Ze slaapt slecht en piekert over geld.",
    "We hebben samen gekeken wat morgen een kleine stap kan zijn.",
    "Hij belt vaker en kende de lijn al.",
    "De beller mist contact met vrienden sinds de verhuizing.",
    "Ze gaf aan dat praten met de huisarts lastig voelt.",
    "Aan het eind klonk de beller rustiger.",
    "Het was een kort gesprek; de beller wilde vooral een stem horen.",
]
AGE_BANDS = ["unknown", "0-17", "18-29", "30-44", "45-64", "65-79", "80+"]
AGE_WEIGHTS = [20, 3, 8, 14, 28, 18, 9]
LIVING = ["unknown", "alone", "partner", "family", "institution", "no_home"]
LIVING_WEIGHTS = [35, 38, 12, 10, 4, 1]


@dataclass
class SyntheticContact:
    started_at: datetime
    duration_seconds: int
    channel: str
    line_language: str
    contact_type: str
    gender: str = "unknown"
    age_band: str = "unknown"
    living_situation: str = "unknown"
    regular_caller: bool = False
    loneliness: str = "none"
    loneliness_kind: str = ""
    topics: list[str] = field(default_factory=list)
    sought: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    phases: list[str] = field(default_factory=list)
    transfer: str = "none"
    crisis: bool = False
    summary: str = ""
    referrals: str = ""


def _moment(rng: random.Random, start: datetime, days: int) -> datetime:
    """A moment on a day after `start`, at an hour of `start`'s time zone, in UTC.

    In UTC, adding a duration never lands in a summer-time gap or fold.
    """
    day = start + timedelta(days=rng.randrange(days))
    hour = rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
    moment = day.replace(hour=hour, minute=rng.randrange(60), second=rng.randrange(60))
    return moment.astimezone(UTC)


def _conversation(rng: random.Random, contact: SyntheticContact) -> None:
    contact.gender = rng.choices(["unknown", "female", "male"], weights=[10, 55, 35])[0]
    contact.age_band = rng.choices(AGE_BANDS, weights=AGE_WEIGHTS)[0]
    contact.living_situation = rng.choices(LIVING, weights=LIVING_WEIGHTS)[0]
    contact.regular_caller = rng.random() < 0.33
    roll = rng.random()
    if roll < 0.33:
        contact.loneliness = "out_of" if roll < 0.2 else "about"
        contact.loneliness_kind = rng.choice(["social", "emotional", "both", "unclear"])
    count = rng.choice([1, 1, 2, 2, 3])
    contact.topics = sorted(
        set(rng.choices(TOPIC_CODES, weights=TOPIC_WEIGHTS, k=count))
    )
    contact.crisis = "suicidal_thoughts" in contact.topics or rng.random() < 0.01
    contact.sought = [
        rng.choice(["heard", "heard", "chat", "solutions", "information"])
    ]
    contact.actions = ["listened"] + (["explored"] if rng.random() < 0.3 else [])
    if rng.random() < 0.04:
        contact.actions.append("referred")
        contact.referrals = "Huisarts"
    contact.phases = ["opening", "exploration"] + (
        ["ordering", "closing"] if rng.random() < 0.7 else ["closing"]
    )
    contact.summary = " ".join(rng.sample(SENTENCES, k=rng.choice([2, 3])))


def generate(
    count: int, *, end: datetime, days: int, seed: int = 7
) -> Iterator[SyntheticContact]:
    """`count` contacts spread over the `days` before `end` (an aware datetime)."""
    rng = random.Random(seed)  # noqa: S311  (synthetic data, not security)
    start = end - timedelta(days=days)
    for _ in range(count):
        non_data = rng.random() < 0.15
        contact = SyntheticContact(
            started_at=_moment(rng, start, days),
            duration_seconds=rng.randint(10, 90)
            if non_data
            else int(rng.gammavariate(3, 420)),
            channel=rng.choice(CHANNELS),
            line_language=rng.choice(LANGUAGES),
            contact_type=rng.choice(NON_DATA) if non_data else "conversation",
        )
        if not non_data:
            _conversation(rng, contact)
        yield contact
