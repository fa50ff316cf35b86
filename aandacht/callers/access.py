"""Who may find, read and change which caller profiles.

Volunteers of a region see its active profiles in a call (never the notes
from consultation); supervisors of the region manage them. Another region's
profile answers 404.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from aandacht.callers.models import CallerProfile
from aandacht.core import access
from aandacht.core.access import AnyUser
from aandacht.core.models import Region
from aandacht.core.roles import Role

IN_CALL_ROLES = frozenset({Role.VOLUNTEER, Role.SUPERVISOR})
MANAGE_ROLES = frozenset({Role.SUPERVISOR})


def lookup_region(user: AnyUser, code: str) -> Region:
    """A region whose profiles the user may look up during a call."""
    access.require_any_role(user, IN_CALL_ROLES)
    region = access.regions_for(user, IN_CALL_ROLES).filter(code=code).first()
    if region is None:
        raise Http404
    return region


def profile_in_call(user: AnyUser, profile_id: int) -> CallerProfile:
    """An active profile of one of the user's regions, for the banner."""
    access.require_any_role(user, IN_CALL_ROLES)
    regions = access.regions_for(user, IN_CALL_ROLES)
    profile = (
        CallerProfile.objects.active()
        .filter(region__in=regions, pk=profile_id)
        .select_related("region")
        .first()
    )
    if profile is None:
        raise Http404
    return profile


def managed_regions(user: AnyUser) -> QuerySet[Region]:
    access.require_any_role(user, MANAGE_ROLES)
    return access.regions_for(user, MANAGE_ROLES)


def managed_profiles(user: AnyUser) -> QuerySet[CallerProfile]:
    return CallerProfile.objects.filter(region__in=managed_regions(user))


def managed_profile(user: AnyUser, profile_id: int) -> CallerProfile:
    profile = (
        managed_profiles(user).select_related("region").filter(pk=profile_id).first()
    )
    if profile is None:
        raise Http404
    return profile


def managed_region(user: AnyUser, code: str | None) -> Region:
    """The region for a new profile: the chosen one, or the only one."""
    regions = managed_regions(user)
    region = regions.filter(code=code).first() if code else None
    if region is None and not code and regions.count() == 1:
        region = regions.first()
    if region is None:
        raise Http404
    return region
