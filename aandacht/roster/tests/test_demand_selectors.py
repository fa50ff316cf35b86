"""The reads: the problem builder's three parts, and each screen's queries."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import translation

from aandacht.roster.demand import selectors, services
from aandacht.roster.erlang import erlang_a_abandonment, lines_needed
from aandacht.roster.models import Assignment, Line, RosterMonth
from aandacht.roster.problem import parse_problem

from .conftest import EXAMPLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def lines(cast):
    services.lines_install_defaults(region=cast.zuid)
    return {line.code: line for line in Line.objects.filter(region=cast.zuid)}


def set_demand(line, weekday, shift, rate):
    services.demand_set(line=line, weekday=weekday, shift=shift, arrivals_per_hour=rate)


def test_the_problem_parts_follow_the_roster_format(cast, lines):
    set_demand(lines["phone-nl"], 0, "N1", 5.5)
    set_demand(lines["phone-tr"], 0, "A", 1.25)
    set_demand(lines["phone-tr"], 5, "A", 2.0)  # Saturday: closed, left out
    set_demand(lines["chat-nl"], 1, "M", 0)  # zero: no entry needed
    assert selectors.demand_entries(cast.zuid) == [
        {"line": "phone-nl", "byday": "MO", "shift": "N1", "arrivals_per_hour": 5.5},
        {"line": "phone-tr", "byday": "MO", "shift": "A", "arrivals_per_hour": 1.25},
    ]
    problem_lines = selectors.lines_for_problem(cast.zuid)
    assert [line["code"] for line in problem_lines] == [
        "chat-nl",
        "phone-ar",
        "phone-fa",
        "phone-nl",
        "phone-tr",
    ]
    assert problem_lines[3] == {
        "code": "phone-nl",
        "channel": "phone",
        "language": "nl",
        "max_parallel": 6,
        "weight": 1.0,
    }
    assert problem_lines[4]["open"] == [
        {"byday": "MO,TU,WE,TH,FR", "shifts": ["A", "E"]}
    ]
    assert problem_lines[4]["weight"] == 3.0
    service = selectors.service_parameters(cast.zuid)
    assert service["phone"] == {"aht_minutes": 21.0, "patience_minutes": 2.0}
    assert service["chat"] == {"aht_minutes": 36.0, "patience_minutes": 5.0}
    measured = selectors.service_parameters(cast.zuid, {"phone": 1.5})
    assert measured["phone"]["patience_minutes"] == 1.5
    # The three parts make a valid problem with the rest of the example.
    problem = {
        **EXAMPLE,
        "lines": problem_lines,
        "demand": selectors.demand_entries(cast.zuid),
        "service": service,
        "volunteers": [],
    }
    parsed = parse_problem(problem)
    assert len(parsed.lines) == 5
    assert selectors.demand_entries(cast.noord) == []
    assert selectors.lines_for_problem(cast.noord) == []


def test_the_answer_rate_setting_is_checked(settings):
    assert selectors.assumed_answer_rate() == 0.65
    settings.AANDACHT_ASSUMED_ANSWER_RATE = 0.8
    assert selectors.assumed_answer_rate() == 0.8
    settings.AANDACHT_ASSUMED_ANSWER_RATE = 1.5
    with pytest.raises(ValueError, match="AANDACHT_ASSUMED_ANSWER_RATE"):
        selectors.assumed_answer_rate()


def test_the_lines_page_reads_one_query(cast, lines, django_assert_num_queries):
    with django_assert_num_queries(1), translation.override("en"):
        rows = selectors.lines_page(cast.zuid)
        assert rows[0].opening == [
            "Mon, Tue, Wed, Thu, Fri, Sat, Sun: 12:00–16:00, 16:00–20:00, 20:00–00:00"
        ]
    assert rows[3].opening == []  # phone-nl: always open


def test_the_demand_overview_reads_two_queries(cast, lines, django_assert_num_queries):
    for weekday in range(7):
        set_demand(lines["phone-nl"], weekday, "E", 3.0)
    set_demand(lines["chat-nl"], 0, "N1", 1.0)  # closed slot
    with django_assert_num_queries(2):
        overview = selectors.demand_overview(cast.zuid)
    phone = next(t for t in overview.lines if t.line.code == "phone-nl")
    assert phone.weekly_arrivals == 7 * 4 * 3.0
    assert phone.rows[0].cells[5].arrivals == 3.0
    assert phone.sources == ["manual"]
    chat = next(t for t in overview.lines if t.line.code == "chat-nl")
    assert chat.rows[0].cells[0].open is False
    assert chat.weekly_arrivals == 0


@pytest.fixture
def march(cast, lines):
    roster = RosterMonth.objects.create(
        region=cast.zuid, month=date(2027, 3, 1), deadline=date(2027, 2, 20)
    )
    return roster


def test_the_capacity_page_says_when_there_are_no_assignments(
    cast, lines, march, django_assert_num_queries
):
    with django_assert_num_queries(5):
        page = selectors.capacity_page(cast.zuid, None)
    assert page.roster == march
    assert page.rates is None
    assert page.assignments == 0
    assert selectors.capacity_page(cast.noord, None).roster is None


def test_the_capacity_page_reads_five_queries_however_many_assignments(
    cast, lines, march, django_assert_num_queries
):
    set_demand(lines["phone-nl"], 0, "E", 6.0)  # Mondays: 1, 8, 15, 22, 29 March
    volunteer = cast["volunteer_zuid"]
    for day in (1, 8):
        Assignment.objects.create(
            roster=march,
            volunteer=volunteer,
            date=date(2027, 3, day),
            shift="E",
            line=lines["phone-nl"],
        )
    with django_assert_num_queries(5):
        page = selectors.capacity_page(cast.zuid, "2027-03")
    assert page.assignments == 2
    assert page.rates is not None
    phone = [line.code for line in page.rates.lines].index("phone-nl")
    cell = page.rates.rows[21].cells[phone]
    assert cell is not None
    # Five Mondays of 6 calls an hour; two of them staffed by one volunteer.
    share = 1 - erlang_a_abandonment(6.0, 21, 2, 1)
    assert cell.offered == 30.0
    assert cell.answered == pytest.approx(2 * 6.0 * share)
    summary = page.per_line[phone]
    assert summary.total.offered == 5 * 4 * 6.0
    assert summary.lowest_hour == 20
    chat = [line.code for line in page.rates.lines].index("chat-nl")
    assert page.rates.rows[2].cells[chat] is None  # closed at night


def test_lines_needed_read_three_queries(cast, lines, django_assert_num_queries):
    set_demand(lines["phone-nl"], 0, "E", 12.0)
    set_demand(lines["phone-tr"], 0, "A", 2.0)
    with django_assert_num_queries(3):
        page = selectors.lines_needed_page(cast.zuid, 0.8)
    phone = next(t for t in page.tables if t.line.code == "phone-nl")
    monday = phone.rows[0][1]
    assert monday[5].lines == lines_needed(12.0, 21, 2, 0.8)
    assert monday[5].over_places is (monday[5].lines > 6)
    assert monday[0].lines == 0
    turkish = next(t for t in page.tables if t.line.code == "phone-tr")
    assert turkish.rows[0][1][0].open is False
    assert turkish.rows[0][1][4].lines == lines_needed(2.0, 21, 2, 0.8)
    assert turkish.over_slots == 1  # one place, more needed on Monday A
    assert page.has_demand
