"""Demo call-back requests for the demo regions.

The numbers must never reach a real person. They are mobile-shaped numbers
in the 06-99 range (0699 xx xx xx): the Dutch numbering plan
(Nummerplan telefoon- en ISDN-diensten) gives mobile telephony 061 to 065
and 068, pagers 066 and old data services 067; 069 is not allocated, so no
operator issues these numbers. They still pass the shape check of
`phone.normalise`, so the demo goes through the same service as real use.

Each region gets a few open requests (one overdue, some due today or on the
next working day) and two done ones whose number is already erased. Seeding
twice adds nothing: a region that has requests is left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from aandacht.callbacks import crypto, services
from aandacht.callbacks.models import CallbackRequest
from aandacht.core.demo import DemoContext
from aandacht.core.models import Region, User

DESCRIPTION = "call-back requests with fictional numbers"

UNALLOCATED_PREFIX = "0699"  # 069 is not allocated in the Dutch numbering plan


@dataclass(frozen=True)
class DemoRequest:
    hours_ago: int
    question: str
    preferred_time: str
    outcome: str = ""  # a done request when set


REQUESTS = [
    DemoRequest(
        75,
        "Zoekt een maatje om samen te wandelen; durft zelf niet naar het "
        "buurthuis te bellen.",
        "morning",
    ),
    DemoRequest(
        20,
        "Vraagt waar ze terecht kan voor hulp bij schulden na de scheiding.",
        "any",
    ),
    DemoRequest(
        14,
        "Mantelzorger voor zijn moeder, loopt vast. Wil weten of er "
        "respijtzorg in de buurt is.",
        "midday",
    ),
    DemoRequest(
        3,
        "Wil praten met iemand van de GGZ maar weet niet hoe ze een "
        "afspraak krijgt zonder huisarts.",
        "any",
    ),
    DemoRequest(
        50,
        "Zocht een rouwgroep in de regio.",
        "morning",
        outcome="Teruggebeld; twee rouwgroepen genoemd, hij belt er zelf een.",
    ),
    DemoRequest(
        30,
        "Vroeg naar vervoer naar de dagbesteding.",
        "any",
        outcome="Niet bereikt na twee pogingen; voicemail ingesproken.",
    ),
]


def demo_number(index: int) -> str:
    """A number in the unallocated 06-99 range, never a real subscriber."""
    return f"{UNALLOCATED_PREFIX}{index:06d}"


def seed(context: DemoContext) -> None:
    """Called by `manage.py seed_demo` after the demo organisation exists.

    Demo mode always has a key (settings keep one in var/); a test that turns
    on demo mode through the settings has none, and then gets no requests
    rather than an error, as numbers cannot be stored without a key.
    """
    if crypto.key_problem() is not None:
        return
    vraagwijzer = context.users["vraagwijzer"]
    volunteer = context.users["vrijwilliger"]
    seed_callbacks(context.regions.values(), volunteer, vraagwijzer)


@transaction.atomic
def seed_callbacks(
    regions: Iterable[Region],
    recorder: User,
    specialist: User,
    *,
    now: datetime | None = None,
) -> None:
    moment = now or timezone.now()
    serial = 0
    for region in regions:
        if CallbackRequest.objects.filter(region=region).exists():
            continue  # seeded before
        for demo in REQUESTS:
            serial += 1
            callback = services.callback_record(
                region=region,
                actor=recorder,
                question=demo.question,
                number=demo_number(serial),
                preferred_time=demo.preferred_time,
                now=moment - timedelta(hours=demo.hours_ago),
            )
            if demo.outcome:
                services.callback_done(
                    callback=callback,
                    actor=specialist,
                    outcome=demo.outcome,
                    now=moment - timedelta(hours=demo.hours_ago - 2),
                )
