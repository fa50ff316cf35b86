"""Planning a month: the problem, a solver run, adopting, editing, publishing."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse
from icalendar import Calendar

from aandacht.roster.models import (
    Assignment,
    Line,
    RosterMonth,
    SolveRun,
    VolunteerRegister,
)
from aandacht.roster.planning import rules, selectors, services
from aandacht.roster.planning.problem import roster_problem
from aandacht.roster.problem import parse_problem

from .planning_setup import make_month

pytestmark = pytest.mark.django_db


@pytest.fixture
def month(cast):
    volunteers = [cast["volunteer_zuid"], cast["supervisor_zuid"]]
    for volunteer in volunteers:
        VolunteerRegister.objects.create(
            volunteer=volunteer,
            region=cast.zuid,
            languages=["nl"],
            channels=["phone"],
            min_shifts=2,
            max_shifts=4,
            night_required=True,
        )
    return make_month(cast.zuid, volunteers)


def solved(month, cast) -> SolveRun:
    run = services.run_request(
        roster=month, actor=cast["coordinator_zuid"], time_limit=10
    )
    return services.run_execute(run=run)


def test_the_month_becomes_a_valid_problem(month):
    problem = roster_problem(month)
    parsed = parse_problem(problem)  # raises on any problem
    assert problem["month"] == "2027-03"
    assert len(problem["volunteers"]) == 2
    assert problem["volunteers"][0]["preferred"]
    assert parsed is not None


def test_a_run_solves_the_month_and_its_roster_keeps_every_hard_rule(month, cast):
    run = solved(month, cast)

    assert run.status == SolveRun.Status.DONE
    assert run.result["status"] in {"optimal", "feasible"}
    assert run.best_objective is not None
    assert run.bound is not None
    assert run.bound >= run.best_objective - 1e-6
    count = services.run_adopt(run=run, actor=cast["coordinator_zuid"])
    assert count == Assignment.objects.filter(roster=month).count() >= 4
    draft = selectors.planning(month)
    assert draft["hard_findings"] == []
    assert draft["evaluation"].expected_answered > 0


def test_a_month_without_lines_cannot_be_planned_and_says_why(cast):
    empty = RosterMonth.objects.create(
        region=cast.noord, month=date(2027, 3, 1), deadline=date(2027, 2, 20)
    )
    with pytest.raises(services.PlanningError):
        services.run_request(roster=empty, actor=cast["coordinator_noord"])
    assert not SolveRun.objects.exists()


def test_a_hand_edit_that_breaks_a_rule_is_shown_and_blocks_publishing(
    client, cast, login, month
):
    services.run_adopt(run=solved(month, cast), actor=cast["coordinator_zuid"])
    line = Line.objects.get(region=cast.zuid)
    login(cast["coordinator_zuid"])

    # Availability covers the first ten days only; the 25th is not available.
    client.post(
        reverse("roster_assignment_add", args=[month.pk]),
        {
            "volunteer": cast["volunteer_zuid"].pk,
            "date": "2027-03-25",
            "shift": "O",
            "line": line.pk,
        },
    )
    page = client.get(reverse("roster_planning", args=[month.pk]))

    rules_broken = {finding.rule for finding in page.context["hard_findings"]}
    assert "slot" in rules_broken
    assert 'role="alert"' in page.content.decode()
    with pytest.raises(services.PlanningError):
        services.roster_publish(roster=month, actor=cast["coordinator_zuid"])


def test_published_shifts_reach_the_volunteer_and_the_calendar_feed(
    client, cast, login, month
):
    services.run_adopt(run=solved(month, cast), actor=cast["coordinator_zuid"])
    services.roster_publish(roster=month, actor=cast["coordinator_zuid"])
    volunteer = cast["volunteer_zuid"]
    mine = Assignment.objects.filter(volunteer=volunteer).count()
    register = VolunteerRegister.objects.get(volunteer=volunteer)

    feed = client.get(reverse("roster_feed", args=[register.feed_token]))

    events = Calendar.from_ical(feed.content).walk("VEVENT")
    assert len(events) == mine >= 1
    assert feed["Content-Type"].startswith("text/calendar")
    assert client.get(reverse("roster_feed", args=["not-a-token"])).status_code == 404


def test_a_renewed_feed_address_ends_the_old_one_and_an_account_ends_both(
    client, cast, login, month
):
    volunteer = cast["volunteer_zuid"]
    register = VolunteerRegister.objects.get(volunteer=volunteer, region=cast.zuid)
    old = reverse("roster_feed", args=[register.feed_token])
    assert client.get(old).status_code == 200
    login(volunteer)
    client.post(reverse("roster_feed_renew", args=[register.pk]))
    register.refresh_from_db()
    new = reverse("roster_feed", args=[register.feed_token])
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert new in client.get(reverse("roster_mine")).content.decode()
    volunteer.is_active = False
    volunteer.save()
    assert client.get(new).status_code == 404


def test_a_second_shift_on_one_day_is_refused_with_a_message(
    client, cast, login, month
):
    services.run_adopt(run=solved(month, cast), actor=cast["coordinator_zuid"])
    first = Assignment.objects.filter(roster=month).first()
    assert first is not None
    other = next(code for code in ("N1", "O", "E") if code != first.shift)
    login(cast["coordinator_zuid"])
    client.cookies["django_language"] = "en"

    response = client.post(
        reverse("roster_assignment_add", args=[month.pk]),
        {
            "volunteer": first.volunteer_id,
            "date": first.date.isoformat(),
            "shift": other,
            "line": first.line_id,
        },
        follow=True,
    )

    assert "already has a shift on that day" in response.content.decode()
    assert (
        Assignment.objects.filter(volunteer=first.volunteer, date=first.date).count()
        == 1
    )


def test_the_rules_catch_back_to_back_shifts_across_midnight(month):
    problem = roster_problem(month)
    volunteer = problem["volunteers"][0]["id"]
    draft = [
        {
            "volunteer": volunteer,
            "date": "2027-03-01",
            "shift": "E",
            "line": "phone-nl",
        },
        {
            "volunteer": volunteer,
            "date": "2027-03-02",
            "shift": "N1",
            "line": "phone-nl",
        },
    ]
    assert "back_to_back" in {f.rule for f in rules.check(problem, draft)}


def test_the_worker_takes_runs_off_the_queue(month, cast):
    services.run_request(roster=month, actor=cast["coordinator_zuid"], time_limit=5)
    run = services.run_next()
    assert run is not None
    assert run.status == SolveRun.Status.DONE
    assert services.run_next() is None


@pytest.mark.parametrize("status", ["optimal", "feasible", "partial", "timeout"])
def test_the_run_page_says_what_the_solver_found_in_dutch(
    client, cast, login, month, status
):
    run = SolveRun.objects.create(
        roster=month,
        requested_by=cast["coordinator_zuid"],
        status=SolveRun.Status.DONE,
        result={"status": status, "assignments": []},
    )
    login(cast["coordinator_zuid"])
    page = client.get(reverse("roster_run", args=[run.pk])).content.decode()
    result = re.search(r"<dt>Uitkomst</dt><dd>([^<]*)</dd>", page)
    assert result is not None
    assert status not in result.group(1)
    assert result.group(1).strip()
