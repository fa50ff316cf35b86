"""Opening hours: HSDS schedules read in Europe/Amsterdam (issue #5, item 5)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from aandacht.socialmap.schedule import (
    AMSTERDAM,
    ByDay,
    Closure,
    Rule,
    ScheduleError,
    is_open,
    next_opening,
    open_spans,
    parse_rule,
)


def ams(y: int, mo: int, d: int, h: int = 0, mi: int = 0, fold: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=AMSTERDAM, fold=fold)


def utc(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=UTC)


WORKDAYS = parse_rule(
    {
        "freq": "WEEKLY",
        "byday": "MO,TU,WE,TH,FR",
        "opens_at": "10:00",
        "closes_at": "14:00",
    }
)
FRIDAY_NIGHT = parse_rule(
    {"freq": "WEEKLY", "byday": "FR", "opens_at": "22:00", "closes_at": "02:00"}
)


# ---------------------------------------------------------------- weekday hours


def test_weekday_hours() -> None:
    # 2025-06-02 is a Monday.
    assert is_open([WORKDAYS], [], ams(2025, 6, 2, 10, 0))
    assert is_open([WORKDAYS], [], ams(2025, 6, 2, 13, 59))
    assert not is_open([WORKDAYS], [], ams(2025, 6, 2, 9, 59))
    assert not is_open([WORKDAYS], [], ams(2025, 6, 2, 14, 0))
    assert not is_open([WORKDAYS], [], ams(2025, 6, 7, 12, 0))  # Saturday


def test_moment_in_other_zone_is_converted() -> None:
    # 08:30 UTC in summer is 10:30 in Amsterdam.
    assert is_open([WORKDAYS], [], utc(2025, 6, 2, 8, 30))
    # 09:30 UTC in winter is 10:30 in Amsterdam; 08:30 UTC is 09:30 there.
    assert is_open([WORKDAYS], [], utc(2025, 1, 6, 9, 30))
    assert not is_open([WORKDAYS], [], utc(2025, 1, 6, 8, 30))


def test_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        is_open([WORKDAYS], [], datetime(2025, 6, 2, 10, 0))  # noqa: DTZ001


def test_parse_reads_hsds_fields() -> None:
    rule = parse_rule(
        {
            "id": "48102e86-bb50-41c4-8f1e-e269368c41d1",
            "freq": "weekly",
            "byday": "TH, FR",
            "opens_at": "10:00:00",
            "closes_at": "18:00:00",
            "valid_from": "2025-01-01",
            "valid_to": "",
            "interval": 1,
            "wkst": "TU",
            "timezone": 3,
            "description": "Donderdag en vrijdag",
        }
    )
    assert rule == Rule(
        freq="WEEKLY",
        opens_at=time(10),
        closes_at=time(18),
        byday=(ByDay(3), ByDay(4)),
        wkst=1,
        valid_from=date(2025, 1, 1),
        description="Donderdag en vrijdag",
    )
    assert not rule.overnight


# ---------------------------------------------------------------- overnight


def test_overnight_runs_into_next_day() -> None:
    assert FRIDAY_NIGHT.overnight
    rules = [FRIDAY_NIGHT]
    # 2025-06-06 is a Friday.
    assert not is_open(rules, [], ams(2025, 6, 6, 21, 59))
    assert is_open(rules, [], ams(2025, 6, 6, 22, 0))
    assert is_open(rules, [], ams(2025, 6, 6, 23, 59))
    assert is_open(rules, [], ams(2025, 6, 7, 0, 0))
    assert is_open(rules, [], ams(2025, 6, 7, 1, 0))
    assert is_open(rules, [], ams(2025, 6, 7, 1, 59))
    assert not is_open(rules, [], ams(2025, 6, 7, 2, 0))
    # Belongs to the day it starts: no span starts on Thursday, none on Saturday.
    assert not is_open(rules, [], ams(2025, 6, 6, 1, 0))
    assert not is_open(rules, [], ams(2025, 6, 7, 23, 0))
    assert not is_open(rules, [], ams(2025, 6, 8, 1, 0))


def test_overnight_to_midnight_and_round_the_clock() -> None:
    late = parse_rule(
        {"freq": "WEEKLY", "byday": "MO", "opens_at": "20:00", "closes_at": "24:00"}
    )
    assert is_open([late], [], ams(2025, 6, 2, 23, 59))
    assert not is_open([late], [], ams(2025, 6, 3, 0, 0))
    always = parse_rule(
        {
            "freq": "WEEKLY",
            "byday": "MO,TU,WE,TH,FR,SA,SU",
            "opens_at": "00:00",
            "closes_at": "24:00",
        }
    )
    for hour in range(24):
        assert is_open([always], [], ams(2025, 6, 4, hour, 30))


# ---------------------------------------------------------------- monthly


def test_monthly_first_saturday() -> None:
    rule = parse_rule(
        {"freq": "MONTHLY", "byday": "1SA", "opens_at": "10:00", "closes_at": "12:00"}
    )
    assert rule.byday == (ByDay(5, 1),)
    assert is_open([rule], [], ams(2025, 6, 7, 11, 0))  # first Saturday of June
    assert not is_open([rule], [], ams(2025, 6, 14, 11, 0))
    assert not is_open([rule], [], ams(2025, 5, 31, 11, 0))  # last Saturday of May
    assert is_open([rule], [], ams(2025, 11, 1, 11, 0))  # month starting on it


def test_monthly_last_friday() -> None:
    rule = parse_rule(
        {"freq": "MONTHLY", "byday": "-1FR", "opens_at": "19:00", "closes_at": "21:00"}
    )
    assert is_open([rule], [], ams(2025, 6, 27, 20, 0))
    assert not is_open([rule], [], ams(2025, 6, 20, 20, 0))
    assert is_open([rule], [], ams(2025, 10, 31, 20, 0))  # last day of the month
    assert not is_open([rule], [], ams(2025, 10, 24, 20, 0))


def test_monthly_bymonthday_and_intersection() -> None:
    last_day = parse_rule(
        {
            "freq": "MONTHLY",
            "bymonthday": "1,-1",
            "opens_at": "09:00",
            "closes_at": "10:00",
        }
    )
    assert is_open([last_day], [], ams(2025, 2, 28, 9, 30))
    assert is_open([last_day], [], ams(2025, 3, 1, 9, 30))
    assert not is_open([last_day], [], ams(2025, 2, 27, 9, 30))
    friday_13 = parse_rule(
        {
            "freq": "MONTHLY",
            "byday": "FR",
            "bymonthday": "13",
            "opens_at": "09:00",
            "closes_at": "10:00",
        }
    )
    assert is_open([friday_13], [], ams(2025, 6, 13, 9, 30))
    assert not is_open([friday_13], [], ams(2025, 6, 20, 9, 30))
    assert not is_open([friday_13], [], ams(2025, 5, 13, 9, 30))  # a Tuesday


def test_fortnightly_counts_from_dtstart() -> None:
    rule = parse_rule(
        {
            "freq": "WEEKLY",
            "interval": "2",
            "dtstart": "2025-06-02",
            "byday": "MO",
            "opens_at": "10:00",
            "closes_at": "11:00",
        }
    )
    assert is_open([rule], [], ams(2025, 6, 2, 10, 30))
    assert not is_open([rule], [], ams(2025, 6, 9, 10, 30))
    assert is_open([rule], [], ams(2025, 6, 16, 10, 30))
    assert not is_open([rule], [], ams(2025, 5, 19, 10, 30))  # before dtstart


# ---------------------------------------------------------------- validity


def test_validity_window_edges_are_inclusive() -> None:
    rule = parse_rule(
        {
            "freq": "WEEKLY",
            "byday": "MO,TU,WE,TH,FR,SA,SU",
            "opens_at": "10:00",
            "closes_at": "12:00",
            "valid_from": "2025-06-02",
            "valid_to": "2025-06-06",
        }
    )
    assert not is_open([rule], [], ams(2025, 6, 1, 11, 0))
    assert is_open([rule], [], ams(2025, 6, 2, 11, 0))
    assert is_open([rule], [], ams(2025, 6, 6, 11, 0))
    assert not is_open([rule], [], ams(2025, 6, 7, 11, 0))


def test_overnight_span_starting_on_valid_to_runs_past_it() -> None:
    rule = parse_rule(
        {
            "freq": "WEEKLY",
            "byday": "FR",
            "opens_at": "22:00",
            "closes_at": "02:00",
            "valid_to": "2025-06-06",
        }
    )
    assert is_open([rule], [], ams(2025, 6, 7, 1, 0))
    assert not is_open([rule], [], ams(2025, 6, 14, 1, 0))


def test_until_bounds_like_valid_to() -> None:
    rule = parse_rule(
        {
            "freq": "WEEKLY",
            "byday": "MO",
            "opens_at": "10:00",
            "closes_at": "11:00",
            "until": "2025-06-09",
        }
    )
    assert is_open([rule], [], ams(2025, 6, 9, 10, 30))
    assert not is_open([rule], [], ams(2025, 6, 16, 10, 30))


# ---------------------------------------------------------------- closed dates


def test_holiday_closes_a_normal_day() -> None:
    christmas = [Closure(date(2025, 12, 25), "Eerste Kerstdag")]
    assert is_open([WORKDAYS], [], ams(2025, 12, 25, 11, 0))
    assert not is_open([WORKDAYS], christmas, ams(2025, 12, 25, 11, 0))
    assert is_open([WORKDAYS], christmas, ams(2025, 12, 24, 11, 0))


def test_holiday_closes_an_overnight_span_starting_on_it() -> None:
    holiday = [Closure(date(2025, 6, 6))]  # a Friday
    assert not is_open([FRIDAY_NIGHT], holiday, ams(2025, 6, 6, 23, 0))
    assert not is_open([FRIDAY_NIGHT], holiday, ams(2025, 6, 7, 1, 0))


def test_holiday_closes_the_tail_of_last_nights_span() -> None:
    holiday = [Closure(date(2025, 6, 7))]  # the Saturday after
    assert is_open([FRIDAY_NIGHT], holiday, ams(2025, 6, 6, 23, 59))
    assert not is_open([FRIDAY_NIGHT], holiday, ams(2025, 6, 7, 1, 0))


# ---------------------------------------------------------------- clock change


MARCH_NIGHT = parse_rule(
    {"freq": "MONTHLY", "byday": "-1SU", "opens_at": "00:00", "closes_at": "04:00"}
)


def test_spring_forward_night_is_three_real_hours() -> None:
    # 2025-03-30, last Sunday of March: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
    rules = [MARCH_NIGHT]
    assert not is_open(rules, [], utc(2025, 3, 29, 22, 59))
    assert is_open(rules, [], utc(2025, 3, 29, 23, 0))  # 00:00 CET
    assert is_open(rules, [], utc(2025, 3, 30, 0, 59))  # 01:59 CET
    assert is_open(rules, [], utc(2025, 3, 30, 1, 30))  # 03:30 CEST
    assert is_open(rules, [], utc(2025, 3, 30, 1, 59))  # 03:59 CEST
    assert not is_open(rules, [], utc(2025, 3, 30, 2, 0))  # 04:00 CEST
    [(start, end)] = open_spans(rules, [], date(2025, 3, 30), date(2025, 3, 30))
    assert end - start == timedelta(hours=4)  # wall-clock arithmetic, same zone
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=3)


def test_spring_forward_non_existent_local_time_uses_fold_0() -> None:
    rule = parse_rule(
        {"freq": "WEEKLY", "byday": "SU", "opens_at": "02:30", "closes_at": "05:00"}
    )
    # 02:30 does not exist on 2025-03-30; fold=0 reads it as 01:30 UTC (03:30 CEST).
    assert not is_open([rule], [], utc(2025, 3, 30, 1, 29))
    assert is_open([rule], [], utc(2025, 3, 30, 1, 30))
    assert next_opening([rule], [], utc(2025, 3, 30, 0, 0)) == utc(2025, 3, 30, 1, 30)


def test_fall_back_night_both_half_past_two_are_open() -> None:
    # 2025-10-26, last Sunday of October: 03:00 CEST falls back to 02:00 CET.
    rule = parse_rule(
        {"freq": "MONTHLY", "byday": "-1SU", "opens_at": "02:00", "closes_at": "03:00"}
    )
    first = ams(2025, 10, 26, 2, 30, fold=0)
    second = ams(2025, 10, 26, 2, 30, fold=1)
    assert first.astimezone(UTC) == utc(2025, 10, 26, 0, 30)
    assert second.astimezone(UTC) == utc(2025, 10, 26, 1, 30)
    assert is_open([rule], [], first)
    assert is_open([rule], [], second)
    assert is_open([rule], [], utc(2025, 10, 26, 0, 30))
    assert is_open([rule], [], utc(2025, 10, 26, 1, 30))
    assert not is_open([rule], [], utc(2025, 10, 25, 23, 59))  # 01:59 CEST
    assert not is_open([rule], [], utc(2025, 10, 26, 2, 0))  # 03:00 CET


def test_overnight_across_fall_back_closes_at_the_first_two_oclock() -> None:
    # 02:00 happens twice on 2025-10-26; fold=0 closes at the first (00:00 UTC).
    rule = parse_rule(
        {"freq": "WEEKLY", "byday": "SA", "opens_at": "22:00", "closes_at": "02:00"}
    )
    [(start, end)] = open_spans([rule], [], date(2025, 10, 25), date(2025, 10, 25))
    assert end.astimezone(UTC) == utc(2025, 10, 26, 0, 0)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=4)
    assert not is_open([rule], [], ams(2025, 10, 26, 2, 30, fold=1))


# ---------------------------------------------------------------- next opening


def test_next_opening_over_the_weekend() -> None:
    friday_evening = ams(2025, 6, 6, 15, 0)
    opening = next_opening([WORKDAYS], [], friday_evening)
    assert opening == ams(2025, 6, 9, 10, 0)
    assert opening is not None
    assert opening.tzinfo is AMSTERDAM


def test_next_opening_past_a_holiday() -> None:
    # Christmas (Thu) and Boxing Day (Fri) closed; next is Monday 29 December.
    holidays = [Closure(date(2025, 12, 25)), Closure(date(2025, 12, 26))]
    assert next_opening([WORKDAYS], holidays, ams(2025, 12, 24, 14, 0)) == ams(
        2025, 12, 29, 10, 0
    )


def test_next_opening_when_open_now_is_the_moment_itself() -> None:
    moment = ams(2025, 6, 2, 11, 0)
    assert next_opening([WORKDAYS], [], moment) == moment
    # Closed at the exact end, the next start is strictly later.
    assert next_opening([WORKDAYS], [], ams(2025, 6, 2, 14, 0)) == ams(
        2025, 6, 3, 10, 0
    )


def test_next_opening_none_beyond_horizon() -> None:
    yearly_ish = parse_rule(
        {
            "freq": "WEEKLY",
            "byday": "MO",
            "opens_at": "10:00",
            "closes_at": "11:00",
            "valid_from": "2025-12-01",
        }
    )
    assert next_opening([yearly_ish], [], ams(2025, 6, 2, 12, 0)) is None
    assert next_opening([], [], ams(2025, 6, 2, 12, 0)) is None
    assert next_opening(
        [yearly_ish], [], ams(2025, 6, 2, 12, 0), horizon_days=200
    ) == ams(2025, 12, 1, 10, 0)


def test_next_opening_agrees_with_is_open() -> None:
    rules = [WORKDAYS, FRIDAY_NIGHT, MARCH_NIGHT]
    holidays = [Closure(date(2025, 3, 31))]
    moment = utc(2025, 3, 26, 0, 0)
    for _ in range(200):
        opening = next_opening(rules, holidays, moment)
        assert opening is not None
        assert is_open(rules, holidays, opening)
        if opening > moment:
            assert not is_open(rules, holidays, opening - timedelta(seconds=1))
        moment += timedelta(minutes=47)


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        (
            {
                "freq": "WEEKLY",
                "byday": "MO",
                "opens_at": "09:00",
                "closes_at": "09:00",
            },
            "closes when it opens",
        ),
        (
            {"freq": "DAILY", "byday": "MO", "opens_at": "09:00", "closes_at": "17:00"},
            "unsupported freq 'DAILY'",
        ),
        ({"byday": "MO", "opens_at": "09:00", "closes_at": "17:00"}, "freq is missing"),
        (
            {
                "freq": "WEEKLY",
                "byday": "MX",
                "opens_at": "09:00",
                "closes_at": "17:00",
            },
            "'MX' is not a weekday code",
        ),
        (
            {
                "freq": "WEEKLY",
                "byday": "MO;TU",
                "opens_at": "09:00",
                "closes_at": "17:00",
            },
            "byday part 'MO;TU'",
        ),
        (
            {
                "freq": "WEEKLY",
                "byday": "1SA",
                "opens_at": "09:00",
                "closes_at": "17:00",
            },
            "needs freq MONTHLY",
        ),
        (
            {
                "freq": "MONTHLY",
                "byday": "6SA",
                "opens_at": "09:00",
                "closes_at": "17:00",
            },
            "ordinal 6",
        ),
        (
            {
                "freq": "MONTHLY",
                "byday": "0SA",
                "opens_at": "09:00",
                "closes_at": "17:00",
            },
            "ordinal 0",
        ),
        (
            {"freq": "WEEKLY", "byday": "MO", "closes_at": "17:00"},
            "opens_at is missing",
        ),
        (
            {"freq": "WEEKLY", "byday": "MO", "opens_at": "09:00"},
            "closes_at is missing",
        ),
        (
            {
                "freq": "WEEKLY",
                "byday": "MO",
                "opens_at": "25:00",
                "closes_at": "17:00",
            },
            "not a valid time",
        ),
        (
            {
                "freq": "WEEKLY",
                "byday": "MO",
                "opens_at": "09:00Z",
                "closes_at": "17:00",
            },
            "UTC offset",
        ),
        (
            {
                "freq": "WEEKLY",
                "byday": "MO",
                "opens_at": "24:00",
                "closes_at": "17:00",
            },
            "not a valid time",
        ),
        ({"freq": "WEEKLY", "opens_at": "09:00", "closes_at": "17:00"}, "no days"),
        (
            {
                "freq": "WEEKLY",
                "byday": "MO",
                "opens_at": "09:00",
                "closes_at": "17:00",
                "count": 3,
            },
            "count is not supported",
        ),
        (
            {
                "freq": "WEEKLY",
                "byday": "MO",
                "interval": 2,
                "opens_at": "09:00",
                "closes_at": "17:00",
            },
            "needs dtstart",
        ),
        (
            {
                "freq": "WEEKLY",
                "byday": "MO",
                "opens_at": "09:00",
                "closes_at": "17:00",
                "valid_from": "2025-06-02",
                "valid_to": "2025-06-01",
            },
            "valid_to is before valid_from",
        ),
        (
            {
                "freq": "WEEKLY",
                "byday": "MO",
                "opens_at": "09:00",
                "closes_at": "17:00",
                "valid_from": "2 juni",
            },
            "valid_from '2 juni' is not a date",
        ),
        (
            {
                "freq": "WEEKLY",
                "bymonthday": "2,3,4",
                "byday": "MO",
                "opens_at": "09:00",
                "closes_at": "17:00",
            },
            "bymonthday needs freq MONTHLY",
        ),
        (
            {
                "freq": "WEEKLY",
                "byday": "MO",
                "opens_at": "09:00",
                "closes_at": "03:00",
            },
            "closes at 03:00, before it opens at 09:00",
        ),
        (
            {
                "freq": "WEEKLY",
                "byday": "MO",
                "opens_at": "18:00",
                "closes_at": "13:00",
            },
            "closes at 13:00, before it opens at 18:00",
        ),
    ],
)
def test_bad_input_is_refused_clearly(mapping: dict[str, object], message: str) -> None:
    with pytest.raises(ScheduleError, match=message):
        parse_rule(mapping)


def test_schedule_error_is_a_value_error() -> None:
    assert issubclass(ScheduleError, ValueError)


@pytest.mark.parametrize(("opens", "closes"), [("22:00", "02:00"), ("17:00", "09:00")])
def test_a_night_may_close_after_midnight(opens: str, closes: str) -> None:
    rule = parse_rule(
        {"freq": "WEEKLY", "byday": "MO", "opens_at": opens, "closes_at": closes}
    )
    assert rule.overnight
