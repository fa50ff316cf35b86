"""The writes: lines, demand from contact reports, and call log imports."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from aandacht.contacts.defaults import install_defaults
from aandacht.contacts.models import CrisisResource, Source, Topic, TopicList
from aandacht.contacts.tests.conftest import make_contact
from aandacht.roster.demand import services
from aandacht.roster.demand.selectors import service_parameters
from aandacht.roster.models import Demand, Line
from aandacht.roster.shifts import LOCAL

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2025, month, day, hour, minute, tzinfo=LOCAL)


def demand(line: str, weekday: int, shift: str) -> Demand:
    return Demand.objects.get(line__code=line, weekday=weekday, shift=shift)


@pytest.fixture
def topic_lists(db):
    """The contact form's default lists, which every stored report refers to."""
    install_defaults(TopicList, Topic, Source, CrisisResource)


@pytest.fixture
def lines(cast):
    services.lines_install_defaults(region=cast.zuid)
    return {line.code: line for line in Line.objects.filter(region=cast.zuid)}


# --------------------------------------------------------------------------- #
# Lines
# --------------------------------------------------------------------------- #


def test_the_standard_lines_are_installed_once(cast):
    added = services.lines_install_defaults(region=cast.zuid)
    assert sorted(line.code for line in added) == [
        "chat-nl",
        "phone-ar",
        "phone-fa",
        "phone-nl",
        "phone-tr",
    ]
    phone = Line.objects.get(region=cast.zuid, code="phone-nl")
    assert (phone.max_parallel, phone.weight, phone.open_rules) == (6, 1.0, [])
    turkish = Line.objects.get(region=cast.zuid, code="phone-tr")
    assert (turkish.max_parallel, turkish.weight) == (1, 3.0)
    assert turkish.open_rules == [{"byday": "MO,TU,WE,TH,FR", "shifts": ["A", "E"]}]
    chat = Line.objects.get(region=cast.zuid, code="chat-nl")
    assert chat.open_rules == [
        {"byday": "MO,TU,WE,TH,FR,SA,SU", "shifts": ["M", "A", "E"]}
    ]
    services.line_update(
        line=phone,
        code="phone-nl",
        channel="phone",
        language="nl",
        max_parallel=9,
        weight=1,
        open_rules=[],
    )
    assert services.lines_install_defaults(region=cast.zuid) == []
    assert Line.objects.filter(region=cast.zuid).count() == 5
    assert Line.objects.get(pk=phone.pk).max_parallel == 9
    assert len(services.lines_install_defaults(region=cast.noord)) == 5


def new_line(cast, **changes):
    values = {
        "region": cast.zuid,
        "code": "phone-nl",
        "channel": "phone",
        "language": "nl",
        "max_parallel": 3,
        "weight": 1.0,
        "open_rules": [],
        **changes,
    }
    return services.line_create(**values)


def test_a_line_is_created_with_its_opening_hours_in_the_formats_shape(cast):
    rules = [{"byday": "TU,MO", "shifts": ["E", "A"]}, {"byday": "MO", "shifts": ["M"]}]
    line = new_line(cast, code=" Chat-NL ", channel="chat", open_rules=rules)
    assert line.code == "chat-nl"
    assert line.open_rules == [
        {"byday": "MO", "shifts": ["M", "A", "E"]},
        {"byday": "TU", "shifts": ["A", "E"]},
    ]


def test_every_problem_of_a_line_is_named(cast):
    new_line(cast)
    with pytest.raises(ValidationError) as caught:
        new_line(
            cast,
            channel="fax",
            language="xx",
            max_parallel=0,
            weight=0,
            open_rules=[{"byday": "XX", "shifts": ["Z"]}],
        )
    errors = caught.value.message_dict
    assert errors["code"] == ["Zuid already has a line phone-nl."]
    assert set(errors) == {
        "code",
        "channel",
        "language",
        "max_parallel",
        "weight",
        "open_rules",
    }
    with pytest.raises(ValidationError) as caught:
        new_line(cast, code="phone nl!")
    assert "small letters, digits and hyphens" in caught.value.messages[0]
    assert new_line(cast, region=cast.noord).region == cast.noord


def test_a_line_keeps_its_code_when_changed(cast):
    line = new_line(cast)
    new_line(cast, code="chat-nl", channel="chat")
    changed = services.line_update(
        line=line,
        code="phone-nl",
        channel="phone",
        language="nl",
        max_parallel=4,
        weight=2,
        open_rules=[{"byday": "SA,SU", "shifts": ["N1"]}],
    )
    assert (changed.max_parallel, changed.weight) == (4, 2.0)
    with pytest.raises(ValidationError, match="already has a line chat-nl"):
        services.line_update(
            line=line,
            code="chat-nl",
            channel="phone",
            language="nl",
            max_parallel=4,
            weight=2,
            open_rules=[],
        )


# --------------------------------------------------------------------------- #
# Demand from contact reports
# --------------------------------------------------------------------------- #


@pytest.fixture
def history(cast, topic_lists, lines):
    """Two weeks of contacts before Monday 17 March 2025, and some to ignore."""
    volunteer = cast["volunteer_zuid"]

    def contact(start, region=None, **values):
        return make_contact(volunteer, region or cast.zuid, started_at=start, **values)

    # Monday, shift A (16-20): two conversations and a silent call.
    contact(at(3, 3, 16, 30))
    contact(at(3, 10, 17, 0), contact_type="silent", summary="")
    contact(at(3, 10, 19, 59))
    contact(at(3, 10, 18, 0), contact_type="test", summary="")  # not a caller
    # Monday 00:30 local is Sunday 23:30 UTC: Monday's N1.
    contact(at(3, 3, 0, 30))
    contact(at(3, 4, 21, 0), channel="chat")  # Tuesday E on chat
    contact(at(3, 5, 17, 0), line_language="tr")  # Wednesday A in Turkish
    contact(at(3, 6, 10, 0), channel="mail")  # no mail line
    contact(at(3, 3, 16, 0), region=cast.noord)  # another region
    contact(at(3, 2, 16, 0))  # before the two weeks
    contact(at(3, 17, 9, 0))  # today: not over yet
    return lines


def test_demand_is_estimated_from_answered_contacts(cast, history, time_machine):
    time_machine.move_to(at(3, 17, 12), tick=False)
    result = services.demand_estimate_from_history(region=cast.zuid, weeks=2)
    assert (result.first, result.last) == (at(3, 3, 0).date(), at(3, 16, 0).date())
    assert (result.contacts, result.unmatched, result.answer_rate) == (7, 1, 0.65)
    # Three answered in two Mondays of 4 hours: 3 / 8 / 0.65 arrivals an hour.
    assert demand("phone-nl", 0, "A").arrivals_per_hour == pytest.approx(
        3 / 8 / 0.65, abs=1e-4
    )
    assert demand("phone-nl", 0, "A").source == Demand.Source.HISTORY
    assert demand("phone-nl", 0, "N1").arrivals_per_hour == pytest.approx(
        1 / 8 / 0.65, abs=1e-4
    )
    assert demand("phone-nl", 1, "A").arrivals_per_hour == 0
    assert demand("chat-nl", 1, "E").arrivals_per_hour == pytest.approx(
        1 / 8 / 0.65, abs=1e-4
    )
    assert demand("phone-tr", 2, "A").arrivals_per_hour == pytest.approx(
        1 / 8 / 0.65, abs=1e-4
    )
    # Every open slot gets a row (zero included); closed ones only with calls.
    assert Demand.objects.filter(line__code="phone-nl").count() == 42
    assert Demand.objects.filter(line__code="chat-nl").count() == 21
    assert Demand.objects.filter(line__code="phone-tr").count() == 10
    assert result.written == 42 + 21 + 3 * 10


def test_the_answer_rate_is_a_setting(cast, history, time_machine, settings):
    settings.AANDACHT_ASSUMED_ANSWER_RATE = 0.5
    time_machine.move_to(at(3, 17, 12), tick=False)
    services.demand_estimate_from_history(region=cast.zuid, weeks=2)
    assert demand("phone-nl", 0, "A").arrivals_per_hour == 0.75


def test_the_night_the_clock_goes_forward_is_divided_by_three_hours(
    cast, topic_lists, lines, time_machine
):
    volunteer = cast["volunteer_zuid"]
    for start in (at(3, 30, 0, 10), at(3, 30, 1, 50), at(3, 30, 3, 5)):
        make_contact(volunteer, cast.zuid, started_at=start)
    time_machine.move_to(at(3, 31, 12), tick=False)
    services.demand_estimate_from_history(region=cast.zuid, weeks=1)
    assert demand("phone-nl", 6, "N1").arrivals_per_hour == pytest.approx(
        3 / 3 / 0.65, abs=1e-4
    )


def test_a_new_estimate_replaces_the_old_but_not_call_logs_or_manual_demand(
    cast, history, time_machine
):
    time_machine.move_to(at(3, 17, 12), tick=False)
    services.demand_estimate_from_history(region=cast.zuid, weeks=2)
    services.demand_set(
        line=history["phone-nl"], weekday=0, shift="A", arrivals_per_hour=9
    )
    result = services.demand_estimate_from_history(region=cast.zuid, weeks=1)
    assert result.kept == 1
    assert demand("phone-nl", 0, "A").arrivals_per_hour == 9
    assert demand("phone-nl", 0, "A").source == Demand.Source.MANUAL
    # One week back (10-16 March): the Monday-A contacts of the 10th only.
    assert demand("phone-nl", 0, "N1").arrivals_per_hour == 0
    assert Demand.objects.filter(line__code="phone-nl").count() == 42
    services.demand_estimate_from_history(region=cast.zuid, weeks=1, overwrite=True)
    assert demand("phone-nl", 0, "A").source == Demand.Source.HISTORY
    assert demand("phone-nl", 0, "A").arrivals_per_hour == pytest.approx(
        2 / 4 / 0.65, abs=1e-4
    )


def test_an_estimate_needs_lines_and_a_sensible_period(cast):
    with pytest.raises(ValidationError, match="no lines yet"):
        services.demand_estimate_from_history(region=cast.zuid)
    with pytest.raises(ValidationError, match="1 to 104 weeks"):
        services.demand_estimate_from_history(region=cast.zuid, weeks=0)


# --------------------------------------------------------------------------- #
# Call logs
# --------------------------------------------------------------------------- #

HEADER = "time,line,answered,waiting seconds\n"
GOOD = HEADER + (
    "2025-03-03 16:05,phone-nl,1,20\n"
    "2025-03-03 17:00:10,phone-nl,yes,40\n"
    "2025-03-03T18:00:00+01:00,phone-nl,0,60\n"
    "2025-03-03 19:59,phone-nl,false,120\n"
    "2025-03-10 16:00,phone-nl,true,0\n"
    "2025-03-04 21:00,chat-nl,1,100\n"
    "2025-03-05 17:00,phone-tr,0,30\n"
)


def test_a_call_log_gives_demand_and_patience(cast, lines):
    services.demand_set(
        line=lines["phone-tr"], weekday=2, shift="A", arrivals_per_hour=7
    )
    result = services.call_log_import(region=cast.zuid, data=GOOD.encode())
    assert result.calls == 7
    assert (result.estimate.first.day, result.estimate.last.day) == (3, 10)
    # 3-10 March: two Mondays, so 8 hours of Monday A with 5 calls.
    row = demand("phone-nl", 0, "A")
    assert (row.arrivals_per_hour, row.source) == (0.625, Demand.Source.CALL_LOG)
    assert demand("phone-nl", 1, "A").arrivals_per_hour == 0
    assert demand("chat-nl", 1, "E").arrivals_per_hour == 0.25
    assert demand("phone-tr", 2, "A").source == Demand.Source.MANUAL  # kept
    assert result.kept == 1
    assert not Demand.objects.filter(line__code="phone-ar").exists()
    phone = result.estimate.patience["phone"]
    # Phone: 6 calls, 3 abandoned, 270 s of waiting: 45 s / 0.5 = 1.5 minutes.
    assert (phone.calls, phone.abandoned) == (6, 3)
    assert phone.patience_minutes == pytest.approx(1.5)
    assert result.estimate.patience["chat"].patience_minutes is None
    # The capacity model and the solver use the measured patience from now on;
    # chat, where nobody hung up after waiting, keeps its default.
    service = service_parameters(cast.zuid)
    assert service["phone"]["patience_minutes"] == pytest.approx(1.5)
    assert service["chat"]["patience_minutes"] == 5


def test_a_call_log_replaces_estimates_from_contact_reports(cast, lines):
    services.demand_set(
        line=lines["phone-nl"], weekday=0, shift="A", arrivals_per_hour=7
    )
    services.call_log_import(region=cast.zuid, data=GOOD.encode(), overwrite=True)
    assert demand("phone-nl", 0, "A").source == Demand.Source.CALL_LOG
    again = services.call_log_import(region=cast.zuid, data=GOOD)
    assert again.kept == 0
    # 3 to 10 March: every weekday observed, so every slot of the open line.
    assert Demand.objects.filter(line__code="phone-nl").count() == 42


def refused(cast, text: str) -> list[str]:
    before = Demand.objects.count()
    with pytest.raises(ValidationError) as caught:
        services.call_log_import(region=cast.zuid, data=text.encode())
    assert Demand.objects.count() == before
    return caught.value.messages


def test_a_bad_call_log_lists_every_problem_and_stores_nothing(cast, lines):
    messages = refused(
        cast,
        HEADER
        + "2025-03-03 16:05,phone-nl,1,20\n"
        + "03/03/2025,phone-xx,maybe,-3\n"
        + "2025-03-03 16:05,,,\n"
        + "2025-03-30 02:30,phone-nl,1,abc\n"
        + "2025-03-03 16:05,phone-nl\n",
    )
    assert messages == [
        "Row 3: “03/03/2025” is not a date and time. Write for example "
        "2025-03-03 14:05 or 2025-03-03T14:05:00+01:00.",
        "Row 3: “phone-xx” is not a line of Zuid.",
        "Row 3: “maybe” does not say whether the call was answered. "
        "Write 1 or 0, yes or no, true or false.",
        "Row 3: the waiting seconds (-3) are below zero.",
        "Row 4: the line is missing.",
        "Row 4: whether the call was answered is missing.",
        "Row 4: the waiting seconds are missing.",
        "Row 5: 2025-03-30 02:30 does not exist on the local clock: it falls in "
        "the hour skipped when summer time starts.",
        "Row 5: “abc” is not a number of waiting seconds.",
        "Row 6 has 2 values where the header has 4.",
        "Row 6: whether the call was answered is missing.",
        "Row 6: the waiting seconds are missing.",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The file is empty."),
        (HEADER, "The file has no calls below its header."),
        (
            "time,line,answered\n2025-03-03 16:05,phone-nl,1\n",
            "Row 1: the column “waiting_seconds” is missing. The columns are "
            "time, line, answered and waiting seconds.",
        ),
        (
            "time,line,line,answered,waiting seconds\n",
            "Row 1: the column “line” appears twice.",
        ),
        (
            HEADER + "2025-03-03 16:05,phone-nl,1,2\n2025-03-03,phone-nl,1,\n",
            "Row 3: the time is missing.",
        ),
    ],
)
def test_each_kind_of_file_problem_is_explained(cast, lines, text, message):
    if "Row 3" in message:
        text = HEADER + "2025-03-03 16:05,phone-nl,1,2\n,phone-nl,1,4\n"
    assert message in refused(cast, text)


def test_a_column_with_caller_numbers_is_refused_because_the_line_is_anonymous(
    cast, lines
):
    messages = refused(
        cast,
        "time,line,answered,waiting seconds,caller number\n"
        "2025-03-03 16:05,phone-nl,1,20,0612345678\n",
    )
    assert messages == [
        "Row 1: the column “caller number” looks like a caller’s phone number or "
        "caller id. The line is anonymous and never receives a caller’s number: "
        "remove this column and import the file again."
    ]
    messages = refused(
        cast,
        "time,line,answered,waiting seconds,note\n"
        "2025-03-03 16:05,phone-nl,1,20,+31 6 12345678\n",
    )
    assert messages == [
        "The column “note” holds values that look like phone numbers. The line is "
        "anonymous and never receives a caller’s number: remove this column and "
        "import the file again."
    ]
    assert "12345678" not in " ".join(messages)


def test_a_region_without_lines_imports_nothing(cast):
    assert refused(cast, GOOD) == ["This region has no lines yet. Add them first."]


def test_demand_set_by_hand_checks_its_slot(cast, lines):
    with pytest.raises(ValidationError):
        services.demand_set(
            line=lines["phone-nl"], weekday=7, shift="A", arrivals_per_hour=1
        )
    with pytest.raises(ValidationError):
        services.demand_set(
            line=lines["phone-nl"], weekday=0, shift="A", arrivals_per_hour=-1
        )


def test_a_call_log_of_more_than_400_days_is_refused(cast, lines):
    text = HEADER + "2024-01-01 10:00,phone-nl,1,2\n2025-03-03 10:00,phone-nl,1,2\n"
    assert refused(cast, text) == [
        "The calls run from 2024-01-01 to 2025-03-03: more than 400 days. "
        "Import a shorter period."
    ]
