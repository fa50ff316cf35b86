"""Who may see and change a region's lines, demand and capacity.

The coordinators of a region (a national coordinator: of every region).
Another role gets 403; another region's page or line answers 404.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from aandacht.core import access
from aandacht.core.access import AnyUser
from aandacht.core.models import Region
from aandacht.core.roles import Role
from aandacht.roster.models import Line

DEMAND_ROLES = frozenset({Role.COORDINATOR})


def demand_regions(user: AnyUser) -> QuerySet[Region]:
    """The regions whose lines and demand the user plans: a coordinator's."""
    access.require_any_role(user, DEMAND_ROLES)
    return access.regions_for(user, DEMAND_ROLES).order_by("name")


def demand_region(user: AnyUser, code: str) -> Region:
    try:
        return demand_regions(user).get(code=code)
    except Region.DoesNotExist:
        raise Http404 from None


def line_for_change(user: AnyUser, code: str, line_id: int) -> Line:
    """A line of one of the coordinator's regions; others answer 404."""
    region = demand_region(user, code)
    try:
        return Line.objects.select_related("region").get(pk=line_id, region=region)
    except Line.DoesNotExist:
        raise Http404 from None
