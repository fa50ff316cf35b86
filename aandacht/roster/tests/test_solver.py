"""The roster solver: hard rules, shortfall, objective, bound and formats.

Every solver result here goes through the independent checker
(``checker.check``), which rereads the problem JSON on its own.
"""

from __future__ import annotations

import copy
import itertools
import json
import random
from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest
from roster_problems import generate

from aandacht.roster.erlang import erlang_a_abandonment
from aandacht.roster.problem import parse_problem
from aandacht.roster.solver import Progress, main, result_to_json, solve
from aandacht.roster.tests.checker import check, least_shortfall

PHONE = {"aht_minutes": 21, "patience_minutes": 2}


def small(
    volunteers: list[dict[str, Any]],
    *,
    month: str = "2027-02",
    lines: list[dict[str, Any]] | None = None,
    demand: list[dict[str, Any]] | None = None,
    shifts: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A small problem: by default night N 00:00, day D 12:00, evening E 20:00."""
    return {
        "month": month,
        "shifts": shifts
        or [
            {"code": "N", "start": "00:00", "night": True},
            {"code": "D", "start": "12:00"},
            {"code": "E", "start": "20:00"},
        ],
        "shift_hours": 4,
        "lines": lines
        or [
            {
                "code": "phone-nl",
                "channel": "phone",
                "language": "nl",
                "max_parallel": 1,
            }
        ],
        "service": {"phone": PHONE, "chat": {"aht_minutes": 36, "patience_minutes": 5}},
        "demand": demand
        if demand is not None
        else [
            {
                "line": "phone-nl",
                "byday": "MO,TU,WE,TH,FR,SA,SU",
                "shift": shift,
                "arrivals_per_hour": rate,
            }
            for shift, rate in (("N", 1.5), ("D", 4.0), ("E", 6.0))
        ],
        "volunteers": volunteers,
    }


def person(ident: str, slots: list[tuple[str, str]], **fields: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "languages": fields.pop("languages", ["nl"]),
        "channels": fields.pop("channels", ["phone"]),
        "min_shifts": fields.pop("min_shifts", 0),
        "max_shifts": fields.pop("max_shifts", 8),
        "night_required": fields.pop("night_required", False),
        "available": [{"date": day, "shift": shift} for day, shift in slots],
        "preferred": [
            {"date": day, "shift": shift} for day, shift in fields.pop("preferred", [])
        ],
        **fields,
    }


def run(data: dict[str, Any], seconds: float = 2.0) -> dict[str, Any]:
    result = result_to_json(solve(parse_problem(data), time_limit_seconds=seconds))
    assert check(data, result) == []
    assert result["objective_value"] <= result["upper_bound"]
    json.dumps(result)  # plain JSON
    return result


@pytest.mark.parametrize(
    ("volunteers", "month", "seconds", "ratio"),
    [(8, "2027-02", 1.5, 0.97), (25, "2027-03", 3.0, 0.97), (60, "2027-10", 5.0, 0.97)],
)
def test_generated_problems_pass_the_checker(volunteers, month, seconds, ratio):
    data = generate(volunteers=volunteers, month=month, seed=volunteers)
    result = run(data, seconds)
    assert result["status"] in ("optimal", "feasible")
    assert result["unmet"] == []
    assert result["objective_value"] >= ratio * result["upper_bound"]
    assert result["solve_seconds"] <= seconds + 1.0
    counts = Counter(a["volunteer"] for a in result["assignments"])
    for volunteer in data["volunteers"]:
        assert (
            volunteer["min_shifts"]
            <= counts[volunteer["id"]]
            <= volunteer["max_shifts"]
        )


def test_a_short_month_gives_the_least_shortfall():
    data = generate(volunteers=20, seed=5, availability=0.04, ensure_feasible=False)
    result = run(data, 2.0)
    assert result["status"] == "partial"
    assert result["assignments"]
    counts = Counter(a["volunteer"] for a in result["assignments"])
    nights = {
        a["volunteer"] for a in result["assignments"] if a["shift"] in ("N1", "N2")
    }
    total = 0
    for volunteer in data["volunteers"]:
        total += max(0, volunteer["min_shifts"] - counts[volunteer["id"]])
        total += int(volunteer["night_required"] and volunteer["id"] not in nights)
    assert total > 0
    assert total == least_shortfall(data)
    rules = {entry["rule"] for entry in result["unmet"]}
    assert "min_shifts" in rules
    assert all("available in" in entry["detail"] for entry in result["unmet"])


def test_more_people_needing_a_night_than_night_places():
    # February 2027: 28 night places (one phone line, one volunteer at a time).
    days = [(date(2027, 2, 1) + timedelta(days=n)).isoformat() for n in range(28)]
    volunteers = [
        person(
            f"v{n:02d}",
            [(day, shift) for day in days for shift in ("N", "D")],
            min_shifts=1,
            max_shifts=2,
            night_required=True,
        )
        for n in range(31)
    ]
    data = small(volunteers)
    result = run(data, 3.0)
    assert result["status"] == "partial"
    assert least_shortfall(data) == 3
    assert sorted(entry["rule"] for entry in result["unmet"]) == ["night"] * 3
    assert sum(1 for a in result["assignments"] if a["shift"] == "N") == 28


def tiny_random(seed: int) -> dict[str, Any]:
    """Three volunteers, a few slots each, two lines: small enough to enumerate."""
    rng = random.Random(seed)  # noqa: S311  (test data, not security)
    days = ["2027-02-01", "2027-02-02", "2027-02-03"]  # Monday to Wednesday
    slots = [(day, shift) for day in days for shift in ("N", "D", "E")]
    lines = [
        {"code": "phone-nl", "channel": "phone", "language": "nl", "max_parallel": 2},
        {
            "code": "phone-tr",
            "channel": "phone",
            "language": "tr",
            "max_parallel": 1,
            "weight": 3,
            "open": [{"byday": "MO,TU,WE", "shifts": ["D", "E"]}],
        },
    ]
    demand = [
        {
            "line": "phone-nl",
            "byday": "MO,TU,WE",
            "shift": "N",
            "arrivals_per_hour": 1.0,
        },
        {
            "line": "phone-nl",
            "byday": "MO,TU,WE",
            "shift": "D",
            "arrivals_per_hour": 3.0,
        },
        {
            "line": "phone-nl",
            "byday": "MO,TU,WE",
            "shift": "E",
            "arrivals_per_hour": 5.5,
        },
        {"line": "phone-tr", "byday": "MO,TU", "shift": "E", "arrivals_per_hour": 1.2},
    ]
    volunteers = []
    for n in range(3):
        chosen = sorted(rng.sample(slots, rng.randint(3, 4)))
        volunteers.append(
            person(
                f"v{n}",
                chosen,
                languages=["nl", "tr"] if n == 0 else ["nl"],
                min_shifts=rng.randint(1, 3),
                max_shifts=3,
                night_required=rng.random() < 0.6,
                preferred=chosen[:1],
            )
        )
    return small(volunteers, lines=lines, demand=demand)


def brute_force(data: dict[str, Any]) -> tuple[int, float]:
    """(least shortfall, best objective value at that shortfall) by enumeration."""
    lines = {line["code"]: line for line in data["lines"]}
    weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    def is_open(line: dict[str, Any], day: str, shift: str) -> bool:
        if "open" not in line:
            return True
        weekday = weekdays[date.fromisoformat(day).weekday()]
        return any(
            weekday in entry["byday"].split(",") and shift in entry["shifts"]
            for entry in line["open"]
        )

    rate = {}
    for entry in data["demand"]:
        for weekday in entry["byday"].split(","):
            rate[(entry["line"], weekday, entry["shift"])] = entry["arrivals_per_hour"]
    per_person: list[list[tuple[tuple[str, str, str], ...]]] = []
    for volunteer in data["volunteers"]:
        options = [
            (slot["date"], slot["shift"], code)
            for slot in volunteer["available"]
            for code, line in lines.items()
            if line["language"] in volunteer["languages"]
            and is_open(line, slot["date"], slot["shift"])
        ]
        rosters = []
        for size in range(volunteer["max_shifts"] + 1):
            for subset in itertools.combinations(options, size):
                dates = [day for day, _shift, _line in subset]
                if len(set(dates)) < len(dates):
                    continue
                taken = {(day, shift) for day, shift, _line in subset}
                if any(
                    shift == "E"
                    and (
                        (date.fromisoformat(day) + timedelta(days=1)).isoformat(),
                        "N",
                    )
                    in taken
                    for day, shift in taken
                ):
                    continue
                rosters.append(subset)
        per_person.append(rosters)
    best: tuple[int, float] = (10**9, -1.0)
    for combination in itertools.product(*per_person):
        staffed = Counter(
            (code, day, shift) for roster in combination for day, shift, code in roster
        )
        if any(
            count > lines[code]["max_parallel"]
            for (code, _d, _s), count in staffed.items()
        ):
            continue
        shortfall = 0
        for volunteer, roster in zip(data["volunteers"], combination, strict=True):
            shortfall += max(0, volunteer["min_shifts"] - len(roster))
            if volunteer["night_required"] and not any(
                s == "N" for _d, s, _l in roster
            ):
                shortfall += 1
        objective = 0.0
        for (code, day, shift), n in staffed.items():
            weekday = weekdays[date.fromisoformat(day).weekday()]
            lam = rate.get((code, weekday, shift), 0.0)
            if lam:
                p = erlang_a_abandonment(lam, 21, 2, n)
                objective += lines[code].get("weight", 1) * 4 * lam * (1 - p)
        if (shortfall, -objective) < (best[0], -best[1]):
            best = (shortfall, objective)
    return best


@pytest.mark.parametrize("seed", range(6))
def test_tiny_problems_against_brute_force(seed):
    data = tiny_random(seed)
    least, best = brute_force(data)
    result = run(data, 2.0)
    counts = Counter(a["volunteer"] for a in result["assignments"])
    nights = {a["volunteer"] for a in result["assignments"] if a["shift"] == "N"}
    shortfall = sum(
        max(0, v["min_shifts"] - counts[v["id"]])
        + int(v["night_required"] and v["id"] not in nights)
        for v in data["volunteers"]
    )
    assert shortfall == least
    assert least_shortfall(data) == least
    assert result["status"] == ("partial" if least else "optimal")
    # Tie-breakers cost at most 1%; the bound holds.
    assert 0.99 * best - 1e-6 <= result["objective_value"] <= best + 1e-6
    assert result["upper_bound"] >= best - 1e-9


def sundays(month: str) -> list[str]:
    year, number = (int(part) for part in month.split("-"))
    day = date(year, number, 1)
    found = []
    while day.month == number:
        if day.weekday() == 6:
            found.append(day.isoformat())
        day += timedelta(days=1)
    return found


@pytest.mark.parametrize(
    ("month", "hours", "chosen"),
    [("2027-03", 15, "2027-03-21"), ("2027-10", 21, "2027-10-31")],
)
def test_clock_change_nights_count_real_hours(month, hours, chosen):
    """3 hours on the last Sunday of March, 5 on the last Sunday of October."""
    volunteers = [person("v1", [(day, "N") for day in sundays(month)], max_shifts=1)]
    demand = [
        {"line": "phone-nl", "byday": "SU", "shift": "N", "arrivals_per_hour": 2.0}
    ]
    data = small(volunteers, month=month, demand=demand)
    result = run(data, 2.0)
    assert result["expected_arrivals"] == pytest.approx(2.0 * hours)
    answered = 2.0 * (1 - erlang_a_abandonment(2.0, 21, 2, 1))
    if month == "2027-10":
        # The long night is worth the most: five hours of calls.
        assert [a["date"] for a in result["assignments"]] == [chosen]
        assert result["expected_answered"] == pytest.approx(5 * answered)
    else:
        # Never the short night; any four-hour Sunday is as good.
        assert [a["date"] for a in result["assignments"]] != ["2027-03-28"]
        assert result["expected_answered"] == pytest.approx(4 * answered)


@pytest.mark.parametrize(("weight", "line"), [(3, "phone-tr"), (1, "phone-nl")])
def test_small_language_weight_keeps_a_turkish_speaker_on_phone_tr(weight, line):
    lines = [
        {"code": "phone-nl", "channel": "phone", "language": "nl", "max_parallel": 3},
        {
            "code": "phone-tr",
            "channel": "phone",
            "language": "tr",
            "max_parallel": 1,
            "weight": weight,
            "open": [{"byday": "MO", "shifts": ["E"]}],
        },
    ]
    demand = [
        {"line": "phone-nl", "byday": "MO", "shift": "E", "arrivals_per_hour": 6.0},
        {"line": "phone-tr", "byday": "MO", "shift": "E", "arrivals_per_hour": 2.5},
    ]
    # The Dutch line answers more calls, the Turkish one more weighted calls.
    nl = 6.0 * (1 - erlang_a_abandonment(6.0, 21, 2, 1))
    tr = 2.5 * (1 - erlang_a_abandonment(2.5, 21, 2, 1))
    assert tr < nl < 3 * tr
    volunteers = [
        person("ayse", [("2027-02-01", "E")], languages=["nl", "tr"], max_shifts=1)
    ]
    result = run(small(volunteers, lines=lines, demand=demand))
    assert [a["line"] for a in result["assignments"]] == [line]


def test_in_a_generated_month_turkish_speakers_staff_phone_tr():
    data = generate(volunteers=40, seed=11)
    result = run(data, 3.0)
    speakers = {
        v["id"]
        for v in data["volunteers"]
        if "tr" in v["languages"] and "phone" in v["channels"]
    }
    assert speakers
    staffed = {
        (a["date"], a["shift"])
        for a in result["assignments"]
        if a["line"] == "phone-tr"
    }
    on_tr = [a for a in result["assignments"] if a["volunteer"] in speakers]
    # A Turkish speaker on duty when phone-tr is open is on phone-tr.
    for a in on_tr:
        if a["line"] != "phone-tr":
            assert (a["date"], a["shift"]) in staffed or not _tr_open(a)


def _tr_open(assignment: dict[str, Any]) -> bool:
    weekday = date.fromisoformat(assignment["date"]).weekday()
    return weekday < 5 and assignment["shift"] in ("A", "E")


def test_no_back_to_back_across_midnight():
    volunteers = [
        person("v1", [("2027-02-01", "E"), ("2027-02-02", "N")], max_shifts=2)
    ]
    result = run(small(volunteers))
    assert len(result["assignments"]) == 1
    # Two days apart is fine.
    volunteers = [
        person("v1", [("2027-02-01", "E"), ("2027-02-03", "N")], max_shifts=2)
    ]
    result = run(small(volunteers))
    assert len(result["assignments"]) == 2


def test_a_preferred_slot_breaks_a_tie():
    # Two Mondays with the same demand: the preferred one wins.
    volunteers = [
        person(
            "v1",
            [("2027-02-01", "E"), ("2027-02-08", "E")],
            max_shifts=1,
            preferred=[("2027-02-08", "E")],
        )
    ]
    result = run(small(volunteers))
    assert [a["date"] for a in result["assignments"]] == ["2027-02-08"]


def test_fairness_evens_the_counts_in_a_band():
    # Two equal slots a night for two volunteers of the same band: one each.
    slots = [("2027-02-01", "E"), ("2027-02-02", "E")]
    demand = [
        {"line": "phone-nl", "byday": "MO,TU", "shift": "E", "arrivals_per_hour": 4.0}
    ]
    volunteers = [person("a", slots, max_shifts=2), person("b", slots, max_shifts=2)]
    result = run(small(volunteers, demand=demand))
    assert Counter(a["volunteer"] for a in result["assignments"]) == {"a": 1, "b": 1}


def test_no_demand_still_meets_rule_4():
    volunteers = [
        person(
            "v1",
            [("2027-02-01", "N"), ("2027-02-02", "D")],
            min_shifts=2,
            night_required=True,
        ),
    ]
    result = run(small(volunteers, demand=[]))
    assert result["status"] == "optimal"
    assert result["objective_value"] == 0
    assert len(result["assignments"]) == 2


def test_result_format_and_order():
    data = generate(volunteers=10, month="2027-02", seed=3)
    result = run(data, 1.5)
    order = {shift["code"]: n for n, shift in enumerate(data["shifts"])}
    keys = [
        (a["date"], order[a["shift"]], a["line"], a["volunteer"])
        for a in result["assignments"]
    ]
    assert keys == sorted(keys)
    assert list(result) == [
        "status",
        "assignments",
        "expected_answered",
        "expected_arrivals",
        "objective_value",
        "upper_bound",
        "unmet",
        "solve_seconds",
    ]


def test_progress_reports_objective_and_bound():
    seen: list[Progress] = []
    problem = parse_problem(generate(volunteers=15, seed=4))
    result = solve(problem, time_limit_seconds=1.5, progress=seen.append)
    objective = [p for p in seen if p.phase == "objective"]
    assert objective
    for report in objective:
        assert report.objective is not None
        assert report.bound is not None
        assert report.objective <= report.bound + 1e-6
    assert objective[-1].objective == pytest.approx(result.objective_value, rel=1e-4)


def test_main_writes_the_result(tmp_path, capsys):
    data = generate(volunteers=10, month="2027-02", seed=8)
    source, target = tmp_path / "problem.json", tmp_path / "result.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    code = main(["--input", str(source), "--output", str(target), "--time-limit", "1"])
    assert code == 0
    assert check(data, json.loads(target.read_text(encoding="utf-8"))) == []
    broken = copy.deepcopy(data)
    broken["month"] = "March"
    broken["lines"][0]["max_parallel"] = -1
    source.write_text(json.dumps(broken), encoding="utf-8")
    assert main(["--input", str(source), "--output", str(target)]) == 2
    err = capsys.readouterr().err
    assert "$.month" in err
    assert "$.lines[0].max_parallel" in err


def test_the_checker_catches_broken_rosters():
    days = ["2027-02-01", "2027-02-02"]
    volunteers = [
        person(
            "a",
            [(d, s) for d in days for s in ("N", "D", "E")],
            min_shifts=1,
            max_shifts=2,
            night_required=True,
        ),
        person("b", [(d, s) for d in days for s in ("D", "E")], max_shifts=1),
    ]
    data = small(volunteers)
    good = run(data)

    def broken(change) -> list[str]:
        result = copy.deepcopy(good)
        change(result)
        return check(data, result)

    def add(volunteer, day, shift, line="phone-nl"):
        return lambda r: r["assignments"].append(
            {"volunteer": volunteer, "date": day, "shift": shift, "line": line}
        )

    taken = {(a["volunteer"], a["date"], a["shift"]) for a in good["assignments"]}
    assert any("not available" in e for e in broken(add("b", "2027-02-01", "N")))
    assert any("unknown line" in e for e in broken(add("b", "2027-02-01", "D", "x")))
    assert any(
        "max_parallel" in e or "shifts on" in e
        for e in broken(lambda r: r["assignments"].extend(r["assignments"]))
    )

    def back_to_back(result):
        result["assignments"] = [
            {"volunteer": "a", "date": "2027-02-01", "shift": "E", "line": "phone-nl"},
            {"volunteer": "a", "date": "2027-02-02", "shift": "N", "line": "phone-nl"},
        ]
        result["unmet"] = []
        result["status"] = "feasible"

    assert any("back to back" in e for e in broken(back_to_back))
    assert any(
        "objective_value" in e
        for e in broken(lambda r: r.update(objective_value=r["objective_value"] + 1))
    )

    def drop_night(result):
        result["assignments"] = [a for a in result["assignments"] if a["shift"] != "N"]

    errors = broken(drop_night)
    if any(v == "a" and s == "N" for v, _d, s in taken):
        assert any("not listed in unmet" in e for e in errors)
    assert any(
        "listed" in e or "met" in e
        for e in broken(
            lambda r: r["unmet"].append(
                {"volunteer": "b", "rule": "min_shifts", "detail": "x"}
            )
        )
    )


def test_without_demand_the_tie_breakers_decide():
    volunteers = [
        person(
            "v1",
            [("2027-02-01", "D"), ("2027-02-02", "D"), ("2027-02-03", "D")],
            min_shifts=1,
            max_shifts=1,
            preferred=[("2027-02-02", "D")],
        )
    ]
    result = run(small(volunteers, demand=[]))
    assert result["status"] == "optimal"
    assert [a["date"] for a in result["assignments"]] == ["2027-02-02"]
