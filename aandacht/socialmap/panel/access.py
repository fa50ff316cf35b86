"""Who may use the social map during a call: the volunteers of a region."""

from __future__ import annotations

from django.http import Http404

from aandacht.core import access
from aandacht.core.access import AnyUser
from aandacht.core.models import Region
from aandacht.core.roles import Role

IN_CALL_ROLES = frozenset({Role.VOLUNTEER})


def call_region(user: AnyUser, code: str) -> Region:
    """A region in whose contact form the user searches the social map."""
    access.require_any_role(user, IN_CALL_ROLES)
    region = access.regions_for(user, IN_CALL_ROLES).filter(code=code).first()
    if region is None:
        raise Http404
    return region
