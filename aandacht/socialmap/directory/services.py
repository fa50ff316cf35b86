"""Every write of the Vraagwijzer's maintenance screens.

Each function runs in one transaction, writes one ``ChangeRecord`` with the
actor and what changed (``{field: [old, new]}`` for a field with one value;
``{"added": [...], "removed": [...], "changed": [[old, new], ...]}`` for a
list such as the phones), bumps ``last_modified`` and brings the search
index of the services it touched up to date. A save that changes nothing
writes nothing.

Rows that HSDS lets a service share with a location (a phone, a schedule, a
service area) are unlinked from the service rather than deleted when they
are removed here, so the location keeps them.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import get_language_info

from aandacht.core.models import Region, User
from aandacht.socialmap.models import (
    Attribute,
    ChangeRecord,
    ClosedDate,
    Language,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    Synonym,
    TaxonomyTerm,
)
from aandacht.socialmap.search.index import reindex

Action = ChangeRecord.Action

ORGANIZATION_FIELDS = ("name", "alternate_name", "description", "email", "website")
SERVICE_FIELDS = (
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "eligibility_description",
    "application_process",
    "fees_description",
    "alert",
    "minimum_age",
    "maximum_age",
    "crisis_pinned",
    "staff_note",
)
SCHEDULE_FIELDS = (
    "freq",
    "byday",
    "opens_at",
    "closes_at",
    "valid_from",
    "valid_to",
    "description",
)
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})*")


@dataclass(frozen=True)
class PhoneInput:
    """One phone row of the service form; ``id`` is None for a new one."""

    number: str
    type: str = "voice"
    description: str = ""
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class ScheduleInput:
    """One row of the opening-hours form; fields the form does not show
    (``bymonthday``, ``interval``, ``extra`` of an imported row) are kept."""

    freq: str
    byday: str
    opens_at: str
    closes_at: str
    valid_from: date | None = None
    valid_to: date | None = None
    description: str = ""
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class ClosedDateInput:
    day: date
    reason: str = ""


@dataclass(frozen=True)
class ServiceLists:
    """The parts of a service that are lists in HSDS."""

    phones: Sequence[PhoneInput] = ()
    areas: Sequence[str] = ()
    languages: Sequence[str] = ()
    terms: Sequence[TaxonomyTerm] = ()


# ---------------------------------------------------------------- helpers


def _plain(value: object) -> object:
    """A value as JSON can hold it, for the change history."""
    if isinstance(value, Region):
        return value.code
    if isinstance(value, Organization):
        return value.name
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _set_fields(
    entry: Model, values: Mapping[str, object], fields: Iterable[str]
) -> dict[str, list[object]]:
    """Copy ``values`` onto ``entry``; return ``{field: [old, new]}`` of changes."""
    changes: dict[str, list[object]] = {}
    for name in fields:
        if name not in values:
            continue
        old, new = getattr(entry, name), values[name]
        if old != new:
            changes[name] = [_plain(old), _plain(new)]
            setattr(entry, name, new)
    return changes


def _list_change(
    added: Sequence[str],
    removed: Sequence[str],
    changed: Sequence[tuple[str, str]] = (),
) -> dict[str, list[Any]]:
    summary: dict[str, list[Any]] = {}
    if added:
        summary["added"] = list(added)
    if removed:
        summary["removed"] = list(removed)
    if changed:
        summary["changed"] = [list(pair) for pair in changed]
    return summary


def _record(
    entity: str,
    entity_id: uuid.UUID,
    action: str,
    actor: User | None,
    changes: Mapping[str, object],
    at: datetime,
) -> ChangeRecord:
    return ChangeRecord.objects.create(
        entity=entity,
        entity_id=entity_id,
        action=action,
        changes=dict(changes),
        actor=actor,
        at=at,
    )


def _region_change(
    entry: Organization | Service, region: Region | None
) -> dict[str, list[object]]:
    if entry.region_id == (region.pk if region else None):
        return {}
    old = entry.region.code if entry.region else None
    entry.region = region
    return {"region": [old, region.code if region else None]}


# ---------------------------------------------------------------- organisations


@transaction.atomic
def organization_create(
    *, actor: User, region: Region | None, values: Mapping[str, object]
) -> Organization:
    now = timezone.now()
    organization = Organization(region=region, last_modified=now)
    changes = _set_fields(organization, values, ORGANIZATION_FIELDS)
    organization.save()
    changes["region"] = [None, region.code if region else None]
    _record("organization", organization.id, Action.CREATED, actor, changes, now)
    return organization


@transaction.atomic
def organization_update(
    *,
    organization: Organization,
    actor: User,
    region: Region | None,
    values: Mapping[str, object],
) -> dict[str, list[object]]:
    """Save a changed organisation; return what changed (empty: nothing saved)."""
    locked = Organization.objects.select_for_update().get(pk=organization.pk)
    changes = _set_fields(locked, values, ORGANIZATION_FIELDS)
    changes.update(_region_change(locked, region))
    if not changes:
        return changes
    now = timezone.now()
    locked.last_modified = now
    locked.save()
    _record("organization", locked.id, Action.CHANGED, actor, changes, now)
    # The organisation's name is part of how its services are found.
    reindex(locked.services.values_list("id", flat=True))
    return changes


# ---------------------------------------------------------------- services


def phone_summary(phone: Phone | PhoneInput) -> str:
    text = phone.number
    if phone.description:
        text += f" ({phone.description})"
    return text


def _set_phones(service: Service, rows: Sequence[PhoneInput]) -> dict[str, list[Any]]:
    existing = {phone.id: phone for phone in service.phones.all()}
    kept: set[uuid.UUID] = set()
    added: list[str] = []
    changed: list[tuple[str, str]] = []
    for row in rows:
        phone = existing.get(row.id) if row.id else None
        if phone is None:
            Phone.objects.create(
                service=service,
                number=row.number,
                type=row.type,
                description=row.description,
            )
            added.append(phone_summary(row))
            continue
        kept.add(phone.id)
        before = (phone.number, phone.type, phone.description)
        if before != (row.number, row.type, row.description):
            old = phone_summary(phone)
            phone.number, phone.type, phone.description = (
                row.number,
                row.type,
                row.description,
            )
            phone.save(update_fields=["number", "type", "description"])
            changed.append((old, phone_summary(phone)))
    removed = [phone for key, phone in existing.items() if key not in kept]
    for phone in removed:
        if phone.location_id or phone.organization_id or phone.service_at_location_id:
            phone.service = None
            phone.save(update_fields=["service"])
        else:
            phone.delete()
    return _list_change(added, [phone_summary(p) for p in removed], changed)


def _set_areas(service: Service, names: Sequence[str]) -> dict[str, list[Any]]:
    existing = list(service.service_areas.all())
    have = {area.name for area in existing}
    wanted = list(dict.fromkeys(name for name in names if name))
    removed = [area for area in existing if area.name not in wanted]
    for area in removed:
        if area.service_at_location_id:
            area.service = None
            area.save(update_fields=["service"])
        else:
            area.delete()
    added = [name for name in wanted if name not in have]
    ServiceArea.objects.bulk_create(
        ServiceArea(service=service, name=name) for name in added
    )
    return _list_change(added, [area.name for area in removed])


def language_token(language: Language) -> str:
    """How a language shows in the form: its code, or its name without one."""
    return language.code or language.name


def _new_language(service: Service, token: str) -> Language:
    if not _LANGUAGE_CODE.fullmatch(token):
        return Language(service=service, name=token)
    try:
        name = str(get_language_info(token)["name"])
    except KeyError:
        name = ""
    return Language(service=service, code=token, name=name)


def _set_languages(service: Service, tokens: Sequence[str]) -> dict[str, list[Any]]:
    existing = [row for row in service.languages.all() if row.location_id is None]
    have = {language_token(row) for row in existing}
    wanted = list(dict.fromkeys(token for token in tokens if token))
    removed = [row for row in existing if language_token(row) not in wanted]
    Language.objects.filter(pk__in=[row.pk for row in removed]).delete()
    added = [token for token in wanted if token not in have]
    Language.objects.bulk_create(_new_language(service, token) for token in added)
    return _list_change(added, [language_token(row) for row in removed])


def _service_attributes(service_id: uuid.UUID) -> list[Attribute]:
    return list(
        Attribute.objects.filter(
            link_entity="service", link_id=service_id
        ).select_related("taxonomy_term")
    )


def _set_terms(service: Service, terms: Sequence[TaxonomyTerm]) -> dict[str, list[Any]]:
    existing = _service_attributes(service.id)
    have = {attribute.taxonomy_term_id for attribute in existing}
    wanted = {term.pk: term for term in terms}
    removed = [a for a in existing if a.taxonomy_term_id not in wanted]
    Attribute.objects.filter(pk__in=[a.pk for a in removed]).delete()
    added = [term for key, term in wanted.items() if key not in have]
    Attribute.objects.bulk_create(
        Attribute(link_entity="service", link_id=service.id, taxonomy_term=term)
        for term in added
    )
    return _list_change(
        [term.name for term in added], [a.taxonomy_term.name for a in removed]
    )


def _set_lists(service: Service, lists: ServiceLists) -> dict[str, object]:
    changes: dict[str, object] = {}
    for name, summary in (
        ("phones", _set_phones(service, lists.phones)),
        ("service_areas", _set_areas(service, lists.areas)),
        ("languages", _set_languages(service, lists.languages)),
        ("taxonomy_terms", _set_terms(service, lists.terms)),
    ):
        if summary:
            changes[name] = summary
    return changes


def _organization_change(
    service: Service, organization: Organization | None
) -> dict[str, list[object]]:
    if service.organization_id == (organization.pk if organization else None):
        return {}
    old = service.organization.name if service.organization else None
    service.organization = organization
    return {"organization": [old, organization.name if organization else None]}


@transaction.atomic
def service_create(
    *,
    actor: User,
    region: Region | None,
    organization: Organization | None,
    values: Mapping[str, object],
    lists: ServiceLists = ServiceLists(),
) -> Service:
    now = timezone.now()
    service = Service(region=region, organization=organization, last_modified=now)
    changes: dict[str, object] = dict(_set_fields(service, values, SERVICE_FIELDS))
    service.save()
    changes["region"] = [None, region.code if region else None]
    if organization is not None:
        changes["organization"] = [None, organization.name]
    changes.update(_set_lists(service, lists))
    _record("service", service.id, Action.CREATED, actor, changes, now)
    reindex([service.id])
    return service


@transaction.atomic
def service_update(
    *,
    service: Service,
    actor: User,
    region: Region | None,
    organization: Organization | None,
    values: Mapping[str, object],
    lists: ServiceLists,
) -> dict[str, object]:
    """Save a changed service; return what changed (empty: nothing saved)."""
    locked = (
        Service.objects.select_for_update(of=("self",))
        .select_related("region", "organization")
        .get(pk=service.pk)
    )
    changes: dict[str, object] = dict(_set_fields(locked, values, SERVICE_FIELDS))
    changes.update(_region_change(locked, region))
    changes.update(_organization_change(locked, organization))
    changes.update(_set_lists(locked, lists))
    if not changes:
        return changes
    now = timezone.now()
    locked.last_modified = now
    locked.save()
    _record("service", locked.id, Action.CHANGED, actor, changes, now)
    reindex([locked.id])
    return changes


# ---------------------------------------------------------------- opening hours


def schedule_summary(row: Schedule | ScheduleInput) -> str:
    """A short, language-neutral line for the history: "MO,TU 09:00-17:00"."""
    days = row.byday or getattr(row, "bymonthday", "") or row.freq
    text = f"{days} {row.opens_at}-{row.closes_at}"
    if row.valid_from or row.valid_to:
        start = row.valid_from.isoformat() if row.valid_from else "…"
        end = row.valid_to.isoformat() if row.valid_to else "…"
        text += f" ({start} – {end})"
    if row.description:
        text += f" “{row.description}”"
    return text


def _set_schedules(
    service: Service, rows: Sequence[ScheduleInput]
) -> dict[str, list[Any]]:
    existing = {row.id: row for row in service.schedules.all()}
    kept: set[uuid.UUID] = set()
    added: list[str] = []
    changed: list[tuple[str, str]] = []
    for row in rows:
        schedule = existing.get(row.id) if row.id else None
        values = {name: getattr(row, name) for name in SCHEDULE_FIELDS}
        if schedule is None:
            Schedule.objects.create(service=service, **values)
            added.append(schedule_summary(row))
            continue
        kept.add(schedule.id)
        old = schedule_summary(schedule)
        if _set_fields(schedule, values, SCHEDULE_FIELDS):
            schedule.save()
            changed.append((old, schedule_summary(schedule)))
    removed = [row for key, row in existing.items() if key not in kept]
    for schedule in removed:
        if schedule.location_id or schedule.service_at_location_id:
            schedule.service = None
            schedule.save(update_fields=["service"])
        else:
            schedule.delete()
    return _list_change(added, [schedule_summary(s) for s in removed], changed)


def closed_date_summary(item: ClosedDate | ClosedDateInput) -> str:
    text = item.day.isoformat()
    return f"{text} {item.reason}" if item.reason else text


def _set_closed_dates(
    service: Service, rows: Sequence[ClosedDateInput]
) -> dict[str, list[Any]]:
    existing = {item.day: item for item in service.closed_dates.all()}
    wanted = {row.day: row for row in rows}
    removed = [item for day, item in existing.items() if day not in wanted]
    ClosedDate.objects.filter(pk__in=[item.pk for item in removed]).delete()
    added: list[str] = []
    changed: list[tuple[str, str]] = []
    for day, row in sorted(wanted.items()):
        item = existing.get(day)
        if item is None:
            ClosedDate.objects.create(service=service, day=day, reason=row.reason)
            added.append(closed_date_summary(row))
        elif item.reason != row.reason:
            old = closed_date_summary(item)
            item.reason = row.reason
            item.save(update_fields=["reason"])
            changed.append((old, closed_date_summary(item)))
    return _list_change(added, [closed_date_summary(i) for i in removed], changed)


@transaction.atomic
def service_hours_set(
    *,
    service: Service,
    actor: User,
    schedules: Sequence[ScheduleInput],
    closed_dates: Sequence[ClosedDateInput],
) -> dict[str, object]:
    """Replace a service's opening hours and closed dates with the form's rows.

    The form has checked every row with ``socialmap.schedule.parse_rule``.
    """
    locked = Service.objects.select_for_update().get(pk=service.pk)
    changes: dict[str, object] = {}
    for name, summary in (
        ("schedules", _set_schedules(locked, schedules)),
        ("closed_dates", _set_closed_dates(locked, closed_dates)),
    ):
        if summary:
            changes[name] = summary
    if not changes:
        return changes
    now = timezone.now()
    locked.last_modified = now
    locked.save(update_fields=["last_modified"])
    _record("service", locked.id, Action.CHANGED, actor, changes, now)
    reindex([locked.id])
    return changes


# ---------------------------------------------------------------- verification


def _verify(entry: Organization | Service, actor: User, entity: str) -> None:
    now = timezone.now()
    old = entry.verified_at
    entry.verified_at = now
    entry.verified_by = actor
    entry.last_modified = now
    entry.save(update_fields=["verified_at", "verified_by", "last_modified"])
    changes = {"verified_at": [_plain(old), _plain(now)]}
    _record(entity, entry.id, Action.VERIFIED, actor, changes, now)


@transaction.atomic
def service_verify(*, service: Service, actor: User) -> Service:
    """The Vraagwijzer checked the service and it is right, as of now."""
    _verify(service, actor, "service")
    reindex([service.id])
    return service


@transaction.atomic
def organization_verify(*, organization: Organization, actor: User) -> Organization:
    _verify(organization, actor, "organization")
    return organization


# ---------------------------------------------------------------- synonyms


def synonym_entity_id(synonym: Synonym) -> uuid.UUID:
    """A synonym's key in the change history (whose ids are UUIDs)."""
    return uuid.UUID(int=synonym.pk)


def _lines(words: Iterable[str], term: str) -> list[str]:
    unique = dict.fromkeys(word.strip() for word in words if word.strip())
    return [word for word in unique if word.casefold() != term.casefold()]


@transaction.atomic
def synonym_create(*, actor: User, term: str, synonyms: Iterable[str]) -> Synonym:
    now = timezone.now()
    words = _lines(synonyms, term)
    synonym = Synonym.objects.create(
        term=term.strip(), synonyms="\n".join(words), updated_at=now
    )
    changes = {"term": [None, synonym.term], "synonyms": _list_change(words, [])}
    _record("synonym", synonym_entity_id(synonym), Action.CREATED, actor, changes, now)
    return synonym


@transaction.atomic
def synonym_update(
    *, synonym: Synonym, actor: User, term: str, synonyms: Iterable[str]
) -> dict[str, object]:
    words = _lines(synonyms, term)
    old_words = synonym.synonym_list
    changes: dict[str, object] = {}
    if synonym.term != term.strip():
        changes["term"] = [synonym.term, term.strip()]
    added = [w for w in words if w not in old_words]
    removed = [w for w in old_words if w not in words]
    if added or removed:
        changes["synonyms"] = _list_change(added, removed)
    if not changes:
        return changes
    now = timezone.now()
    synonym.term = term.strip()
    synonym.synonyms = "\n".join(words)
    synonym.updated_at = now
    synonym.save()
    _record("synonym", synonym_entity_id(synonym), Action.CHANGED, actor, changes, now)
    return changes


@transaction.atomic
def synonym_delete(*, synonym: Synonym, actor: User) -> None:
    changes = {"term": [synonym.term, None], "synonyms": [synonym.synonyms, None]}
    entity_id = synonym_entity_id(synonym)
    synonym.delete()
    _record("synonym", entity_id, Action.DELETED, actor, changes, timezone.now())
