"""Benchmark the insights dashboard at national scale, and its DuckDB floor (#7).

Run from the project root, on a throw-away PostgreSQL server:

    AANDACHT_DEMO=1 scripts/with-postgres .venv/bin/python \\
        bench/bench_insights.py --contacts 3500000

or on SQLite (without DATABASE_URL it uses a fresh ``var/bench-insights.db``,
removed first):

    AANDACHT_DEMO=1 .venv/bin/python bench/bench_insights.py --contacts 3500000

It migrates an empty database, times ``seed_demo --contacts N`` (ten years of
national contacts at 3.5 million) and the first, full build of the rollup
(``rollup_insights``), then times, in this process (server-side, no network):

- ``dashboard(None, Period.year(Y))``: every panel of the national dashboard
  for the last whole year, the target (≤ 1 s on PostgreSQL, ≤ 2 s on SQLite);
- the same for one region, and for one month;
- a GET of the dashboard page for a national coordinator (charts drawn,
  tables and all), when the page exists;
- a run of the job with nothing new (its cost every few minutes: the scan
  for corrected reports).

Then two floors, with DuckDB in this process: the same aggregates (every
dimension value per month of the year, and the monthly totals a year
earlier) over the contacts, topics and referrals exported to Parquet (what a
separate BI tool would do without a rollup; its result is checked to equal
the rollup's), and the dashboard's own two rollup queries over the daily
rows exported to Parquet (the floor of the query we make). It reports our
p50 divided by each floor's.

``--no-load`` times a database that an earlier run (or ``seed_demo``)
loaded; the rollup is then brought up to date first (timed as well).
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import tempfile
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

SQLITE_PATH = ROOT / "var" / "bench-insights.db"
REGION = "zhzm"  # the demo region with the most contacts
NATIONAL = 3_500_000
TARGET_MS = {"PostgreSQL": 1000.0, "SQLite": 2000.0}
EXPORT_CHUNK = 100_000


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=NATIONAL)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument(
        "--no-load",
        action="store_true",
        help="Time a database that an earlier run loaded (the rollup is topped up).",
    )
    parser.add_argument(
        "--no-floor", action="store_true", help="Skip the DuckDB floor."
    )
    return parser.parse_args()


def _set_up_django(*, keep: bool) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aandacht.settings")
    os.environ.setdefault("AANDACHT_DEMO", "1")
    if not os.environ.get("DATABASE_URL"):
        SQLITE_PATH.parent.mkdir(exist_ok=True)
        if not keep:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{SQLITE_PATH}"
    import django
    from django.conf import settings

    django.setup()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def _timed(work: Callable[[], Any]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def load(contacts: int) -> float:
    from django.core.management import call_command

    from aandacht.core.models import Organisation

    call_command("migrate", verbosity=0)
    if Organisation.objects.exists():
        sys.exit("The benchmark needs an empty database; this one has data.")
    return _timed(lambda: call_command("seed_demo", contacts=contacts, verbosity=0))


def roll_up() -> tuple[str, float]:
    """The job as cron runs it: a full build the first time, then increments."""
    from django.core.management import call_command

    from aandacht.insights.rollup.services import rollup_run

    call_command("migrate", verbosity=0, skip_checks=True)
    started = time.perf_counter()
    report = rollup_run()
    seconds = time.perf_counter() - started
    if report.built:
        return "rollup_insights, first run: the full build", seconds
    return "rollup_insights, bringing an earlier build up to date", seconds


def _national_coordinator() -> Any:
    from aandacht.core import services
    from aandacht.core.models import User
    from aandacht.core.roles import Role

    user = User.objects.filter(username="bench-national").first()
    if user is None:
        user = services.user_create(
            username="bench-national",
            password="bench-only-password-0123",  # noqa: S106
            first_name="Bench",
        )
        services.role_grant(user=user, role=Role.COORDINATOR, region=None)
    return user


def our_timings(year: int, runs: int, warmup: int) -> list[Timing]:
    from django.urls import NoReverseMatch, reverse

    from aandacht.core.models import Region
    from aandacht.insights.dashboard.selectors import dashboard
    from aandacht.insights.period import Period
    from aandacht.insights.rollup.services import rollup_run

    target = TARGET_MS[
        "PostgreSQL" if database().startswith("PostgreSQL") else "SQLite"
    ]
    region = Region.objects.get(code=REGION)
    timings = [
        measure(
            f"National dashboard, year {year}: dashboard(None, Period.year({year}))",
            target,
            lambda: dashboard(None, Period.year(year)),
            requests=runs,
            warmup=warmup,
        ),
        measure(
            f"Region {REGION}, year {year}",
            target,
            lambda: dashboard(region, Period.year(year)),
            requests=runs,
            warmup=warmup,
        ),
        measure(
            f"National dashboard, month {year}-06",
            None,
            lambda: dashboard(None, Period.month(year, 6)),
            requests=runs,
            warmup=warmup,
        ),
    ]
    try:
        url = reverse("insights_dashboard") + f"?kind=year&year={year}"
    except NoReverseMatch:
        url = None
    if url is not None:
        client = verified_client(_national_coordinator())

        def page() -> None:
            response = client.get(url)
            if response.status_code != 200:
                sys.exit(f"{url} answered {response.status_code}")

        timings.append(
            measure(
                f"Dashboard page, national, year {year} (GET {url})",
                target,
                page,
                requests=runs,
                warmup=warmup,
            )
        )
    timings.append(
        measure(
            "rollup_insights with nothing new (scan for corrections)",
            None,
            rollup_run,
            requests=max(3, runs // 4),
            warmup=1,
        )
    )
    return timings


# --- The DuckDB floor ----------------------------------------------------------


def _contact_rows() -> Iterator[list[tuple[Any, ...]]]:
    from django.db.models import BooleanField, ExpressionWrapper, Q

    from aandacht.contacts.models import Contact
    from aandacht.insights.rollup.facts import COLUMNS

    rows = (
        Contact.objects.annotate(
            has_referral_text=ExpressionWrapper(
                ~Q(referrals=""), output_field=BooleanField()
            )
        )
        .order_by()
        .values_list(*COLUMNS)
    )
    chunk: list[tuple[Any, ...]] = []
    for row in rows.iterator(chunk_size=EXPORT_CHUNK):
        chunk.append(row)
        if len(chunk) == EXPORT_CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def export_parquet(folder: Path) -> float:
    """Contacts (the columns the rollup reads), topics and referrals as Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from aandacht.contacts.models import Contact
    from aandacht.socialmap.models import Referral

    schema = pa.schema(
        [
            ("id", pa.int64()),
            ("region_id", pa.int64()),
            ("started_at", pa.timestamp("us", tz="UTC")),
            ("duration_seconds", pa.int64()),
            ("channel", pa.string()),
            ("line_language", pa.string()),
            ("source_id", pa.int64()),
            ("contact_type", pa.string()),
            ("loneliness", pa.string()),
            ("loneliness_kind", pa.string()),
            ("transfer", pa.string()),
            ("crisis", pa.bool_()),
            ("regular_caller", pa.bool_()),
            ("caller_profile_id", pa.int64()),
            ("municipality_id", pa.int64()),
            ("gender", pa.string()),
            ("age_band", pa.string()),
            ("living_situation", pa.string()),
            ("sought", pa.list_(pa.string())),
            ("actions", pa.list_(pa.string())),
            ("typology_network", pa.string()),
            ("typology_type", pa.string()),
            ("typology_override", pa.string()),
            ("has_referral_text", pa.bool_()),
        ]
    )
    started = time.perf_counter()
    with pq.ParquetWriter(folder / "contacts.parquet", schema) as writer:
        for chunk in _contact_rows():
            columns = list(zip(*chunk, strict=True))
            writer.write_table(
                pa.Table.from_arrays(
                    [
                        pa.array(list(c), type=f.type)
                        for c, f in zip(columns, schema, strict=True)
                    ],
                    schema=schema,
                )
            )
    links = Contact.topics.through.objects.values_list("contact_id", "topic__code")
    pairs = list(links.iterator(chunk_size=EXPORT_CHUNK))
    pq.write_table(
        pa.table(
            {
                "contact_id": pa.array([p[0] for p in pairs], pa.int64()),
                "code": pa.array([p[1] for p in pairs], pa.string()),
            }
        ),
        folder / "topics.parquet",
    )
    _export_daily(folder)
    referred = list(Referral.objects.values_list("contact_id", flat=True).distinct())
    pq.write_table(
        pa.table({"contact_id": pa.array(referred, pa.int64())}),
        folder / "referrals.parquet",
    )
    return time.perf_counter() - started


def _export_daily(folder: Path) -> None:
    """The rollup's own rows, for the floor of the query the dashboard makes."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from aandacht.insights.models import DailyCount

    names = ["region_id", "day", "month", "dimension", "value", "contacts"]
    names += ["conversations", "conversation_seconds"]
    rows = list(DailyCount.objects.values_list(*names).iterator(chunk_size=50_000))
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(names)
    types = [pa.int64(), pa.date32(), pa.date32(), pa.string(), pa.string()]
    types += [pa.int64()] * 3
    pq.write_table(
        pa.table(
            {
                name: pa.array(list(column), type=kind)
                for name, column, kind in zip(names, columns, types, strict=True)
            }
        ),
        folder / "daily.parquet",
    )


def rollup_floor_sql(folder: Path, year: int) -> str:
    """The dashboard's two rollup queries, in DuckDB over the same daily rows."""
    daily = folder / "daily.parquet"
    return f"""
        SELECT dimension, value, month, sum(contacts), sum(conversations),
               sum(conversation_seconds)
        FROM read_parquet('{daily}')
        WHERE day BETWEEN DATE '{year}-01-01' AND DATE '{year}-12-31'
        GROUP BY ALL
        UNION ALL
        SELECT 'earlier', 'all', month, sum(contacts), 0, 0
        FROM read_parquet('{daily}')
        WHERE dimension = 'total'
          AND day BETWEEN DATE '{year - 1}-01-01' AND DATE '{year - 1}-12-31'
        GROUP BY ALL
    """  # noqa: S608 (the benchmark's own constants and file names)


def floor_sql(folder: Path, year: int) -> str:
    """Every dimension value per local month of the year, plus last year's totals.

    The same shape and the same rules as ``insights.rollup.keys``: local
    (Amsterdam) time, conversations apart, duration in conversations only.
    """
    first, last = f"{year}-01-01", f"{year + 1}-01-01"
    before = f"{year - 1}-01-01"

    def part(dimension: str, value: str, where: str = "TRUE", source: str = "y") -> str:
        # The benchmark's own constants, no input.
        return (
            f"SELECT '{dimension}' AS dimension, CAST({value} AS VARCHAR) AS value, "  # noqa: S608
            "month, count(*) AS contacts, count(*) FILTER (conv) AS conversations, "
            "coalesce(sum(duration_seconds) FILTER (conv), 0) AS seconds "
            f"FROM {source} WHERE {where} GROUP BY ALL"
        )

    conversation = "conv"
    parts = [
        part("total", "'all'"),
        part("channel", "channel"),
        part("language", "line_language"),
        part("source", "coalesce(CAST(source_id AS VARCHAR), 'direct')"),
        part("type", "contact_type"),
        part(
            "hour", "CAST(isodow(local) - 1 AS VARCHAR) || '-' || strftime(local, '%H')"
        ),
        part(
            "duration",
            "CASE WHEN duration_seconds < 300 THEN '0-5' "
            "WHEN duration_seconds < 600 THEN '5-10' "
            "WHEN duration_seconds < 900 THEN '10-15' "
            "WHEN duration_seconds < 1200 THEN '15-20' "
            "WHEN duration_seconds < 1800 THEN '20-30' "
            "WHEN duration_seconds < 2700 THEN '30-45' "
            "WHEN duration_seconds < 3600 THEN '45-60' ELSE '60+' END",
        ),
        part("municipality", "coalesce(CAST(municipality_id AS VARCHAR), 'unknown')"),
        part("loneliness", "loneliness", conversation),
        part(
            "loneliness_kind",
            "loneliness_kind",
            f"{conversation} AND loneliness <> 'none' AND loneliness_kind <> ''",
        ),
        part("transfer", "transfer", conversation),
        part("crisis", "CASE WHEN crisis THEN 'yes' ELSE 'no' END", conversation),
        part(
            "regular",
            "CASE WHEN caller_profile_id IS NOT NULL THEN 'profile' "
            "WHEN regular_caller THEN 'ticked' ELSE 'no' END",
            conversation,
        ),
        part(
            "referral",
            "CASE WHEN referred THEN 'social_map' "
            "WHEN has_referral_text OR list_contains(actions, 'referred') "
            "THEN 'other' ELSE 'none' END",
            conversation,
        ),
        part(
            "typology",
            "coalesce(typology_override, typology_type, 'undecided')",
            f"{conversation} AND typology_network IS NOT NULL",
        ),
        part("gender", "gender", conversation),
        part("age", "age_band", conversation),
        part("living", "living_situation", conversation),
        part("topic", "code", conversation, "y JOIN t ON t.contact_id = y.id"),
        part(
            "municipality_topic",
            "CAST(municipality_id AS VARCHAR) || ':' || code",
            f"{conversation} AND municipality_id IS NOT NULL",
            "y JOIN t ON t.contact_id = y.id",
        ),
        part(
            "sought",
            "s",
            conversation,
            "(SELECT *, unnest(list_distinct(sought)) AS s FROM y)",
        ),
    ]
    contacts = folder / "contacts.parquet"
    topics = folder / "topics.parquet"
    referrals = folder / "referrals.parquet"
    return f"""
        WITH c AS (
            SELECT *, timezone('Europe/Amsterdam', started_at) AS local
            FROM read_parquet('{contacts}')
        ),
        t AS (SELECT DISTINCT contact_id, code FROM read_parquet('{topics}')),
        r AS (SELECT DISTINCT contact_id FROM read_parquet('{referrals}')),
        y AS (
            SELECT c.*, date_trunc('month', local) AS month,
                   contact_type = 'conversation' AS conv,
                   r.contact_id IS NOT NULL AS referred
            FROM c LEFT JOIN r ON r.contact_id = c.id
            WHERE local >= TIMESTAMP '{first}' AND local < TIMESTAMP '{last}'
        )
        {" UNION ALL ".join(parts)}
        UNION ALL
        SELECT 'earlier', 'all', date_trunc('month', local), count(*), 0, 0 FROM c
        WHERE local >= TIMESTAMP '{before}' AND local < TIMESTAMP '{first}'
        GROUP BY ALL
    """  # noqa: S608 (the benchmark's own constants and file names)


def floor_timing(name: str, sql: str, runs: int, warmup: int) -> Timing:
    import duckdb

    connection = duckdb.connect()
    samples = []
    for number in range(warmup + runs):
        started = time.perf_counter()
        connection.execute(sql).fetchall()
        if number >= warmup:
            samples.append((time.perf_counter() - started) * 1000)
    return Timing(f"DuckDB {duckdb.__version__}: {name}", None, samples, 1)


def check_floor_agrees(folder: Path, year: int) -> str:
    """The floor must compute what the rollup holds: compare the year's cells."""
    import duckdb

    from aandacht.insights.dashboard.figures import read_figures
    from aandacht.insights.period import Period

    figures = read_figures(None, Period.year(year))
    ours = {
        (dimension, value, month): cell[0]
        for dimension, values in figures.cells.items()
        if dimension != "feedback"
        for value, months in values.items()
        for month, cell in months.items()
    }
    rows = duckdb.connect().execute(floor_sql(folder, year)).fetchall()
    theirs = {
        (dimension, value, month.date()): contacts
        for dimension, value, month, contacts, _c, _s in rows
        if dimension != "earlier"
    }
    if ours == theirs:
        return f"the floor's {len(theirs)} cells equal the rollup's"
    differing = sorted(set(ours.items()) ^ set(theirs.items()))[:5]
    return f"the floor and the rollup DIFFER, e.g. {differing}"


# --- Output --------------------------------------------------------------------


def table(
    timings: list[Timing],
    *,
    contacts: int,
    steps: list[tuple[str, float]],
    floors: list[Timing],
    notes: list[str],
    runs: int,
    warmup: int,
) -> str:
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    lines = [
        f"Date: {today}  ",
        f"Machine: {machine()}  ",
        f"Database: {database()}  ",
        f"Contacts: {contacts:,}; {runs} timed runs after {warmup} warm-up runs each",
        "",
    ]
    for name, seconds in steps:
        lines.append(f"- {name}: {seconds:.0f} s ({seconds / 60:.1f} min)")
    lines.extend(f"- {note}" for note in notes)
    lines += [
        "",
        "| Measure | Target | p50 ms | p95 ms | max ms | SQL queries |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for timing in [*timings, *floors]:
        p95 = timing.percentile(0.95)
        target = "(none)"
        if timing.target_ms is not None:
            verdict = "met" if p95 <= timing.target_ms else "MISSED"
            target = f"p95 ≤ {timing.target_ms:.0f} ms ({verdict})"
        lines.append(
            f"| {timing.name} | {target} | {statistics.median(timing.samples_ms):.1f} "
            f"| {p95:.1f} | {max(timing.samples_ms):.1f} | {timing.queries} |"
        )
    ours = statistics.median(timings[0].samples_ms)
    for floor in floors:
        theirs = statistics.median(floor.samples_ms)
        lines += ["", f"Our national year ÷ {floor.name} (p50): {ours / theirs:.2f}"]
    return "\n".join(lines)


def main() -> None:
    arguments = _arguments()
    _set_up_django(keep=arguments.no_load)
    steps: list[tuple[str, float]] = []
    if not arguments.no_load:
        print(
            f"Loading {arguments.contacts:,} contacts into {database()} ...", flush=True
        )
        steps.append(
            (
                f"Load: seed_demo --contacts {arguments.contacts}",
                load(arguments.contacts),
            )
        )
    print("Rolling up ...", flush=True)
    steps.append(roll_up())
    from aandacht.contacts.models import Contact
    from aandacht.insights.models import DailyCount

    contacts = Contact.objects.count()
    from django.utils import timezone

    year = timezone.localdate().year - 1
    notes = [f"Rollup: {DailyCount.objects.count():,} daily rows"]
    print("Timing the dashboard ...", flush=True)
    timings = our_timings(year, arguments.runs, arguments.warmup)
    floors: list[Timing] = []
    if not arguments.no_floor:
        with tempfile.TemporaryDirectory(prefix="bench-insights-") as folder:
            print("Exporting to Parquet ...", flush=True)
            steps.append(
                ("Export to Parquet (floor set-up)", export_parquet(Path(folder)))
            )
            runs, warmup = arguments.runs, arguments.warmup
            floors = [
                floor_timing(
                    f"the same aggregates over the {contacts:,} contacts in Parquet",
                    floor_sql(Path(folder), year),
                    runs,
                    warmup,
                ),
                floor_timing(
                    "the dashboard's rollup queries over the daily rows in Parquet",
                    rollup_floor_sql(Path(folder), year),
                    runs,
                    warmup,
                ),
            ]
            notes.append(check_floor_agrees(Path(folder), year))
    print()
    print(
        table(
            timings,
            contacts=contacts,
            steps=steps,
            floors=floors,
            notes=notes,
            runs=arguments.runs,
            warmup=arguments.warmup,
        )
    )


if __name__ == "__main__":
    main()
