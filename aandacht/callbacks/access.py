"""Who may record, work and read which call-back requests.

Volunteers and the Vraagwijzer specialist record requests for their regions;
only the Vraagwijzer specialist of the request's region (or a national one)
opens the queue, the request and its number. The volunteer who recorded a
request sees its confirmation, never the number. Out-of-region requests
answer 404, other roles 403.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from aandacht.callbacks.models import CallbackQuerySet, CallbackRequest
from aandacht.contacts.models import Contact
from aandacht.core import access
from aandacht.core.access import AnyUser
from aandacht.core.models import Region, User
from aandacht.core.roles import Role

RECORD_ROLES = frozenset({Role.VOLUNTEER, Role.VRAAGWIJZER})
WORK_ROLES = frozenset({Role.VRAAGWIJZER})


def record_regions(user: AnyUser) -> QuerySet[Region]:
    access.require_any_role(user, RECORD_ROLES)
    return access.regions_for(user, RECORD_ROLES)


def record_region(user: AnyUser, code: str | None) -> Region | None:
    """The chosen region, the only one, or None when the user must choose."""
    regions = record_regions(user)
    if code:
        region = regions.filter(code=code).first()
        if region is None:
            raise Http404
        return region
    only = list(regions[:2])
    return only[0] if len(only) == 1 else None


def linkable_contact(
    user: AnyUser, region: Region, contact_id: str | None
) -> Contact | None:
    """The report a request comes from: the volunteer's own, or any report of
    the region for the Vraagwijzer specialist. Anything else answers 404."""
    if not contact_id:
        return None
    if not contact_id.isdigit():
        raise Http404
    contacts = Contact.objects.filter(region=region, pk=int(contact_id))
    if not access.regions_for(user, WORK_ROLES).filter(pk=region.pk).exists():
        assert isinstance(user, User)  # noqa: S101  (a role implies a real user)
        contacts = contacts.filter(volunteer=user)
    contact = contacts.first()
    if contact is None:
        raise Http404
    return contact


def recorded_by(user: AnyUser, callback_id: int) -> CallbackRequest:
    """A request the user recorded, for its confirmation page."""
    access.require_any_role(user, RECORD_ROLES)
    assert isinstance(user, User)  # noqa: S101  (a role implies a real user)
    callback = (
        CallbackRequest.objects.select_related("region")
        .filter(pk=callback_id, created_by=user)
        .first()
    )
    if callback is None:
        raise Http404
    return callback


def work_regions(user: AnyUser) -> QuerySet[Region]:
    access.require_any_role(user, WORK_ROLES)
    return access.regions_for(user, WORK_ROLES)


def workable(user: AnyUser) -> CallbackQuerySet:
    return CallbackRequest.objects.filter(region__in=work_regions(user))


def callback_to_work(user: AnyUser, callback_id: int) -> CallbackRequest:
    """A request of one of the specialist's regions; others answer 404."""
    callback = (
        workable(user)
        .select_related("region", "created_by", "done_by", "contact")
        .filter(pk=callback_id)
        .first()
    )
    if callback is None:
        raise Http404
    return callback
