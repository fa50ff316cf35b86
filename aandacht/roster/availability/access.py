"""Who may keep the volunteer register, open roster months and mark availability.

Coordinators keep the register and the months of their regions (a national
coordinator of every region); a volunteer marks their own availability for
the months of the regions where they volunteer. A month or region outside
the user's regions answers 404; a role that may not use a screen gets 403.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from aandacht.core import access
from aandacht.core.access import AnyUser
from aandacht.core.models import Region, User
from aandacht.core.roles import Role
from aandacht.roster.models import RosterMonth

PLANNING_ROLES = frozenset({Role.COORDINATOR})
AVAILABILITY_ROLES = frozenset({Role.VOLUNTEER})


def volunteers_of(region: Region) -> QuerySet[User]:
    """The active volunteers of `region`, national ones included."""
    in_region = Q(roles__region=region) | Q(roles__region__isnull=True)
    return User.objects.filter(
        in_region, roles__role=Role.VOLUNTEER, is_active=True
    ).distinct()


def planning_regions(user: AnyUser) -> QuerySet[Region]:
    """The regions whose register and roster months the user keeps."""
    access.require_any_role(user, PLANNING_ROLES)
    return access.regions_for(user, PLANNING_ROLES)


def planning_region(user: AnyUser, code: str) -> Region:
    """A region of the coordinator's; another region answers 404."""
    try:
        return planning_regions(user).get(code=code)
    except Region.DoesNotExist:
        raise Http404 from None


def register_volunteer(
    user: AnyUser, code: str, volunteer_id: int
) -> tuple[Region, User]:
    """The region and the volunteer of it whose register entry a coordinator edits."""
    region = planning_region(user, code)
    try:
        return region, volunteers_of(region).get(pk=volunteer_id)
    except User.DoesNotExist:
        raise Http404 from None


def own_volunteer(user: AnyUser) -> User:
    """The volunteer who marks their own availability."""
    access.require_any_role(user, AVAILABILITY_ROLES)
    assert isinstance(user, User)  # noqa: S101  (a role implies a real user)
    return user


def availability_months(user: AnyUser) -> QuerySet[RosterMonth]:
    """The roster months of the regions where the user volunteers."""
    own_volunteer(user)
    regions = access.regions_for(user, AVAILABILITY_ROLES)
    return RosterMonth.objects.filter(region__in=regions)


def availability_month(user: AnyUser, roster_id: int) -> RosterMonth:
    """A month of one of the volunteer's regions; others answer 404."""
    try:
        return availability_months(user).select_related("region").get(pk=roster_id)
    except RosterMonth.DoesNotExist:
        raise Http404 from None
