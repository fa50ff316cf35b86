"""The demo organisation: regions and one user per role.

`manage.py seed_demo` calls `seed` here first and then the `seed(context)`
function of every other Aandacht app that has a `demo` module, in the order of
INSTALLED_APPS, so later apps add their own demo data (contacts, a social
map, profiles, availability) to the same organisation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction

from aandacht.core import services
from aandacht.core.models import Organisation, Region, User
from aandacht.core.roles import Role

DESCRIPTION = "the demo organisation, its three regions and a user per role"

DEMO_PASSWORD = "aandacht-demo"  # noqa: S105  (printed by `make run`; demo only)

REGIONS = [
    ("zhzm", "Zuid-Holland Zuid Midden"),
    ("utrecht", "Utrecht en 't Gooi"),
    ("noord", "Noord-Nederland"),
]


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str
    region_code: str | None  # None: a national role


DEMO_USERS = [
    DemoUser("vrijwilliger", "Sanne", "de Vries", Role.VOLUNTEER, "zhzm"),
    DemoUser("begeleider", "Ahmed", "Benali", Role.SUPERVISOR, "zhzm"),
    DemoUser("vraagwijzer", "Ingrid", "Bakker", Role.VRAAGWIJZER, "zhzm"),
    DemoUser("coordinator", "Pieter", "Jansen", Role.COORDINATOR, "zhzm"),
    DemoUser("landelijk", "Marloes", "Visser", Role.COORDINATOR, None),
    DemoUser("partner", "Gemeente", "Dordrecht", Role.PARTNER, "zhzm"),
    DemoUser("beheerder", "Kees", "Smit", Role.ADMIN, "zhzm"),
]


@dataclass(frozen=True)
class DemoContext:
    """What later apps' demo seeders build on."""

    organisation: Organisation
    regions: dict[str, Region]
    users: dict[str, User]
    contacts: int
    # Told (done, total, what) as a long step goes, for the one who waits.
    progress: Callable[[int, int, str], None] = field(default=lambda *_: None)


@transaction.atomic
def seed(
    *, contacts: int, progress: Callable[[int, int, str], None] | None = None
) -> DemoContext:
    organisation = services.organisation_create(name="De Luisterlijn (demo)")
    regions = {
        code: services.region_create(organisation=organisation, code=code, name=name)
        for code, name in REGIONS
    }
    users = {demo.username: _demo_user(demo, regions) for demo in DEMO_USERS}
    if progress is None:
        return DemoContext(organisation, regions, users, contacts)
    return DemoContext(organisation, regions, users, contacts, progress)


def _demo_user(demo: DemoUser, regions: dict[str, Region]) -> User:
    user = User.objects.filter(username=demo.username).first()
    if user is None:
        user = services.user_create(
            username=demo.username,
            password=DEMO_PASSWORD,
            first_name=demo.first_name,
            last_name=demo.last_name,
            is_demo=True,
        )
    region = regions[demo.region_code] if demo.region_code else None
    services.role_grant(user=user, role=demo.role, region=region)
    return user


def demo_usernames() -> set[str]:
    return set(User.objects.filter(is_demo=True).values_list("username", flat=True))


def demo_logins() -> list[tuple[str, str, str]]:
    """(user name, password, role and region) for every demo user in the database."""
    present = demo_usernames()
    rows = []
    for demo in DEMO_USERS:
        if demo.username in present:
            where = dict(REGIONS).get(demo.region_code or "", "landelijk / national")
            rows.append((demo.username, DEMO_PASSWORD, f"{demo.role} · {where}"))
    return rows
