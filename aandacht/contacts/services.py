"""Every write of contact reports: drafts, registration, corrections, review."""

from __future__ import annotations

import functools
import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from aandacht.callers import services as callers
from aandacht.callers.models import CallerProfile
from aandacht.contacts.choices import ContactType, Loneliness, Transfer
from aandacht.contacts.defaults import install_defaults
from aandacht.contacts.models import (
    Contact,
    ContactDraft,
    CrisisResource,
    Feedback,
    Municipality,
    Source,
    Topic,
    TopicList,
)
from aandacht.contacts.synthetic import SyntheticContact
from aandacht.core.models import AuditEvent, Region, User
from aandacht.core.services import audit_record
from aandacht.privacy.scrub import scrub
from aandacht.socialmap.panel import services as social_map
from aandacht.socialmap.panel.entries import ReferralEntry

FREE_TEXT_FIELDS = ("summary", "reflection", "referrals")
# A draft keeps the form's raw answers, so the typology reason is a field there.
DRAFT_FREE_TEXT_FIELDS = (*FREE_TEXT_FIELDS, "typology_reason")


class ConflictError(Exception):
    """Someone else changed the report since it was opened."""


@dataclass
class ContactInput:
    """The answers of one report, as the form or the API hands them over."""

    channel: str
    started_at: datetime
    ended_at: datetime
    line_language: str = "nl"
    contact_type: str = ContactType.CONVERSATION
    source: Source | None = None
    gender: str = "unknown"
    age_band: str = "unknown"
    living_situation: str = "unknown"
    municipality: Municipality | None = None
    regular_caller: bool = False
    topics: list[Topic] = field(default_factory=list)
    loneliness: str = Loneliness.NONE
    loneliness_kind: str = ""
    sought: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    phases: list[str] = field(default_factory=list)
    referrals: str = ""
    transfer: str = Transfer.NONE
    crisis: bool = False
    summary: str = ""
    reflection: str = ""
    typology: dict[str, Any] = field(default_factory=dict)
    caller_profile: CallerProfile | None = None
    # Services of the social map the caller was pointed to (#5), with times.
    service_referrals: list[ReferralEntry] = field(default_factory=list)


def scrub_text(text: str) -> str:
    return scrub(text).text if text else ""


def _field_values(data: ContactInput) -> dict[str, Any]:
    """The model fields of a report, with free text scrubbed and the rest derived."""
    values = {
        name: getattr(data, name)
        for name in ContactInput.__dataclass_fields__
        if name not in ("topics", "service_referrals")
    }
    for name in FREE_TEXT_FIELDS:
        values[name] = scrub_text(values[name])
    if values["typology"].get("override_reason"):
        reason = scrub_text(values["typology"]["override_reason"])
        values["typology"] = {**values["typology"], "override_reason": reason}
    if data.caller_profile is not None:
        values["regular_caller"] = True  # the box follows an attached profile
    if data.loneliness == Loneliness.NONE:
        values["loneliness_kind"] = ""
    if data.contact_type != ContactType.CONVERSATION:
        values.update(_non_data_blanks())
    seconds = (data.ended_at - data.started_at).total_seconds()
    values["duration_seconds"] = max(0, round(seconds))
    return values


def _non_data_blanks() -> dict[str, Any]:
    """A non-data contact is counted, never filled in."""
    return {
        "summary": "",
        "reflection": "",
        "referrals": "",
        "sought": [],
        "actions": [],
        "phases": [],
        "crisis": False,
        "typology": {},
        "loneliness": Loneliness.NONE,
        "loneliness_kind": "",
    }


def current_topic_list() -> TopicList:
    return TopicList.objects.get(is_current=True)


def draft_start(*, volunteer: User, region: Region) -> ContactDraft:
    return ContactDraft.objects.create(volunteer=volunteer, region=region)


def draft_save(*, draft: ContactDraft, data: dict[str, Any]) -> ContactDraft | None:
    """Keep the form's raw answers; free text is scrubbed before it is stored.

    Returns None when the draft is gone. Clicking "save" moves the focus out
    of the summary, which sends one last autosave that can arrive after the
    report was stored and its draft deleted; that autosave has nothing left
    to do and must not fail (or spoil the transaction it may share).
    """
    cleaned = {
        key: value for key, value in data.items() if key != "csrfmiddlewaretoken"
    }
    for name in DRAFT_FREE_TEXT_FIELDS:
        if isinstance(cleaned.get(name), str):
            cleaned[name] = scrub_text(cleaned[name])
    now = timezone.now()
    if not ContactDraft.objects.filter(pk=draft.pk).update(
        data=cleaned, updated_at=now
    ):
        return None
    draft.data = cleaned
    draft.updated_at = now
    return draft


def drafts_purge(*, older_than: timedelta, dry_run: bool = False) -> int:
    """Delete drafts nobody touched for `older_than`; return how many.

    Drafts are scrubbed, but an abandoned one still describes a conversation
    that never became a report, so it should not linger.
    """
    stale = ContactDraft.objects.filter(updated_at__lt=timezone.now() - older_than)
    if dry_run:
        return stale.count()
    deleted, _per_model = stale.delete()
    return deleted


@transaction.atomic
def contact_register(
    *, volunteer: User, region: Region, data: ContactInput, key: uuid.UUID
) -> Contact:
    """Store one report and drop its draft; sending the same key twice stores one."""
    existing = Contact.objects.filter(idempotency_key=key).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            contact = Contact.objects.create(
                region=region,
                volunteer=volunteer,
                idempotency_key=key,
                topic_list=current_topic_list(),
                **_field_values(data),
            )
    except IntegrityError:
        return Contact.objects.get(idempotency_key=key)
    if data.contact_type == ContactType.CONVERSATION:
        contact.topics.set(data.topics)
        social_map.referrals_attach(
            contact=contact, entries=data.service_referrals, actor=volunteer
        )
    callers.contact_attached(contact=contact)
    ContactDraft.objects.filter(key=key).delete()
    return contact


class IdempotencyKeyTaken(Exception):
    """The key already belongs to someone else's report or draft."""


def contact_register_once(
    *, volunteer: User, region: Region, data: ContactInput, key: uuid.UUID
) -> tuple[Contact, bool]:
    """`contact_register` for programs that retry: the report, and whether it is new.

    A retry with the same key returns the stored report unchanged. A key of
    someone else's report or draft is refused, so that it neither shows their
    report nor discards their draft. (Two simultaneous first attempts store
    one report, but may both be told it is new.)
    """
    existing = Contact.objects.filter(idempotency_key=key).first()
    if existing is None:
        if ContactDraft.objects.filter(key=key).exclude(volunteer=volunteer).exists():
            raise IdempotencyKeyTaken
        existing = contact_register(
            volunteer=volunteer, region=region, data=data, key=key
        )
        created = True
    else:
        created = False
    if existing.volunteer_id != volunteer.pk:
        raise IdempotencyKeyTaken
    return existing, created


@transaction.atomic
def contact_correct(
    *, actor: User, contact: Contact, data: ContactInput, version: int
) -> Contact:
    """Change a report, unless someone else changed it since `version` was read."""
    values = _field_values(data)
    values["updated_at"] = timezone.now()
    changed = Contact.objects.filter(pk=contact.pk, version=version).update(
        version=version + 1, **values
    )
    if not changed:
        raise ConflictError
    contact.refresh_from_db()
    if contact.is_conversation:
        contact.topics.set(data.topics)
    else:
        contact.topics.clear()
    if actor.pk != contact.volunteer_id:
        audit_record(
            action=AuditEvent.Action.CONTACT_CHANGED,
            actor=actor,
            region=contact.region,
            target=contact,
        )
    return contact


def contact_viewed(*, viewer: User, contact: Contact, request: Any = None) -> None:
    """Every staff view of a report is audited."""
    audit_record(
        action=AuditEvent.Action.VIEWED,
        actor=viewer,
        region=contact.region,
        target=contact,
        request=request,
    )


def contact_mark_read(*, supervisor: User, contact: Contact) -> Contact:
    if contact.read_at is None:
        contact.read_at = timezone.now()
        contact.read_by = supervisor
        contact.save(update_fields=["read_at", "read_by"])
    return contact


@transaction.atomic
def feedback_give(*, supervisor: User, contact: Contact, text: str) -> Feedback:
    contact_mark_read(supervisor=supervisor, contact=contact)
    return Feedback.objects.create(
        contact=contact, author=supervisor, text=scrub_text(text.strip())
    )


def feedback_mark_seen(*, volunteer: User) -> int:
    """The volunteer opened their reports: their new feedback counts as seen."""
    return Feedback.objects.filter(
        contact__volunteer=volunteer, seen_at__isnull=True
    ).update(seen_at=timezone.now())


def lists_install_defaults() -> None:
    install_defaults(TopicList, Topic, Source, CrisisResource)


def municipalities_add(*, region: Region, rows: list[tuple[str, str]]) -> None:
    for code, name in rows:
        Municipality.objects.update_or_create(
            code=code, defaults={"name": name, "region": region}
        )


@transaction.atomic
def contacts_bulk_create(*, rows: list[tuple[Region, User, SyntheticContact]]) -> int:
    """Store synthetic contacts in bulk (demo and benchmarks).

    Their summaries are made from a fixed list without identifiers, so they
    skip the scrubber, which would dominate the time for millions of rows.
    On PostgreSQL they stream in with COPY, several times faster than
    INSERT for the millions of a national benchmark; elsewhere bulk_create.
    """
    topic_list = current_topic_list()
    topic_ids = dict(topic_list.topics.values_list("code", "pk"))
    week_ago = timezone.now() - timedelta(days=7)
    if connection.vendor == "postgresql":
        return _copy_synthetic(rows, topic_list, topic_ids, week_ago)
    contacts = [
        Contact(**_synthetic_row(region, user, s, topic_list, week_ago))
        for region, user, s in rows
    ]
    Contact.objects.bulk_create(contacts, batch_size=2000)
    links = [
        Contact.topics.through(contact_id=contact.pk, topic_id=topic_ids[code])
        for contact, (_region, _user, synthetic) in zip(contacts, rows, strict=True)
        for code in synthetic.topics
    ]
    Contact.topics.through.objects.bulk_create(links, batch_size=5000)
    return len(contacts)


def _copy_synthetic(
    rows: list[tuple[Region, User, SyntheticContact]],
    topic_list: TopicList,
    topic_ids: dict[str, int],
    week_ago: datetime,
) -> int:
    """COPY the contacts with ids drawn from their sequence, then their topics."""
    fields = Contact._meta.concrete_fields
    constants = {field.attname: _copy_default(field) for field in fields}
    table = connection.ops.quote_name(Contact._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    links_table = connection.ops.quote_name(Contact.topics.through._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
            "FROM generate_series(1, %s)",
            [Contact._meta.db_table, len(rows)],
        )
        ids = [pk for (pk,) in cursor.fetchall()]
        raw = cursor.cursor
        with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for pk, (region, user, synthetic) in zip(ids, rows, strict=True):
                values = constants | _synthetic_row(
                    region, user, synthetic, topic_list, week_ago, for_copy=True
                )
                values["id"] = pk
                copy.write_row([values[field.attname] for field in fields])
        with raw.copy(f"COPY {links_table} (contact_id, topic_id) FROM STDIN") as copy:
            for pk, (_region, _user, synthetic) in zip(ids, rows, strict=True):
                for code in synthetic.topics:
                    copy.write_row((pk, topic_ids[code]))
    return len(ids)


def _copy_default(field: Any) -> Any:
    """A field's default as COPY takes it; JSON as text, once rather than per row."""
    if isinstance(field, models.JSONField):
        return json.dumps(field.get_default())
    return field.get_db_prep_save(field.get_default(), connection)


def _synthetic_row(
    region: Region,
    user: User,
    synthetic: SyntheticContact,
    topic_list: TopicList,
    week_ago: datetime,
    *,
    for_copy: bool = False,
) -> dict[str, Any]:
    """A contact's field values by attname; for COPY, lists as JSON text."""
    ended = synthetic.started_at + timedelta(seconds=synthetic.duration_seconds)
    values = {
        name: getattr(synthetic, name)
        for name in SyntheticContact.__dataclass_fields__
        if name != "topics"
    }
    if for_copy:
        for name in ("sought", "actions", "phases"):
            values[name] = _json_list(tuple(values[name]))
    return values | {
        "region_id": region.pk,
        "volunteer_id": user.pk,
        "topic_list_id": topic_list.pk,
        "idempotency_key": uuid.uuid4(),
        "ended_at": ended,
        "created_at": ended,
        "updated_at": ended,
        "read_at": ended if synthetic.started_at < week_ago else None,
    }


@functools.cache
def _json_list(items: tuple[str, ...]) -> str:
    return json.dumps(list(items))


@transaction.atomic
def topic_list_new_version(*, source: TopicList) -> TopicList:
    """A copy of `source` as the next version, to edit before making it current.

    Reports keep the version they were made with, so a list in use is never
    edited in place.
    """
    latest = TopicList.objects.order_by("-version").values_list("version", flat=True)
    topic_list = TopicList.objects.create(version=(latest.first() or 0) + 1)
    Topic.objects.bulk_create(
        Topic(
            topic_list=topic_list,
            code=topic.code,
            label_nl=topic.label_nl,
            label_en=topic.label_en,
            order=topic.order,
            is_crisis=topic.is_crisis,
        )
        for topic in source.topics.all()
    )
    return topic_list


@transaction.atomic
def topic_list_make_current(*, topic_list: TopicList) -> TopicList:
    TopicList.objects.filter(is_current=True).update(is_current=False)
    topic_list.is_current = True
    topic_list.save(update_fields=["is_current"])
    return topic_list
