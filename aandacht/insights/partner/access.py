"""Who may read which region's partner report.

Partners (a municipality, a Wmo network) read the report of their region;
a partner with a national assignment reads every region's. Coordinators of
the region may preview it, so they know exactly what their partners see
before they talk about it; a national coordinator previews every region.
No other role reads partner reports (403), and another region's report
answers 404 so its existence is not revealed.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from aandacht.core import access
from aandacht.core.access import AnyUser
from aandacht.core.models import Region
from aandacht.core.roles import Role

REPORT_ROLES = frozenset({Role.PARTNER, Role.COORDINATOR})


def report_regions(user: AnyUser) -> QuerySet[Region]:
    """The regions whose partner reports the user may read."""
    access.require_any_role(user, REPORT_ROLES)
    return access.regions_for(user, REPORT_ROLES).order_by("name")


def report_region(user: AnyUser, code: str) -> Region:
    region = report_regions(user).filter(code=code).first()
    if region is None:
        raise Http404
    return region
