"""The reads: the register with its defaults, the months, and the grid."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation

from aandacht.core import access as core_access
from aandacht.core.roles import Role
from aandacht.roster.availability import selectors, services
from aandacht.roster.availability.selectors import DEFAULT_ENTRY
from aandacht.roster.models import RosterMonth
from aandacht.training import services as training_services
from conftest import make_user

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2027, 3, 1)


@pytest.fixture
def february(time_machine):
    time_machine.move_to(
        datetime.datetime(2027, 2, 10, 12, 0, tzinfo=datetime.UTC), tick=False
    )


@pytest.fixture
def march(cast, february):
    return services.roster_month_create(
        region=cast.zuid, month=MARCH, deadline=datetime.date(2027, 2, 20)
    )


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def entry_for(cast, volunteer, **changes):
    values = {
        "languages": ["nl", "ar"],
        "channels": ["chat"],
        "min_shifts": 2,
        "max_shifts": 6,
        "night_required": False,
        **changes,
    }
    return services.register_entry_save(region=cast.zuid, volunteer=volunteer, **values)


def test_register_for_gives_the_entry_or_the_defaults(cast, django_assert_num_queries):
    volunteer = cast["volunteer_zuid"]
    with django_assert_num_queries(1):
        assert selectors.register_for(volunteer, cast.zuid) == DEFAULT_ENTRY
    assert DEFAULT_ENTRY.languages == ("nl",)
    assert DEFAULT_ENTRY.channels == ("phone",)
    assert (DEFAULT_ENTRY.min_shifts, DEFAULT_ENTRY.max_shifts) == (4, 8)
    assert DEFAULT_ENTRY.night_required
    assert not DEFAULT_ENTRY.stored
    entry_for(cast, volunteer)
    entry = selectors.register_for(volunteer, cast.zuid)
    assert entry.stored
    assert (entry.languages, entry.channels) == (("nl", "ar"), ("chat",))
    assert (entry.min_shifts, entry.max_shifts, entry.night_required) == (2, 6, False)
    # An entry is per region.
    assert selectors.register_for(volunteer, cast.noord) == DEFAULT_ENTRY


def test_register_entries_cover_every_volunteer_of_the_region(
    cast, django_assert_num_queries
):
    anna = make_user("anna", Role.VOLUNTEER, cast.zuid)
    national = make_user("landelijk", Role.VOLUNTEER, None)
    entry_for(cast, anna)
    with django_assert_num_queries(2):
        entries = selectors.register_entries(cast.zuid)
    assert set(entries) == {cast["volunteer_zuid"].pk, anna.pk, national.pk}
    assert entries[anna.pk].stored
    assert entries[cast["volunteer_zuid"].pk] == DEFAULT_ENTRY


def test_the_register_list_takes_two_queries_however_many_volunteers(
    cast, django_assert_num_queries, english
):
    people = [
        make_user(f"v{number:02}", Role.VOLUNTEER, cast.zuid) for number in range(12)
    ]
    for person in people[::2]:
        entry_for(cast, person)
    training_services.training_session_record(
        region=cast.zuid,
        date=timezone.localdate(),
        topic="Luisteren",
        half_days=3,
        attendees=[people[1]],
        recorded_by=cast["supervisor_zuid"],
    )
    with django_assert_num_queries(2):
        register = selectors.register_list(cast.zuid)
        rows = [
            (row.volunteer.username, row.entry.language_labels, row.half_days)
            for row in register.rows
        ]
    assert len(rows) == 13
    assert rows[0] == ("v00", ["Dutch", "Arabic"], 0)
    assert rows[1] == ("v01", ["Dutch"], 3)
    assert rows[-1][0] == "volunteer_zuid"


def test_the_months_list_counts_who_marked(cast, march, django_assert_num_queries):
    anna = make_user("anna", Role.VOLUNTEER, cast.zuid)
    for volunteer in (anna, cast["volunteer_zuid"]):
        services.availability_replace(
            roster=march,
            volunteer=volunteer,
            available=[(MARCH, "O"), (MARCH, "M")],
        )
    april = services.roster_month_create(
        region=cast.zuid,
        month=datetime.date(2027, 4, 1),
        deadline=datetime.date(2027, 3, 15),
    )
    services.roster_month_create(
        region=cast.noord, month=MARCH, deadline=datetime.date(2027, 2, 20)
    )
    with django_assert_num_queries(2):
        listing = selectors.roster_months(cast.zuid)
    assert [(row.roster, row.marked, row.open) for row in listing.rows] == [
        (april, 0, True),
        (march, 2, True),
    ]
    assert listing.volunteers == 2
    initial = selectors.new_month_initial(listing)
    assert initial == {
        "month": datetime.date(2027, 5, 1),
        "deadline": datetime.date(2027, 4, 17),
    }


def test_the_proposed_month_is_next_month_and_its_deadline_not_past(cast, time_machine):
    time_machine.move_to(datetime.datetime(2027, 2, 25, 12, 0, tzinfo=datetime.UTC))
    initial = selectors.new_month_initial(selectors.roster_months(cast.zuid))
    assert initial == {"month": MARCH, "deadline": datetime.date(2027, 2, 25)}


def test_the_grid_has_a_row_a_date_and_a_cell_a_shift(
    cast, march, english, django_assert_num_queries
):
    volunteer = cast["volunteer_zuid"]
    services.availability_replace(
        roster=march,
        volunteer=volunteer,
        available=[(MARCH, "N1"), (MARCH.replace(day=2), "E")],
        preferred=[(MARCH.replace(day=2), "E")],
    )
    march = RosterMonth.objects.select_related("region").get(pk=march.pk)
    with django_assert_num_queries(2):
        page = selectors.availability_page(volunteer, march)
    assert len(page.days) == 31
    assert [column.short for column in page.columns] == [
        "00–04",
        "04–08",
        "08–12",
        "12–16",
        "16–20",
        "20–00",
    ]
    first = page.days[0]
    assert (first.label, first.weekend) == ("Mon 1", False)
    assert page.days[5].weekend  # Saturday 6 March
    cell = first.cells[0]
    assert cell.label == "Mon 1 March, 00:00–04:00"
    assert cell.prefer_label == "Preferred: Mon 1 March, 00:00–04:00"
    assert (cell.key, cell.night, cell.can, cell.prefer) == (
        "2027-03-01_N1",
        True,
        True,
        False,
    )
    evening = page.days[1].cells[5]
    assert (evening.key, evening.can, evening.prefer) == ("2027-03-02_E", True, True)
    assert (page.count.available, page.count.preferred, page.count.nights) == (2, 1, 1)
    assert page.editable
    assert page.warnings == [
        "You marked fewer slots than the 4 shifts you want. "
        "Mark at least 4, and preferably more."
    ]


def test_the_grid_warns_about_a_missing_night_only_when_one_is_required(
    cast, march, english
):
    volunteer = cast["volunteer_zuid"]
    slots = [(MARCH.replace(day=number), "O") for number in range(1, 6)]
    page = selectors.availability_page(volunteer, march, ticked=(slots, []))
    assert page.count.available == 5
    assert page.warnings == [
        "You marked no night slot (00:00–08:00), and you take a night shift each month."
    ]
    entry_for(cast, volunteer, min_shifts=4)
    page = selectors.availability_page(volunteer, march, ticked=(slots, []))
    assert page.warnings == []


def test_the_grid_is_read_only_after_the_deadline(cast, march, time_machine):
    time_machine.move_to(datetime.datetime(2027, 2, 21, 12, 0, tzinfo=datetime.UTC))
    assert not selectors.availability_page(cast["volunteer_zuid"], march).editable


def test_the_home_panel_lists_the_open_months_of_the_volunteers_regions(
    cast, march, django_assert_num_queries
):
    volunteer = cast["volunteer_zuid"]
    services.availability_replace(
        roster=march, volunteer=volunteer, available=[(MARCH, "O"), (MARCH, "M")]
    )
    services.roster_month_create(
        region=cast.noord, month=MARCH, deadline=datetime.date(2027, 2, 20)
    )
    planned = services.roster_month_create(
        region=cast.zuid,
        month=datetime.date(2027, 4, 1),
        deadline=datetime.date(2027, 3, 15),
    )
    RosterMonth.objects.filter(pk=planned.pk).update(status=RosterMonth.Status.PLANNING)
    core_access.roles_of(volunteer)  # the request has read the roles already
    with django_assert_num_queries(1):
        months = selectors.open_months_for(volunteer)
    assert [(item.roster, item.marked, item.open) for item in months] == [
        (march, 2, True)
    ]


def test_quick_marks_add_weekday_evenings_or_clear(cast):
    ticked = ({(MARCH, "O")}, {(MARCH, "O")})
    marks = selectors.quick_marks(selectors.WEEKDAY_EVENINGS, MARCH, ticked)
    assert marks is not None
    available, preferred = marks
    assert len(available) == 1 + 23  # 23 weekdays in March 2027
    assert all(day.weekday() < 5 for day, code in available if code == "E")
    assert preferred == {(MARCH, "O")}
    assert selectors.quick_marks(selectors.CLEAR, MARCH, ticked) == (set(), set())
    assert selectors.quick_marks("everything", MARCH, ticked) is None
