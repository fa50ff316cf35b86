"""Demo data for contact reports: municipalities, volunteers and synthetic contacts."""

from __future__ import annotations

from datetime import timedelta
from itertools import islice

from django.db import connection
from django.utils import timezone

from aandacht.contacts import services
from aandacht.contacts.models import Contact
from aandacht.contacts.synthetic import generate
from aandacht.core import services as core_services
from aandacht.core.demo import DEMO_PASSWORD, DemoContext
from aandacht.core.models import User
from aandacht.core.roles import Role

DESCRIPTION = (
    "contact reports: lists, municipalities, volunteers and synthetic contacts"
)

MUNICIPALITIES = {
    "zhzm": [
        ("GM0505", "Dordrecht"),
        ("GM0642", "Zwijndrecht"),
        ("GM0590", "Papendrecht"),
        ("GM0610", "Sliedrecht"),
        ("GM0482", "Alblasserdam"),
        ("GM0531", "Hendrik-Ido-Ambacht"),
        ("GM0512", "Gorinchem"),
        ("GM1978", "Molenlanden"),
        ("GM0513", "Gouda"),
    ],
    "utrecht": [
        ("GM0344", "Utrecht"),
        ("GM0307", "Amersfoort"),
        ("GM0402", "Hilversum"),
        ("GM1942", "Gooise Meren"),
    ],
    "noord": [("GM0014", "Groningen"), ("GM0080", "Leeuwarden"), ("GM0106", "Assen")],
}
VOLUNTEERS_PER_REGION = 6
# Contacts per transaction: large enough that a national load of millions is
# quick, small enough to keep the memory of one batch modest.
BATCH = 50_000
# A small load still reports its progress about this many times.
PROGRESS_STEPS = 10


def _volunteers(context: DemoContext) -> dict[str, list[User]]:
    """A few extra demo volunteers per region, so reports come from several people."""
    team: dict[str, list[User]] = {}
    for code, region in context.regions.items():
        members = []
        for number in range(1, VOLUNTEERS_PER_REGION + 1):
            username = f"vrijwilliger-{code}-{number}"
            user = User.objects.filter(username=username).first()
            if user is None:
                user = core_services.user_create(
                    username=username,
                    password=DEMO_PASSWORD,
                    first_name="Vrijwilliger",
                    last_name=f"{number} ({region.name})",
                    is_demo=True,
                )
            core_services.role_grant(user=user, role=Role.VOLUNTEER, region=region)
            members.append(user)
        team[code] = members
    team["zhzm"].append(context.users["vrijwilliger"])
    return team


def seed(context: DemoContext) -> None:
    services.lists_install_defaults()
    for code, municipalities in MUNICIPALITIES.items():
        services.municipalities_add(region=context.regions[code], rows=municipalities)
    team = _volunteers(context)
    codes = list(context.regions)
    days = max(30, min(3650, context.contacts // 60))
    # Local time, so the hours of the day (the evening peak) are Dutch hours.
    end = timezone.localtime() - timedelta(hours=1)
    contacts = generate(context.contacts, end=end, days=days)
    index = 0
    batch = min(BATCH, max(1, context.contacts // PROGRESS_STEPS))
    while chunk := list(islice(contacts, batch)):
        rows = []
        for synthetic in chunk:
            code = codes[index % len(codes)] if index % 2 else "zhzm"
            volunteers = team[code]
            rows.append(
                (context.regions[code], volunteers[index % len(volunteers)], synthetic)
            )
            index += 1
        services.contacts_bulk_create(rows=rows)
        context.progress(index, context.contacts, "synthetic contact reports")
    if context.contacts:
        _analyze()


def _analyze() -> None:
    """Fresh statistics after a bulk load, as PostgreSQL's autovacuum would make.

    Without them the first queries on the new rows are planned blind: SQLite
    then sorts a region's reports for the review queue instead of reading
    them in the order of its index. PostgreSQL's VACUUM also sets the
    visibility map that index-only scans need, but cannot run in a
    transaction (a test's, say), where ANALYZE alone does.
    """
    tables = (Contact._meta.db_table, Contact.topics.through._meta.db_table)
    command = "ANALYZE"
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        command = "VACUUM ANALYZE"
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"{command} {connection.ops.quote_name(table)}")
