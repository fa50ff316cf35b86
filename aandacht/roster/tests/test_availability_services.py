"""The writes of the register, roster months and availability."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from aandacht.core.roles import Role
from aandacht.roster.availability import services
from aandacht.roster.models import Availability, RosterMonth, VolunteerRegister
from conftest import make_user

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2027, 3, 1)


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """The messages asserted below are the English msgids."""
    with translation.override("en"):
        yield


@pytest.fixture
def february(time_machine):
    """10 February 2027: March can still be opened, until 20 February."""
    time_machine.move_to(
        datetime.datetime(2027, 2, 10, 12, 0, tzinfo=datetime.UTC), tick=False
    )


@pytest.fixture
def march(cast, february):
    return services.roster_month_create(
        region=cast.zuid, month=MARCH, deadline=datetime.date(2027, 2, 20)
    )


def errors_of(caught: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return caught.value.message_dict


def save_entry(cast, **changes):
    values = {
        "region": cast.zuid,
        "volunteer": cast["volunteer_zuid"],
        "languages": ["tr", "nl"],
        "channels": ["phone", "chat"],
        "min_shifts": 4,
        "max_shifts": 8,
        "night_required": True,
        **changes,
    }
    return services.register_entry_save(**values)


# --------------------------------------------------------------------------- #
# The register
# --------------------------------------------------------------------------- #


def test_a_register_entry_is_created_then_changed(cast):
    entry = save_entry(cast)
    assert entry.languages == ["nl", "tr"]  # in the order of the list
    assert entry.channels == ["phone", "chat"]
    changed = save_entry(cast, min_shifts=2, max_shifts=3, night_required=False)
    assert changed.pk == entry.pk
    stored = VolunteerRegister.objects.get()
    assert (stored.min_shifts, stored.max_shifts, stored.night_required) == (
        2,
        3,
        False,
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"languages": []}, "languages"),
        ({"languages": ["nl", "xx"]}, "languages"),
        ({"channels": []}, "channels"),
        ({"channels": ["fax"]}, "channels"),
        ({"min_shifts": 0}, "min_shifts"),
        ({"max_shifts": 13}, "max_shifts"),
        ({"min_shifts": 6, "max_shifts": 5}, "max_shifts"),
    ],
)
def test_a_register_entry_is_checked(cast, changes, field):
    with pytest.raises(ValidationError) as caught:
        save_entry(cast, **changes)
    assert list(errors_of(caught)) == [field]
    assert not VolunteerRegister.objects.exists()


def test_every_problem_of_an_entry_is_named_at_once(cast):
    with pytest.raises(ValidationError) as caught:
        save_entry(cast, languages=[], channels=[], min_shifts=0, max_shifts=20)
    assert set(errors_of(caught)) == {
        "languages",
        "channels",
        "min_shifts",
        "max_shifts",
    }


def test_the_band_may_span_one_to_twelve(cast):
    entry = save_entry(cast, min_shifts=1, max_shifts=12)
    assert (entry.min_shifts, entry.max_shifts) == (1, 12)
    entry = save_entry(cast, min_shifts=5, max_shifts=5)
    assert (entry.min_shifts, entry.max_shifts) == (5, 5)


def test_only_a_volunteer_of_the_region_has_an_entry(cast):
    with pytest.raises(ValidationError) as caught:
        save_entry(cast, volunteer=cast["volunteer_noord"])
    assert "not a volunteer of Zuid" in str(caught.value)
    with pytest.raises(ValidationError):
        save_entry(cast, volunteer=cast["coordinator_zuid"])
    national = make_user("landelijk", Role.VOLUNTEER, None)
    assert save_entry(cast, volunteer=national).region == cast.zuid


# --------------------------------------------------------------------------- #
# Roster months
# --------------------------------------------------------------------------- #


def test_a_future_month_is_opened(cast, february):
    roster = services.roster_month_create(
        region=cast.zuid, month=MARCH, deadline=datetime.date(2027, 2, 28)
    )
    assert roster.status == RosterMonth.Status.COLLECTING
    assert (roster.region, roster.month) == (cast.zuid, MARCH)
    # Another region has its own roster for the same month.
    services.roster_month_create(
        region=cast.noord, month=MARCH, deadline=datetime.date(2027, 2, 10)
    )


@pytest.mark.parametrize(
    ("month", "deadline", "fields"),
    [
        (datetime.date(2027, 3, 2), datetime.date(2027, 2, 20), {"month"}),
        (datetime.date(2027, 2, 1), datetime.date(2027, 2, 10), {"month", "deadline"}),
        (datetime.date(2027, 1, 1), datetime.date(2026, 12, 20), {"month", "deadline"}),
        (MARCH, datetime.date(2027, 3, 1), {"deadline"}),
        (MARCH, datetime.date(2027, 3, 10), {"deadline"}),
        (MARCH, datetime.date(2027, 2, 9), {"deadline"}),
    ],
)
def test_a_month_and_its_deadline_are_checked(cast, february, month, deadline, fields):
    with pytest.raises(ValidationError) as caught:
        services.roster_month_create(region=cast.zuid, month=month, deadline=deadline)
    assert set(errors_of(caught)) == fields
    assert not RosterMonth.objects.exists()


def test_a_month_is_opened_once_per_region(cast, march):
    with pytest.raises(ValidationError) as caught:
        services.roster_month_create(
            region=cast.zuid, month=MARCH, deadline=datetime.date(2027, 2, 25)
        )
    assert errors_of(caught) == {"month": ["Zuid already has a roster for this month."]}


# --------------------------------------------------------------------------- #
# Availability
# --------------------------------------------------------------------------- #


def day(number: int) -> datetime.date:
    return MARCH.replace(day=number)


def stored(roster, volunteer) -> set[tuple[datetime.date, str, bool]]:
    return set(
        Availability.objects.filter(roster=roster, volunteer=volunteer).values_list(
            "date", "shift", "preferred"
        )
    )


def test_availability_is_replaced_and_counted(cast, march):
    volunteer = cast["volunteer_zuid"]
    count = services.availability_replace(
        roster=march,
        volunteer=volunteer,
        available=[(day(1), "N1"), (day(1), "E"), (day(2), "O")],
        preferred=[(day(1), "E")],
    )
    assert (count.available, count.preferred, count.nights) == (3, 1, 1)
    assert stored(march, volunteer) == {
        (day(1), "N1", False),
        (day(1), "E", True),
        (day(2), "O", False),
    }
    count = services.availability_replace(
        roster=march, volunteer=volunteer, available=[(day(31), "M")]
    )
    assert (count.available, count.preferred, count.nights) == (1, 0, 0)
    assert stored(march, volunteer) == {(day(31), "M", False)}


def test_preferring_a_slot_makes_it_available(cast, march):
    volunteer = cast["volunteer_zuid"]
    count = services.availability_replace(
        roster=march,
        volunteer=volunteer,
        available=[(day(3), "A")],
        preferred=[(day(4), "N2")],
    )
    assert (count.available, count.preferred, count.nights) == (2, 1, 1)
    assert stored(march, volunteer) == {(day(3), "A", False), (day(4), "N2", True)}


def test_other_volunteers_keep_their_availability(cast, march):
    other = make_user("anna", Role.VOLUNTEER, cast.zuid)
    services.availability_replace(
        roster=march, volunteer=other, available=[(day(1), "O")]
    )
    services.availability_replace(
        roster=march, volunteer=cast["volunteer_zuid"], available=[(day(2), "O")]
    )
    services.availability_replace(
        roster=march, volunteer=cast["volunteer_zuid"], available=[]
    )
    assert stored(march, other) == {(day(1), "O", False)}
    assert stored(march, cast["volunteer_zuid"]) == set()


@pytest.mark.parametrize(
    "slot",
    [
        (datetime.date(2027, 4, 1), "N1"),
        (datetime.date(2026, 3, 1), "N1"),
        (day(1), "X"),
    ],
)
def test_only_shifts_of_the_month_are_taken(cast, march, slot):
    volunteer = cast["volunteer_zuid"]
    services.availability_replace(
        roster=march, volunteer=volunteer, available=[(day(5), "M")]
    )
    with pytest.raises(ValidationError, match="not shifts of this month"):
        services.availability_replace(
            roster=march, volunteer=volunteer, available=[(day(6), "M"), slot]
        )
    assert stored(march, volunteer) == {(day(5), "M", False)}


def test_the_replacement_is_all_or_nothing(cast, march, monkeypatch):
    volunteer = cast["volunteer_zuid"]
    services.availability_replace(
        roster=march, volunteer=volunteer, available=[(day(5), "M"), (day(6), "E")]
    )

    def broken(*args, **kwargs):
        raise RuntimeError("the database went away halfway")

    monkeypatch.setattr(Availability.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        services.availability_replace(
            roster=march, volunteer=volunteer, available=[(day(7), "O")]
        )
    assert stored(march, volunteer) == {(day(5), "M", False), (day(6), "E", False)}


def test_availability_closes_after_the_deadline(cast, march, time_machine):
    volunteer = cast["volunteer_zuid"]
    time_machine.move_to(datetime.datetime(2027, 2, 20, 22, 30, tzinfo=datetime.UTC))
    # 23:30 in Amsterdam: the last day is still open.
    services.availability_replace(
        roster=march, volunteer=volunteer, available=[(day(1), "O")]
    )
    time_machine.move_to(datetime.datetime(2027, 2, 20, 23, 30, tzinfo=datetime.UTC))
    with pytest.raises(ValidationError, match="deadline"):
        services.availability_replace(
            roster=march, volunteer=volunteer, available=[(day(2), "O")]
        )
    assert stored(march, volunteer) == {(day(1), "O", False)}
    assert not services.availability_open(march)


def test_availability_closes_when_the_coordinator_plans(cast, march):
    RosterMonth.objects.filter(pk=march.pk).update(status=RosterMonth.Status.PLANNING)
    with pytest.raises(ValidationError, match="planning"):
        services.availability_replace(
            roster=march, volunteer=cast["volunteer_zuid"], available=[(day(2), "O")]
        )
    assert not Availability.objects.exists()


def test_only_volunteers_of_the_region_mark_availability(cast, march):
    with pytest.raises(ValidationError, match="Only volunteers"):
        services.availability_replace(
            roster=march, volunteer=cast["volunteer_noord"], available=[(day(2), "O")]
        )
    assert not Availability.objects.exists()
