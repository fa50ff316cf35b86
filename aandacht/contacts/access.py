"""Who may write, read, correct and review which contact reports."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from aandacht.contacts.models import Contact, ContactDraft
from aandacht.core import access
from aandacht.core.access import AnyUser
from aandacht.core.models import Region, User
from aandacht.core.roles import Role

REVIEW_ROLES = frozenset({Role.SUPERVISOR})
OWN_REPORTS_DAYS = 30
CORRECTION_HOURS = 24


def volunteer_regions(user: AnyUser) -> QuerySet[Region]:
    """The regions where the user answers contacts."""
    access.require_any_role(user, {Role.VOLUNTEER})
    return access.regions_for(user, {Role.VOLUNTEER})


def volunteer_region(user: AnyUser, code: str | None) -> Region:
    """The region a new report belongs to: the chosen one, or the only one."""
    regions = volunteer_regions(user)
    if code:
        region = regions.filter(code=code).first()
    else:
        region = regions.first() if regions.count() == 1 else None
    if region is None:
        raise Http404
    return region


def draft_for(user: AnyUser, key: str) -> ContactDraft:
    access.require_any_role(user, {Role.VOLUNTEER})
    assert isinstance(user, User)  # noqa: S101  (a role implies a real user)
    try:
        return ContactDraft.objects.select_related("region").get(
            key=key, volunteer=user
        )
    except (ContactDraft.DoesNotExist, ValueError):
        raise Http404 from None


def own_contacts(user: AnyUser) -> QuerySet[Contact]:
    access.require_any_role(user, {Role.VOLUNTEER})
    assert isinstance(user, User)  # noqa: S101  (a role implies a real user)
    since = timezone.now() - timedelta(days=OWN_REPORTS_DAYS)
    return Contact.objects.filter(volunteer=user, created_at__gte=since)


def review_regions(user: AnyUser) -> QuerySet[Region]:
    access.require_any_role(user, REVIEW_ROLES)
    return access.regions_for(user, REVIEW_ROLES)


def contact_for_review(user: AnyUser, contact_id: int) -> Contact:
    """A report in one of the supervisor's regions; others answer 404."""
    regions = review_regions(user)
    try:
        return Contact.objects.select_related("region", "volunteer").get(
            pk=contact_id, region__in=regions
        )
    except Contact.DoesNotExist:
        raise Http404 from None


def contact_for_correction(user: AnyUser, contact_id: int) -> Contact:
    """The volunteer's own report within 24 hours; later only a supervisor."""
    is_volunteer = access.has_any_role(user, {Role.VOLUNTEER})
    if access.has_any_role(user, REVIEW_ROLES):
        regions = access.regions_for(user, REVIEW_ROLES)
        found = Contact.objects.filter(pk=contact_id, region__in=regions).first()
        if found is not None:
            return found
        if not is_volunteer:
            raise Http404
    if not is_volunteer:
        raise PermissionDenied
    contact = own_contacts(user).filter(pk=contact_id).first()
    if contact is None:
        raise Http404
    if timezone.now() - contact.created_at > timedelta(hours=CORRECTION_HOURS):
        raise PermissionDenied
    return contact


def contact_for_owner(user: AnyUser, contact_id: int) -> Contact:
    contact = own_contacts(user).filter(pk=contact_id).first()
    if contact is None:
        raise Http404
    return contact


def can_correct(user: AnyUser, contact: Contact) -> bool:
    try:
        contact_for_correction(user, contact.pk)
    except (PermissionDenied, Http404):
        return False
    return True
