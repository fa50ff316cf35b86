"""Benchmark the regular-caller lookup and banner at national scale.

Run from the project root, on a throw-away PostgreSQL server:

    N=3500000 PROFILES=20000 AANDACHT_DEMO=1 scripts/with-postgres \\
        .venv/bin/python bench/bench_callers.py

It migrates the empty database, times ``seed_demo --contacts N`` (which runs
the callers demo too: its part is reported on its own), then adds PROFILES
caller profiles spread over the demo regions like the contacts (two thirds in
the largest), links half of the unlinked regular-caller reports to them with a
heavy tail (a few profiles with thousands of reports, most with a few dozen),
and gives the heaviest profiles a limit; all of it set-wise, in a handful of
statements. Then it logs in a new volunteer of the largest region and times,
in this process with Django's test client (server-side: no network):

- the lookup in the contact form, GET /callers/lookup/<region>/?q=..., with
  the first two or three letters of an alias, and with a word from the cues;
- the banner, GET /callers/banner/<region>/?profile=<id>, for the heaviest
  profiles (each with a limit), and for profiles of a typical size.

It prints a Markdown table with p50, p95 and max in milliseconds and the SQL
queries per request, the date, the machine, the database and the sizes, then
the query plans (EXPLAIN ANALYZE) of every measure over its target. With
``--try-sql "CREATE INDEX ..."`` (repeatable) it then runs those statements
by hand in the bench database and times the measures again: a way to test a
candidate index before it goes into a model's Meta.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# bench/ is the script's own folder.
from bench_contacts import Timing, database, measure, verified_client  # noqa: E402
from machine import machine  # noqa: E402

REGION = "zhzm"  # the demo region with the most contacts and profiles
PASSWORD = "bench-only-password-0123"  # noqa: S105  (throw-away benchmark users)
NATIONAL = 3_500_000
TARGET_MS = 50.0
LINKED_SHARE = 0.5  # of the regular-caller reports, the share with a profile
TAIL = 3  # profile index = floor(profiles * u**TAIL): a heavy tail
HEAVY = 20  # the heaviest profiles per region get a limit, and are timed
FIRST_ALIAS_WORDS = 2  # "de" + adjective: the lookup types the noun's start

# Bench profiles are written here from these fragments, never typed by a
# person, so `bulk_create` may skip the scrubber (`profile_create` would take
# hours for 20,000); `check_fragments` still runs every fragment through it.
ADJECTIVES = [
    "stille",
    "vrolijke",
    "oude",
    "jonge",
    "nachtelijke",
    "vroege",
    "zachte",
    "drukke",
    "trouwe",
    "verlegen",
    "zorgzame",
    "nieuwsgierige",
    "zingende",
    "rustige",
    "sombere",
    "opgewekte",
    "vergeetachtige",
    "plechtige",
    "haastige",
    "dromerige",
]
NOUNS = [
    "dichter",
    "tuinman",
    "duivenmelker",
    "wandelaar",
    "sterrenkijker",
    "bakker",
    "student",
    "mantelzorger",
    "schilder",
    "zeeman",
    "verzamelaar",
    "buurman",
    "pianist",
    "nachtwaker",
    "twijfelaar",
    "boer",
    "breister",
    "fietser",
    "kok",
    "lezer",
    "klusser",
    "schaker",
    "vogelaar",
    "kapper",
    "postbode",
    "danseres",
    "zangeres",
    "fotograaf",
    "puzzelaar",
    "filosoof",
    "verteller",
    "reiziger",
    "imker",
    "violist",
    "monteur",
    "schipper",
    "loodgieter",
    "kwekerster",
    "naaister",
    "hengelaar",
]
SUFFIXES = [
    "",
    " van de nacht",
    " van de ochtend",
    " met de hond",
    " uit de polder",
    " van het plein",
    " met de kat",
    " van de markt",
]
VOICES = [
    "zachte stem",
    "zware rokersstem",
    "hese stem",
    "hoge, snelle stem",
    "trillende stem",
    "vlakke stem met lange stiltes",
    "luide stem, begint vaak boos",
    "opgewekte stem met een zachte g",
    "fluistert bijna",
    "schrijft in de chat in korte zinnen",
]
TIMES = [
    "belt meestal na middernacht",
    "belt vroeg in de ochtend",
    "belt rond het middaguur",
    "belt op zondagmiddag",
    "belt na het avondeten",
    "belt laat op de avond",
    "belt midden in de nacht",
    "belt op wisselende tijden",
]
TOPICS = [
    "praat over de duiven",
    "vertelt over de volkstuin",
    "leest een eigen gedicht voor",
    "praat over vroeger op de werf",
    "vertelt over het boek van de week",
    "speelt soms piano aan de telefoon",
    "praat over de sterren en planeten",
    "piekert over geld",
    "is boos op de buren",
    "mist het werk",
    "praat over de kleinkinderen die ver weg wonen",
    "vertelt over het breiwerk",
    "praat over het weer en het land",
    "vertelt over een lange fietstocht",
    "praat over de zorg voor een zieke partner",
]
CUE_WORDS = [
    "duiven",
    "middernacht",
    "gedicht",
    "volkstuin",
    "piano",
    "sterren",
    "buren",
    "fietstocht",
    "rokersstem",
    "zondagmiddag",
]


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--contacts", type=int, default=int(os.environ.get("N", NATIONAL))
    )
    parser.add_argument(
        "--profiles", type=int, default=int(os.environ.get("PROFILES", 20_000))
    )
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument(
        "--plans",
        action="store_true",
        help="Print the query plans of every measure, not only those over target.",
    )
    parser.add_argument(
        "--try-sql",
        action="append",
        default=[],
        metavar="SQL",
        help="After timing, run this statement (a candidate index) and time again.",
    )
    return parser.parse_args()


def _set_up_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aandacht.settings")
    os.environ.setdefault("AANDACHT_DEMO", "1")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit(
            "bench_callers.py runs on PostgreSQL: start it with scripts/with-postgres."
        )
    import django
    from django.conf import settings

    django.setup()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def load(contacts: int) -> tuple[float, float]:
    """Migrate, then time `seed_demo --contacts N` and the callers demo within it."""
    from django.core.management import call_command

    from aandacht.callers import demo
    from aandacht.core.models import Organisation

    call_command("migrate", verbosity=0)
    if Organisation.objects.exists():
        sys.exit("The benchmark needs an empty database; this one has data.")
    seed = demo.seed
    spent: list[float] = []

    def timed(context: Any) -> None:
        started = time.perf_counter()
        seed(context)
        spent.append(time.perf_counter() - started)

    demo.seed = timed  # seed_demo looks the function up when it calls it
    try:
        started = time.perf_counter()
        call_command("seed_demo", contacts=contacts, verbosity=0)
        total = time.perf_counter() - started
    finally:
        demo.seed = seed
    return total, sum(spent)


def check_fragments() -> None:
    """Every text a bench profile is made of passes the scrubber unchanged."""
    from aandacht.privacy.scrub import scrub

    texts = [f"De {adjective} {noun}." for adjective in ADJECTIVES for noun in NOUNS]
    texts += [f"De dichter{suffix}." for suffix in SUFFIXES if suffix]
    texts += [f"{voice.capitalize()}, {when}." for voice in VOICES for when in TIMES]
    texts += [f"Hij {topic}." for topic in TOPICS]
    texts += _approaches() + _agreements()
    for text in texts:
        if scrub(text).findings:
            sys.exit(f"A bench profile text is not scrub-clean: {text!r}")


def _approaches() -> list[str]:
    from aandacht.callers.demo import PROFILES

    return [demo.approach for demos in PROFILES.values() for demo in demos]


def _agreements() -> list[str]:
    from aandacht.callers.demo import PROFILES

    return [
        demo.agreement
        for demos in PROFILES.values()
        for demo in demos
        if demo.agreement
    ]


def _region_shares() -> dict[int, float]:
    """Each region's share of the contacts."""
    from django.db.models import Count

    from aandacht.contacts.models import Contact
    from aandacht.core.models import Region

    counts = dict(
        Contact.objects.order_by()
        .values_list("region")
        .annotate(n=Count("pk"))
        .values_list("region", "n")
    )
    regions = list(Region.objects.values_list("pk", flat=True))
    total = sum(counts.values()) or 1
    return {pk: counts.get(pk, 0) / total or 1 / len(regions) for pk in regions}


def create_profiles(count: int, author: Any) -> dict[str, float]:
    """`count` profiles, half the regular-caller reports linked, limits on the heaviest.

    Set-wise: one bulk_create for the profiles, one UPDATE for the links, one
    for the last contacts, one bulk_create for the limits.
    """
    from django.db import connection, transaction
    from django.utils import timezone

    from aandacht.callers.models import CallerProfile, ContactLimit

    spent: dict[str, float] = {}
    shares = _region_shares()
    approaches, agreements = _approaches(), _agreements()
    now = timezone.now()
    today = timezone.localdate()
    started = time.perf_counter()
    profiles = []
    regions = sorted(shares)
    per_region = {pk: round(count * share) for pk, share in shares.items()}
    per_region[regions[0]] += count - sum(per_region.values())
    for region_id in regions:
        for number in range(per_region[region_id]):
            alias = _alias(number)
            voice = VOICES[(number * 7) % len(VOICES)]
            cues = (
                f"{voice.capitalize()}, {TIMES[(number * 3) % len(TIMES)]}, "
                f"{TOPICS[(number * 11) % len(TOPICS)]}."
            )
            profiles.append(
                CallerProfile(
                    region_id=region_id,
                    alias=alias,
                    cues=cues,
                    approach=approaches[number % len(approaches)],
                    agreement=agreements[number % len(agreements)],
                    review_on=today + datetime.timedelta(days=number % 120 - 20),
                    created_at=now,
                    updated_at=now,
                )
            )
    with transaction.atomic():
        first = CallerProfile.objects.bulk_create(profiles, batch_size=2000)[0].pk
    spent["profiles"] = time.perf_counter() - started
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(LINK_SQL, {"first": first, "share": LINKED_SHARE, "tail": TAIL})
        spent["linked"] = cursor.rowcount
        cursor.execute(LAST_CONTACT_SQL, {"first": first})
    spent["link"] = time.perf_counter() - started
    started = time.perf_counter()
    heavy = heaviest(first)
    ContactLimit.objects.bulk_create(
        ContactLimit(
            profile_id=pk,
            per_day=1 + number % 2,
            per_week=5 + 5 * (number % 2),
            valid_from=today - datetime.timedelta(days=365),
            reason="Belde vaak meerdere keren per dag; afgesproken met de begeleider.",
            words="We hebben vandaag al gesproken. Morgen bent u weer welkom.",
            set_by=author,
            created_at=now,
        )
        for number, pk in enumerate(pk for pks in heavy.values() for pk in pks)
    )
    with connection.cursor() as cursor:
        for table in (
            "contacts_contact",
            "callers_callerprofile",
            "callers_contactlimit",
        ):
            cursor.execute(f"VACUUM ANALYZE {table}")
    spent["limits"] = time.perf_counter() - started
    return spent


def _alias(number: int) -> str:
    """Adjective, noun, then a suffix: unique for the first 6,400 of a region."""
    adjective = ADJECTIVES[number % len(ADJECTIVES)]
    number //= len(ADJECTIVES)
    noun = NOUNS[number % len(NOUNS)]
    suffix = SUFFIXES[(number // len(NOUNS)) % len(SUFFIXES)]
    return f"de {adjective} {noun}{suffix}"


# Half of the unlinked regular-caller reports (by a hash of the id) go to a
# bench profile of their region: with u a second hash in [0, 1), profile
# number floor(n * u^TAIL) of the region's n, so the first few profiles get
# thousands of reports and the last ones a few dozen.
LINK_SQL = """
WITH profile AS (
    SELECT id, region_id,
           row_number() OVER (PARTITION BY region_id ORDER BY id) - 1 AS number,
           count(*) OVER (PARTITION BY region_id) AS total
    FROM callers_callerprofile
    WHERE id >= %(first)s
),
report AS (
    SELECT id, region_id,
           ((id * 2654435761) %% 1000003) / 1000003.0 AS u
    FROM contacts_contact
    WHERE regular_caller AND caller_profile_id IS NULL
      AND contact_type = 'conversation'
      AND ((id * 40503) %% 10007) < %(share)s * 10007
),
size AS (SELECT DISTINCT region_id, total FROM profile)
UPDATE contacts_contact AS c
SET caller_profile_id = profile.id
FROM report
JOIN size ON size.region_id = report.region_id
JOIN profile ON profile.region_id = report.region_id
    AND profile.number = floor(size.total * power(report.u, %(tail)s))::bigint
WHERE c.id = report.id
"""

LAST_CONTACT_SQL = """
UPDATE callers_callerprofile AS p
SET last_contact_at = last.started_at
FROM (
    SELECT caller_profile_id, max(started_at) AS started_at
    FROM contacts_contact
    WHERE caller_profile_id >= %(first)s
    GROUP BY caller_profile_id
) AS last
WHERE p.id = last.caller_profile_id
"""


def heaviest(first: int, per_region: int = HEAVY) -> dict[int, list[int]]:
    """The bench profiles of each region with the most reports, heaviest first."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT region_id, id FROM (
                SELECT p.region_id, p.id, row_number() OVER (
                    PARTITION BY p.region_id ORDER BY count(c.id) DESC, p.id
                ) AS rank
                FROM callers_callerprofile p
                JOIN contacts_contact c ON c.caller_profile_id = p.id
                WHERE p.id >= %s
                GROUP BY p.region_id, p.id
            ) AS ranked
            WHERE rank <= %s
            ORDER BY region_id, rank
            """,
            [first, per_region],
        )
        found: dict[int, list[int]] = {}
        for region_id, pk in cursor.fetchall():
            found.setdefault(region_id, []).append(pk)
    return found


def sizes() -> dict[str, Any]:
    """How many profiles, links and limits there are, and reports per profile."""
    from django.db.models import Count

    from aandacht.callers.models import CallerProfile, ContactLimit
    from aandacht.contacts.models import Contact
    from aandacht.core.models import Region

    region = Region.objects.get(code=REGION)
    counts = sorted(
        CallerProfile.objects.filter(region=region)
        .annotate(n=Count("contacts"))
        .values_list("n", flat=True)
    )
    return {
        "contacts": Contact.objects.count(),
        "profiles": CallerProfile.objects.count(),
        "region_profiles": len(counts),
        "linked": Contact.objects.filter(caller_profile__isnull=False).count(),
        "limits": ContactLimit.objects.count(),
        "median": counts[len(counts) // 2] if counts else 0,
        "max": counts[-1] if counts else 0,
    }


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


def _urls(region_code: str) -> dict[str, tuple[str, list[str]]]:
    """Per measure: its name and the URLs its requests cycle through."""
    from django.db.models import Count

    from aandacht.callers.models import CallerProfile
    from aandacht.core.models import Region

    region = Region.objects.get(code=region_code)
    lookup = f"/callers/lookup/{region_code}/?q="
    banner = f"/callers/banner/{region_code}/?profile="
    prefixes = [noun[:length] for noun in NOUNS for length in (2, 3)]
    profiles = CallerProfile.objects.active().filter(region=region)
    limited = (
        profiles.filter(limits__isnull=False)
        .annotate(n=Count("contacts"))
        .order_by("-n")
        .values_list("pk", flat=True)[:HEAVY]
    )
    ordered = list(
        profiles.annotate(n=Count("contacts"))
        .order_by("n", "pk")
        .values_list("pk", flat=True)
    )
    middle = len(ordered) // 2
    typical = ordered[max(0, middle - 25) : middle + 25]
    return {
        "alias": (
            "Lookup, 2–3 letters of an alias (GET /callers/lookup/…?q=)",
            [lookup + prefix for prefix in prefixes],
        ),
        "cue": (
            "Lookup, a word from the cues (GET /callers/lookup/…?q=)",
            [lookup + word for word in CUE_WORDS],
        ),
        "heavy": (
            f"Banner, the {HEAVY} heaviest profiles, each with a limit "
            "(GET /callers/banner/…?profile=)",
            [banner + str(pk) for pk in limited],
        ),
        "typical": (
            "Banner, profiles of median size (GET /callers/banner/…?profile=)",
            [banner + str(pk) for pk in typical],
        ),
    }


def run_requests(
    client: Any, urls: dict[str, tuple[str, list[str]]], requests: int, warmup: int
) -> list[Timing]:
    timings = []
    for name, cycle in urls.values():
        request = _getter(client, itertools.cycle(cycle))
        timings.append(
            measure(name, TARGET_MS, request, requests=requests, warmup=warmup)
        )
    return timings


def _getter(client: Any, urls: Iterator[str]) -> Callable[[], None]:
    def get() -> None:
        url = next(urls)
        response = client.get(url)
        if response.status_code != 200:
            sys.exit(f"{url} answered {response.status_code}")

    return get


def explain(client: Any, url: str) -> str:
    """The plans of a request's queries on contacts and profiles, as sent."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    parts = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            sql = query["sql"]
            if "contacts_contact" not in sql and "callers_" not in sql:
                continue
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            plan = "\n".join(" ".join(str(cell) for cell in row) for row in cursor)
            parts.append(f"{sql}\n\n{plan}")
    return "\n\n".join(parts)


def table(
    timings: list[Timing],
    *,
    facts: dict[str, Any],
    loads: list[tuple[str, str]],
    requests: int,
    warmup: int,
) -> str:
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    lines = [
        f"Date: {today}  ",
        f"Machine: {machine()}  ",
        f"Database: {database()}  ",
        f"Contacts: {facts['contacts']:,}; profiles: {facts['profiles']:,} "
        f"({facts['region_profiles']:,} in {REGION}), {facts['limits']:,} limits; "
        f"{facts['linked']:,} contacts linked to a profile (in {REGION}: median "
        f"{facts['median']:,} a profile, most {facts['max']:,}); {requests} timed "
        f"requests after {warmup} warm-up requests each",
        "",
        "| Measure | Target | p50 ms | p95 ms | max ms | first ms (warm-up) "
        "| SQL queries |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, value in loads:
        lines.append(f"| {name} | | {value} | | | | |")
    for timing in timings:
        p95 = timing.percentile(0.95)
        verdict = "met" if p95 <= (timing.target_ms or 0) else "MISSED"
        first = "" if timing.first_ms is None else f"{timing.first_ms:.1f}"
        lines.append(
            f"| {timing.name} | p95 ≤ {timing.target_ms:.0f} ms ({verdict}) "
            f"| {statistics.median(timing.samples_ms):.1f} | {p95:.1f} "
            f"| {max(timing.samples_ms):.1f} | {first} | {timing.queries} |"
        )
    return "\n".join(lines)


def _seconds(value: float) -> str:
    return f"{value:.0f} s ({value / 60:.1f} min)" if value >= 60 else f"{value:.1f} s"


def main() -> None:
    arguments = _arguments()
    _set_up_django()
    from django.db import connection

    from aandacht.core.models import Region
    from aandacht.core.roles import Role

    print(f"Loading {arguments.contacts:,} contacts into {database()} ...", flush=True)
    total, callers_demo = load(arguments.contacts)
    check_fragments()
    region = Region.objects.get(code=REGION)
    supervisor = _person("bench-supervisor", Role.SUPERVISOR, region)
    volunteer = _person("bench-volunteer", Role.VOLUNTEER, region)
    print(
        f"Loaded in {total:.0f} s; adding {arguments.profiles:,} profiles ...",
        flush=True,
    )
    spent = create_profiles(arguments.profiles, supervisor)
    loads = [
        (f"Load: seed_demo --contacts {arguments.contacts}", _seconds(total)),
        (
            "… of which the callers demo (24 profiles, links, events)",
            _seconds(callers_demo),
        ),
        (
            f"Bench: bulk_create {arguments.profiles:,} profiles",
            _seconds(spent["profiles"]),
        ),
        (
            f"Bench: link {int(spent['linked']):,} contacts, one UPDATE; last contact",
            _seconds(spent["link"]),
        ),
        ("Bench: limits on the heaviest, VACUUM ANALYZE", _seconds(spent["limits"])),
    ]
    print("Timing requests ...", flush=True)
    client = verified_client(volunteer)
    urls = _urls(REGION)
    timings = run_requests(client, urls, arguments.requests, arguments.warmup)
    facts = sizes()
    print()
    print(
        table(
            timings,
            facts=facts,
            loads=loads,
            requests=arguments.requests,
            warmup=arguments.warmup,
        )
    )
    for timing, (_name, cycle) in zip(timings, urls.values(), strict=True):
        over = timing.percentile(0.95) > TARGET_MS
        if over or arguments.plans:
            print()
            why = "over its target" if over else "within its target"
            print(f"Plans of {timing.name}, {why} ({cycle[0]}):")
            print()
            print(explain(client, cycle[0]))
    if arguments.try_sql:
        with connection.cursor() as cursor:
            for sql in arguments.try_sql:
                started = time.perf_counter()
                cursor.execute(sql)
                print(f"\nRan in {time.perf_counter() - started:.1f} s: {sql}")
            cursor.execute("ANALYZE")
        again = run_requests(client, urls, arguments.requests, arguments.warmup)
        print()
        print("After: " + "; ".join(arguments.try_sql))
        print()
        print(
            table(
                again,
                facts=facts,
                loads=[],
                requests=arguments.requests,
                warmup=arguments.warmup,
            )
        )
        for _name, cycle in urls.values():
            print()
            print(f"Plans after, {cycle[0]}:")
            print()
            print(explain(client, cycle[0]))


if __name__ == "__main__":
    main()
