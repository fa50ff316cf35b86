"""Far-future, far-past and malformed dates get a message, never a server error.

Every screen that reads a day, a month or a year from the query string or a
form is asked for the edges of Python's calendar (9999-12-31, 0001-01-01),
for what lies beyond it (10000-01), for a month that does not exist
(2026-13) and for garbage. Each answer is the page with a message beside
the field (or the API's 400 with a ``detail``), and the value typed is
still there. Before #14, days at the calendar's edges ended in a 500
(``OverflowError``: the day after 9999-12-31, a local midnight of
0001-01-01 in UTC, the same day of year 0).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django import forms
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from aandacht.contacts.models import Contact, ContactDraft
from aandacht.contacts.tests.conftest import lists  # noqa: F401 (a fixture)
from aandacht.contacts.tests.test_register import typical_report
from aandacht.core import dates
from aandacht.roster.models import RosterMonth
from aandacht.training.models import TrainingSession

DAYS = ["9999-12-31", "0001-01-01", "10000-01", "2026-13", "garbage"]
MONTHS = ["9999-12", "0001-01", "10000-01", "2026-13", "9999-12-31", "garbage"]
YEARS = ["9999", "0001", "10000", "2026-13", "garbage"]
MOMENTS = [
    "9999-12-31T23:59",
    "0001-01-01T00:00",
    "10000-01-01T00:00",
    "2026-13-01T10:00",
    "garbage",
]
API_MOMENTS = [
    "9999-12-31T23:59:59-05:00",
    "0001-01-01T00:00:00+01:00",
    "9999-12-31T12:00:00Z",
    "0001-01-01T00:00:00Z",
    "10000-01-01T00:00:00Z",
    "2026-13-01T10:00:00Z",
    "garbage",
]


@dataclass(frozen=True)
class Screen:
    """A screen, who opens it, and the fields of a day, month or year it reads."""

    name: str
    persona: str
    fields: dict[str, list[str]]
    args: tuple[str, ...] = ()
    base: dict[str, str] = field(default_factory=dict)
    method: str = "get"
    query: str = ""


def _each(values: list[str], *names: str) -> dict[str, list[str]]:
    return dict.fromkeys(names, values)


SCREENS = [
    Screen("audit_log", "admin_zuid", _each(DAYS, "date_from", "date_to")),
    Screen("review_queue", "supervisor_zuid", _each(DAYS, "date_from", "date_to")),
    Screen(
        "insights_dashboard",
        "national",
        _each(DAYS, "start", "end"),
        base={"kind": "range", "start": "2024-01-01", "end": "2024-12-31"},
    ),
    Screen("insights_dashboard", "national", {"month": MONTHS}, base={"kind": "month"}),
    Screen("insights_dashboard", "national", {"year": YEARS}, base={"kind": "year"}),
    Screen(
        "insights_dashboard",
        "national",
        {"quarter_year": YEARS},
        base={"kind": "quarter", "quarter": "1"},
    ),
    Screen(
        "insights_panel_csv",
        "national",
        _each(DAYS, "start", "end"),
        args=("contacts",),
        base={"kind": "range", "start": "2024-01-01", "end": "2024-12-31"},
    ),
    Screen(
        "insights_panel_csv",
        "national",
        {"month": MONTHS},
        args=("contacts",),
        base={"kind": "month"},
    ),
    Screen(
        "insights_export",
        "national",
        _each(DAYS, "first", "last"),
        base={
            "region": "zuid",
            "first": "2024-01-01",
            "last": "2024-12-31",
            "file_format": "csv",
        },
        method="post",
    ),
    Screen("insights_annual_pdf", "national", {"year": YEARS}, base={"region": "zuid"}),
    *(
        Screen(name, "partner_zuid", _each(YEARS, "year", "quarter"), args=("zuid",))
        for name in ("partner_report", "partner_report_pdf", "partner_report_xlsx")
    ),
    Screen(
        "roster_months",
        "coordinator_zuid",
        {"month": MONTHS, "deadline": DAYS},
        args=("zuid",),
        base={"month": "2099-01", "deadline": "2098-12-01"},
        method="post",
    ),
    Screen(
        "training_session_new",
        "supervisor_zuid",
        {"date": DAYS},
        base={"topic": "Bellers in crisis", "half_days": "1"},
        method="post",
        query="?region=zuid",
    ),
    Screen("hsds_services", "anonymous", _each(API_MOMENTS, "modified_after")),
    Screen("hsds_services", "anonymous", _each(API_MOMENTS, "open_at")),
]

CASES = [
    pytest.param(screen, name, value, id=f"{screen.name}-{name}={value}")
    for screen in SCREENS
    for name, values in screen.fields.items()
    for value in values
]


def _problems(response, name: str) -> str:
    """What the answer says is wrong with ``name`` (or with the form)."""
    kind = response["Content-Type"]
    if kind.startswith("application/json"):
        return str(response.json().get("detail", ""))
    if kind.startswith("text/plain"):
        return response.content.decode()
    form = response.context["form"]
    return " ".join([*form.errors.get(name, []), *form.non_field_errors()])


def _typed(response, name: str) -> bool:
    """Whether the field is typed in (a list of choices cannot show a stranger)."""
    widget = response.context["form"].fields[name].widget
    return not isinstance(widget, forms.Select | forms.RadioSelect)


@pytest.mark.parametrize(("screen", "name", "value"), CASES)
def test_a_date_at_the_calendars_edge_or_malformed_gets_a_message(
    client: Client, cast, login, screen: Screen, name: str, value: str
):
    client.cookies["django_language"] = "en"
    if screen.persona != "anonymous":
        login(cast[screen.persona])
    path = reverse(screen.name, args=screen.args) + screen.query
    data = {**screen.base, name: value}

    response = getattr(client, screen.method)(path, data, follow=True)

    assert response.status_code in (200, 400)
    assert _problems(response, name)
    if "html" in response["Content-Type"] and _typed(response, name):
        assert f'value="{value}"' in response.content.decode()  # nothing lost
    assert not RosterMonth.objects.exists()
    assert not TrainingSession.objects.exists()


@pytest.mark.parametrize("value", MOMENTS)
@pytest.mark.parametrize("name", ["started_at", "ended_at"])
@pytest.mark.usefixtures("lists")
def test_a_report_with_such_a_moment_is_refused_and_kept(
    client: Client, cast, login, name, value
):
    client.cookies["django_language"] = "en"
    login(cast["volunteer_zuid"])
    client.get(reverse("contact_new"))
    draft = ContactDraft.objects.latest("started_at")
    data = typical_report(draft, **{name: value})

    response = client.post(reverse("contact_draft", args=[draft.key]), data)

    assert response.status_code == 200
    assert response.context["form"].errors[name]
    assert f'value="{value}"' in response.content.decode()
    assert not Contact.objects.exists()


# -- the calendar's years, and what they say ----------------------------------------


@pytest.mark.parametrize(
    ("screen", "name", "value", "message"),
    [
        ("audit_log", "date_to", "9999-12-31", "Choose a date from 2000 to 2100."),
        ("review_queue", "date_from", "1999-12-31", "Choose a date from 2000 to 2100."),
        ("insights_dashboard", "month", "2101-01", "Choose a month from 2000 to 2100."),
        (
            "insights_dashboard",
            "start",
            "0001-01-01",
            "Choose a date from 2000 to 2100.",
        ),
    ],
)
def test_the_message_names_the_years_a_form_accepts(
    client, cast, login, screen, name, value, message
):
    client.cookies["django_language"] = "en"
    persona = {"audit_log": "admin_zuid", "review_queue": "supervisor_zuid"}
    login(cast[persona.get(screen, "national")])
    kind = {"month": "month", "start": "range"}.get(name, "")

    response = client.get(reverse(screen), {"kind": kind, name: value})

    assert message in response.context["form"].errors[name]


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (f"{dates.FIRST_YEAR}-01-01", f"{dates.FIRST_YEAR}-01-31"),
        (f"{dates.LAST_YEAR}-12-01", f"{dates.LAST_YEAR}-12-31"),
    ],
)
def test_the_first_and_last_years_still_work(client, cast, login, first, last):
    login(cast["national"])
    query = {"kind": "range", "start": first, "end": last}

    assert client.get(reverse("insights_dashboard"), query).status_code == 200


def test_a_review_filter_from_after_to_says_so(client, cast, login):
    client.cookies["django_language"] = "en"
    login(cast["supervisor_zuid"])
    query = {"date_from": "2026-05-01", "date_to": "2026-04-01"}

    response = client.get(reverse("review_queue"), query)

    assert "The start date is after the end date." in (
        response.context["form"].non_field_errors()
    )


@pytest.mark.usefixtures("lists")
def test_a_report_may_end_now_but_not_later(client, cast, login):
    client.cookies["django_language"] = "en"
    login(cast["volunteer_zuid"])
    client.get(reverse("contact_new"))
    draft = ContactDraft.objects.latest("started_at")
    tomorrow = timezone.localtime() + timedelta(days=1)
    data = typical_report(draft, ended_at=tomorrow.strftime("%Y-%m-%dT%H:%M"))

    response = client.post(reverse("contact_draft", args=[draft.key]), data)

    assert response.context["form"].errors["ended_at"] == [
        "The end lies in the future."
    ]
    assert not Contact.objects.exists()
