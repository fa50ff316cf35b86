"""Every write of the callers app: profiles, limits, merges, dormancy, purges."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from aandacht.callers.limits import limit_status
from aandacht.callers.models import CallerProfile, ContactLimit, LimitReachedEvent
from aandacht.contacts.models import Contact
from aandacht.core.models import AuditEvent, Region, User
from aandacht.core.services import audit_record
from aandacht.privacy.scrub import scrub

Action = AuditEvent.Action
PROFILE_TEXT_FIELDS = ("alias", "cues", "approach", "agreement", "consultation_notes")
PROFILE_FIELDS = (*PROFILE_TEXT_FIELDS, "gender", "age_band", "review_on")
DORMANT_AFTER = timedelta(days=183)


class ConflictError(Exception):
    """Someone else changed the profile since it was opened."""


def _scrubbed(values: dict[str, Any]) -> dict[str, Any]:
    return {
        name: scrub(value).text if name in PROFILE_TEXT_FIELDS and value else value
        for name, value in values.items()
    }


@transaction.atomic
def profile_create(*, region: Region, actor: User, **values: Any) -> CallerProfile:
    fields = _scrubbed(
        {name: values[name] for name in PROFILE_FIELDS if name in values}
    )
    profile = CallerProfile.objects.create(region=region, **fields)
    _audit(Action.PROFILE_CHANGED, actor, profile, change="created")
    return profile


@transaction.atomic
def profile_update(
    *, profile: CallerProfile, actor: User, version: int, **values: Any
) -> CallerProfile:
    """Save a supervisor's edit; refuse it when someone saved in between."""
    locked = CallerProfile.objects.select_for_update().get(pk=profile.pk)
    if locked.version != version:
        raise ConflictError
    fields = _scrubbed(
        {name: values[name] for name in PROFILE_FIELDS if name in values}
    )
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.version += 1
    locked.updated_at = timezone.now()
    locked.save()
    _audit(Action.PROFILE_CHANGED, actor, locked, change="updated")
    return locked


def _profile_fields(values: dict[str, Any]) -> dict[str, Any]:
    return {name: values[name] for name in PROFILE_FIELDS if name in values}


def profile_viewed(
    *, viewer: User, profile: CallerProfile, request: Any = None
) -> None:
    audit_record(
        action=Action.VIEWED,
        actor=viewer,
        request=request,
        region=profile.region,
        target=profile,
        detail={"what": "caller_profile"},
    )


@transaction.atomic
def limit_set(*, profile: CallerProfile, actor: User, **values: Any) -> ContactLimit:
    """A new limit for the profile; the one in force ends, and stays in history."""
    now = timezone.now()
    profile.limits.filter(ended_at__isnull=True).update(ended_at=now)
    values["reason"] = scrub(values.get("reason", "")).text
    values["words"] = scrub(values.get("words", "")).text
    limit = ContactLimit.objects.create(profile=profile, set_by=actor, **values)
    _audit(Action.PROFILE_CHANGED, actor, profile, change="limit_set")
    return limit


@transaction.atomic
def limit_end(*, limit: ContactLimit, actor: User) -> ContactLimit:
    if limit.ended_at is None:
        limit.ended_at = timezone.now()
        limit.save(update_fields=["ended_at"])
        _audit(Action.PROFILE_CHANGED, actor, limit.profile, change="limit_ended")
    return limit


def contact_attached(*, contact: Contact) -> LimitReachedEvent | None:
    """After a contact with a profile is stored: note a limit already reached.

    Called by `contact_register` inside its transaction.
    """
    profile = contact.caller_profile
    if profile is None:
        return None
    last = profile.last_contact_at
    if last is None or contact.started_at > last:
        CallerProfile.objects.filter(pk=profile.pk).update(
            last_contact_at=contact.started_at, status=CallerProfile.Status.ACTIVE
        )
    if not contact.is_conversation:
        return None
    status = limit_status(profile, contact.started_at, exclude=contact)
    if status.limit is None or not status.reached:
        return None
    if status.limit.channel and status.limit.channel != contact.channel:
        return None
    return LimitReachedEvent.objects.create(
        profile=profile, limit=status.limit, contact=contact, at=contact.started_at
    )


@transaction.atomic
def profiles_merge(
    *, source: CallerProfile, target: CallerProfile, actor: User
) -> CallerProfile:
    """Two profiles turn out to be one caller: the source's contacts move along."""
    if source.pk == target.pk or source.region_id != target.region_id:
        raise ValueError("Only two different profiles of one region can be merged.")
    moved = Contact.objects.filter(caller_profile=source).update(caller_profile=target)
    LimitReachedEvent.objects.filter(profile=source).update(profile=target)
    latest = Contact.objects.filter(caller_profile=target).aggregate(
        last=Max("started_at")
    )["last"]
    CallerProfile.objects.filter(pk=target.pk).update(last_contact_at=latest)
    source.status = CallerProfile.Status.MERGED
    source.merged_into = target
    source.version += 1
    source.save(update_fields=["status", "merged_into", "version"])
    detail = {"change": "merged", "into": target.pk, "contacts_moved": moved}
    _audit(Action.PROFILE_CHANGED, actor, source, **detail)
    _audit(
        Action.PROFILE_CHANGED, actor, target, change="merged_from", source=source.pk
    )
    target.refresh_from_db()
    return target


def profiles_mark_dormant(*, now: datetime | None = None) -> int:
    """Active profiles without a contact for six months become dormant."""
    cutoff = (now or timezone.now()) - DORMANT_AFTER
    quiet = CallerProfile.objects.active().filter(last_contact_at__lt=cutoff)
    never = CallerProfile.objects.active().filter(
        last_contact_at__isnull=True, created_at__lt=cutoff
    )
    return quiet.update(status=CallerProfile.Status.DORMANT) + never.update(
        status=CallerProfile.Status.DORMANT
    )


def profiles_to_purge(
    *, retention_days: int, now: datetime | None = None
) -> QuerySet[CallerProfile]:
    """Dormant profiles whose last contact lies longer ago than the retention."""
    cutoff = (now or timezone.now()) - timedelta(days=retention_days)
    dormant = CallerProfile.objects.filter(status=CallerProfile.Status.DORMANT)
    return dormant.filter(last_contact_at__lt=cutoff) | dormant.filter(
        last_contact_at__isnull=True, updated_at__lt=cutoff
    )


@transaction.atomic
def profiles_purge(*, retention_days: int, now: datetime | None = None) -> int:
    """Erase the text of long-dormant profiles; contacts and counts stay."""
    now = now or timezone.now()
    erased = 0
    for profile in profiles_to_purge(retention_days=retention_days, now=now):
        for name in PROFILE_TEXT_FIELDS:
            setattr(profile, name, "")
        profile.status = CallerProfile.Status.ERASED
        profile.erased_at = now
        profile.review_on = None
        profile.save()
        profile.limits.update(reason="", words="")
        erased += 1
    return erased


def _audit(action: str, actor: User, profile: CallerProfile, **detail: Any) -> None:
    audit_record(
        action=action,
        actor=actor,
        region=profile.region,
        target=profile,
        detail=detail,
    )
