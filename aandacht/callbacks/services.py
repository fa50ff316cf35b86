"""Every write of the call-back app, and the one read that is audited.

Recording a request scrubs the question, checks and encrypts the number and
sets its due date; showing the number records an audit event each time;
marking it done erases the number in the same UPDATE. No function logs, and
no audit event holds the number: only ids, codes and counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from aandacht.callbacks import crypto, phone, workdays
from aandacht.callbacks.models import CallbackQuerySet, CallbackRequest
from aandacht.contacts.models import Contact
from aandacht.core.models import AuditEvent, Region, User
from aandacht.core.services import audit_record
from aandacht.privacy.scrub import scrub

# No number is kept longer than this, whatever the state of its request.
NUMBER_RETENTION = timedelta(days=7)

RECORDED = AuditEvent.Action.CALLBACK_RECORDED
NUMBER_SHOWN = AuditEvent.Action.CALLBACK_NUMBER_SHOWN
NOTED = AuditEvent.Action.CALLBACK_NOTED
DONE = AuditEvent.Action.CALLBACK_DONE


class NumberGone(Exception):
    """The request is done or its number was erased: there is nothing to show."""


class RequestClosed(Exception):
    """The request is done; its outcome can no longer change."""


def _scrubbed(text: str) -> str:
    text = text.strip()
    return scrub(text).text if text else ""


@sensitive_variables("number", "normalised")
@transaction.atomic
def callback_record(
    *,
    region: Region,
    actor: User,
    question: str,
    number: str,
    preferred_time: str = "any",
    contact: Contact | None = None,
    now: datetime | None = None,
) -> CallbackRequest:
    """Store a new request; `phone.PhoneError` or `crypto.CallbackKeyError` if
    the number is not usable or cannot be encrypted (nothing is stored then)."""
    normalised = phone.normalise(number)
    token = crypto.encrypt_number(normalised)
    moment = now or timezone.now()
    callback = CallbackRequest.objects.create(
        region=region,
        contact=contact,
        question=_scrubbed(question),
        preferred_time=preferred_time,
        number_token=token,
        due_on=workdays.due_date(moment),
        created_by=actor,
        created_at=moment,
    )
    _audit(RECORDED, actor, callback, due_on=callback.due_on.isoformat())
    return callback


def callback_number(
    *, callback: CallbackRequest, viewer: User, request: HttpRequest | None = None
) -> str:
    """The caller's number, for the Vraagwijzer who presses "show number".

    Every call records an audit event; a done or erased request, or one older
    than the seven days a number is kept (even when `purge_callbacks` did not
    run), raises `NumberGone`; a key that cannot open it
    `crypto.NumberUnreadable`.
    """
    expired = callback.created_at < timezone.now() - NUMBER_RETENTION
    if not callback.is_open or not callback.has_number or expired:
        raise NumberGone
    number = crypto.decrypt_number(callback.number_token)
    _audit(NUMBER_SHOWN, viewer, callback, request=request)
    return number


def callback_note(
    *, callback: CallbackRequest, actor: User, outcome: str
) -> CallbackRequest:
    """Keep the specialist's outcome note (scrubbed) on an open request."""
    if not callback.is_open:
        raise RequestClosed
    callback.outcome = _scrubbed(outcome)
    callback.save(update_fields=["outcome"])
    _audit(NOTED, actor, callback)
    return callback


@transaction.atomic
def callback_done(
    *, callback: CallbackRequest, actor: User, outcome: str, now: datetime | None = None
) -> CallbackRequest:
    """Close the request and erase its number at once, in the same write."""
    moment = now or timezone.now()
    locked = CallbackRequest.objects.select_for_update().get(pk=callback.pk)
    if not locked.is_open:
        return locked
    had_number = locked.has_number
    locked.status = CallbackRequest.Status.DONE
    locked.outcome = _scrubbed(outcome) or locked.outcome
    locked.done_by = actor
    locked.done_at = moment
    locked.number_token = ""
    if had_number:
        locked.number_erased_at = moment
    locked.save()
    _audit(DONE, actor, locked, number_erased=had_number)
    return locked


@dataclass(frozen=True)
class PurgeCounts:
    """How many numbers a purge erases, by reason (a request can be both)."""

    older_than_retention: int
    done: int
    total: int


def callbacks_to_purge(*, now: datetime | None = None) -> CallbackQuerySet:
    """Requests that still hold a number but may not any more."""
    cutoff = (now or timezone.now()) - NUMBER_RETENTION
    return CallbackRequest.objects.with_number().filter(
        Q(created_at__lt=cutoff) | Q(status=CallbackRequest.Status.DONE)
    )


def callbacks_purge_counts(*, now: datetime | None = None) -> PurgeCounts:
    moment = now or timezone.now()
    due = callbacks_to_purge(now=moment)
    return PurgeCounts(
        older_than_retention=due.filter(created_at__lt=moment - NUMBER_RETENTION)
        .order_by()
        .count(),
        done=due.filter(status=CallbackRequest.Status.DONE).order_by().count(),
        total=due.order_by().count(),
    )


@transaction.atomic
def callbacks_purge(*, now: datetime | None = None) -> int:
    """Erase every number kept too long; returns how many were erased."""
    moment = now or timezone.now()
    return callbacks_to_purge(now=moment).update(
        number_token="", number_erased_at=moment
    )


def _audit(
    action: str,
    actor: User,
    callback: CallbackRequest,
    *,
    request: HttpRequest | None = None,
    **detail: Any,
) -> None:
    audit_record(
        action=action,
        actor=actor,
        request=request,
        region=callback.region,
        target=callback,
        detail=detail,
    )
