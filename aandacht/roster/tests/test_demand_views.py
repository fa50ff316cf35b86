"""The screens: a coordinator sets up lines, imports a call log, reads capacity."""

from __future__ import annotations

from datetime import date

import pytest
from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile, SimpleUploadedFile
from django.urls import reverse

from aandacht.core.tests.html import parse
from aandacht.roster.demand import services
from aandacht.roster.models import Assignment, Demand, Line, RosterMonth

pytestmark = pytest.mark.django_db

GOOD = (
    "time,line,answered,waiting seconds\n"
    "2025-03-03 16:05,phone-nl,1,20\n"
    "2025-03-03 17:00,phone-nl,0,60\n"
    "2025-03-04 21:00,chat-nl,1,100\n"
)


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def coordinator(cast, login, english):
    services.lines_install_defaults(region=cast.zuid)
    login(cast["coordinator_zuid"])
    return english


def upload(client, text: str, **data):
    log = SimpleUploadedFile("calls.csv", text.encode(), content_type="text/csv")
    return client.post(
        reverse("roster_demand_import", args=["zuid"]), {"log": log, **data}
    )


def no_inline_code(content: bytes) -> None:
    page = content.decode()
    assert 'style="' not in page
    assert "<script>" not in page
    assert " on" + "click=" not in page


def test_a_coordinator_imports_a_call_log_through_the_form(coordinator):
    page = parse(
        coordinator.get(reverse("roster_demand_import", args=["zuid"])).content
    )
    assert page.find_all("input", type="file", name="log")
    response = upload(coordinator, GOOD)
    assert response.status_code == 200
    no_inline_code(response.content)
    page = parse(response.content)
    assert "3 calls imported." in page.text
    assert "3 calls from 3 March 2025 to 4 March 2025" in page.text
    table = page.find_all("table")[0]
    assert "Callers’ patience per channel" in table.text
    # Phone: 2 calls, 1 abandoned, 40 s mean wait: 40 / 0.5 = 80 s = 1.3 min.
    assert "1.3" in table.text
    assert Demand.objects.filter(source=Demand.Source.CALL_LOG).count() > 0
    monday = Demand.objects.get(line__code="phone-nl", weekday=0, shift="A")
    assert monday.arrivals_per_hour == 0.5


def test_a_bad_call_log_shows_every_problem_and_imports_nothing(coordinator):
    response = upload(
        coordinator,
        "time,line,answered,waiting seconds\n"
        "2025-03-03 16:05,phone-nl,1,20\n"
        "soon,phone-xx,1,20\n"
        "2025-03-03 16:05,phone-nl,perhaps,-1\n",
    )
    assert response.status_code == 200
    page = parse(response.content)
    (box,) = page.find_all("div", id="problems")
    items = [item.text for item in box.find_all("li")]
    assert items == [
        "Row 3: “soon” is not a date and time. Write for example 2025-03-03 14:05 "
        "or 2025-03-03T14:05:00+01:00.",
        "Row 3: “phone-xx” is not a line of Zuid.",
        "Row 4: “perhaps” does not say whether the call was answered. Write 1 or 0, "
        "yes or no, true or false.",
        "Row 4: the waiting seconds (-1) are below zero.",
    ]
    assert "Nothing is imported: the file has 4 problems." in box.text
    assert not Demand.objects.exists()


def test_a_call_log_with_caller_numbers_is_refused_and_says_why(coordinator):
    response = upload(
        coordinator,
        "time,line,answered,waiting seconds,ANI\n2025-03-03 16:05,phone-nl,1,20,"
        "0101234567\n",
    )
    (box,) = parse(response.content).find_all("div", id="problems")
    assert "The line is anonymous" in box.text
    assert "0101234567" not in response.content.decode()
    assert not Demand.objects.exists()


def test_a_coordinator_adds_a_line_with_its_opening_hours(coordinator, cast):
    url = reverse("roster_line_new", args=["zuid"])
    page = parse(coordinator.get(url).content)
    boxes = page.find_all("input", type="checkbox", name="open_slots")
    assert len(boxes) == 42
    assert boxes[0].attrs["aria-labelledby"] == "day-0 shift-N1"
    response = coordinator.post(
        url,
        {
            "code": "phone-en",
            "channel": "phone",
            "language": "en",
            "max_parallel": "1",
            "weight": "2",
            "open_slots": ["MO-A", "MO-E", "TU-A", "TU-E", "SA-M"],
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("roster_lines", args=["zuid"])
    line = Line.objects.get(region=cast.zuid, code="phone-en")
    assert line.open_rules == [
        {"byday": "MO,TU", "shifts": ["A", "E"]},
        {"byday": "SA", "shifts": ["M"]},
    ]
    page = parse(coordinator.get(reverse("roster_lines", args=["zuid"])).content)
    assert "Mon, Tue: 16:00–20:00, 20:00–00:00" in page.text
    change = parse(
        coordinator.get(reverse("roster_line_change", args=["zuid", line.pk])).content
    )
    ticked = [
        box.attrs["value"]
        for box in change.find_all("input", type="checkbox", name="open_slots")
        if "checked" in box.attrs
    ]
    assert ticked == ["MO-A", "MO-E", "TU-A", "TU-E", "SA-M"]


def test_a_line_without_opening_hours_is_not_saved(coordinator, cast):
    response = coordinator.post(
        reverse("roster_line_new", args=["zuid"]),
        {
            "code": "phone-nl",
            "channel": "phone",
            "language": "nl",
            "max_parallel": "1",
            "weight": "1",
        },
    )
    assert response.status_code == 200
    page = parse(response.content)
    errors = [p.text for p in page.find_all("p", class_="error")]
    assert "Choose the shifts in which the line is open, or “always open”." in errors
    response = coordinator.post(
        reverse("roster_line_new", args=["zuid"]),
        {
            "code": "phone-nl",
            "channel": "phone",
            "language": "nl",
            "max_parallel": "1",
            "weight": "1",
            "always_open": "on",
        },
    )
    errors = [p.text for p in parse(response.content).find_all("p", class_="error")]
    assert errors == ["Zuid already has a line phone-nl."]


def test_a_coordinator_changes_a_line_to_always_open(coordinator, cast):
    line = Line.objects.get(region=cast.zuid, code="chat-nl")
    response = coordinator.post(
        reverse("roster_line_change", args=["zuid", line.pk]),
        {
            "code": "chat-nl",
            "channel": "chat",
            "language": "nl",
            "max_parallel": "3",
            "weight": "1",
            "always_open": "on",
            "open_slots": ["MO-A"],
        },
    )
    assert response.status_code == 302
    line.refresh_from_db()
    assert (line.max_parallel, line.open_rules) == (3, [])


def test_the_standard_lines_button_adds_only_what_is_missing(english, cast, login):
    login(cast["coordinator_zuid"])
    url = reverse("roster_lines_defaults", args=["zuid"])
    response = english.post(url, follow=True)
    assert "Lines added: phone-nl, chat-nl, phone-tr, phone-ar, phone-fa." in (
        parse(response.content).text
    )
    response = english.post(url, follow=True)
    assert "The region has every standard line already." in parse(response.content).text


def test_the_demand_page_estimates_from_contact_reports(coordinator):
    response = coordinator.post(
        reverse("roster_demand_estimate", args=["zuid"]), {"weeks": "4"}, follow=True
    )
    page = parse(response.content)
    assert "Demand estimated from 0 contacts in 4 weeks." in page.text
    no_inline_code(response.content)
    captions = [c.text for c in page.find_all("caption")]
    assert "phone-nl: expected calls per hour" in captions
    response = coordinator.post(
        reverse("roster_demand_estimate", args=["zuid"]), {"weeks": "0"}, follow=True
    )
    assert (
        "Ensure this value is greater than or equal to 1."
        in parse(response.content).text
    )


def test_the_capacity_page_without_and_with_assignments(coordinator, cast):
    url = reverse("roster_capacity", args=["zuid"])
    assert "There is no roster month yet." in parse(coordinator.get(url).content).text
    march = RosterMonth.objects.create(
        region=cast.zuid, month=date(2027, 3, 1), deadline=date(2027, 2, 20)
    )
    page = parse(coordinator.get(url).content)
    assert "The roster of March 2027 has no assignments yet." in page.text
    phone = Line.objects.get(region=cast.zuid, code="phone-nl")
    services.demand_set(line=phone, weekday=0, shift="E", arrivals_per_hour=2)
    Assignment.objects.create(
        roster=march,
        volunteer=cast["volunteer_zuid"],
        date=date(2027, 3, 1),
        shift="E",
        line=phone,
    )
    response = coordinator.get(url, {"month": "2027-03"})
    no_inline_code(response.content)
    page = parse(response.content)
    (table,) = page.find_all("table")
    assert "Expected answer rate per hour of the day" in table.text
    assert "The roster of March 2027 has 1 shift." in page.text
    rows = table.find_all("tr")
    assert len(rows) == 1 + 24 + 1


def test_lines_needed_update_with_htmx(coordinator, cast):
    phone = Line.objects.get(region=cast.zuid, code="phone-nl")
    services.demand_set(line=phone, weekday=0, shift="E", arrivals_per_hour=12)
    url = reverse("roster_lines_needed", args=["zuid"])
    response = coordinator.get(url)
    no_inline_code(response.content)
    page = parse(response.content)
    assert page.find_all("div", id="needed")
    assert "To answer 80% of its calls, phone-nl needs at most" in page.text
    partial = coordinator.get(url, {"target": "60"}, HTTP_HX_REQUEST="true")
    assert "HX-Request" in partial["Vary"]
    text = partial.content.decode()
    assert "<html" not in text
    assert "To answer 60% of its calls" in text
    wrong = coordinator.get(url, {"target": "100"}, HTTP_HX_REQUEST="true")
    assert "Ensure this value is less than or equal to 99." in wrong.content.decode()


def test_a_file_above_the_limit_is_refused_with_a_message(coordinator):
    response = upload(coordinator, "x" * (12 * 1024 * 1024))
    assert response.status_code == 200
    assert "larger than 10 MB" in response.content.decode()


def test_an_upload_stays_in_memory_and_never_touches_the_disk(rf, settings):
    """Django's default writes anything above 2.5 MB to a temporary file."""
    log = SimpleUploadedFile("calls.csv", b"x" * (3 * 1024 * 1024))
    request = rf.post("/", {"log": log})
    assert isinstance(request.FILES["log"], InMemoryUploadedFile)
