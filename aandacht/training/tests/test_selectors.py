"""The reads: counts per year, pro-rating, behind, and who sees which region."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from aandacht.core import services as core_services
from aandacht.core.roles import Role
from aandacht.training import access, selectors
from conftest import make_user

from .conftest import record

pytestmark = pytest.mark.django_db

JUNE = datetime.date(2025, 6, 15)  # 6 months begun: 4.0 half-days owed


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(datetime.datetime(2025, 6, 15, 12, 0, tzinfo=datetime.UTC))


def test_half_days_are_counted_per_calendar_year(cast, frozen):
    volunteer = cast["volunteer_zuid"]
    record(cast.zuid, [volunteer], date=datetime.date(2024, 12, 31), half_days=4)
    record(cast.zuid, [volunteer], date=datetime.date(2025, 1, 1), half_days=2)
    record(cast.zuid, [volunteer], date=datetime.date(2025, 6, 15), half_days=1)
    record(
        cast.zuid, [cast["volunteer_zuid"], make_user("x", Role.VOLUNTEER, cast.zuid)]
    )
    assert selectors.half_days_for(volunteer, 2024) == 4
    assert selectors.half_days_for(volunteer, 2025) == 4
    assert selectors.half_days_for(volunteer, 2023) == 0
    assert selectors.half_days_for(cast["volunteer_noord"], 2025) == 0


def test_sessions_of_every_region_count_for_a_volunteer_of_two(cast, frozen):
    volunteer = cast["volunteer_zuid"]
    core_services.role_grant(user=volunteer, role=Role.VOLUNTEER, region=cast.noord)
    record(cast.zuid, [volunteer], half_days=2)
    record(cast.noord, [volunteer], half_days=3)
    assert selectors.half_days_for(volunteer, 2025) == 5


def test_the_volunteers_progress_is_pro_rated(cast, frozen):
    volunteer = cast["volunteer_zuid"]
    record(cast.zuid, [volunteer], half_days=3)
    progress = selectors.progress(volunteer)
    assert (progress.year, progress.attended, progress.required) == (2025, 3, 8)
    assert progress.owed == Decimal("4.0")
    assert progress.behind


def test_my_training_lists_this_years_sessions_newest_first(cast, frozen):
    volunteer = cast["volunteer_zuid"]
    record(cast.zuid, [volunteer], date=datetime.date(2024, 11, 1))
    march = record(cast.zuid, [volunteer], date=datetime.date(2025, 3, 1))
    may = record(cast.zuid, [volunteer], date=datetime.date(2025, 5, 1), half_days=3)
    record(cast.zuid, [make_user("other", Role.VOLUNTEER, cast.zuid)])
    mine = selectors.my_training(volunteer)
    assert mine["sessions"] == [may, march]
    assert mine["progress"].attended == 4
    assert not mine["progress"].behind


def overview_rows(region, year=2025, **options):
    overview = selectors.region_overview(region, year, today=JUNE, **options)
    return overview, [
        (row.volunteer.username, row.attended, row.behind) for row in overview.rows
    ]


def test_the_overview_puts_those_behind_first_then_sorts_by_name(cast):
    anna = make_user("anna", Role.VOLUNTEER, cast.zuid)
    bram = make_user("bram", Role.VOLUNTEER, cast.zuid)
    cees = make_user("cees", Role.VOLUNTEER, cast.zuid)
    record(cast.zuid, [anna, cees], date=datetime.date(2025, 2, 1), half_days=4)
    record(cast.zuid, [bram], date=datetime.date(2025, 3, 1), half_days=3)
    record(cast.zuid, [anna], date=datetime.date(2024, 3, 1), half_days=4)
    overview, rows = overview_rows(cast.zuid)
    assert rows == [
        ("bram", 3, True),
        ("volunteer_zuid", 0, True),
        ("anna", 4, False),  # exactly the 4.0 owed by June
        ("cees", 4, False),
    ]
    assert (overview.volunteers, overview.behind, overview.owed) == (
        4,
        2,
        Decimal("4.0"),
    )


def test_behind_only_leaves_out_those_on_track(cast):
    anna = make_user("anna", Role.VOLUNTEER, cast.zuid)
    record(cast.zuid, [anna], date=datetime.date(2025, 2, 1), half_days=4)
    overview, rows = overview_rows(cast.zuid, behind_only=True)
    assert rows == [("volunteer_zuid", 0, True)]
    assert (overview.volunteers, overview.behind) == (2, 1)


def test_a_past_year_owes_all_eight(cast):
    anna = make_user("anna", Role.VOLUNTEER, cast.zuid)
    record(cast.zuid, [anna], date=datetime.date(2024, 2, 1), half_days=4)
    record(cast.zuid, [anna], date=datetime.date(2024, 9, 1), half_days=4)
    overview, rows = overview_rows(cast.zuid, year=2024)
    assert overview.owed == Decimal("8.0")
    assert rows == [("volunteer_zuid", 0, True), ("anna", 8, False)]


def test_the_overview_lists_only_active_volunteers_of_the_region(cast):
    gone = make_user("gone", Role.VOLUNTEER, cast.zuid)
    gone.is_active = False
    gone.save(update_fields=["is_active"])
    _overview, rows = overview_rows(cast.zuid)
    assert [username for username, *_rest in rows] == ["volunteer_zuid"]


def test_a_national_coordinator_sees_every_region(cast):
    assert set(access.overview_regions(cast["national"])) == {cast.zuid, cast.noord}
    assert access.overview_region(cast["national"], "noord") == cast.noord


def test_a_regional_coordinator_sees_only_their_region(cast):
    coordinator = cast["coordinator_zuid"]
    assert list(access.overview_regions(coordinator)) == [cast.zuid]
    with pytest.raises(Http404):
        access.overview_region(coordinator, "noord")


def test_a_supervisor_does_not_see_the_overview(cast):
    with pytest.raises(PermissionDenied):
        access.overview_regions(cast["supervisor_zuid"])


def test_the_years_to_choose_run_from_the_first_session(cast):
    record(cast.zuid, [cast["volunteer_zuid"]], date=datetime.date(2021, 5, 1))
    assert selectors.overview_years(cast.zuid, JUNE) == [2025, 2024, 2023, 2022, 2021]
    assert selectors.overview_years(cast.noord, JUNE) == [2025, 2024]


def test_the_form_offers_the_regions_volunteers_and_those_recorded(cast):
    volunteer = cast["volunteer_zuid"]
    session = record(cast.zuid, [volunteer])
    volunteer.roles.all().delete()
    assert list(selectors.attendee_choices(cast.zuid)) == []
    assert list(selectors.attendee_choices(cast.zuid, session)) == [volunteer]


def test_the_supervisors_list_is_newest_first_for_their_regions(cast):
    volunteer = cast["volunteer_zuid"]
    old = record(cast.zuid, [volunteer], date=datetime.date(2024, 1, 5))
    new = record(cast.zuid, [volunteer], date=datetime.date(2024, 2, 5))
    record(cast.noord, [cast["volunteer_noord"]])
    page = selectors.session_list(cast["supervisor_zuid"], "1")
    assert list(page) == [new, old]
    assert page[0].attendee_count == 1


def test_the_supervisors_list_pages(cast, django_assert_num_queries):
    for day in range(1, 31):
        record(cast.zuid, [cast["volunteer_zuid"]], date=datetime.date(2024, 4, day))
    supervisor = cast["supervisor_zuid"]
    supervisor.roles.all()  # the roles are read once per request
    with django_assert_num_queries(3):  # roles, count, page
        page = selectors.session_list(supervisor, "2")
        rows = [(s.region.name, s.attendee_count) for s in page]
    assert len(rows) == 30 - selectors.SESSIONS_PAGE_SIZE
