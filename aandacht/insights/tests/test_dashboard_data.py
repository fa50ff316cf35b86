"""The dashboard's numbers, each checked against the fixture's own contacts.

The fixture holds a few hundred varied reports in two regions over two
years, with moments around midnight on New Year's Eve and around both clock
changes. Every panel's figures are recounted here straight from the stored
reports (with Django's local time, not the rollup's code) and compared, once
from the rollup and once from the top-up alone (before the job ran).
"""

from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from django.utils.translation import override

from aandacht.callers import services as callers
from aandacht.callers.models import CallerProfile, LimitReachedEvent
from aandacht.contacts import services as contacts
from aandacht.contacts.choices import NON_DATA_TYPES
from aandacht.contacts.models import Contact, Feedback, Municipality, Source, Topic
from aandacht.guidance import assistant
from aandacht.insights.dashboard.selectors import PANEL_KEYS, dashboard
from aandacht.insights.panels import Panel
from aandacht.insights.period import Period
from aandacht.insights.rollup.services import rollup_run
from aandacht.socialmap.models import Referral
from aandacht.socialmap.panel.entries import ReferralEntry
from aandacht.socialmap.tests.panel_setup import make_service

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

UTC_EDGES = [
    # New Year's Eve: 23:59:59 on 31 December and 00:00 on 1 January, Dutch time.
    datetime(2024, 12, 31, 22, 59, 59, tzinfo=UTC),
    datetime(2024, 12, 31, 23, 0, 0, tzinfo=UTC),
    # Spring forward (30 March 2025): 01:30 CET, then 03:30 CEST.
    datetime(2025, 3, 30, 0, 30, tzinfo=UTC),
    datetime(2025, 3, 30, 1, 30, tzinfo=UTC),
    # Fall back (26 October 2025): 02:30 CEST, then 02:30 CET again.
    datetime(2025, 10, 26, 0, 30, tzinfo=UTC),
    datetime(2025, 10, 26, 1, 30, tzinfo=UTC),
    # Midnight of a summer Sunday into Monday: 23:59 and 00:01 CEST.
    datetime(2025, 6, 15, 21, 59, tzinfo=UTC),
    datetime(2025, 6, 15, 22, 1, tzinfo=UTC),
    # The last moment of the fixture's years.
    datetime(2025, 12, 31, 22, 59, tzinfo=UTC),
]
TYPOLOGY_ANSWERS = [
    ("thinning", "no", "yes"),
    ("small_network_lost", "no", "no"),
    ("lifelong", "yes", "unknown"),
    ("lifelong", "no", "yes"),
    ("unknown", "unknown", "yes"),
]


@pytest.fixture(autouse=True)
def _english() -> Any:
    """Labels are compared in English, the fixture's own and the panels' alike."""
    with override("en"):
        yield


@dataclass
class World:
    cast: Any
    service_ids: list[uuid.UUID]
    profile: CallerProfile


def _moment(rng: random.Random) -> datetime:
    start = datetime(2024, 1, 1, tzinfo=UTC)
    return start + timedelta(seconds=rng.randrange(2 * 366 * 86400))


def _report(rng: random.Random, start: datetime, world: World, region: Any) -> Any:
    """One report's answers, drawn so that every dimension gets several values."""
    sources = list(Source.objects.all())
    municipalities = list(Municipality.objects.filter(region=region))
    topics = list(Topic.objects.filter(topic_list__is_current=True))
    minutes = rng.choice([0.3, 2, 7, 12, 17, 25, 40, 50, 75])
    values: dict[str, Any] = {
        "channel": rng.choice(["phone", "phone", "chat", "mail"]),
        "line_language": rng.choice(["nl", "nl", "nl", "ar", "tr"]),
        "started_at": start,
        "ended_at": start + timedelta(minutes=minutes),
        "source": rng.choice([None, None, *sources[:3]]),
        "municipality": rng.choice([None, *municipalities]),
    }
    if rng.random() < 0.2:
        values["contact_type"] = rng.choice(NON_DATA_TYPES)
        return contacts.ContactInput(**values)
    loneliness = rng.choice(["none", "none", "about", "out_of"])
    actions = ["listened"] + (["referred"] if rng.random() < 0.1 else [])
    values |= {
        "gender": rng.choice(["unknown", "female", "male"]),
        "age_band": rng.choice(["unknown", "45-64", "80+"]),
        "living_situation": rng.choice(["unknown", "alone"]),
        "regular_caller": rng.random() < 0.3,
        "loneliness": loneliness,
        "loneliness_kind": rng.choice(["social", "emotional", "both", ""]),
        "topics": rng.sample(topics, k=rng.choice([0, 1, 2, 3])),
        "sought": rng.sample(["heard", "chat", "solutions", "information"], k=2),
        "actions": actions,
        "referrals": "De huisartsenpost" if rng.random() < 0.05 else "",
        "transfer": rng.choice(["none"] * 6 + ["vraagwijzer", "social_work", "other"]),
        "crisis": rng.random() < 0.1,
    }
    if rng.random() < 0.3:
        network, psychiatric, participation = rng.choice(TYPOLOGY_ANSWERS)
        values["typology"] = assistant.record(
            network=network, psychiatric=psychiatric, participation=participation
        )
    if rng.random() < 0.08:
        chosen = rng.choice(world.service_ids)
        values["service_referrals"] = [ReferralEntry(chosen, start)]
    return contacts.ContactInput(**values)


def build_world(cast: Any, count: int = 300) -> World:
    """The varied fixture: two regions, two years, the clock's edges."""
    contacts.lists_install_defaults()
    contacts.municipalities_add(
        region=cast.zuid, rows=[("GM0505", "Dordrecht"), ("GM0642", "Zwijndrecht")]
    )
    contacts.municipalities_add(region=cast.noord, rows=[("GM0014", "Groningen")])
    services = [make_service("Luisterpunt"), make_service("Buurthuis", cast.zuid)]
    profile = callers.profile_create(
        region=cast.zuid,
        actor=cast["supervisor_zuid"],
        alias="de zanger",
        cues="Zingt aan het eind een regel.",
        approach="Laat hem uitpraten.",
        agreement="Eén gesprek per dag.",
        consultation_notes="",
    )
    callers.limit_set(
        profile=profile,
        actor=cast["supervisor_zuid"],
        per_day=1,
        valid_from=date(2023, 1, 1),
        reason="Afspraak met de beller.",
        words="We spreken elkaar morgen weer.",
    )
    world = World(cast, [s.id for s in services if s.region_id is None], profile)
    rng = random.Random(20240101)  # noqa: S311 (fixture data)
    moments = UTC_EDGES + [_moment(rng) for _ in range(count - len(UTC_EDGES))]
    for number, moment in enumerate(moments):
        region = cast.zuid if number % 3 else cast.noord
        volunteer = cast["volunteer_zuid" if region == cast.zuid else "volunteer_noord"]
        data = _report(rng, moment, world, region)
        contacts.contact_register(
            volunteer=volunteer, region=region, data=data, key=uuid.uuid4()
        )
    # A regular caller with a profile: twice on three days, so the limit of
    # one a day is reached three times.
    for day in (date(2025, 2, 3), date(2025, 2, 4), date(2025, 7, 9)):
        for hour in (10, 20):
            start = datetime(day.year, day.month, day.day, hour, tzinfo=AMSTERDAM)
            data = contacts.ContactInput(
                channel="phone",
                started_at=start,
                ended_at=start + timedelta(minutes=15),
                caller_profile=profile,
            )
            contacts.contact_register(
                volunteer=cast["volunteer_zuid"],
                region=cast.zuid,
                data=data,
                key=uuid.uuid4(),
            )
    for contact in Contact.objects.conversations().order_by("id")[::7]:
        contacts.feedback_give(
            supervisor=cast["supervisor_zuid"], contact=contact, text="Goed gedaan."
        )
    return world


@pytest.fixture
def world(cast: Any) -> World:
    _STORED.clear()
    return build_world(cast)


# --- Counting the fixture directly -------------------------------------------


def in_period(contact: Contact, period: Period, region: Any) -> bool:
    if region is not None and contact.region_id != region.pk:
        return False
    return timezone.localtime(contact.started_at).date() in period


def stored(period: Period, region: Any) -> list[Contact]:
    """The fixture's reports in the period (and region), read once per test."""
    if not _STORED:
        _STORED.extend(Contact.objects.prefetch_related("topics"))
    return [c for c in _STORED if in_period(c, period, region)]


_STORED: list[Contact] = []


def by(contacts: list[Contact], value: Callable[[Contact], object]) -> Counter[Any]:
    return Counter(value(c) for c in contacts)


def series(panel: Panel, label: str) -> tuple[float | None, ...]:
    return next(s.values for s in panel.series if s.label == label)


def numbers(panel: Panel, label: str) -> list[float]:
    """A series that must have a value everywhere (no month to come)."""
    values = series(panel, label)
    assert None not in values
    return [v or 0 for v in values]


def column(panel: Panel, label: str, category: str) -> float:
    return numbers(panel, label)[panel.categories.index(category)]


def panels_for(region: Any, period: Period) -> dict[str, Panel]:
    with override("en"):
        return {panel.key: panel for panel in dashboard(region, period)}


def share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1)


STATES = ("top-up", "rolled up")


def roll_up() -> None:
    """Run the job as it would run a few minutes from now (past its hold-back)."""
    rollup_run(now=timezone.now() + timedelta(minutes=5))


def views(world: World, period: Period) -> list[tuple[str, Any, dict[str, Panel]]]:
    """The panels nationally and for Zuid, before the job ran, then rolled up.

    Before the job ran every figure comes from the dashboard's top-up of
    reports after the checkpoint; after it, from the rollup tables: both
    must give the same numbers.
    """
    found = []
    for rolled in (False, True):
        if rolled:
            roll_up()
        for region in (None, world.cast.zuid):
            case = f"{region or 'national'}, {'rolled up' if rolled else 'top-up'}"
            found.append((case, region, panels_for(region, period)))
    return found


def test_contacts_by_channel_language_and_source(world):
    period = Period.year(2025)
    for case, region, panels in views(world, period):
        print(case)
        expected = stored(period, region)
        channel = panels["channel"]
        for code, label in (("phone", "Phone"), ("chat", "Chat"), ("mail", "Mail")):
            assert (
                column(channel, "All contacts", label)
                == by(expected, lambda c: c.channel)[code]
            )
            assert (
                column(channel, "Conversations", label)
                == by([c for c in expected if c.is_conversation], lambda c: c.channel)[
                    code
                ]
            )
        languages = by(expected, lambda c: c.line_language)
        for code, label in (("nl", "Dutch"), ("ar", "Arabic"), ("tr", "Turkish")):
            assert (
                column(panels["line_language"], "All contacts", label)
                == languages[code]
            )
        sources = by(expected, lambda c: c.source.label_en if c.source else "Direct")
        for label, count in sources.items():
            assert column(panels["source"], "All contacts", label) == count
        assert sum(numbers(panels["source"], "All contacts")) == len(expected)


def test_non_data_contacts(world):
    period = Period.year(2025)
    for case, region, panels in views(world, period):
        print(case)
        expected = [c for c in stored(period, region) if not c.is_conversation]
        panel = panels["non_data"]
        counts = by(expected, lambda c: c.get_contact_type_display())
        assert sum(numbers(panel, "Contacts")) == len(expected) > 0
        for label, count in counts.items():
            assert column(panel, "Contacts", label) == count
        assert "Conversation" not in panel.categories


def test_heat_map_is_on_the_amsterdam_clock(world):
    period = Period.year(2025)
    for case, region, panels in views(world, period):
        print(case)
        expected = by(
            stored(period, region),
            lambda c: (
                timezone.localtime(c.started_at).strftime("%A"),
                timezone.localtime(c.started_at).strftime("%H:00"),
            ),
        )
        panel = panels["hour_weekday"]
        assert panel.series[0].label == "Monday"
        found = {
            (s.label, hour): value
            for s in panel.series
            for hour, value in zip(panel.categories, s.values, strict=True)
            if value
        }
        assert found == dict(expected)


def test_midnight_and_clock_changes_land_on_the_dutch_day_and_hour(world):
    for state in STATES:
        if state == "rolled up":
            roll_up()
        heat = panels_for(None, Period.month(2025, 3))["hour_weekday"]
        # 30 March 2025 was a Sunday: one contact at 01:30 CET, one at 03:30 CEST.
        assert column(heat, "Sunday", "01:00") >= 1, state
        assert column(heat, "Sunday", "03:00") >= 1, state
        assert column(heat, "Sunday", "02:00") == hours_of(2025, 3, "Sun 02"), state
        # 23:00 UTC on 31 December 2024 is New Year's Day in Amsterdam.
        january = panels_for(None, Period.month(2025, 1))["hour_weekday"]
        assert column(january, "Wednesday", "00:00") >= 1, state
        december = panels_for(None, Period.month(2024, 12))["hour_weekday"]
        expected = hours_of(2024, 12, "Tue 23")
        assert column(december, "Tuesday", "23:00") == expected, state
        # Fall back: 02:30 CEST and 02:30 CET are both Sunday 02:00.
        october = panels_for(None, Period.month(2025, 10))["hour_weekday"]
        assert column(october, "Sunday", "02:00") >= 2, state


def hours_of(year: int, month: int, weekday_hour: str) -> int:
    """Contacts of a month that started on that weekday and hour, Dutch time."""
    return sum(
        1
        for c in stored(Period.month(year, month), None)
        if timezone.localtime(c.started_at).strftime("%a %H") == weekday_hour
    )


def test_duration_distribution(world):
    period = Period.year(2024)
    for case, region, panels in views(world, period):
        print(case)
        conversations = [c for c in stored(period, region) if c.is_conversation]
        panel = panels["duration"]
        bins = [(0, 5), (5, 10), (10, 15), (15, 20), (20, 30), (30, 45), (45, 60)]
        for (low, high), value in zip(
            bins, series(panel, "Conversations"), strict=False
        ):
            assert value == sum(
                1 for c in conversations if low * 60 <= c.duration_seconds < high * 60
            )
        over_an_hour = sum(1 for c in conversations if c.duration_seconds >= 3600)
        assert series(panel, "Conversations")[-1] == over_an_hour
        average = (
            sum(c.duration_seconds for c in conversations) / len(conversations) / 60
        )
        assert f"{average:.1f} minutes" in panel.note


def test_loneliness_over_time(world):
    period = Period.year(2025)
    for case, region, panels in views(world, period):
        print(case)
        conversations = [c for c in stored(period, region) if c.is_conversation]
        loneliness, kinds = panels["loneliness"], panels["loneliness_kind"]
        assert loneliness.categories[0] == "2025-01"
        assert loneliness.unit == "percent"
        for index, month in enumerate(range(1, 13)):
            those = [
                c
                for c in conversations
                if timezone.localtime(c.started_at).month == month
            ]
            about = sum(1 for c in those if c.loneliness == "about")
            out_of = sum(1 for c in those if c.loneliness == "out_of")
            expected_about = share(about, len(those)) if those else None
            assert series(loneliness, "About loneliness")[index] == expected_about
            expected_out = share(out_of, len(those)) if those else None
            assert series(loneliness, "Out of loneliness")[index] == expected_out
            for kind, label in (("social", "Social"), ("emotional", "Emotional")):
                assert series(kinds, label)[index] == sum(
                    1
                    for c in those
                    if c.loneliness != "none" and c.loneliness_kind == kind
                )
        assert {r.value for r in loneliness.references} == {49.0, 14.0}


def test_sought_topics_and_typology(world):
    period = Period.year(2025)
    for case, region, panels in views(world, period):
        print(case)
        conversations = [c for c in stored(period, region) if c.is_conversation]
        sought = Counter(code for c in conversations for code in c.sought)
        labels = {"heard": "To be heard", "chat": "A chat", "solutions": "Solutions"}
        for code, label in labels.items():
            assert column(panels["sought"], "Conversations", label) == sought[code]
        topics = Counter(t.label_en for c in conversations for t in c.topics.all())
        assert dict(
            zip(
                panels["topics"].categories,
                series(panels["topics"], "Conversations"),
                strict=True,
            )
        ) == dict(topics)
        assessed = [c for c in conversations if c.typology]
        assert len(assessed) > 5
        assert f"Assessed contacts only: {len(assessed)}." == panels["typology"].note
        with override("en"):
            names = {code: t.name for code, t in assistant.guidance().types.items()}
        types = Counter(
            names.get(assistant.effective_type(c.typology) or "", "Not decided")
            for c in assessed
        )
        typology = panels["typology"]
        for label, count in types.items():
            assert column(typology, "Assessed conversations", label) == count
        assert sum(numbers(typology, "Assessed conversations")) == len(assessed)


def test_referrals_transfers_and_crisis(world):
    period = Period.year(2025)
    for case, region, panels in views(world, period):
        print(case)
        conversations = [c for c in stored(period, region) if c.is_conversation]
        with_link = set(Referral.objects.values_list("contact_id", flat=True))
        linked = [c for c in conversations if c.pk in with_link]
        other = [
            c
            for c in conversations
            if c.pk not in with_link and (c.referrals or "referred" in c.actions)
        ]
        assert linked
        assert other
        referrals = panels["referrals"]
        whole = len(conversations)
        shares = series(referrals, "Share of conversations")
        assert shares == (
            share(len(linked), whole),
            share(len(other), whole),
            share(len(linked) + len(other), whole),
        )
        assert [r.value for r in referrals.references] == [4.0]
        transfers = by(conversations, lambda c: c.get_transfer_display())
        for label in ("Vraagwijzer", "Other"):
            assert (
                column(panels["transfers"], "Conversations", label) == transfers[label]
            )
        assert "No transfer" not in panels["transfers"].categories
        headline = panels["headline"]
        assert series(headline, "Contacts") == (len(stored(period, region)),)
        assert series(headline, "Conversations") == (whole,)
        assert series(headline, "Conversations with a referral") == (
            len(linked) + len(other),
        )
        assert series(headline, "Crisis contacts") == (
            sum(1 for c in conversations if c.crisis),
        )
        crisis = panels["crisis"]
        for index, month in enumerate(range(1, 13)):
            assert series(crisis, "Crisis contacts")[index] == sum(
                1
                for c in conversations
                if c.crisis and timezone.localtime(c.started_at).month == month
            )


def test_regular_callers_and_limits_reached(world):
    period = Period.year(2025)
    conversations = [c for c in stored(period, None) if c.is_conversation]
    ticked = sum(1 for c in conversations if c.regular_caller)
    linked = sum(1 for c in conversations if c.caller_profile_id)
    assert linked == 6
    events = LimitReachedEvent.objects.filter(at__year=2025, profile=world.profile)
    assert events.count() == 3
    for state in STATES:
        if state == "rolled up":
            roll_up()
        panels = panels_for(None, period)
        regular = panels["regular_callers"]
        assert series(regular, "Conversations with a regular caller") == (
            share(ticked, len(conversations)),
        ), state
        assert series(regular, "Conversations linked to a caller profile") == (
            share(linked, len(conversations)),
        ), state
        limits = numbers(
            panels["limit_reached"], "Contacts after the limit was reached"
        )
        assert (limits[1], limits[6], sum(limits)) == (2, 1, 3), state
        noord = panels_for(world.cast.noord, period)["limit_reached"]
        assert not any(noord.series[0].values), state


def test_review_backlog_and_feedback(world, cast):
    unread = Contact.objects.conversations().filter(read_at__isnull=True)
    in_2025 = [c for c in unread if timezone.localtime(c.started_at).year == 2025]
    given = Feedback.objects.count()
    assert given > 10
    from_zuid = Feedback.objects.filter(contact__region=cast.zuid).count()
    this_year = Period.year(timezone.localdate().year)
    for state in STATES:
        if state == "rolled up":
            roll_up()
        review = panels_for(None, Period.year(2025))["review"]
        assert series(review, "Unread reports now") == (unread.count(),), state
        assert series(review, "Unread reports from this period") == (len(in_2025),)
        # All feedback was given today, so none of it falls in 2025.
        assert series(review, "Feedback given in this period") == (0,), state
        now = panels_for(None, this_year)["review"]
        assert series(now, "Feedback given in this period") == (given,), state
        zuid = panels_for(cast.zuid, this_year)["review"]
        assert series(zuid, "Feedback given in this period") == (from_zuid,), state


def test_month_by_month_with_a_year_earlier(world):
    period = Period.year(2025)
    for case, region, panels in views(world, period):
        print(case)
        panel = panels["trend"]
        assert [s.label for s in panel.series] == ["2025", "2024"]
        for index, month in enumerate(range(1, 13)):
            for year, label in ((2025, "2025"), (2024, "2024")):
                assert series(panel, label)[index] == len(
                    stored(Period.month(year, month), region)
                )


def test_months_still_to_come_have_no_value(world):
    roll_up()
    with time_machine.travel(datetime(2025, 6, 15, 12, tzinfo=UTC), tick=False):
        panels = panels_for(None, Period.year(2025))
    trend = series(panels["trend"], "2025")
    assert trend[5] is not None
    assert trend[6:] == (None,) * 6
    assert None not in series(panels["trend"], "2024")


def test_every_panel_has_a_stable_key_and_a_table(world):
    panels = dashboard(None, Period.year(2025))
    assert tuple(p.key for p in panels) == PANEL_KEYS
    for panel in panels:
        assert panel.title
        rows = panel.rows()
        assert len(rows) == len(panel.series) + 1
        assert all(len(row) == len(panel.categories) + 1 for row in rows)


PERIODS = [
    Period.month(2025, 3),
    Period.quarter(2025, 2),
    Period.year(2025),
    Period(date(2024, 2, 10), date(2025, 11, 3)),
]


def test_the_number_of_queries_is_fixed(world, django_assert_max_num_queries):
    """Eleven queries for any period and region, before and after the job ran."""
    for state in STATES:
        if state == "rolled up":
            roll_up()
        for region in (None, world.cast.zuid):
            for period in PERIODS:
                with django_assert_max_num_queries(11):
                    dashboard(region, period)


def test_the_dashboard_of_an_empty_line_shows_zeros(cast):
    panels = dashboard(None, Period.year(2025))
    assert all(panel.is_empty() for panel in panels if panel.key != "regular_callers")
    regular = next(p for p in panels if p.key == "regular_callers")
    assert regular.series[0].values == (None,)
