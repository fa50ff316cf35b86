"""Benchmark the social map's search with 50,000 generated services (#5).

Run from the project root; ``make bench-search`` runs it on both databases:

    AANDACHT_DEMO=1 .venv/bin/python bench/bench_search.py          # SQLite
    AANDACHT_DEMO=1 scripts/with-postgres .venv/bin/python bench/bench_search.py

Without DATABASE_URL it uses a fresh ``var/bench-search.db`` (removed
first). It migrates the empty database (so the starting synonym list and,
on PostgreSQL, pg_trgm with its GIN index are there), generates SERVICES
services (default 50,000) spread over 12 regions with six towns each and a
few national ones, written in Dutch from word lists: names such as
"Mantelzorgsteunpunt Helmond" or "Praatgroep rouw De Linde", two or three
sentences of description, who it is for, one or two taxonomy terms, service
areas and the town of a location. Then it times ``reindex_all()`` and, in
this process, ``search_services`` the way the contact form's panel calls it
(the candidates are the region's active services and the national ones,
limit 8) and the way the API calls it without filters (limit 20):

- the team's test queries (``search_directory.QUERIES``: typos, inflections,
  synonyms, compound parts, towns);
- one frequent word (a topic such as "eenzaamheid" or "schulden");
- a topic and a town ("mantelzorg helmond");
- a typo of a topic ("eenzaamhied", "mantelzrog").

It prints a Markdown table with p50, p95 and max in milliseconds and the SQL
queries per search, with the date, the machine, the database and the sizes.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import os
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# bench/ is the script's own folder.
from bench_contacts import Timing, database, measure  # noqa: E402
from machine import machine  # noqa: E402

SQLITE_PATH = ROOT / "var" / "bench-search.db"
SERVICES = 50_000
TARGET_MS = 30.0
NATIONAL_SHARE = 0.03
SEED = 5

REGIONS: dict[str, tuple[str, ...]] = {
    "Groningen": ("Groningen", "Haren", "Delfzijl", "Veendam", "Stadskanaal", "Winsum"),
    "Friesland": (
        "Leeuwarden",
        "Sneek",
        "Heerenveen",
        "Drachten",
        "Harlingen",
        "Joure",
    ),
    "Drenthe": ("Assen", "Emmen", "Hoogeveen", "Meppel", "Coevorden", "Beilen"),
    "Overijssel": ("Zwolle", "Deventer", "Enschede", "Hengelo", "Almelo", "Kampen"),
    "Gelderland": ("Arnhem", "Nijmegen", "Apeldoorn", "Ede", "Zutphen", "Doetinchem"),
    "Utrecht": ("Utrecht", "Amersfoort", "Zeist", "Nieuwegein", "Veenendaal", "Houten"),
    "Noord-Holland": (
        "Haarlem",
        "Alkmaar",
        "Hoorn",
        "Zaandam",
        "Hilversum",
        "Den Helder",
    ),
    "Amsterdam": (
        "Amsterdam",
        "Amstelveen",
        "Diemen",
        "Purmerend",
        "Weesp",
        "Landsmeer",
    ),
    "Zuid-Holland": ("Leiden", "Delft", "Gouda", "Zoetermeer", "Dordrecht", "Schiedam"),
    "Zeeland": ("Middelburg", "Vlissingen", "Goes", "Terneuzen", "Zierikzee", "Hulst"),
    "Brabant": ("Eindhoven", "Tilburg", "Helmond", "Breda", "Veldhoven", "Oss"),
    "Limburg": ("Maastricht", "Heerlen", "Venlo", "Roermond", "Sittard", "Weert"),
}

# (word in sentences, prefix in compound names, taxonomy term)
TOPICS: tuple[tuple[str, str, str], ...] = (
    ("eenzaamheid", "Eenzaamheids", "Eenzaamheid"),
    ("mantelzorg", "Mantelzorg", "Mantelzorg"),
    ("rouw en verlies", "Rouw", "Rouw en verlies"),
    ("schulden", "Schuldhulp", "Schulden en geld"),
    ("geldzorgen", "Geld", "Schulden en geld"),
    ("psychische klachten", "Ggz-", "Geestelijke gezondheidszorg"),
    ("depressie", "Depressie", "Geestelijke gezondheidszorg"),
    ("angst en paniek", "Angst", "Geestelijke gezondheidszorg"),
    ("verslaving", "Verslavings", "Verslaving"),
    ("huiselijk geweld", "Veilig thuis ", "Huiselijk geweld"),
    ("opvoeding", "Opvoed", "Jeugd en gezin"),
    ("scheiding", "Scheidings", "Jeugd en gezin"),
    ("taal en inburgering", "Taal", "Taal en inburgering"),
    ("formulieren en post", "Formulieren", "Praktische hulp"),
    ("dementie", "Dementie", "Ouderen"),
    ("ouderdom", "Senioren", "Ouderen"),
    ("werkloosheid", "Werk", "Werk en inkomen"),
    ("dakloosheid", "Opvang", "Wonen"),
    ("wonen", "Woon", "Wonen"),
    ("gezondheid", "Gezondheids", "Gezondheid"),
    ("zingeving", "Zingevings", "Zingeving"),
    ("pesten", "Anti-pest", "Jeugd en gezin"),
    ("chronische ziekte", "Lotgenoten", "Lotgenotencontact"),
    ("kanker", "Inloop", "Lotgenotencontact"),
    ("suïcidale gedachten", "Levens", "Crisisdienst"),
    ("crisis", "Crisis", "Crisisdienst"),
    ("voedsel", "Voedsel", "Voedsel"),
    ("vrijwilligerswerk", "Vrijwilligers", "Vrijwilligerswerk"),
    ("ontmoeting", "Ontmoetings", "Ontmoeting"),
    ("administratie", "Administratie", "Praktische hulp"),
)
KINDS = (
    "steunpunt",
    "spreekuur",
    "praatgroep",
    "loket",
    "lijn",
    "inloop",
    "café",
    "huis",
    "centrum",
    "team",
    "dienst",
    "project",
    "cirkel",
    "punt",
    "werkplaats",
)
KIND_WORDS = (
    "Buurtcentrum",
    "Wijkteam",
    "Inloophuis",
    "Servicepunt",
    "Buddyproject",
    "Praatgroep",
    "Spreekuur",
    "Ontmoetingsplek",
    "Huiskamer",
    "Vraagpunt",
)
PLACE_NAMES = (
    "De Linde",
    "Het Anker",
    "De Brug",
    "De Poort",
    "Het Baken",
    "De Horizon",
    "De Schakel",
    "Het Kompas",
    "De Vonk",
    "De Eik",
    "Het Trefpunt",
    "De Kroon",
    "De Zonnebloem",
    "Het Lichtpunt",
    "De Waaier",
    "De Bron",
)
ORGANISATIONS = (
    "Stichting Welzijn",
    "Stichting Samen",
    "Gemeente",
    "Vereniging Zorgzaam",
    "Stichting Sociaal Werk",
    "Diaconie",
    "Stichting Humane Hulp",
    "Coöperatie Zorg Dichtbij",
    "Stichting Buurtkracht",
    "Stichting Veerkracht",
)
ACTIVITIES = (
    "Gesprekken met een getrainde vrijwilliger",
    "Advies en praktische hulp",
    "Groepsbijeenkomsten met lotgenoten",
    "Een luisterend oor aan de telefoon",
    "Begeleiding door een sociaal werker",
    "Cursussen en trainingen",
    "Huisbezoek door een vaste vrijwilliger",
    "Een inloop met koffie en thee",
    "Informatie en doorverwijzing",
    "Kortdurende hulp door een professional",
    "Wandelingen en activiteiten",
    "Chatgesprekken",
)
AUDIENCES = (
    "volwassenen",
    "ouderen",
    "jongeren",
    "mantelzorgers",
    "nabestaanden",
    "ouders",
    "kinderen",
    "statushouders",
    "buurtbewoners",
    "mensen met een beperking",
    "werkzoekenden",
    "alleenstaanden",
)
TIMES = (
    "Elke dinsdagmiddag open",
    "Op werkdagen van negen tot vijf bereikbaar",
    "Dag en nacht bereikbaar",
    "Eens per maand op zaterdag",
    "Op afspraak, ook 's avonds",
    "Elke woensdagochtend inloop",
    "In het weekend bereikbaar",
)
EXTRAS = (
    "Gratis en zonder verwijzing.",
    "Aanmelden via de huisarts.",
    "Anoniem als je dat wilt.",
    "Een kleine eigen bijdrage.",
    "Ook in het Engels en het Arabisch.",
    "Rolstoeltoegankelijk.",
    "",
)
EXTRA_TERMS = (
    "Welzijn",
    "Maatschappelijk werk",
    "Lotgenotencontact",
    "Praktische hulp",
    "Ontmoeting",
    "Informatie en advies",
)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--services", type=int, default=int(os.environ.get("SERVICES", SERVICES))
    )
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--warmup", type=int, default=30)
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

    django.setup()


def generate(count: int, seed: int = SEED) -> dict[str, int]:
    """Write `count` generated services with their organisations, areas and places."""
    from django.db import transaction

    from aandacht.core import services as core
    from aandacht.socialmap import models as m

    rng = random.Random(seed)  # noqa: S311  (test data)
    organisation = core.organisation_create(name="Benchlijn")
    regions = [
        core.region_create(organisation=organisation, code=f"r{number:02d}", name=name)
        for number, name in enumerate(REGIONS)
    ]
    taxonomy = m.Taxonomy.objects.create(name="Sociale kaart (bench)")
    term_names = sorted({t for *_, t in TOPICS} | set(EXTRA_TERMS))
    terms = {
        name: m.TaxonomyTerm.objects.create(taxonomy=taxonomy, name=name)
        for name in term_names
    }
    rows: dict[str, list[Any]] = {
        key: []
        for key in (
            "organisations",
            "services",
            "locations",
            "addresses",
            "links",
            "areas",
            "attributes",
        )
    }
    organisations: dict[tuple[str, str], Any] = {}
    for _ in range(count):
        national = rng.random() < NATIONAL_SHARE
        region = None if national else rng.choice(regions)
        towns = REGIONS[region.name] if region else ("Nederland",)
        town = rng.choice(towns)
        topic, prefix, term = rng.choice(TOPICS)
        org_name = f"{rng.choice(ORGANISATIONS)} {town}"
        org_key = (org_name, str(region.pk if region else ""))
        org = organisations.get(org_key)
        if org is None:
            org = organisations[org_key] = m.Organization(
                id=uuid.UUID(int=rng.getrandbits(128)), name=org_name, region=region
            )
            rows["organisations"].append(org)
        service = m.Service(
            id=uuid.UUID(int=rng.getrandbits(128)),
            organization=org,
            region=region,
            name=_name(rng, topic, prefix, town),
            description=_description(rng, topic),
            eligibility_description=f"Voor {rng.choice(AUDIENCES)}",
            status=(
                m.Service.Status.ACTIVE
                if rng.random() < 0.9
                else m.Service.Status.INACTIVE
            ),
        )
        rows["services"].append(service)
        chosen_terms = {term, rng.choice(EXTRA_TERMS)} if rng.random() < 0.5 else {term}
        rows["attributes"].extend(
            m.Attribute(
                id=uuid.UUID(int=rng.getrandbits(128)),
                link_id=service.id,
                taxonomy_term=terms[name],
            )
            for name in sorted(chosen_terms)
        )
        for area in sorted({town, rng.choice(towns)}):
            rows["areas"].append(
                m.ServiceArea(
                    id=uuid.UUID(int=rng.getrandbits(128)), service=service, name=area
                )
            )
        if region is not None:
            location = m.Location(
                id=uuid.UUID(int=rng.getrandbits(128)), organization=org
            )
            rows["locations"].append(location)
            rows["addresses"].append(
                m.Address(
                    id=uuid.UUID(int=rng.getrandbits(128)),
                    location=location,
                    address_1=f"Kerkstraat {rng.randint(1, 200)}",
                    city=town,
                )
            )
            rows["links"].append(
                m.ServiceAtLocation(
                    id=uuid.UUID(int=rng.getrandbits(128)),
                    service=service,
                    location=location,
                )
            )
    models: dict[str, Any] = {
        "organisations": m.Organization,
        "services": m.Service,
        "locations": m.Location,
        "addresses": m.Address,
        "links": m.ServiceAtLocation,
        "areas": m.ServiceArea,
        "attributes": m.Attribute,
    }
    with transaction.atomic():
        for key, model in models.items():
            model.objects.bulk_create(rows[key], batch_size=2000)
    return {key: len(value) for key, value in rows.items()}


def _name(rng: random.Random, topic: str, prefix: str, town: str) -> str:
    kind = rng.choice(KINDS)
    shape = rng.random()
    if shape < 0.4:  # a compound: "Mantelzorgsteunpunt Helmond"
        return f"{prefix}{kind} {town}".replace("- ", "-")
    if shape < 0.7:  # "Praatgroep rouw en verlies De Linde"
        return f"{rng.choice(KIND_WORDS)} {topic} {rng.choice(PLACE_NAMES)}"
    return f"{kind.capitalize()} {topic} {town}"


def _description(rng: random.Random, topic: str) -> str:
    audience = rng.choice(AUDIENCES)
    second_topic = rng.choice(TOPICS)[0]
    sentences = [
        f"{rng.choice(ACTIVITIES)} voor {audience} bij {topic}.",
        f"{rng.choice(TIMES)}.",
    ]
    if rng.random() < 0.5:
        sentences.append(f"Ook voor vragen over {second_topic}.")
    sentences.append(rng.choice(EXTRAS))
    return " ".join(sentence for sentence in sentences if sentence)


def _queries() -> dict[str, tuple[str, list[str]]]:
    from aandacht.socialmap.tests.search_directory import QUERIES

    rng = random.Random(SEED + 1)  # noqa: S311  (test data)
    towns = [town for towns in REGIONS.values() for town in towns]
    topic_words = [topic.split()[0] for topic, _prefix, _term in TOPICS]
    typos = [_typo(rng, word) for word in topic_words if len(word) >= 6]
    return {
        "directory": (
            "The team's test queries (typos, synonyms, compounds, towns)",
            [query for query, _expected, _kind in QUERIES],
        ),
        "topic": ("One frequent word (a topic)", topic_words),
        "topic_town": (
            "A topic and a town",
            [f"{rng.choice(topic_words)} {rng.choice(towns)}" for _ in range(60)],
        ),
        "typo": ("A typo of a topic", typos),
    }


def _typo(rng: random.Random, word: str) -> str:
    """Swap two neighbouring letters in the middle of `word`."""
    at = rng.randint(2, len(word) - 3)
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def _searcher(queries: Iterator[str], **options: Any) -> Callable[[], None]:
    from aandacht.socialmap.search.engine import search_services

    def search() -> None:
        search_services(next(queries), **options)

    return search


def panel_candidates(region: Any) -> Any:
    """The candidates the contact form's panel passes: the region's and national."""
    from django.db.models import Q

    from aandacht.socialmap.models import Service

    return Service.objects.filter(
        Q(region=region) | Q(region__isnull=True),
        status__in=[Service.Status.ACTIVE, Service.Status.TEMPORARILY_CLOSED],
    )


def run(requests: int, warmup: int) -> list[tuple[Timing, str]]:
    """Each measure's timing, and the range of SQL queries its searches cost."""
    from aandacht.core.models import Region

    region = Region.objects.get(name="Brabant")
    shapes = [
        (
            "Panel",
            "region + national, limit 8",
            {"services": panel_candidates(region), "limit": 8},
        ),
        ("API", "all services, limit 20", {"limit": 20}),
    ]
    results = []
    for label, how, options in shapes:
        for name, cycle in _queries().values():
            timing = measure(
                f"{label}: {name} ({how})",
                TARGET_MS,
                _searcher(itertools.cycle(cycle), **options),
                requests=requests,
                warmup=warmup,
            )
            results.append((timing, query_counts(cycle, options)))
    return results


def query_counts(queries: list[str], options: dict[str, Any]) -> str:
    """The fewest and most SQL queries one search of `queries` costs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from aandacht.socialmap.search.engine import search_services

    counts = set()
    for query in queries:
        with CaptureQueriesContext(connection) as captured:
            search_services(query, **options)
        counts.add(len(captured.captured_queries))
    low, high = min(counts), max(counts)
    return str(low) if low == high else f"{low}–{high}"


def table(
    timings: list[tuple[Timing, str]],
    *,
    facts: dict[str, Any],
    requests: int,
    warmup: int,
) -> str:
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    lines = [
        f"Date: {today}  ",
        f"Machine: {machine()}  ",
        f"Database: {database()}  ",
        f"Services: {facts['services']:,} ({facts['national']:,} national) in "
        f"{len(REGIONS)} regions; {facts['entries']:,} index entries, "
        f"{facts['words']:,} vocabulary words; {requests} timed searches after "
        f"{warmup} warm-up searches each; load average before timing "
        f"{facts['load']}",
        "",
        "| Measure | Target | p50 ms | p95 ms | max ms | first ms (warm-up) "
        "| SQL queries a search |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, value in facts["loads"]:
        lines.append(f"| {name} | | {value} | | | | |")
    for timing, queries in timings:
        p95 = timing.percentile(0.95)
        verdict = "met" if p95 <= (timing.target_ms or 0) else "MISSED"
        first = "" if timing.first_ms is None else f"{timing.first_ms:.1f}"
        lines.append(
            f"| {timing.name} | p95 ≤ {timing.target_ms:.0f} ms ({verdict}) "
            f"| {statistics.median(timing.samples_ms):.1f} | {p95:.1f} "
            f"| {max(timing.samples_ms):.1f} | {first} | {queries} |"
        )
    return "\n".join(lines)


def _load_average() -> str:
    try:
        return " ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def main() -> None:
    arguments = _arguments()
    _set_up_django()
    from django.core.management import call_command
    from django.db import connection

    from aandacht.core.models import Organisation
    from aandacht.socialmap.models import SearchEntry, SearchWord, Service
    from aandacht.socialmap.search.index import reindex_all

    call_command("migrate", verbosity=0)
    if Organisation.objects.exists():
        sys.exit("The benchmark needs an empty database; this one has data.")
    print(f"Generating {arguments.services:,} services in {database()} ...", flush=True)
    started = time.perf_counter()
    written = generate(arguments.services)
    generated = time.perf_counter() - started
    print(f"Written in {generated:.0f} s; reindex_all() ...", flush=True)
    started = time.perf_counter()
    reindex_all()
    indexed = time.perf_counter() - started
    with connection.cursor() as cursor:
        # What autovacuum does soon after a load: statistics, and on
        # PostgreSQL the visibility map that lets the planner read the
        # entries from their index alone.
        cursor.execute(
            "VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE"
        )
    facts = {
        "services": Service.objects.count(),
        "national": Service.objects.filter(region__isnull=True).count(),
        "entries": SearchEntry.objects.count(),
        "words": SearchWord.objects.count(),
        "load": _load_average(),
        "loads": [
            (
                f"Bench: write {written['services']:,} services, "
                f"{written['organisations']:,} organisations, areas, places",
                f"{generated:.0f} s",
            ),
            ("reindex_all()", f"{indexed:.0f} s"),
        ],
    }
    print("Timing searches ...", flush=True)
    timings = run(arguments.requests, arguments.warmup)
    print()
    print(
        table(
            timings, facts=facts, requests=arguments.requests, warmup=arguments.warmup
        )
    )


if __name__ == "__main__":
    main()
