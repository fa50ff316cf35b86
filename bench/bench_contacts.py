"""Benchmark contact reports at national scale (#3).

Run from the project root, on a throw-away PostgreSQL server:

    AANDACHT_DEMO=1 scripts/with-postgres .venv/bin/python \\
        bench/bench_contacts.py --contacts 3500000

or on SQLite with a smaller N (without DATABASE_URL it uses a fresh
``var/bench-contacts.db``, removed first):

    AANDACHT_DEMO=1 .venv/bin/python bench/bench_contacts.py --contacts 200000

It migrates an empty database, times ``seed_demo --contacts N``, then logs in
a new volunteer and a new supervisor (with a verified second factor) in the
demo's largest region and times, in this process with Django's test client
(server-side: no network, no browser):

- saving a typical report: POST /contacts/new/<draft>/, a fresh draft each
  time, the scrubber included (warmed up once first);
- the review queue for the supervisor: GET /review/;
- the home page for the volunteer, and for the supervisor: GET /;
- the review queue for the same supervisor with each filter on its own
  (unread, channel chat and mail, loneliness out of and about, crisis, one
  volunteer, a one-month and a one-year period) and one combination.

The warm-up requests are not in p50, p95 and max; the first of them, the
only one on a cold cache, is reported on its own.

It prints a Markdown table with p50, p95 and max in milliseconds and the SQL
queries per request, with the date, the machine, the database and N, and
the query plans of the review queue at the end, and of every filtered
queue whose p95 is over its target.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from machine import machine  # noqa: E402  (bench/ is the script's own folder)

SQLITE_PATH = ROOT / "var" / "bench-contacts.db"
REGION = "zhzm"  # the demo region with the most contacts
PASSWORD = "bench-only-password-0123"  # noqa: S105  (throw-away benchmark users)
NATIONAL = 3_500_000  # ten years of a national organisation
TARGET_LOAD_SECONDS = 15 * 60
TARGET_SAVE_MS = 50.0
TARGET_PAGE_MS = 100.0


@dataclass(frozen=True)
class Timing:
    name: str
    target_ms: float | None
    samples_ms: list[float]
    queries: int
    first_ms: float | None = None  # the first warm-up request, on a cold cache

    def percentile(self, share: float) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=NATIONAL)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument(
        "--no-load",
        action="store_true",
        help="Time the requests on a database that an earlier run loaded.",
    )
    return parser.parse_args()


def _set_up_django() -> None:
    """Settings for a benchmark run: demo mode and a fresh SQLite file by default."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aandacht.settings")
    os.environ.setdefault("AANDACHT_DEMO", "1")
    if not os.environ.get("DATABASE_URL"):
        SQLITE_PATH.parent.mkdir(exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{SQLITE_PATH}"
    import django
    from django.conf import settings

    django.setup()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def database() -> str:
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            (version,) = cursor.fetchone()
        return f"PostgreSQL {version.split()[0]}"
    if connection.vendor == "sqlite":
        import sqlite3

        return f"SQLite {sqlite3.sqlite_version}"
    return connection.vendor


def load(contacts: int) -> float:
    """Migrate the empty database and time `seed_demo --contacts N`."""
    from django.core.management import call_command

    from aandacht.core.models import Organisation

    call_command("migrate", verbosity=0)
    if Organisation.objects.exists():
        sys.exit("The benchmark needs an empty database; this one has data.")
    started = time.perf_counter()
    call_command("seed_demo", contacts=contacts, verbosity=0)
    return time.perf_counter() - started


def _people() -> tuple[Any, Any, Any]:
    from aandacht.core.models import Region
    from aandacht.core.roles import Role

    region = Region.objects.get(code=REGION)
    volunteer = _person("bench-volunteer", Role.VOLUNTEER, region)
    supervisor = _person("bench-supervisor", Role.SUPERVISOR, region)
    return region, volunteer, supervisor


def _person(username: str, role: str, region: Any) -> Any:
    from aandacht.core import services
    from aandacht.core.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
        user = services.user_create(
            username=username, password=PASSWORD, first_name="Bench"
        )
    services.role_grant(user=user, role=role, region=region)
    return user


def verified_client(user: Any) -> Any:
    """A logged-in client, with the second factor given where it is owed."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from aandacht.core.access import requires_two_factor

    client = Client()
    client.force_login(user)
    if requires_two_factor(user):
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, name="bench", defaults={"confirmed": True}
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def typical_report() -> dict[str, object]:
    """Phone, out of loneliness, two topics, three sentences of summary."""
    from django.utils import timezone

    from aandacht.contacts.models import Topic

    def minute(offset: int) -> str:
        moment = timezone.localtime() + datetime.timedelta(minutes=offset)
        return moment.strftime("%Y-%m-%dT%H:%M")

    topics = Topic.objects.filter(
        topic_list__is_current=True, code__in=["loneliness", "grief"]
    )
    return {
        "channel": "phone",
        "line_language": "nl",
        "started_at": minute(-25),
        "ended_at": minute(-4),
        "gender": "female",
        "age_band": "80+",
        "living_situation": "alone",
        "transfer": "none",
        "topics": [topic.pk for topic in topics],
        "loneliness": "out_of",
        "loneliness_kind": "emotional",
        "sought": ["heard"],
        "actions": ["listened"],
        "phases": ["opening", "exploration", "closing"],
        "summary": (
            "Mevrouw belt omdat ze niemand anders heeft om mee te praten. Haar "
            "man is vorig jaar overleden en de kinderen wonen ver weg. Ze wil "
            "vooral gehoord worden en klinkt aan het eind rustiger."
        ),
    }


def measure(
    name: str,
    target_ms: float | None,
    request: Callable[[], Any],
    prepare: Callable[[], None] = lambda: None,
    *,
    requests: int,
    warmup: int,
) -> Timing:
    """Time `request` (not `prepare`) and count its SQL queries once.

    The warm-up requests are left out of the samples; the first is kept apart.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first_ms = None
    for number in range(warmup):
        prepare()
        started = time.perf_counter()
        request()
        if number == 0:
            first_ms = (time.perf_counter() - started) * 1000
    prepare()
    with CaptureQueriesContext(connection) as captured:
        request()
    queries = len(captured.captured_queries)
    samples = []
    for _ in range(requests):
        prepare()
        started = time.perf_counter()
        request()
        samples.append((time.perf_counter() - started) * 1000)
    return Timing(name, target_ms, samples, queries, first_ms)


def _expect(status: int) -> Callable[[Any], Any]:
    def check(response: Any) -> Any:
        if response.status_code != status:
            sys.exit(f"{response.request['PATH_INFO']} answered {response.status_code}")
        return response

    return check


def review_filters() -> list[tuple[str, str]]:
    """The review queue's filters, each on its own, and one combination.

    The periods are whole calendar months and years before this one, so they
    lie inside the loaded contacts (ten years at N = 3.5 million) but not at
    the newest end of the queue's order.
    """
    from django.utils import timezone

    today = timezone.localdate()
    month_start = today.replace(year=today.year - 1, day=1)
    month_end = (month_start + datetime.timedelta(days=31)).replace(day=1)
    month_end -= datetime.timedelta(days=1)
    last_year = today.year - 1
    month = f"date_from={month_start}&date_to={month_end}"
    year = f"date_from={last_year}-01-01&date_to={last_year}-12-31"
    return [
        ("only unread", "unread=on"),
        ("only chat", "channel=chat"),
        ("only mail", "channel=mail"),
        ("out of loneliness", "loneliness=out_of"),
        ("about loneliness", "loneliness=about"),
        ("only crisis", "crisis=on"),
        ("one volunteer", "volunteer=vrijwilliger-zhzm-1"),
        (f"one month ({month_start:%Y-%m})", month),
        (f"one year ({last_year})", year),
        (
            f"chat, out of loneliness, {last_year}",
            f"channel=chat&loneliness=out_of&{year}",
        ),
    ]


def run_requests(
    requests: int, warmup: int
) -> tuple[list[Timing], Any, dict[str, str]]:
    from django.urls import reverse

    from aandacht.contacts import services

    region, volunteer, supervisor = _people()
    services.scrub_text("Warm de scrubber op: Jan belde met 06-12345678.")
    as_volunteer = verified_client(volunteer)
    as_supervisor = verified_client(supervisor)
    report = typical_report()
    drafts: list[Any] = []
    redirected, ok = _expect(302), _expect(200)

    def new_draft() -> None:
        drafts.append(services.draft_start(volunteer=volunteer, region=region))

    def save() -> None:
        url = reverse("contact_draft", args=[drafts[-1].key])
        redirected(as_volunteer.post(url, report))

    timings = [
        measure(
            "Save a typical report (POST /contacts/new/<draft>/)",
            TARGET_SAVE_MS,
            save,
            new_draft,
            requests=requests,
            warmup=warmup,
        )
    ]
    _give_feedback(supervisor, volunteer)
    queue, home = reverse("review_queue"), reverse("home")
    pages = [
        (
            "Review queue, supervisor (GET /review/)",
            TARGET_PAGE_MS,
            as_supervisor,
            queue,
        ),
        ("Home page, volunteer (GET /)", TARGET_PAGE_MS, as_volunteer, home),
        ("Home page, supervisor (GET /)", None, as_supervisor, home),
    ]
    filtered = {
        f"Review queue, {label} (?{query})": f"{queue}?{query}"
        for label, query in review_filters()
    }
    for name, url in filtered.items():
        pages.append((name, TARGET_PAGE_MS, as_supervisor, url))
    for name, target, client, url in pages:
        get = functools.partial(_get, client, url, ok)
        timings.append(measure(name, target, get, requests=requests, warmup=warmup))
    return timings, as_supervisor, filtered


def _get(client: Any, url: str, check: Callable[[Any], Any]) -> None:
    check(client.get(url))


def _give_feedback(supervisor: Any, volunteer: Any) -> None:
    """Feedback on some of the volunteer's new reports, unseen, for their home page."""
    from aandacht.contacts import services
    from aandacht.contacts.models import Contact

    for contact in Contact.objects.filter(volunteer=volunteer)[:10]:
        services.feedback_give(
            supervisor=supervisor, contact=contact, text="Mooi hoe je luisterde."
        )


def explain_queue(client: Any, url: str | None = None) -> str:
    """The plans of the review queue's queries on contacts, as the view sends them."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    with CaptureQueriesContext(connection) as captured:
        client.get(url or reverse("review_queue"))
    prefix = "EXPLAIN QUERY PLAN"
    if connection.vendor == "postgresql":
        prefix = "EXPLAIN (ANALYZE, BUFFERS)"
    parts = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            if "contacts_contact" not in query["sql"]:
                continue
            cursor.execute(f"{prefix} {query['sql']}")
            plan = "\n".join(" ".join(str(cell) for cell in row) for row in cursor)
            parts.append(f"{query['sql']}\n\n{plan}")
    return "\n\n".join(parts)


def table(
    timings: list[Timing],
    *,
    contacts: int,
    seconds: float | None,
    requests: int,
    warmup: int,
) -> str:
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    lines = [
        f"Date: {today}  ",
        f"Machine: {machine()}  ",
        f"Database: {database()}  ",
        f"Contacts: {contacts:,} in the database before timing; "
        f"{requests} timed requests after {warmup} warm-up requests each",
        "",
        "| Measure | Target | p50 ms | p95 ms | max ms | first ms (warm-up) "
        "| SQL queries |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    if seconds is not None:
        verdict = "met" if seconds <= TARGET_LOAD_SECONDS else "MISSED"
        if contacts < NATIONAL or not database().startswith("PostgreSQL"):
            verdict = "set for 3.5 million on PostgreSQL"
        lines.append(
            f"| Load: seed_demo --contacts {contacts} | ≤ 15 min ({verdict}) "
            f"| {seconds:.0f} s ({seconds / 60:.1f} min) | | | | |"
        )
    for timing in timings:
        p95 = timing.percentile(0.95)
        if timing.target_ms is None:
            target = "(none)"
        else:
            verdict = "met" if p95 <= timing.target_ms else "MISSED"
            target = f"p95 ≤ {timing.target_ms:.0f} ms ({verdict})"
        first = "" if timing.first_ms is None else f"{timing.first_ms:.1f}"
        lines.append(
            f"| {timing.name} | {target} | {statistics.median(timing.samples_ms):.1f} "
            f"| {p95:.1f} | {max(timing.samples_ms):.1f} | {first} "
            f"| {timing.queries} |"
        )
    return "\n".join(lines)


def _contact_count() -> int:
    from aandacht.contacts.models import Contact

    return Contact.objects.count()


def main() -> None:
    arguments = _arguments()
    _set_up_django()
    seconds = None
    if not arguments.no_load:
        print(
            f"Loading {arguments.contacts:,} contacts into {database()} ...", flush=True
        )
        seconds = load(arguments.contacts)
        print(f"Loaded in {seconds:.1f} s; timing requests ...", flush=True)
    contacts = _contact_count()
    timings, supervisor_client, filtered = run_requests(
        arguments.requests, arguments.warmup
    )
    print()
    print(
        table(
            timings,
            contacts=contacts,
            seconds=seconds,
            requests=arguments.requests,
            warmup=arguments.warmup,
        )
    )
    print()
    print("Plans of the review queue's queries on contacts:")
    print()
    print(explain_queue(supervisor_client))
    for timing in timings:
        url = filtered.get(timing.name)
        if url is None or timing.target_ms is None:
            continue
        if timing.percentile(0.95) > timing.target_ms:
            print()
            print(f"Plans of {timing.name}, over its target:")
            print()
            print(explain_queue(supervisor_client, url))


if __name__ == "__main__":
    main()
