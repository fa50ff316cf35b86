"""The pure arithmetic: the clock, arrivals, patience, call logs, capacity."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from aandacht.roster.demand import calllog, capacity, estimate
from aandacht.roster.demand.estimate import ALL_SLOTS, Call
from aandacht.roster.erlang import erlang_a_abandonment, lines_needed
from aandacht.roster.shifts import LOCAL

SPRING = date(2025, 3, 30)  # last Sunday of March: 02:00 becomes 03:00
AUTUMN = date(2025, 10, 26)  # last Sunday of October: 03:00 becomes 02:00
MONDAY = date(2025, 3, 3)


def local(day: date, hour: int, minute: int = 0, fold: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LOCAL, fold=fold)


# --------------------------------------------------------------------------- #
# The clock
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("hour", "shift"),
    [
        (0, "N1"),
        (3, "N1"),
        (4, "N2"),
        (7, "N2"),
        (8, "O"),
        (11, "O"),
        (12, "M"),
        (15, "M"),
        (16, "A"),
        (19, "A"),
        (20, "E"),
        (23, "E"),
    ],
)
def test_every_hour_falls_in_its_shift(hour, shift):
    assert estimate.shift_of_hour(hour) == shift


def test_an_hour_outside_the_day_is_refused():
    with pytest.raises(ValueError, match="hour"):
        estimate.shift_of_hour(24)


def test_the_night_slot_lasts_3_hours_in_march_and_5_in_october():
    assert estimate.slot_hours(MONDAY, "N1") == 4
    assert estimate.slot_hours(SPRING, "N1") == 3
    assert estimate.slot_hours(AUTUMN, "N1") == 5
    for code in ("N2", "O", "M", "A", "E"):
        assert estimate.slot_hours(SPRING, code) == 4
        assert estimate.slot_hours(AUTUMN, code) == 4


def test_the_hour_from_two_to_three_lasts_0_or_2_hours_at_the_clock_change():
    spring, autumn = estimate.hour_lengths(SPRING), estimate.hour_lengths(AUTUMN)
    assert spring[2] == 0
    assert sum(spring) == 23
    assert autumn[2] == 2
    assert sum(autumn) == 25
    assert estimate.hour_lengths(MONDAY) == [1.0] * 24


def test_observed_hours_count_the_real_length_of_each_night():
    hours = estimate.observed_hours(date(2025, 3, 24), date(2025, 4, 6))  # 2 weeks
    assert hours[(6, "N1")] == 4 + 3
    assert hours[(6, "E")] == 8
    assert hours[(0, "N1")] == 8
    assert set(hours) == ALL_SLOTS
    october = estimate.observed_hours(date(2025, 10, 20), date(2025, 10, 26))
    assert october[(6, "N1")] == 5


# --------------------------------------------------------------------------- #
# Arrivals
# --------------------------------------------------------------------------- #


def test_hours_are_summed_into_shifts():
    rows = [(0, 0, 2), (0, 3, 1), (0, 4, 5), (6, 23, 7), (6, 20, 1)]
    assert estimate.counts_per_slot(rows) == {
        (0, "N1"): 3,
        (0, "N2"): 5,
        (6, "E"): 8,
    }


def test_answered_contacts_become_arrivals_through_the_answer_rate():
    hours = {(0, "A"): 16.0, (0, "E"): 16.0}
    arrivals = estimate.arrivals_per_hour({(0, "A"): 26}, hours, 0.65)
    assert arrivals[(0, "A")] == pytest.approx(2.5)
    assert arrivals[(0, "E")] == 0  # observed, no contacts: none expected
    assert estimate.arrivals_per_hour({(0, "A"): 26}, hours)[(0, "A")] == 1.625


def test_a_slot_never_observed_has_no_rate():
    assert estimate.arrivals_per_hour({(1, "A"): 3}, {(0, "A"): 4.0}) == {(0, "A"): 0.0}


@pytest.mark.parametrize("rate", [0, -0.1, 1.2])
def test_an_impossible_answer_rate_is_refused(rate):
    with pytest.raises(ValueError, match="answer_rate"):
        estimate.arrivals_per_hour({}, {}, rate)


def test_calls_on_the_short_and_long_nights_are_divided_by_real_hours():
    spring = estimate.arrivals_per_hour(
        {(6, "N1"): 6}, estimate.observed_hours(SPRING, SPRING)
    )
    autumn = estimate.arrivals_per_hour(
        {(6, "N1"): 10}, estimate.observed_hours(AUTUMN, AUTUMN)
    )
    assert spring[(6, "N1")] == 2.0
    assert autumn[(6, "N1")] == 2.0


# --------------------------------------------------------------------------- #
# Patience
# --------------------------------------------------------------------------- #


def test_patience_is_mean_wait_divided_by_the_abandonment_share():
    # 100 calls waited 3000 s in all (30 s each), 25 hung up: 30 / 0.25 = 120 s.
    assert estimate.patience_minutes(3000, 100, 25) == pytest.approx(2.0)
    assert estimate.patience_minutes(600, 10, 10) == pytest.approx(1.0)


@pytest.mark.parametrize(("wait", "calls", "abandoned"), [(100, 10, 0), (0, 10, 2)])
def test_patience_cannot_be_told_without_abandoned_calls_or_waiting(
    wait, calls, abandoned
):
    with pytest.raises(ValueError, match="patience"):
        estimate.patience_minutes(wait, calls, abandoned)


def call(moment: datetime, line="phone-nl", answered=True, wait=0.0) -> Call:
    return Call(at=moment, line=line, answered=answered, wait_seconds=wait)


def test_a_call_log_gives_arrivals_per_slot_and_patience_per_channel():
    calls = [
        call(local(MONDAY, 16, 5), wait=20),
        call(local(MONDAY, 17, 0), wait=40),
        call(local(MONDAY, 18, 0), answered=False, wait=60),
        call(local(MONDAY, 19, 59), answered=False, wait=120),
        call(local(MONDAY + timedelta(days=7), 16, 0), wait=0),
        call(local(MONDAY, 21), line="chat-nl", answered=True, wait=100),
    ]
    result = estimate.call_log_estimate(calls, {"phone-nl": "phone", "chat-nl": "chat"})
    assert (result.first, result.last) == (MONDAY, MONDAY + timedelta(days=7))
    # Two Mondays in the period: 8 hours of shift A, 5 calls.
    assert result.arrivals["phone-nl"][(0, "A")] == pytest.approx(5 / 8)
    assert result.arrivals["phone-nl"][(1, "A")] == 0
    assert result.arrivals["chat-nl"][(0, "E")] == pytest.approx(1 / 8)
    assert result.calls == {"phone-nl": 5, "chat-nl": 1}
    phone = result.patience["phone"]
    assert (phone.calls, phone.abandoned) == (5, 2)
    assert phone.mean_wait_seconds == 48
    assert phone.abandonment_share == 0.4
    assert phone.patience_minutes == pytest.approx(48 / 0.4 / 60)
    assert result.patience["chat"].patience_minutes is None


def test_calls_to_a_closed_line_do_not_count_as_impatience():
    calls = [
        call(local(MONDAY, 17), line="phone-tr", answered=False, wait=30),
        call(local(MONDAY, 3), line="phone-tr", answered=False, wait=0),
    ]
    opened = {"phone-tr": frozenset({(0, "A"), (0, "E")})}
    result = estimate.call_log_estimate(calls, {"phone-tr": "phone"}, opened)
    assert result.patience["phone"].calls == 1
    assert result.patience["phone"].patience_minutes == pytest.approx(0.5)
    assert result.arrivals["phone-tr"][(0, "N1")] == 0.25  # still counted as demand


def test_the_period_of_a_call_log_follows_the_local_clock():
    late = datetime(2025, 3, 2, 23, 30, tzinfo=UTC)  # Monday 00:30 in Amsterdam
    result = estimate.call_log_estimate([call(late)], {"phone-nl": "phone"})
    assert result.first == MONDAY
    assert result.arrivals["phone-nl"] == {
        (0, code): 0.0 for code in ["N2", "O", "M", "A", "E"]
    } | {(0, "N1"): 0.25}


# --------------------------------------------------------------------------- #
# Opening hours
# --------------------------------------------------------------------------- #


def test_open_rules_become_slots_and_back():
    rules = [
        {"byday": "MO,TU,WE,TH,FR", "shifts": ["A", "E"]},
        {"byday": "SA", "shifts": ["M"]},
    ]
    slots = estimate.open_slots(rules)
    assert len(slots) == 11
    assert (0, "A") in slots
    assert (5, "M") in slots
    assert (6, "A") not in slots
    assert estimate.rules_for(slots) == rules


def test_no_rules_mean_always_open_and_all_slots_mean_no_rules():
    assert estimate.open_slots([]) == ALL_SLOTS
    assert estimate.open_slots(None) == ALL_SLOTS
    assert estimate.rules_for(ALL_SLOTS) == []


# --------------------------------------------------------------------------- #
# Call log files
# --------------------------------------------------------------------------- #

LINES = {"phone-nl", "chat-nl", "phone-tr"}
HEADER = "time,line,answered,waiting seconds\n"


def parse(text: str):
    return calllog.parse_call_log(text.encode(), LINES)


def problems(text: str | bytes) -> list[tuple[str, int | None]]:
    with pytest.raises(calllog.CallLogError) as caught:
        calllog.parse_call_log(
            text if isinstance(text, bytes) else text.encode(), LINES
        )
    return [(p.code, p.row) for p in caught.value.problems]


def test_a_call_log_is_read_in_every_accepted_spelling():
    calls = parse(
        HEADER
        + "2025-03-03 16:05,phone-nl,1,12\n"
        + "2025-03-03 16:06:30,phone-nl,no,40.5\n"
        + "2025-03-03T15:07:00+00:00,phone-tr,yes,0\n"
        + "2025-03-03T16:08:00,chat-nl,TRUE,3\n"
        + "2025-03-03T15:09:00Z,chat-nl,false,7\n"
        + "\n"
    )
    assert [c.at for c in calls] == [
        local(MONDAY, 16, 5),
        local(MONDAY, 16, 6).replace(second=30),
        local(MONDAY, 16, 7),
        local(MONDAY, 16, 8),
        local(MONDAY, 16, 9),
    ]
    assert [c.answered for c in calls] == [True, False, True, True, False]
    assert [c.wait_seconds for c in calls] == [12, 40.5, 0, 3, 7]
    assert [c.line for c in calls] == [
        "phone-nl",
        "phone-nl",
        "phone-tr",
        "chat-nl",
        "chat-nl",
    ]


def test_a_dutch_spreadsheet_export_with_semicolons_and_a_bom_is_read():
    data = "\ufefftijd;lijn;beantwoord;wachttijd\n2025-03-03 16:05;phone-nl;ja;12,5\n"
    calls = calllog.parse_call_log(data.encode("utf-8"), LINES)
    assert (calls[0].answered, calls[0].wait_seconds) == (True, 12.5)
    windows = "time;line;answered;waiting seconds\n2025-03-03 16:05;phone-nl;0;3\n"
    assert calllog.parse_call_log(windows.encode("cp1252"), LINES)[0].answered is False


def test_every_problem_of_every_row_is_listed_with_its_row_number():
    found = problems(
        HEADER
        + "2025-03-03 16:05,phone-nl,1,12\n"  # row 2: fine
        + "yesterday,phone-xx,maybe,-3\n"  # row 3: four problems
        + ",,,\n"  # row 4: blank, skipped
        + "2025-03-03 16:05,,,\n"  # row 5: three missing
        + "2025-03-30 02:30,phone-nl,1,abc\n"  # row 6: no such time; bad wait
        + "2025-03-03 16:05,phone-nl\n"  # row 7: too short
    )
    assert found == [
        ("time_invalid", 3),
        ("line_unknown", 3),
        ("answered_invalid", 3),
        ("wait_negative", 3),
        ("line_missing", 5),
        ("answered_missing", 5),
        ("wait_missing", 5),
        ("time_gap", 6),
        ("wait_invalid", 6),
        ("row_length", 7),
        ("answered_missing", 7),
        ("wait_missing", 7),
    ]


def test_a_missing_or_doubled_column_is_named_and_rows_are_still_checked():
    found = problems("time,line,answered,line\n2025-03-03 16:05,nope,1,x\n")
    assert found == [
        ("duplicate_column", 1),
        ("missing_column", 1),
        ("line_unknown", 2),
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("\n\n", "empty"),
        (HEADER, "no_calls"),
        (HEADER + "\n", "no_calls"),
    ],
)
def test_an_empty_file_or_one_without_calls_is_refused(text, code):
    assert problems(text) == [(code, None)]


@pytest.mark.parametrize(
    "column",
    [
        "caller",
        "Caller ID",
        "phone number",
        "telefoonnummer",
        "A-nummer",
        "CLI",
        "from",
    ],
)
def test_a_column_for_the_callers_number_refuses_the_file(column):
    text = (
        f"time,line,answered,waiting seconds,{column}\n2025-03-03 16:05,phone-nl,1,2,\n"
    )
    assert problems(text) == [("caller_column", 1)]


def test_a_column_of_phone_numbers_refuses_the_file_without_repeating_them():
    text = (
        "time,line,answered,waiting seconds,extra\n"
        "2025-03-03 16:05,phone-nl,1,2,+31 6 1234 5678\n"
        "2025-03-03 16:06,0612345678,1,2,\n"
    )
    with pytest.raises(calllog.CallLogError) as caught:
        calllog.parse_call_log(text.encode(), LINES)
    found = caught.value.problems
    assert [(p.code, p.row) for p in found] == [
        ("caller_values", None),
        ("line_unknown", 3),
    ]
    assert found[0].params == {"column": "extra"}
    assert found[1].params == {"value": "…"}
    assert "5678" not in repr(found)


def test_harmless_extra_columns_are_not_read():
    text = (
        "time,line,answered,waiting seconds,queue\n2025-03-03 16:05,phone-nl,1,2,main\n"
    )
    assert len(parse(text)) == 1


def test_a_file_of_too_many_rows_is_refused(monkeypatch):
    monkeypatch.setattr(calllog, "MAX_ROWS", 2)
    rows = "".join("2025-03-03 16:05,phone-nl,1,2\n" for _ in range(3))
    assert problems(HEADER + rows) == [("too_many_rows", None)]


def test_an_ambiguous_autumn_time_is_taken_as_the_first():
    (first,) = parse(HEADER + "2025-10-26 02:30,phone-nl,1,2\n")
    assert first.at.utcoffset() == timedelta(hours=2)


# --------------------------------------------------------------------------- #
# Capacity
# --------------------------------------------------------------------------- #


def line_model(code="phone-nl", open_slots=ALL_SLOTS, places=6) -> capacity.LineModel:
    return capacity.LineModel(code, "phone", 21.0, 2.0, places, frozenset(open_slots))


def test_the_answer_rate_per_hour_follows_erlang_a():
    line = line_model()
    demand = {("phone-nl", 0, "E"): 6.0}
    staffed = {(MONDAY, "E", "phone-nl"): 2}
    rates = capacity.roster_answer_rates([MONDAY], [line], demand, staffed)
    expected = 1 - erlang_a_abandonment(6.0, 21.0, 2.0, 2)
    for hour in range(20, 24):
        cell = rates.rows[hour].cells[0]
        assert cell is not None
        assert cell.offered == 6.0
        assert cell.rate == pytest.approx(expected)
    open_but_quiet = rates.rows[10].cells[0]
    assert open_but_quiet is not None
    assert open_but_quiet.rate is None  # open, but no calls
    assert rates.totals[0].offered == 24.0
    assert rates.total.answered == pytest.approx(24.0 * expected)


def test_unstaffed_hours_answer_nothing_and_closed_hours_are_left_out():
    line = line_model(open_slots={(0, "A"), (0, "E")})
    demand = {("phone-nl", 0, "A"): 2.0, ("phone-nl", 0, "N1"): 9.0}
    rates = capacity.roster_answer_rates([MONDAY], [line], demand, {})
    unstaffed = rates.rows[16].cells[0]
    assert unstaffed is not None
    assert unstaffed.rate == 0.0
    assert rates.rows[0].cells[0] is None
    assert rates.total.offered == 8.0


def test_the_spring_night_offers_three_hours_of_calls():
    line = line_model()
    demand = {("phone-nl", 6, "N1"): 3.0}
    staffed = {(SPRING, "N1", "phone-nl"): 1}
    rates = capacity.roster_answer_rates([SPRING], [line], demand, staffed)
    skipped_hour = rates.rows[2].cells[0]
    assert skipped_hour is not None
    assert skipped_hour.offered == 0
    assert rates.totals[0].offered == 9.0


def test_lines_needed_per_open_slot():
    line = line_model(open_slots={(0, "A"), (0, "E"), (1, "A")})
    needs = capacity.needed_lines(line, {(0, "A"): 6.0, (0, "E"): 3.0}, 0.8)
    assert needs == {
        (0, "A"): lines_needed(6.0, 21.0, 2.0, 0.8),
        (0, "E"): lines_needed(3.0, 21.0, 2.0, 0.8),
        (1, "A"): 0,
    }
    busy, quiet = needs[(0, "A")], needs[(0, "E")]
    assert busy is not None
    assert quiet is not None
    assert busy > quiet > 0


def test_a_target_out_of_reach_gives_none(monkeypatch):
    monkeypatch.setattr(capacity, "MAX_LINES", 2)
    assert capacity.needed_lines(line_model(), {(0, "A"): 60.0}, 0.9)[(0, "A")] is None


def test_a_call_log_over_too_long_a_period_is_refused():
    text = HEADER + "2024-01-01 10:00,phone-nl,1,2\n2025-03-03 10:00,phone-nl,1,2\n"
    assert problems(text) == [("period_too_long", None)]


def test_a_time_beyond_the_calendar_is_a_problem_not_a_crash():
    assert problems(HEADER + "0001-01-01 00:05,phone-nl,1,2\n") == [("time_invalid", 2)]
