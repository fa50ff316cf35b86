"""Who may record, read and count which further-training sessions.

Supervisors record the sessions of their regions; coordinators read the
half-days of every volunteer of their regions (a national coordinator of
every region); a volunteer sees their own sessions.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from aandacht.core import access
from aandacht.core.access import AnyUser
from aandacht.core.models import Region, User
from aandacht.core.roles import Role
from aandacht.training.models import TrainingSession

SESSION_ROLES = frozenset({Role.SUPERVISOR})
OVERVIEW_ROLES = frozenset({Role.COORDINATOR})


def volunteers_of(region: Region) -> QuerySet[User]:
    """The active volunteers of `region`, national ones included."""
    in_region = Q(roles__region=region) | Q(roles__region__isnull=True)
    return User.objects.filter(
        in_region, roles__role=Role.VOLUNTEER, is_active=True
    ).distinct()


def own_training(user: AnyUser) -> User:
    """The volunteer whose own further training is shown."""
    access.require_any_role(user, {Role.VOLUNTEER})
    assert isinstance(user, User)  # noqa: S101  (a role implies a real user)
    return user


def session_regions(user: AnyUser) -> QuerySet[Region]:
    """The regions whose sessions the user records: a supervisor's."""
    access.require_any_role(user, SESSION_ROLES)
    return access.regions_for(user, SESSION_ROLES)


def session_region(user: AnyUser, code: str | None) -> Region:
    """The region of a new session: the chosen one, or the only one."""
    regions = session_regions(user)
    if code:
        region = regions.filter(code=code).first()
    else:
        region = regions.first() if regions.count() == 1 else None
    if region is None:
        raise Http404
    return region


def session_for_change(user: AnyUser, session_id: int) -> TrainingSession:
    """A session in one of the supervisor's regions; others answer 404."""
    regions = session_regions(user)
    try:
        return TrainingSession.objects.select_related("region", "recorded_by").get(
            pk=session_id, region__in=regions
        )
    except TrainingSession.DoesNotExist:
        raise Http404 from None


def overview_regions(user: AnyUser) -> QuerySet[Region]:
    """The regions whose volunteers' half-days the user reads: a coordinator's."""
    access.require_any_role(user, OVERVIEW_ROLES)
    return access.regions_for(user, OVERVIEW_ROLES)


def overview_region(user: AnyUser, code: str) -> Region:
    try:
        return overview_regions(user).get(code=code)
    except Region.DoesNotExist:
        raise Http404 from None
