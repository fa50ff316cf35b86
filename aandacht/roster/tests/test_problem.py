"""Parsing and validating the roster problem format."""

from __future__ import annotations

import calendar
import copy
import json
from datetime import date, time
from typing import Any

import pytest
from roster_problems import generate

from aandacht.roster.problem import (
    ProblemError,
    load_problem,
    parse_problem,
    slot_hours,
)
from aandacht.roster.tests.conftest import EXAMPLE


def last_sunday(year: int, month: int) -> date:
    last = calendar.monthrange(year, month)[1]
    day = date(year, month, last)
    return date(year, month, last - (day.weekday() - 6) % 7)


def test_the_example_parses(example):
    problem = parse_problem(example)
    assert problem.month_code == "2027-03"
    assert [shift.code for shift in problem.shifts] == ["N1", "N2", "O", "M", "A", "E"]
    assert problem.shift("N1").night
    assert not problem.shift("O").night
    assert problem.line("phone-nl").weight == 1.0  # the default
    assert problem.line("phone-tr").weight == 3.0
    assert problem.line("phone-nl").is_open(6, "N2")  # no `open`: always open
    assert not problem.line("phone-tr").is_open(5, "A")  # Saturday
    assert problem.demand == {("phone-nl", 0, "N1"): 5.5}
    volunteer = problem.volunteers[0]
    assert volunteer.languages == {"nl", "tr"}
    assert volunteer.preferred == {(date(2027, 3, 2), "E")}
    assert len(problem.slots) == 31 * 6
    # Line slots: phone-nl always, chat 3 a day, phone-tr 2 on 23 weekdays.
    assert len(problem.line_slots) == 31 * 6 + 31 * 3 + 23 * 2
    mondays = [ls for ls in problem.line_slots if ls.arrivals_per_hour > 0]
    assert {ls.date.weekday() for ls in mondays} == {0}
    assert all(ls.line == "phone-nl" and ls.shift == "N1" for ls in mondays)


def test_the_example_as_written_is_refused():
    """The format document's example prefers a slot it is not available in."""
    with pytest.raises(ProblemError) as caught:
        parse_problem(EXAMPLE)
    assert caught.value.problems == [
        "$.volunteers[0].preferred[0]: preferred 2027-03-02 E is not in available"
    ]


def test_shifts_are_ordered_by_start(example):
    example["shifts"].reverse()
    problem = parse_problem(example)
    assert problem.first_shift == "N1"
    assert problem.last_shift == "E"


@pytest.mark.parametrize("year", [2026, 2027, 2028, 2031])
def test_clock_change_nights(year):
    spring, autumn = last_sunday(year, 3), last_sunday(year, 10)
    assert slot_hours(spring, time(0), 4) == 3.0
    assert slot_hours(autumn, time(0), 4) == 5.0
    # The week before and after: ordinary four-hour nights.
    for day in (spring.replace(day=spring.day - 7), autumn.replace(day=autumn.day - 7)):
        assert slot_hours(day, time(0), 4) == 4.0
    assert slot_hours(spring, time(4), 4) == 4.0
    assert slot_hours(spring.replace(day=spring.day - 1), time(20), 8) == 7.0


def test_clock_change_in_the_slots(example):
    example["demand"] = [
        {"line": "phone-nl", "byday": "SU", "shift": "N1", "arrivals_per_hour": 2.0}
    ]
    problem = parse_problem(example)
    sunday_nights = {
        ls.date: ls.hours
        for ls in problem.line_slots
        if ls.line == "phone-nl" and ls.shift == "N1" and ls.date.weekday() == 6
    }
    assert sunday_nights == {
        date(2027, 3, 7): 4.0,
        date(2027, 3, 14): 4.0,
        date(2027, 3, 21): 4.0,
        date(2027, 3, 28): 3.0,
    }
    assert sum(ls.arrivals for ls in problem.line_slots) == 2.0 * 15
    example["month"] = "2027-10"
    example["volunteers"][0]["available"] = []
    example["volunteers"][0]["preferred"] = []
    october = parse_problem(example)
    assert sum(ls.arrivals for ls in october.line_slots) == 2.0 * (4 * 4 + 5)
    assert sum(slot.hours for slot in october.slots) == 31 * 24 + 1
    assert sum(slot.hours for slot in problem.slots) == 31 * 24 - 1


def bad_problem() -> dict[str, Any]:
    data = copy.deepcopy(EXAMPLE)
    data["month"] = "2027-13"
    data["shifts"].append({"code": "E", "start": "21:00"})  # duplicate code
    data["shifts"].append({"code": "X", "start": "25:00", "colour": "red"})
    data["lines"].append(
        {"code": "phone-nl", "channel": "phone", "language": "nl", "max_parallel": -1}
    )
    data["lines"].append(
        {
            "code": "mail-nl",
            "channel": "mail",
            "language": "NL",
            "max_parallel": 1,
            "open": [{"byday": "MO,XX", "shifts": ["Q"]}],
        }
    )
    data["lines"].append(
        {"code": "fax", "channel": "fax", "language": "nl", "max_parallel": 1}
    )
    data["service"]["pigeon"] = {"aht_minutes": 1, "patience_minutes": 1}
    data["service"]["chat"]["aht_minutes"] = 0
    data["demand"] += [
        {"line": "phone-tr", "byday": "SA", "shift": "A", "arrivals_per_hour": 1},
        {"line": "phone-nl", "byday": "MO,TU", "shift": "N1", "arrivals_per_hour": 2},
        {"line": "phone-xx", "byday": "MO", "shift": "N1", "arrivals_per_hour": 2},
        {"line": "phone-nl", "byday": "WE", "shift": "N1", "arrivals_per_hour": -3},
        {"line": "phone-nl", "byday": "TH", "shift": "Z", "arrivals_per_hour": True},
    ]
    person = data["volunteers"][0]
    person["min_shifts"] = 9
    person["channels"] = ["phone", "telegraph"]
    person["available"] = [
        {"date": "2027-04-01", "shift": "N1"},
        {"date": "2027-03-05", "shift": "Q"},
        {"date": "2027-03-32", "shift": "N1"},
        {"date": "2027-03-06", "shift": "E"},
        {"date": "2027-03-06", "shift": "E"},
    ]
    data["volunteers"].append(dict(person, id="v001", available=[], preferred=[]))
    data["volunteers"].append({"id": "v003", "max_shifts": 2.5})
    return data


def test_a_malformed_problem_lists_every_problem():
    with pytest.raises(ProblemError) as caught:
        parse_problem(bad_problem())
    problems = caught.value.problems
    expected = [
        "$.month: no such month: '2027-13'",
        "$.shifts[6].code: duplicate shift code 'E'",
        "$.shifts[7].colour: unknown field",
        "$.shifts[7].start: no such time: '25:00'",
        "$.service.pigeon: unknown channel 'pigeon'",
        "$.service.chat.aht_minutes: must be greater than zero, not 0",
        "$.lines[3].code: duplicate line code 'phone-nl'",
        "$.lines[3].max_parallel: must not be negative, not -1",
        "$.lines[4].channel: no service figures for channel 'mail'",
        "$.lines[4].language: must be a lower-case ISO 639 language code",
        "$.lines[4].open[0].byday: unknown weekday 'XX'",
        "$.lines[4].open[0].shifts[0]: unknown shift 'Q'",
        "$.lines[5].channel: unknown channel 'fax'",
        "$.demand[1]: demand for line 'phone-tr' on SA in shift 'A', where the line "
        "is closed",
        "$.demand[2]: second demand entry for line 'phone-nl', MO, shift 'N1' "
        "(first at $.demand[0])",
        "$.demand[3].line: unknown line 'phone-xx'",
        "$.demand[4].arrivals_per_hour: must not be negative, not -3",
        "$.demand[5].shift: unknown shift 'Z'",
        "$.demand[5].arrivals_per_hour: must be a number, not a boolean",
        "$.volunteers[0].channels[1]: unknown channel 'telegraph'",
        "$.volunteers[0].min_shifts: min_shifts 9 is more than max_shifts 8",
        "$.volunteers[0].available[1].shift: unknown shift 'Q'",
        "$.volunteers[0].available[2].date: no such date: '2027-03-32'",
        "$.volunteers[0].available[4]: 2027-03-06 E given twice",
        "$.volunteers[1].id: duplicate volunteer id 'v001'",
        "$.volunteers[2].languages: is missing",
        "$.volunteers[2].channels: is missing",
        "$.volunteers[2].min_shifts: is missing",
        "$.volunteers[2].max_shifts: must be a whole number, not the number 2.5",
        "$.volunteers[2].available: is missing",
    ]
    for text in expected:
        assert any(problem.startswith(text) for problem in problems), text
    # The month is unreadable, so dates cannot be checked against it, but
    # everything else still is; the preferred slot not in available is also
    # reported once the available list is readable.
    assert len(problems) >= len(expected)


def test_preferred_must_be_available_and_dates_in_the_month(example):
    example["volunteers"][0]["preferred"].append({"date": "2027-03-09", "shift": "O"})
    example["volunteers"][0]["available"].append({"date": "2027-02-28", "shift": "O"})
    with pytest.raises(ProblemError) as caught:
        parse_problem(example)
    assert caught.value.problems == [
        "$.volunteers[0].available[2].date: 2027-02-28 is outside the month 2027-03",
    ]
    example["volunteers"][0]["available"].pop()
    with pytest.raises(ProblemError) as caught:
        parse_problem(example)
    assert caught.value.problems == [
        "$.volunteers[0].preferred[1]: preferred 2027-03-09 O is not in available"
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("volunteers"), "$.volunteers: is missing"),
        (lambda d: d.update(shifts=[]), "$.shifts: must list at least one shift"),
        (lambda d: d.update(shift_hours=0), "$.shift_hours: must be greater than zero"),
        (lambda d: d.update(shift_hours=30), "$.shift_hours: must be at most 24"),
        (lambda d: d.update(month=202703), "$.month: must be a string YYYY-MM"),
        (lambda d: d.update(lines={}), "$.lines: must be a list, not an object"),
        (
            lambda d: d["shifts"][1].update(start="00:00"),
            "$.shifts[1].start: shift starts at the same time as shift 'N1'",
        ),
        (
            lambda d: d["lines"][1].update(open=[]),
            "$.lines[1].open: is empty",
        ),
        (
            lambda d: d["lines"][0].update(weight=-2),
            "$.lines[0].weight: must not be negative, not -2",
        ),
        (
            lambda d: d["service"].pop("chat"),
            "$.lines[2].channel: no service figures for channel 'chat'",
        ),
        (
            lambda d: d["volunteers"][0].update(night_required="yes"),
            "$.volunteers[0].night_required: must be true or false",
        ),
        (
            lambda d: d["volunteers"][0].update(languages=["nl", "nl"]),
            "$.volunteers[0].languages[1]: 'nl' given twice",
        ),
        (
            lambda d: d["demand"][0].update(byday="MO,MO"),
            "$.demand[0].byday: weekday MO given twice",
        ),
        (
            lambda d: d["volunteers"][0].update(min_shifts=-1),
            "$.volunteers[0].min_shifts: must not be negative, not -1",
        ),
    ],
)
def test_single_problems(example, change, message):
    change(example)
    with pytest.raises(ProblemError) as caught:
        parse_problem(example)
    assert any(problem.startswith(message) for problem in caught.value.problems), (
        caught.value.problems
    )


def test_not_an_object():
    with pytest.raises(ProblemError) as caught:
        parse_problem([])  # type: ignore[arg-type]
    assert caught.value.problems == ["$: must be an object, not a list"]


def test_load_problem(tmp_path, example):
    path = tmp_path / "problem.json"
    path.write_text(json.dumps(example), encoding="utf-8")
    assert load_problem(path).volunteers[0].id == "v001"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ProblemError) as caught:
        load_problem(path)
    assert caught.value.problems[0].startswith("$: not valid JSON")


def test_error_message_lists_every_problem():
    with pytest.raises(ProblemError) as caught:
        parse_problem(bad_problem())
    text = str(caught.value)
    assert text.startswith(f"{len(caught.value.problems)} problem(s)")
    assert all(problem in text for problem in caught.value.problems)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_problems_are_valid(seed):
    data = generate(volunteers=60, month="2027-10", seed=seed)
    problem = parse_problem(data)
    assert len(problem.volunteers) == 60
    share = sum(len(v.available) for v in problem.volunteers) / (
        60 * len(problem.slots)
    )
    assert 0.3 < share < 0.5
    assert generate(volunteers=60, month="2027-10", seed=seed) == data  # deterministic
