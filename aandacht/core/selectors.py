"""The reads behind the core screens, one function per screen."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Max, Prefetch, QuerySet, Sum
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from aandacht.core import access
from aandacht.core.access import AnyUser
from aandacht.core.home import HomePanel, home_panels
from aandacht.core.models import AuditEvent, Region, RoleAssignment, User
from aandacht.core.roles import Role

Text = str | Promise


@dataclass(frozen=True)
class NavItem:
    label: Text
    url: str


@dataclass(frozen=True)
class HomeAction:
    """A main action on a home page; without `url` it is shown but disabled."""

    label: Text
    url: str | None = None
    note: Text = ""


@dataclass(frozen=True)
class RoleSection:
    role: str
    title: Text
    description: Text
    actions: list[HomeAction] = field(default_factory=list)
    panels: list[HomePanel] = field(default_factory=list)


ROLE_DESCRIPTIONS: Mapping[str, Text] = {
    Role.VOLUNTEER: _("Register every contact of your shift in under a minute."),
    Role.SUPERVISOR: _("Coach volunteers and read the reports of their contacts."),
    Role.VRAAGWIJZER: _("Find the right help on the social map and call callers back."),
    Role.COORDINATOR: _("Plan the shifts of your region and account for its work."),
    Role.PARTNER: _(
        "Read anonymous, aggregated figures about the callers in your area."
    ),
    Role.ADMIN: _("Look after the people, the regions and the audit log."),
}


def navigation_for(user: AnyUser) -> list[NavItem]:
    items = [NavItem(_("Home"), reverse("home"))]
    if access.has_any_role(user, access.TEAM_ROLES):
        items.append(NavItem(_("Teams"), reverse("team_regions")))
    if access.has_any_role(user, {Role.VRAAGWIJZER}):
        items.append(NavItem(_("Social map"), reverse("socialmap_directory")))
        items.append(NavItem(_("Call-back requests"), reverse("callback_queue")))
    if access.has_any_role(user, {Role.COORDINATOR, Role.SUPERVISOR}):
        items.append(NavItem(_("Insights"), reverse("insights_dashboard")))
    if access.has_any_role(user, {Role.PARTNER}):
        items.append(NavItem(_("Partner reports"), reverse("partner_reports")))
    if access.has_any_role(user, {Role.ADMIN}):
        items.append(NavItem(_("Audit log"), reverse("audit_log")))
    items.append(NavItem(_("My account"), reverse("account")))
    return items


def _role_actions(role: str) -> list[HomeAction]:
    team = HomeAction(_("Teams in your regions"), reverse("team_regions"))
    actions: dict[str, list[HomeAction]] = {
        Role.VOLUNTEER: [],
        Role.SUPERVISOR: [team],
        Role.VRAAGWIJZER: [HomeAction(_("Social map"), reverse("socialmap_directory"))],
        Role.COORDINATOR: [
            team,
            HomeAction(_("Export contacts for research"), reverse("insights_export")),
            HomeAction(_("Annual report"), reverse("insights_annual")),
        ],
        Role.PARTNER: [HomeAction(_("Partner reports"), reverse("partner_reports"))],
        Role.ADMIN: [HomeAction(_("Audit log"), reverse("audit_log")), team],
    }
    return actions[role]


def home_for(user: AnyUser) -> dict[str, Any]:
    """One section per role the user holds, in the order of the role list."""
    held = access.roles_of(user)
    sections = [
        RoleSection(
            role,
            Role(role).label,
            ROLE_DESCRIPTIONS[role],
            _role_actions(role),
            home_panels(user, role) if isinstance(user, User) else [],
        )
        for role in Role.values
        if role in held
    ]
    regions = access.regions_for(user, Role.values)
    return {"sections": sections, "regions": list(regions)}


def team_regions_for(user: AnyUser) -> QuerySet[Region]:
    return access.regions_for(user, access.TEAM_ROLES)


@dataclass(frozen=True)
class TeamMember:
    user: User
    roles: list[RoleAssignment]
    locked_out: bool


def region_team(region: Region) -> list[TeamMember]:
    """The people with a role in `region`, with whether they are locked out now."""
    in_region = RoleAssignment.objects.filter(region=region).order_by("role")
    members = (
        User.objects.filter(roles__region=region, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
        .prefetch_related(Prefetch("roles", queryset=in_region, to_attr="region_roles"))
    )
    locked = _locked_usernames()
    return [
        TeamMember(member, member.region_roles, member.username in locked)
        for member in members
    ]


def _locked_usernames() -> set[str]:
    """User names locked out at one address or more.

    Axes keeps one record per user name, address and browser; a lock-out adds
    up the failures of one user name at one address, whatever the browser.
    """
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    totals = (
        AccessAttempt.objects.filter(attempt_time__gte=since)
        .values("username", "ip_address")
        .annotate(total=Sum("failures_since_start"))
        .filter(total__gte=settings.AXES_FAILURE_LIMIT)
    )
    return {row["username"] for row in totals}


def login_locked_here(request: HttpRequest, username: str) -> bool:
    """Whether `username` is locked out at the address of this request."""
    return bool(AxesProxyHandler.is_locked(request, {"username": username}))


def slowdown_seconds(failures: int, *, free: int, longest: int) -> int:
    """How long after the last failure a user name waits for its next try.

    The first `free` failures cost nothing; from then on the wait doubles
    with every failure, from 2 seconds up to `longest`.
    """
    if failures < free:
        return 0
    doublings = min(failures - free + 1, 30)
    return int(min(longest, 2**doublings))


def login_wait_seconds(username: str) -> int:
    """Seconds before a password may be tried again for `username`; 0 is now.

    Counts the failures for the user name from every address within the
    lock-out time, so guessing from many addresses gets slower and slower,
    while the person can still log in after a short wait.
    """
    now = timezone.now()
    recent = AccessAttempt.objects.filter(
        username=username, attempt_time__gte=now - settings.AXES_COOLOFF_TIME
    ).aggregate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
    wait = slowdown_seconds(
        recent["failures"] or 0,
        free=settings.AXES_FAILURE_LIMIT,
        longest=settings.LOGIN_MAX_WAIT_SECONDS,
    )
    if not wait:
        return 0
    last: datetime = recent["last"]
    remaining = last + timedelta(seconds=wait) - now
    return max(0, math.ceil(remaining.total_seconds()))


@dataclass(frozen=True)
class AuditFilters:
    action: str = ""
    user: str = ""
    date_from: date | None = None
    date_to: date | None = None


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_log(user: AnyUser, filters: AuditFilters, page: str) -> Page[AuditEvent]:
    events = access.audit_events_for(user).select_related("actor", "region")
    if filters.action:
        events = events.filter(action=filters.action)
    if filters.user:
        events = events.filter(actor_label__icontains=filters.user)
    if filters.date_from:
        events = events.filter(at__gte=_day_start(filters.date_from))
    if filters.date_to:
        events = events.filter(at__lt=_day_start(filters.date_to + timedelta(days=1)))
    return Paginator(events, 50).get_page(page)
