"""Who may see which insights dashboard.

- **Coordinators** account for their region's work: they see their region's
  dashboard; a national coordinator also sees every region together (the
  national dashboard) and can choose any region.
- **Supervisors** watch the load on volunteers (contacts by hour and
  weekday, durations, the review backlog, crisis contacts, regular callers
  reaching their limit). They see their region's whole dashboard rather
  than a cut-down one: every figure on it is a count or share of reports
  they may already read one by one in the review queue, so hiding panels
  would protect nothing and would split one screen into two.
- **Everyone else** gets 403: volunteers and Vraagwijzer specialists work
  with single contacts and services, administrators look after accounts
  and the audit log, and partners get their own suppressed reports
  (``insights.partner``) and never these pages, whose small counts are not
  suppressed.

A region outside the user's regions answers 404, so its existence is not
revealed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from aandacht.core import access
from aandacht.core.access import AnyUser
from aandacht.core.models import Region, User
from aandacht.core.roles import Role

DASHBOARD_ROLES = frozenset({Role.COORDINATOR, Role.SUPERVISOR})


@dataclass(frozen=True)
class Scope:
    """What a dashboard covers: one region, or every region together."""

    region: Region | None  # None: the national dashboard

    @property
    def code(self) -> str:
        return self.region.code if self.region else ""

    @property
    def name(self) -> str:
        return self.region.name if self.region else _("All regions")


@dataclass(frozen=True)
class Choices:
    """The regions a user can switch between, and whether "all" is one."""

    regions: list[Region]
    national: bool

    @property
    def several(self) -> bool:
        return self.national or len(self.regions) > 1


def dashboard_choices(user: AnyUser) -> Choices:
    """The user's dashboard regions; 403 for a role without a dashboard."""
    access.require_any_role(user, DASHBOARD_ROLES)
    regions = list(access.regions_for(user, DASHBOARD_ROLES).order_by("name"))
    national = isinstance(user, User) and any(
        assignment.region_id is None and assignment.role in DASHBOARD_ROLES
        for assignment in user.roles.all()
    )
    return Choices(regions, national)


def dashboard_scope(user: AnyUser, code: str | None) -> tuple[Scope, Choices]:
    """The dashboard a region code stands for, with the user's other choices.

    No code: the national dashboard for a national role, else the first of
    the user's regions. A code outside the user's regions raises 404.
    """
    choices = dashboard_choices(user)
    if not code:
        if choices.national:
            return Scope(None), choices
        if not choices.regions:
            raise PermissionDenied
        return Scope(choices.regions[0]), choices
    for region in choices.regions:
        if region.code == code:
            return Scope(region), choices
    raise Http404
