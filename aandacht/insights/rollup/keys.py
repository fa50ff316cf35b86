"""Which dimension values one contact counts under: the rollup's one rule.

Pure on purpose (standard library only): the rollup job and the dashboard's
top-up of reports the job has not reached yet both count with this module,
so they cannot disagree, and it is tested without a database.

A contact counts once under every dimension below that applies to it
(topics and what the caller looked for: once per chosen code). Values are
stable codes; the dashboard turns them into labels.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

__all__ = [
    "CONVERSATION",
    "DURATION_BINS",
    "ContactFacts",
    "Dimension",
    "duration_bin",
    "keys",
]

CONVERSATION = "conversation"

# Upper bounds in minutes (the last bin is open): short, typical, long calls.
DURATION_BINS: tuple[tuple[str, int | None], ...] = (
    ("0-5", 5),
    ("5-10", 10),
    ("10-15", 15),
    ("15-20", 20),
    ("20-30", 30),
    ("30-45", 45),
    ("45-60", 60),
    ("60+", None),
)


class Dimension:
    """The dimension codes stored in ``DailyCount.dimension``."""

    TOTAL = "total"  # value "all": every contact once
    CHANNEL = "channel"
    LANGUAGE = "language"
    SOURCE = "source"  # a Source id, or "direct"
    TYPE = "type"  # conversation, silent, hung_up, ...
    LONELINESS = "loneliness"
    LONELINESS_KIND = "loneliness_kind"  # only when about or out of loneliness
    TRANSFER = "transfer"
    CRISIS = "crisis"  # yes / no
    REGULAR = "regular"  # profile / ticked / no
    REFERRAL = "referral"  # social_map / other / none
    TYPOLOGY = "typology"  # assessed contacts only: a type code or "undecided"
    TOPIC = "topic"  # a topic code, once per topic
    SOUGHT = "sought"  # once per code
    HOUR = "hour"  # "<weekday 0=Monday>-<hour 00..23>" on the Amsterdam clock
    DURATION = "duration"  # a DURATION_BINS code
    MUNICIPALITY = "municipality"  # a Municipality id, or "unknown"
    MUNICIPALITY_TOPIC = "municipality_topic"  # "<municipality id>:<topic code>"
    GENDER = "gender"
    AGE = "age"
    LIVING = "living"
    FEEDBACK = "feedback"  # value "given", counted on the feedback's own day


@dataclass(frozen=True)
class ContactFacts:
    """What the rollup needs of one contact; ``local_start`` on the Amsterdam clock."""

    region_id: int
    local_start: datetime
    duration_seconds: int
    channel: str
    line_language: str
    source_id: int | None
    contact_type: str
    loneliness: str = "none"
    loneliness_kind: str = ""
    transfer: str = "none"
    crisis: bool = False
    regular_caller: bool = False
    has_profile: bool = False
    referral: str = "none"
    assessed: bool = False
    typology_type: str | None = None
    topics: tuple[str, ...] = ()
    sought: tuple[str, ...] = ()
    municipality_id: int | None = None
    gender: str = "unknown"
    age_band: str = "unknown"
    living_situation: str = "unknown"

    @property
    def day(self) -> date:
        return self.local_start.date()

    @property
    def is_conversation(self) -> bool:
        return self.contact_type == CONVERSATION


def referral_kind(*, social_map: bool, actions: list[str], text: bool) -> str:
    """Referred through the social map, referred otherwise, or not referred.

    "Otherwise" is the "referred" action or a typed referral without a
    social-map link: both are the report's "pointed to other help".
    """
    if social_map:
        return "social_map"
    if text or "referred" in actions:
        return "other"
    return "none"


def duration_bin(seconds: int) -> str:
    minutes = seconds / 60
    for code, upper in DURATION_BINS:
        if upper is None or minutes < upper:
            return code
    raise AssertionError("the last bin is open")  # pragma: no cover


def keys(facts: ContactFacts) -> Iterator[tuple[str, str]]:
    """Every (dimension, value) the contact counts under, each pair once."""
    start = facts.local_start
    municipality = (
        "unknown" if facts.municipality_id is None else str(facts.municipality_id)
    )
    yield Dimension.TOTAL, "all"
    yield Dimension.CHANNEL, facts.channel
    yield Dimension.LANGUAGE, facts.line_language
    yield (
        Dimension.SOURCE,
        "direct" if facts.source_id is None else str(facts.source_id),
    )
    yield Dimension.TYPE, facts.contact_type
    yield Dimension.HOUR, f"{start.weekday()}-{start.hour:02d}"
    yield Dimension.DURATION, duration_bin(facts.duration_seconds)
    yield Dimension.MUNICIPALITY, municipality
    if not facts.is_conversation:
        return
    yield Dimension.LONELINESS, facts.loneliness
    if facts.loneliness != "none" and facts.loneliness_kind:
        yield Dimension.LONELINESS_KIND, facts.loneliness_kind
    yield Dimension.TRANSFER, facts.transfer
    yield Dimension.CRISIS, "yes" if facts.crisis else "no"
    yield Dimension.REGULAR, _regular(facts)
    yield Dimension.REFERRAL, facts.referral
    if facts.assessed:
        yield Dimension.TYPOLOGY, facts.typology_type or "undecided"
    for topic in sorted(set(facts.topics)):
        yield Dimension.TOPIC, topic
        if facts.municipality_id is not None:
            yield Dimension.MUNICIPALITY_TOPIC, f"{municipality}:{topic}"
    for sought in sorted(set(facts.sought)):
        yield Dimension.SOUGHT, sought
    yield Dimension.GENDER, facts.gender
    yield Dimension.AGE, facts.age_band
    yield Dimension.LIVING, facts.living_situation


def _regular(facts: ContactFacts) -> str:
    """A linked profile, the ticked box without one, or neither."""
    if facts.has_profile:
        return "profile"
    return "ticked" if facts.regular_caller else "no"
