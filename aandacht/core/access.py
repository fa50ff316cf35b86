"""Who may see and do what, in one place.

Every view starts with one of these helpers. Roles are held per region, or
nationally (every region). Out-of-region objects answer 404 so that their
existence is not revealed; a role that may not use a screen at all gets 403.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django_otp import user_has_device

from aandacht.core.models import ApiToken, AuditEvent, Region, RoleAssignment, User
from aandacht.core.roles import STAFF_ROLES, Role

AnyUser = User | AnonymousUser

# What `services.api_token_create` makes: a mark and 43 URL-safe characters.
API_KEY_FORMAT = re.compile(r"aan_[A-Za-z0-9_-]{43}")

TEAM_ROLES = frozenset({Role.SUPERVISOR, Role.COORDINATOR, Role.ADMIN})
UNLOCK_ROLES = frozenset({Role.COORDINATOR, Role.ADMIN})


def _assignments(user: AnyUser) -> list[RoleAssignment]:
    """The user's role assignments, read once per request and kept on the user."""
    if not user.is_authenticated or not user.is_active:
        return []
    cached: list[RoleAssignment] | None = getattr(user, "_aandacht_roles", None)
    if cached is None:
        cached = list(user.roles.select_related("region"))
        setattr(user, "_aandacht_roles", cached)  # noqa: B010  (a per-request cache)
    return cached


def current_user(request: HttpRequest) -> User:
    """The logged-in user of a view that requires login."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    return request.user


def roles_of(user: AnyUser) -> set[str]:
    return {assignment.role for assignment in _assignments(user)}


def has_any_role(user: AnyUser, roles: Iterable[str]) -> bool:
    return bool(roles_of(user) & set(roles))


def require_any_role(user: AnyUser, roles: Iterable[str]) -> None:
    if not has_any_role(user, roles):
        raise PermissionDenied


def requires_two_factor(user: AnyUser) -> bool:
    """Staff roles see sensitive data, so they log in with a second factor."""
    return bool(user.is_superuser) or has_any_role(user, STAFF_ROLES)


def is_verified(user: AnyUser) -> bool:
    """Whether this session's login included a second factor (django-otp)."""
    return bool(getattr(user, "is_verified", lambda: False)())


def two_factor_pending(user: AnyUser) -> bool:
    """True while a logged-in user still owes their second factor this session.

    Staff always owe it; anyone else only if they chose to set up an app.
    """
    if not user.is_authenticated or is_verified(user):
        return False
    return requires_two_factor(user) or user_has_device(user)


def regions_for(user: AnyUser, roles: Iterable[str]) -> QuerySet[Region]:
    """The regions where the user holds any of `roles` (all of them if national)."""
    wanted = set(roles)
    held = [a for a in _assignments(user) if a.role in wanted]
    if any(a.is_national for a in held):
        return Region.objects.all()
    return Region.objects.filter(pk__in={a.region_id for a in held})


def region_for_team(user: AnyUser, code: str) -> Region:
    """The region whose team page the user opens: staff of that region only."""
    require_any_role(user, TEAM_ROLES)
    try:
        return regions_for(user, TEAM_ROLES).get(code=code)
    except Region.DoesNotExist:
        raise Http404 from None


def can_unlock_in(user: AnyUser, region: Region) -> bool:
    return regions_for(user, UNLOCK_ROLES).filter(pk=region.pk).exists()


def member_for_unlock(user: AnyUser, region: Region, member_id: int) -> User:
    """A locked-out member of `region` whom a coordinator or administrator frees."""
    if not can_unlock_in(user, region):
        raise PermissionDenied
    try:
        return User.objects.filter(roles__region=region).distinct().get(pk=member_id)
    except User.DoesNotExist:
        raise Http404 from None


def audit_events_for(user: AnyUser) -> QuerySet[AuditEvent]:
    """The audit events an administrator may read: those of their regions.

    Events without a region (logins, lock-outs) belong to the regions of the
    person concerned; a national administrator reads everything.
    """
    require_any_role(user, {Role.ADMIN})
    if any(a.is_national for a in _assignments(user) if a.role == Role.ADMIN):
        return AuditEvent.objects.all()
    regions = regions_for(user, {Role.ADMIN})
    members = RoleAssignment.objects.filter(region__in=regions).values("user_id")
    return AuditEvent.objects.filter(
        Q(region__in=regions) | Q(region__isnull=True, actor__in=members)
    )


def api_token_for(key: str) -> ApiToken | None:
    """The token a program presented, if it is valid and its owner still active.

    Unknown, revoked, expired and malformed keys, and keys whose owner changed
    password since, all give None: the API then answers 401 without saying
    which it was.
    """
    if not API_KEY_FORMAT.fullmatch(key):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=ApiToken.hash_key(key), revoked_at__isnull=True)
        .first()
    )
    return token if token is not None and token.is_active else None
