"""Who may export contacts for research and make the annual report.

Coordinators account for their region's work, so they export its contacts
and make its annual report; a national coordinator does so for any region or
for all of them together. Administrators do not: they look after accounts
and read the audit log, in which every export is recorded, and an export of
every contact would give them contact data their work does not need.
Supervisors read single reports, partners get suppressed aggregates
(``insights.partner``); neither exports rows.

A region code outside the user's regions answers 404, so its existence is
not revealed; a role that may not export at all gets 403.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from aandacht.core import access
from aandacht.core.access import AnyUser
from aandacht.core.models import Region, User
from aandacht.core.roles import Role

EXPORT_ROLES = frozenset({Role.COORDINATOR})


@dataclass(frozen=True)
class Scope:
    """The contacts an export or annual report covers: one region, or all."""

    region: Region | None  # None: every region (national coordinators only)

    @property
    def code(self) -> str:
        return self.region.code if self.region else ""

    @property
    def name(self) -> str:
        return self.region.name if self.region else _("All regions")


def export_regions(user: AnyUser) -> list[Region]:
    """The regions whose contacts the user may export; 403 without the role."""
    access.require_any_role(user, EXPORT_ROLES)
    return list(access.regions_for(user, EXPORT_ROLES).order_by("name"))


def may_choose_all(user: AnyUser) -> bool:
    """National coordinators may export every region together."""
    if not isinstance(user, User):
        return False
    return user.roles.filter(role__in=EXPORT_ROLES, region__isnull=True).exists()


def export_scope(user: AnyUser, code: str | None) -> Scope | None:
    """The scope a chosen region code stands for.

    An empty code means every region for a national coordinator, and no
    choice yet (None) for anyone else; a code outside the user's regions
    raises 404.
    """
    regions = export_regions(user)
    if not code:
        return Scope(None) if may_choose_all(user) else None
    for region in regions:
        if region.code == code:
            return Scope(region)
    raise Http404
