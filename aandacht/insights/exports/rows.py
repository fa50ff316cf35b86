"""The rows of a research export: one per contact, streamed in chunks.

Ten years of national contacts are 3.5 million rows, so nothing here holds
more than one chunk: the contacts come through a database cursor
(``QuerySet.iterator``), and each chunk's topics and social-map referrals
are read with one query each. The columns and their order are the data
dictionary's (``dictionary.py``); a value this module makes for a column
the dictionary does not know fails the tests.
"""

from __future__ import annotations

import hmac
import secrets
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from itertools import islice
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, QuerySet

from aandacht.contacts.choices import ContactType
from aandacht.contacts.models import Contact
from aandacht.guidance.assistant import effective_type
from aandacht.insights.exports.access import Scope
from aandacht.insights.exports.cells import Cell, safe
from aandacht.insights.exports.dictionary import Dictionary
from aandacht.insights.period import Period
from aandacht.socialmap.models import Referral

__all__ = ["Cell", "ExportSpec", "contacts_in", "export_count", "export_rows"]

T = TypeVar("T")

CHUNK_SIZE = 2000
FIELDS = (
    "pk",
    "region__code",
    "started_at",
    "channel",
    "line_language",
    "contact_type",
    "source__code",
    "duration_seconds",
    "volunteer_id",
    "municipality__code",
    "gender",
    "age_band",
    "living_situation",
    "regular_caller",
    "loneliness",
    "loneliness_kind",
    "sought",
    "actions",
    "phases",
    "transfer",
    "crisis",
    "typology",
    "read_at",
)
# The 0/1 columns of questions with several answers: column prefix, field.
MULTI = (("sought", "sought"), ("action", "actions"), ("phase", "phases"))


@dataclass(frozen=True)
class ExportSpec:
    """What one export covers, and whether the scrubbed summaries go with it."""

    scope: Scope
    period: Period
    include_summaries: bool = False
    # The secret of this export's volunteer pseudonyms; new for every export.
    pseudonym_key: bytes = field(default_factory=lambda: secrets.token_bytes(16))

    def pseudonym(self, volunteer_id: int) -> str:
        digest = hmac.new(self.pseudonym_key, str(volunteer_id).encode(), "sha256")
        return "v" + digest.hexdigest()[:10]


def local_bounds(period: Period) -> tuple[datetime, datetime]:
    """The period's first moment and the moment after its last, Dutch time."""
    zone = ZoneInfo(settings.TIME_ZONE)
    start = datetime.combine(period.first, time.min, tzinfo=zone)
    end = datetime.combine(period.last + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def contacts_in(spec: ExportSpec) -> QuerySet[Contact]:
    start, end = local_bounds(spec.period)
    contacts = Contact.objects.filter(started_at__gte=start, started_at__lt=end)
    if spec.scope.region is not None:
        contacts = contacts.filter(region=spec.scope.region)
    return contacts


def export_count(spec: ExportSpec) -> int:
    return contacts_in(spec).count()


def export_rows(
    spec: ExportSpec, dictionary: Dictionary, *, chunk_size: int | None = None
) -> Iterator[list[Cell]]:
    """One row per contact, oldest first, in the dictionary's column order."""
    chunk_size = chunk_size or CHUNK_SIZE
    fields = (*FIELDS, "summary") if spec.include_summaries else FIELDS
    records = (
        contacts_in(spec)
        .order_by("started_at", "pk")
        .values(*fields)
        .iterator(chunk_size=chunk_size)
    )
    names = dictionary.names
    zone = ZoneInfo(settings.TIME_ZONE)
    pseudonyms: dict[int, str] = {}
    # Every 0/1 column of a conversation starts at 0; its answers set 1s.
    prefixes = tuple(f"{prefix}_" for prefix in ("topic", *(p for p, _f in MULTI)))
    zeros = dict.fromkeys((n for n in names if n.startswith(prefixes)), 0)
    for chunk in _chunks(records, chunk_size):
        ids = [record["pk"] for record in chunk]
        topics = _topics_of(ids)
        referrals = _referrals_of(ids)
        for record in chunk:
            pk, volunteer = record["pk"], record["volunteer_id"]
            if volunteer not in pseudonyms:
                pseudonyms[volunteer] = spec.pseudonym(volunteer)
            values = _values(record, spec, zeros, topics[pk], referrals.get(pk, 0))
            values["volunteer"] = pseudonyms[volunteer]
            values |= _moment(record["started_at"].astimezone(zone))
            yield [values.get(name) for name in names]


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _topics_of(ids: list[int]) -> defaultdict[int, set[str]]:
    links = Contact.topics.through.objects.filter(contact_id__in=ids).values_list(
        "contact_id", "topic__code"
    )
    topics: defaultdict[int, set[str]] = defaultdict(set)
    for contact_id, code in links:
        topics[contact_id].add(code)
    return topics


def _referrals_of(ids: list[int]) -> dict[int, int]:
    counts = (
        Referral.objects.filter(contact_id__in=ids)
        .values("contact_id")
        .annotate(count=Count("pk"))
        .values_list("contact_id", "count")
    )
    return dict(counts)


def _values(
    record: dict[str, Any],
    spec: ExportSpec,
    zeros: dict[str, int],
    topics: set[str],
    referrals: int,
) -> dict[str, Cell]:
    """The cells of one contact by column name; absent columns stay empty.

    Texts that people typed (codes an administrator chose, the summary) are
    made spreadsheet-safe here; the others are fixed codes.
    """
    values: dict[str, Cell] = {
        "region": safe(record["region__code"]),
        "channel": record["channel"],
        "line_language": record["line_language"],
        "contact_type": record["contact_type"],
        "source": safe(record["source__code"] or None),
        "duration_seconds": record["duration_seconds"],
    }
    if record["contact_type"] != ContactType.CONVERSATION:
        return values  # counted, never filled in: the rest stays empty
    values |= zeros
    values |= _conversation_values(record, referrals)
    for code in topics:
        values[f"topic_{code}"] = 1
    for prefix, name in MULTI:
        for code in record[name] or ():
            values[f"{prefix}_{code}"] = 1
    if spec.include_summaries:
        values["summary"] = safe(record["summary"] or None)
    return values


def _moment(local: datetime) -> dict[str, Cell]:
    """When the contact started, Dutch time: the day, the weekday and the hour."""
    return {
        "date": local.date().isoformat(),
        "weekday": local.isoweekday(),
        "hour": local.hour,
    }


def _conversation_values(record: dict[str, Any], referrals: int) -> dict[str, Cell]:
    typology: dict[str, Any] = record["typology"] or {}
    return {
        "municipality": safe(record["municipality__code"] or None),
        "gender": record["gender"],
        "age_band": record["age_band"],
        "living_situation": record["living_situation"],
        "regular_caller": int(record["regular_caller"]),
        "loneliness": record["loneliness"],
        "loneliness_kind": record["loneliness_kind"] or None,
        "transfer": record["transfer"],
        "crisis": int(record["crisis"]),
        "service_referrals": referrals,
        "typology_network": typology.get("network") or None,
        "typology_psychiatric": typology.get("psychiatric") or None,
        "typology_participation": typology.get("participation") or None,
        "typology_assistant": typology.get("type") or None,
        "typology_type": effective_type(typology),
        "reviewed": int(record["read_at"] is not None),
    }
