"""The screens: a supervisor records, a volunteer counts, a coordinator checks."""

from __future__ import annotations

import csv
import datetime
import io
from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from aandacht.core import services as core_services
from aandacht.core.roles import Role
from aandacht.core.tests.html import parse
from aandacht.training.models import TrainingSession
from conftest import make_user

from .conftest import record

pytestmark = pytest.mark.django_db


@pytest.fixture
def june(time_machine):
    """Mid-June 2025: six months begun, so 4.0 half-days are owed by now."""
    time_machine.move_to(
        datetime.datetime(2025, 6, 15, 10, 0, tzinfo=datetime.UTC), tick=False
    )


def session_form(**changes):
    return {
        "date": timezone.localdate().isoformat(),
        "topic": "Bellers in crisis",
        "half_days": "2",
        **changes,
    }


def test_a_supervisor_records_a_session_and_the_volunteer_sees_it(
    english, cast, login, june
):
    client = english
    volunteer = cast["volunteer_zuid"]
    login(cast["supervisor_zuid"])
    page = parse(client.get(reverse("training_session_new")).content)
    boxes = page.find_all("input", type="checkbox", name="attendees")
    assert [box.attrs["value"] for box in boxes] == [str(volunteer.pk)]

    response = client.post(
        reverse("training_session_new"),
        session_form(date="2025-06-10", attendees=[volunteer.pk]),
    )
    assert response.status_code == 302
    assert response.url == reverse("training_sessions")
    session = TrainingSession.objects.get()
    assert (session.region, session.half_days, session.date) == (
        cast.zuid,
        2,
        datetime.date(2025, 6, 10),
    )
    assert session.recorded_by == cast["supervisor_zuid"]
    listing = client.get(reverse("training_sessions")).content.decode()
    assert "Bellers in crisis" in listing

    client.logout()  # which also forgets the language cookie
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    login(volunteer)
    home = parse(client.get(reverse("home")).content)
    link = home.find("a", href=reverse("training_mine"))
    assert "2 of 8 half-days" in link.text
    mine = client.get(reverse("training_mine")).content.decode()
    assert "2 of 8 half-days in 2025" in mine
    assert "Bellers in crisis" in mine


def test_bad_input_is_explained_and_kept(english, cast, login):
    client = english
    login(cast["supervisor_zuid"])
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(
        reverse("training_session_new"),
        session_form(date=tomorrow, half_days="6", topic="Grenzen stellen"),
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "The date lies in the future" in content
    assert "A session lasts 1 to 4 half-days." in content
    assert "Choose at least one volunteer who attended." in content
    page = parse(response.content)
    assert page.find("input", name="topic").attrs["value"] == "Grenzen stellen"
    assert page.find("input", name="date").attrs["value"] == tomorrow
    assert page.find("input", name="half_days").attrs["value"] == "6"
    assert not TrainingSession.objects.exists()


def test_a_missing_topic_is_named_with_the_other_problems(english, cast, login):
    login(cast["supervisor_zuid"])
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = english.post(
        reverse("training_session_new"),
        session_form(date=tomorrow, topic="", attendees=[cast["volunteer_zuid"].pk]),
    )
    content = response.content.decode()
    assert "Enter the topic of the session." in content
    assert "The date lies in the future" in content


def test_a_checked_volunteer_stays_checked_after_an_error(english, cast, login):
    client = english
    volunteer = cast["volunteer_zuid"]
    login(cast["supervisor_zuid"])
    response = client.post(
        reverse("training_session_new"),
        session_form(topic="", attendees=[volunteer.pk]),
    )
    box = parse(response.content).find("input", name="attendees")
    assert "checked" in box.attrs


def test_a_volunteer_of_another_region_is_refused_clearly(english, cast, login):
    client = english
    login(cast["supervisor_zuid"])
    response = client.post(
        reverse("training_session_new"),
        session_form(attendees=[cast["volunteer_noord"].pk]),
    )
    assert response.status_code == 200
    assert "Only volunteers of this region can attend." in response.content.decode()
    assert not TrainingSession.objects.exists()


def test_a_supervisor_of_two_regions_chooses_one_first(english, cast, login):
    client = english
    supervisor = cast["supervisor_zuid"]
    core_services.role_grant(user=supervisor, role=Role.SUPERVISOR, region=cast.noord)
    login(supervisor)
    chooser = parse(client.get(reverse("training_session_new")).content)
    links = {a.attrs["href"] for a in chooser.find_all("a")}
    assert f"{reverse('training_session_new')}?region=noord" in links
    form = client.get(reverse("training_session_new"), {"region": "noord"})
    boxes = parse(form.content).find_all("input", name="attendees")
    assert [box.attrs["value"] for box in boxes] == [str(cast["volunteer_noord"].pk)]
    assert (
        client.get(reverse("training_session_new"), {"region": "nope"}).status_code
        == 404
    )


def test_a_supervisor_changes_who_attended(english, cast, login):
    client = english
    late = make_user("late_zuid", Role.VOLUNTEER, cast.zuid)
    session = record(cast.zuid, [cast["volunteer_zuid"]], half_days=2)
    login(cast["supervisor_zuid"])
    url = reverse("training_session_change", args=[session.pk])
    page = parse(client.get(url).content)
    checked = {
        box.attrs["value"]
        for box in page.find_all("input", name="attendees")
        if "checked" in box.attrs
    }
    assert checked == {str(cast["volunteer_zuid"].pk)}
    data = session_form(
        date=session.date.isoformat(),
        topic=session.topic,
        half_days="2",
        attendees=[cast["volunteer_zuid"].pk, late.pk],
    )
    assert client.post(url, data).status_code == 302
    assert set(session.attendees.all()) == {cast["volunteer_zuid"], late}


def make_volunteers(region, count: int, prefix: str = "v"):
    return [make_user(f"{prefix}{n:03d}", Role.VOLUNTEER, region) for n in range(count)]


def test_the_coordinator_sees_every_volunteer_with_their_half_days(
    english, cast, login, june
):
    client = english
    anna = make_user("anna", Role.VOLUNTEER, cast.zuid)
    record(cast.zuid, [anna], date=datetime.date(2025, 3, 1), half_days=4)
    record(cast.zuid, [cast["volunteer_zuid"]], date=datetime.date(2025, 4, 1))
    login(cast["coordinator_zuid"])
    response = client.get(reverse("training_overview", args=["zuid"]))
    assert response.status_code == 200
    rows = parse(response.content).find("tbody").find_all("tr")
    cells = [[cell.text for cell in r.children] for r in rows]
    assert cells == [
        ["volunteer_zuid", "1", "4", "Behind"],
        ["anna", "4", "4", "On track"],
    ]

    behind = client.get(
        reverse("training_overview", args=["zuid"]),
        {"year": "2025", "behind": "on"},
        headers={"HX-Request": "true"},
    )
    assert "<html" not in behind.content.decode()  # only the table for htmx
    names = [r.children[0].text for r in parse(behind.content).find("tbody").children]
    assert names == ["volunteer_zuid"]

    last_year = client.get(
        reverse("training_overview", args=["zuid"]), {"year": "2024"}
    )
    assert "8 of the 8 half-days" in last_year.content.decode()


def test_the_csv_export_opens_in_excel(english, cast, login, june):
    client = english
    anna = make_user("anna", Role.VOLUNTEER, cast.zuid)
    anna.first_name, anna.last_name = "Anna", "de Wit-Özdemir"
    anna.save()
    record(cast.zuid, [anna], date=datetime.date(2025, 3, 1), half_days=4)
    login(cast["coordinator_zuid"])
    response = client.get(
        reverse("training_export", args=["zuid"]), {"year": "2025", "behind": ""}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "training-zuid-2025.csv" in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows == [
        [
            "Volunteer",
            "User name",
            "Year",
            "Half-days attended",
            "Half-days owed by now",
            "Half-days owed per year",
            "Behind",
        ],
        ["volunteer_zuid", "volunteer_zuid", "2025", "0", "4.0", "8", "yes"],
        ["Anna de Wit-Özdemir", "anna", "2025", "4", "4.0", "8", "no"],
    ]


def test_the_dutch_export_uses_semicolons_and_decimal_commas(client, cast, login, june):
    login(cast["coordinator_zuid"])
    response = client.get(reverse("training_export", args=["zuid"]))
    lines = response.content.decode("utf-8-sig").splitlines()
    fields = lines[1].split(";")
    assert fields[:6] == ["volunteer_zuid", "volunteer_zuid", "2025", "0", "4,0", "8"]


def test_the_export_defuses_formulas_in_names(english, cast, login, june):
    make_user("=HYPERLINK(1)", Role.VOLUNTEER, cast.zuid)
    login(cast["coordinator_zuid"])
    text = english.get(reverse("training_export", args=["zuid"])).content.decode()
    assert "'=HYPERLINK(1)" in text


def test_the_export_follows_the_behind_filter(english, cast, login, june):
    anna = make_user("anna", Role.VOLUNTEER, cast.zuid)
    record(cast.zuid, [anna], date=datetime.date(2025, 3, 1), half_days=4)
    login(cast["coordinator_zuid"])
    response = english.get(
        reverse("training_export", args=["zuid"]), {"year": "2025", "behind": "on"}
    )
    assert "anna" not in response.content.decode()


@pytest.mark.parametrize("volunteers", [1, 40])
def test_the_coordinators_list_runs_a_fixed_number_of_queries(
    client, cast, login, django_assert_num_queries, volunteers
):
    people = make_volunteers(cast.zuid, volunteers)
    record(cast.zuid, people, half_days=2)
    record(cast.zuid, people[:1], half_days=1)
    login(cast["coordinator_zuid"])
    url = reverse("training_overview", args=["zuid"])
    # Session, user, second factor and roles (4); the region, the first year of
    # its sessions, the volunteers with their half-days (3); the staff idle
    # timeout saving the session (3). However many volunteers: 10.
    with django_assert_num_queries(10):
        response = client.get(url, {"behind": "on"})
    assert response.status_code == 200


def test_the_volunteers_page_without_sessions(english, cast, login):
    login(cast["volunteer_noord"])
    content = english.get(reverse("training_mine")).content.decode()
    assert "0 of 8 half-days" in content
    assert "No further training recorded for you this year yet." in content


def test_supervisors_and_coordinators_find_their_screens_on_the_home_page(
    client, cast, login
):
    login(cast["supervisor_zuid"])
    hrefs = {a.attrs["href"] for a in parse(client.get("/").content).find_all("a")}
    assert {reverse("training_session_new"), reverse("training_sessions")} <= hrefs
    client.logout()
    login(cast["coordinator_zuid"])
    hrefs = {a.attrs["href"] for a in parse(client.get("/").content).find_all("a")}
    assert reverse("training_regions") in hrefs


def test_half_days_read_as_numbers_in_dutch(client, cast, login, june):
    """'4,0 dagdelen verschuldigd' read like a debt with a stray decimal."""
    login(cast["volunteer_zuid"])
    home = client.get(reverse("home")).content.decode()
    assert "Tot nu toe had je dit jaar 4 dagdelen moeten volgen." in home
    assert "4,0" not in home
    assert "verschuldigd" not in home
