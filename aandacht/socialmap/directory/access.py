"""Who may read and who may keep the social map right.

The directory is public information, but it is kept by specialists, so
reading and editing have different rules.

Reading an entry's page (``READ_ROLES``): everyone who works on the line in
the entry's region (volunteer, supervisor, Vraagwijzer specialist,
coordinator, administrator), for the entries of their regions and every
national entry. Partners do not use these screens (they have the HSDS API).

Editing (organisations, services, opening hours, verification):

* a regional entry: the Vraagwijzer specialist of that region, or one with
  a national assignment (who covers every region);
* a national entry (``region`` empty): a Vraagwijzer specialist or a
  coordinator with a national assignment, and any administrator (the
  fallback for a line without a national Vraagwijzer; national entries are
  shared by the whole organisation, and administrators set it up).

Nobody else edits. Whoever may edit something is a *maintainer* and may use
the maintenance screens (the list, the stale list, the change history);
anyone else gets 403 there. A maintainer who opens an entry they can read
but not edit gets 403; an entry they cannot read (another region's) is 404,
so its existence is not revealed.

The synonym list is shared by every region: a Vraagwijzer specialist
(regional or national) or an administrator maintains it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from aandacht.core import access
from aandacht.core.access import AnyUser
from aandacht.core.models import Region, RoleAssignment
from aandacht.core.roles import Role
from aandacht.socialmap.models import Organization, Service

READ_ROLES = frozenset(
    {Role.VOLUNTEER, Role.SUPERVISOR, Role.VRAAGWIJZER, Role.COORDINATOR, Role.ADMIN}
)
REGIONAL_EDIT_ROLES = frozenset({Role.VRAAGWIJZER})
NATIONAL_EDIT_ROLES = frozenset({Role.VRAAGWIJZER, Role.COORDINATOR})
SYNONYM_ROLES = frozenset({Role.VRAAGWIJZER, Role.ADMIN})


@dataclass(frozen=True)
class Scope:
    """A part of the directory: some regions (or all) and maybe the national map."""

    region_ids: frozenset[int] = frozenset()
    every_region: bool = False
    national: bool = False

    @property
    def empty(self) -> bool:
        return not (self.region_ids or self.every_region or self.national)

    def covers(self, region_id: int | None) -> bool:
        if region_id is None:
            return self.national
        return self.every_region or region_id in self.region_ids

    def q(self) -> Q:
        """A filter on ``region`` for organisations and services in this scope."""
        condition = Q(pk__in=[])
        if self.every_region:
            condition |= Q(region__isnull=False)
        elif self.region_ids:
            condition |= Q(region_id__in=self.region_ids)
        if self.national:
            condition |= Q(region__isnull=True)
        return condition

    def union(self, other: Scope) -> Scope:
        return Scope(
            self.region_ids | other.region_ids,
            self.every_region or other.every_region,
            self.national or other.national,
        )


def _held(user: AnyUser, roles: frozenset[str]) -> list[RoleAssignment]:
    # The per-request cache of core.access, so a screen reads the roles once.
    return [a for a in access._assignments(user) if a.role in roles]


def _regions_scope(held: list[RoleAssignment]) -> Scope:
    return Scope(
        region_ids=frozenset(a.region_id for a in held if a.region_id is not None),
        every_region=any(a.is_national for a in held),
    )


def read_scope(user: AnyUser) -> Scope:
    """What the user may read: their regions' entries and the national ones."""
    held = _held(user, READ_ROLES)
    regions = _regions_scope(held)
    return Scope(regions.region_ids, regions.every_region, national=bool(held))


def edit_scope(user: AnyUser) -> Scope:
    """What the user may change (see the module docstring for the rules)."""
    regions = _regions_scope(_held(user, REGIONAL_EDIT_ROLES))
    national = any(a.is_national for a in _held(user, NATIONAL_EDIT_ROLES)) or bool(
        _held(user, frozenset({Role.ADMIN}))
    )
    return Scope(regions.region_ids, regions.every_region, national)


def maintainer_scope(user: AnyUser) -> Scope:
    """The part a maintainer keeps; 403 for anyone who may edit nothing."""
    scope = edit_scope(user)
    if scope.empty:
        raise PermissionDenied
    return scope


def listed_scope(user: AnyUser) -> Scope:
    """What the maintenance list shows: the entries one keeps, and the national map.

    A regional Vraagwijzer sees the national entries beside their own, to
    know what is there already, but cannot change them.
    """
    scope = maintainer_scope(user)
    return Scope(scope.region_ids, scope.every_region, national=True)


def may_edit(user: AnyUser, entry: Organization | Service) -> bool:
    return edit_scope(user).covers(entry.region_id)


def _visible(user: AnyUser) -> Scope:
    return read_scope(user).union(edit_scope(user))


def _one_service(scope: Scope, service_id: uuid.UUID) -> Service:
    service = (
        Service.objects.filter(scope.q(), pk=service_id)
        .select_related("organization", "region", "verified_by")
        .first()
    )
    if service is None:
        raise Http404
    return service


def _one_organization(scope: Scope, organization_id: uuid.UUID) -> Organization:
    organization = (
        Organization.objects.filter(scope.q(), pk=organization_id)
        .select_related("region", "verified_by")
        .first()
    )
    if organization is None:
        raise Http404
    return organization


def service_to_read(user: AnyUser, service_id: uuid.UUID) -> Service:
    """A service whose page the user opens: theirs or national, else 404."""
    scope = _visible(user)
    if scope.empty:
        raise PermissionDenied
    return _one_service(scope, service_id)


def organization_to_read(user: AnyUser, organization_id: uuid.UUID) -> Organization:
    scope = _visible(user)
    if scope.empty:
        raise PermissionDenied
    return _one_organization(scope, organization_id)


def service_history(user: AnyUser, service_id: uuid.UUID) -> Service:
    """A service whose change history a maintainer reads."""
    maintainer_scope(user)
    return _one_service(_visible(user), service_id)


def organization_history(user: AnyUser, organization_id: uuid.UUID) -> Organization:
    maintainer_scope(user)
    return _one_organization(_visible(user), organization_id)


def service_to_edit(user: AnyUser, service_id: uuid.UUID) -> Service:
    """A service the user changes: 403 if readable but not theirs to change."""
    scope = maintainer_scope(user)
    service = _one_service(_visible(user), service_id)
    if not scope.covers(service.region_id):
        raise PermissionDenied
    return service


def organization_to_edit(user: AnyUser, organization_id: uuid.UUID) -> Organization:
    scope = maintainer_scope(user)
    organization = _one_organization(_visible(user), organization_id)
    if not scope.covers(organization.region_id):
        raise PermissionDenied
    return organization


def new_entry_regions(user: AnyUser) -> list[Region | None]:
    """Where the user may add an entry: their regions, and None for national."""
    scope = maintainer_scope(user)
    regions: list[Region | None] = []
    if scope.every_region:
        regions.extend(Region.objects.all())
    elif scope.region_ids:
        regions.extend(Region.objects.filter(pk__in=scope.region_ids))
    if scope.national:
        regions.append(None)
    return regions


def may_edit_synonyms(user: AnyUser) -> bool:
    return access.has_any_role(user, SYNONYM_ROLES)


def require_synonym_editor(user: AnyUser) -> None:
    access.require_any_role(user, SYNONYM_ROLES)
