"""The screens: a volunteer marks availability, a coordinator keeps the register."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.urls import reverse

from aandacht.core.roles import Role
from aandacht.core.tests.html import parse
from aandacht.roster.availability import services
from aandacht.roster.availability.home import register_home_panels
from aandacht.roster.models import Availability, RosterMonth, VolunteerRegister
from conftest import make_user

pytestmark = pytest.mark.django_db

MARCH = datetime.date(2027, 3, 1)


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


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


def url(roster: RosterMonth) -> str:
    return reverse("roster_availability", args=[roster.pk])


def checked(page, name: str) -> set[str]:
    return {
        box.attrs["value"]
        for box in page.find_all("input", type="checkbox", name=name)
        if "checked" in box.attrs
    }


def stored(roster, volunteer) -> set[tuple[str, str, bool]]:
    return {
        (day.isoformat(), shift, preferred)
        for day, shift, preferred in Availability.objects.filter(
            roster=roster, volunteer=volunteer
        ).values_list("date", "shift", "preferred")
    }


# --------------------------------------------------------------------------- #
# Availability
# --------------------------------------------------------------------------- #


def test_a_volunteer_marks_and_saves_availability(english, cast, login, march):
    client = english
    volunteer = cast["volunteer_zuid"]
    login(volunteer)
    page = parse(client.get(url(march)).content)
    boxes = page.find_all("input", type="checkbox", name="can")
    assert len(boxes) == 31 * 6
    assert len(page.find_all("input", type="checkbox", name="prefer")) == 31 * 6
    first = page.find("input", name="can", value="2027-03-01_N1")
    assert "disabled" not in first.attrs
    assert "0 slots available, 0 preferred" in page.text

    response = client.post(
        url(march),
        {
            "can": ["2027-03-01_N1", "2027-03-05_E", "2027-03-06_O"],
            "prefer": ["2027-03-05_E", "2027-03-08_M"],  # the 8th: prefer alone
        },
    )
    assert response.status_code == 302
    assert response.url == url(march)
    assert stored(march, volunteer) == {
        ("2027-03-01", "N1", False),
        ("2027-03-05", "E", True),
        ("2027-03-06", "O", False),
        ("2027-03-08", "M", True),
    }
    page = parse(client.get(url(march)).content)
    assert "Your availability is saved: 4 slots available, 2 preferred." in page.text
    assert page.find("p", id="availability-count").text == (
        "4 slots available, 2 preferred"
    )
    assert checked(page, "can") == {
        "2027-03-01_N1",
        "2027-03-05_E",
        "2027-03-06_O",
        "2027-03-08_M",
    }
    assert checked(page, "prefer") == {"2027-03-05_E", "2027-03-08_M"}


def test_each_checkbox_has_a_label_that_names_the_day_and_shift(
    english, cast, login, march
):
    login(cast["volunteer_zuid"])
    page = parse(english.get(url(march)).content)
    cell = page.find_all("td", class_="slot slot--night")[0]
    can, prefer = cell.find_all("label")
    assert can.text == "Mon 1 March, 00:00–04:00"
    assert can.find("input").attrs["value"] == "2027-03-01_N1"
    assert prefer.text.endswith("Preferred: Mon 1 March, 00:00–04:00")


def test_the_band_and_the_register_entry_are_shown(english, cast, login, march):
    volunteer = cast["volunteer_zuid"]
    services.register_entry_save(
        region=cast.zuid,
        volunteer=volunteer,
        languages=["nl", "tr"],
        channels=["phone"],
        min_shifts=5,
        max_shifts=7,
        night_required=True,
    )
    login(volunteer)
    text = parse(english.get(url(march)).content).text
    assert "You take 5 to 7 shifts a month, one of them at night." in text
    assert "Mark at least 5 slots and at least one night slot" in text
    assert "You marked fewer slots than the 5 shifts you want." in text
    assert "Dutch, Turkish" in text


def test_bad_input_keeps_what_was_ticked_with_a_clear_message(
    english, cast, login, march
):
    client = english
    volunteer = cast["volunteer_zuid"]
    services.availability_replace(
        roster=march, volunteer=volunteer, available=[(MARCH, "O")]
    )
    login(volunteer)
    response = client.post(
        url(march),
        {
            "can": ["2027-03-02_N1", "2027-04-01_N1", "2027-03-03_X"],
            "prefer": ["2027-03-02_N1"],
        },
    )
    assert response.status_code == 200
    page = parse(response.content)
    alert = page.find("div", class_="form-errors")
    assert "Your availability is not saved yet. Everything you marked is kept." in (
        alert.text
    )
    assert "Some marks are not shifts of this month." in alert.text
    assert checked(page, "can") == {"2027-03-02_N1"}
    assert checked(page, "prefer") == {"2027-03-02_N1"}
    assert stored(march, volunteer) == {("2027-03-01", "O", False)}


def test_after_the_deadline_the_grid_is_read_only(
    english, cast, login, march, time_machine
):
    client = english
    volunteer = cast["volunteer_zuid"]
    services.availability_replace(
        roster=march, volunteer=volunteer, available=[(MARCH, "O")]
    )
    time_machine.move_to(
        datetime.datetime(2027, 2, 21, 9, 0, tzinfo=datetime.UTC), tick=False
    )
    login(volunteer)
    page = parse(client.get(url(march)).content)
    notice = page.find("div", id="closed-notice")
    assert "The deadline of 20 February 2027 has passed." in notice.text
    assert "The coordinator plans the month" in notice.text
    boxes = page.find_all("input", type="checkbox")
    assert boxes
    assert all("disabled" in box.attrs for box in boxes)
    assert checked(page, "can") == {"2027-03-01_O"}
    assert page.find_all("button", type="submit", class_="button button--primary") == []

    response = client.post(url(march), {"can": ["2027-03-09_E"]})
    assert response.status_code == 200
    page = parse(response.content)
    assert (
        "has passed; availability is closed"
        in page.find("div", class_="form-errors").text
    )
    assert checked(page, "can") == {"2027-03-01_O"}  # what the coordinator plans with
    assert stored(march, volunteer) == {("2027-03-01", "O", False)}


def test_once_the_coordinator_plans_the_grid_is_read_only(english, cast, login, march):
    RosterMonth.objects.filter(pk=march.pk).update(status=RosterMonth.Status.PLANNING)
    login(cast["volunteer_zuid"])
    page = parse(english.get(url(march)).content)
    assert (
        "The coordinator is planning this month."
        in page.find("div", id="closed-notice").text
    )
    assert all(
        "disabled" in box.attrs for box in page.find_all("input", type="checkbox")
    )


def test_a_quick_mark_changes_the_grid_without_saving(english, cast, login, march):
    client = english
    volunteer = cast["volunteer_zuid"]
    login(volunteer)
    response = client.post(
        url(march), {"can": ["2027-03-06_O"], "quick": "weekday-evenings"}
    )
    assert response.status_code == 200
    page = parse(response.content)
    marked = checked(page, "can")
    assert "2027-03-06_O" in marked
    assert "2027-03-01_E" in marked
    assert "2027-03-07_E" not in marked
    assert len(marked) == 24
    assert "Nothing is saved yet" in page.text
    assert not Availability.objects.exists()
    response = client.post(url(march), {"can": sorted(marked), "quick": "clear"})
    assert checked(parse(response.content), "can") == set()


def test_another_regions_month_is_not_found(cast, login, march):
    login(cast["volunteer_noord"])
    response = login(cast["volunteer_noord"]).post(
        url(march), {"can": ["2027-03-01_O"]}
    )
    assert response.status_code == 404
    assert not Availability.objects.exists()


# --------------------------------------------------------------------------- #
# The register
# --------------------------------------------------------------------------- #


def entry_url(cast, volunteer, region="zuid"):
    return reverse("roster_register_entry", args=[region, volunteer.pk])


def test_a_coordinator_keeps_the_register(english, cast, login):
    client = english
    volunteer = cast["volunteer_zuid"]
    anna = make_user("anna", Role.VOLUNTEER, cast.zuid)
    login(cast["coordinator_zuid"])
    page = parse(client.get(reverse("roster_register", args=["zuid"])).content)
    links = [
        a.attrs["href"] for a in page.find_all("a") if "/register/" in a.attrs["href"]
    ]
    assert links == [entry_url(cast, anna), entry_url(cast, volunteer)]
    assert "2 volunteers" in page.text

    form = parse(client.get(entry_url(cast, volunteer)).content)
    assert checked(form, "languages") == {"nl"}  # the defaults
    assert checked(form, "channels") == {"phone"}
    assert form.find("input", name="min_shifts").attrs["value"] == "4"
    assert "checked" in form.find("input", name="night_required").attrs

    response = client.post(
        entry_url(cast, volunteer),
        {
            "languages": ["nl", "fa"],
            "channels": ["phone", "chat"],
            "min_shifts": "3",
            "max_shifts": "6",
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("roster_register", args=["zuid"])
    entry = VolunteerRegister.objects.get()
    assert (entry.volunteer, entry.region) == (volunteer, cast.zuid)
    assert (entry.languages, entry.channels) == (["nl", "fa"], ["phone", "chat"])
    assert (entry.min_shifts, entry.max_shifts, entry.night_required) == (3, 6, False)
    listing = parse(client.get(reverse("roster_register", args=["zuid"])).content)
    assert "Dutch, Farsi" in listing.text
    assert "3 to 6" in listing.text


def test_a_bad_register_entry_is_explained_and_kept(english, cast, login):
    client = english
    login(cast["coordinator_zuid"])
    response = client.post(
        entry_url(cast, cast["volunteer_zuid"]),
        {"languages": ["tr"], "channels": [], "min_shifts": "8", "max_shifts": "5"},
    )
    assert response.status_code == 200
    page = parse(response.content)
    assert "The entry is not saved yet." in page.find("div", class_="form-errors").text
    assert "Choose at least one channel from the list." in page.text
    assert "The most shifts a month cannot be fewer than the least." in page.text
    assert checked(page, "languages") == {"tr"}
    assert page.find("input", name="min_shifts").attrs["value"] == "8"
    assert not VolunteerRegister.objects.exists()


def test_the_register_has_only_the_regions_volunteers(cast, login):
    client = login(cast["coordinator_zuid"])
    assert client.get(entry_url(cast, cast["volunteer_noord"])).status_code == 404
    assert client.get(entry_url(cast, cast["supervisor_zuid"])).status_code == 404
    client = login(cast["coordinator_noord"])
    response = client.post(
        entry_url(cast, cast["volunteer_zuid"]),
        {"languages": ["nl"], "channels": ["phone"], "min_shifts": 4, "max_shifts": 8},
    )
    assert response.status_code == 404
    assert not VolunteerRegister.objects.exists()


# --------------------------------------------------------------------------- #
# Roster months
# --------------------------------------------------------------------------- #


def test_a_coordinator_opens_a_month(english, cast, login, february):
    client = english
    login(cast["coordinator_zuid"])
    months = reverse("roster_months", args=["zuid"])
    form = parse(client.get(months).content)
    assert form.find("input", name="month").attrs["value"] == "2027-03"
    assert form.find("input", name="deadline").attrs["value"] == "2027-02-15"
    response = client.post(months, {"month": "2027-03", "deadline": "2027-02-20"})
    assert response.status_code == 302
    roster = RosterMonth.objects.get()
    assert (roster.region, roster.month, roster.deadline) == (
        cast.zuid,
        MARCH,
        datetime.date(2027, 2, 20),
    )
    page = parse(client.get(months).content)
    assert "The roster of March 2027 is open for availability." in page.text
    assert "March 2027" in page.find("tbody").text
    assert page.find("input", name="month").attrs["value"] == "2027-04"


def test_a_bad_month_is_explained_and_kept(english, cast, login, february):
    client = english
    login(cast["coordinator_zuid"])
    months = reverse("roster_months", args=["zuid"])
    response = client.post(months, {"month": "2027-03", "deadline": "2027-03-05"})
    assert response.status_code == 200
    page = parse(response.content)
    assert "The month is not opened yet." in page.find("div", class_="form-errors").text
    assert "The deadline must lie before the month starts." in page.text
    assert page.find("input", name="deadline").attrs["value"] == "2027-03-05"
    response = client.post(months, {"month": "maart", "deadline": "2027-02-20"})
    assert "Enter a month as year and month, like 2027-03." in response.content.decode()
    assert not RosterMonth.objects.exists()


def test_another_coordinator_cannot_open_a_month_here(cast, login, february):
    client = login(cast["coordinator_noord"])
    response = client.post(
        reverse("roster_months", args=["zuid"]),
        {"month": "2027-03", "deadline": "2027-02-20"},
    )
    assert response.status_code == 404
    client = login(cast["volunteer_zuid"])
    response = client.post(
        reverse("roster_months", args=["zuid"]),
        {"month": "2027-03", "deadline": "2027-02-20"},
    )
    assert response.status_code == 403
    assert not RosterMonth.objects.exists()


# --------------------------------------------------------------------------- #
# Home panels
# --------------------------------------------------------------------------- #


@pytest.fixture
def panels():
    register_home_panels()  # until RosterConfig.ready() calls it


def test_the_volunteers_home_links_to_the_open_month(
    english, cast, login, march, panels
):
    login(cast["volunteer_zuid"])
    page = parse(english.get(reverse("home")).content)
    link = page.find("a", href=url(march))
    assert "Availability for March 2027" in link.text
    assert "0 slots marked; open until 20 February." in page.text


def test_a_coordinators_home_links_to_the_register_and_months(
    english, cast, login, panels
):
    login(cast["coordinator_zuid"])
    page = parse(english.get(reverse("home")).content)
    page.find("a", href=reverse("roster_register", args=["zuid"]))
    page.find("a", href=reverse("roster_months", args=["zuid"]))
    english.logout()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    login(cast["national"])
    page = parse(english.get(reverse("home")).content)
    page.find("a", href=reverse("roster_regions"))
