"""The maintenance forms: opening hours checked row by row, nothing typed lost."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils.translation import override

from aandacht.socialmap.directory.access import Scope
from aandacht.socialmap.directory.forms import (
    ClosedDateFormSet,
    OrganizationForm,
    PhoneFormSet,
    ScheduleFormSet,
    ServiceForm,
    SynonymForm,
    days_and_weeks,
    schedule_initial,
)
from aandacht.socialmap.models import Schedule, Service, Synonym


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def schedule_row(index, days=("MO",), weeks=(), opens="09:00", closes="17:00", **more):
    data = {
        f"schedules-{index}-opens_at": opens,
        f"schedules-{index}-closes_at": closes,
    }
    if days:
        data[f"schedules-{index}-weekdays"] = list(days)
    if weeks:
        data[f"schedules-{index}-weeks"] = list(weeks)
    data.update({f"schedules-{index}-{key}": value for key, value in more.items()})
    return data


def schedules_formset(*rows, existing=None, initial=None):
    data = management("schedules", len(rows), len(initial or []))
    for index, row in enumerate(rows):
        data.update(row(index) if callable(row) else row)
    return ScheduleFormSet(
        data,
        initial=initial,
        prefix="schedules",
        form_kwargs={"existing": existing or {}},
    )


def test_a_row_that_closes_before_it_opens_gets_the_rules_reason_beside_it():
    formset = schedules_formset(
        schedule_row(0, days=("MO", "TU"), opens="09:00", closes="17:00"),
        schedule_row(1, days=("WE",), opens="09:00", closes="03:00"),
    )
    with override("en"):
        assert not formset.is_valid()
        assert formset.forms[0].errors == {}
        (message,) = formset.forms[1].non_field_errors()
    assert message.startswith("These hours cannot be used: closes at 03:00, before it")
    assert "opens at 09:00" in message
    # What was typed is still there to correct.
    assert formset.forms[1]["closes_at"].value() == "03:00"
    assert formset.forms[1]["weekdays"].value() == ["WE"]


def test_a_night_and_a_first_saturday_are_read_as_the_map_reads_them():
    formset = schedules_formset(
        schedule_row(0, days=("FR", "SA"), opens="22:00", closes="2.00"),
        schedule_row(1, days=("SA",), weeks=("1", "3"), opens="9.30", closes="12:00"),
    )
    assert formset.is_valid(), formset.errors
    night, saturdays = formset.rows()
    assert (night.freq, night.byday, night.closes_at) == ("WEEKLY", "FR,SA", "02:00")
    assert (saturdays.freq, saturdays.byday) == ("MONTHLY", "1SA,3SA")
    assert saturdays.opens_at == "09:30"
    assert all(rule is not None for rule in formset.typed_rules())


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        (schedule_row(0, days=()), "weekdays", "Choose at least one day."),
        (
            schedule_row(0, days=(), weeks=("1",)),
            "weekdays",
            "Choose at least one day.",
        ),
        (schedule_row(0, opens=""), "opens_at", "This field is required."),
    ],
)
def test_a_row_without_days_or_times_says_what_is_missing(row, field, message):
    formset = schedules_formset(row)
    with override("en"):
        assert not formset.is_valid()
        assert formset.forms[0].errors[field] == [message]


def test_a_time_the_rules_cannot_read_is_refused_with_their_reason():
    formset = schedules_formset(schedule_row(0, opens="25:00"))
    with override("en"):
        assert not formset.is_valid()
        (message,) = formset.forms[0].non_field_errors()
    assert "opens_at '25:00' is not a valid time of day" in message


def test_a_row_marked_for_removal_is_not_checked():
    formset = schedules_formset(
        schedule_row(0, opens="09:00", closes="03:00", DELETE="on")
    )
    assert formset.is_valid()
    assert formset.rows() == []


def test_an_empty_extra_row_is_ignored():
    formset = schedules_formset(schedule_row(0), {})
    data = dict(formset.data)
    data["schedules-TOTAL_FORMS"] = "2"
    formset = ScheduleFormSet(data, prefix="schedules", form_kwargs={"existing": {}})
    assert formset.is_valid(), formset.errors
    assert len(formset.rows()) == 1


def test_days_the_form_cannot_show_are_kept(db):
    service = Service.objects.create(name="Inloop")
    row = Schedule.objects.create(
        service=service,
        freq="MONTHLY",
        byday="1SA,3SU",
        opens_at="10:00",
        closes_at="12:00",
    )
    initial = schedule_initial(service)
    existing = {str(row.id): row}
    formset = schedules_formset(
        {
            "schedules-0-id": str(row.id),
            "schedules-0-opens_at": "10:30",
            "schedules-0-closes_at": "12:00",
            "schedules-0-weekdays": ["MO"],  # not on the form: ignored
        },
        existing=existing,
        initial=initial,
    )
    assert formset.forms[0].fixed_days == "1SA,3SU"
    assert formset.is_valid(), formset.errors
    (kept,) = formset.rows()
    assert (kept.id, kept.freq, kept.byday, kept.opens_at) == (
        row.id,
        "MONTHLY",
        "1SA,3SU",
        "10:30",
    )


def test_an_imported_rule_the_map_cannot_read_must_be_corrected(db):
    service = Service.objects.create(name="Inloop")
    row = Schedule.objects.create(
        service=service,
        freq="WEEKLY",
        byday="MO",
        opens_at="10:00",
        closes_at="12:00",
        extra={"count": 5},
    )
    formset = schedules_formset(
        {
            "schedules-0-id": str(row.id),
            "schedules-0-weekdays": ["MO"],
            "schedules-0-opens_at": "10:00",
            "schedules-0-closes_at": "12:00",
        },
        existing={str(row.id): row},
        initial=schedule_initial(service),
    )
    with override("en"):
        assert not formset.is_valid()
        (message,) = formset.forms[0].non_field_errors()
    assert "count is not supported" in message


@pytest.mark.parametrize(
    ("freq", "byday", "expected"),
    [
        ("WEEKLY", "MO,WE", (["MO", "WE"], [])),
        ("MONTHLY", "1SA", (["SA"], ["1"])),
        ("MONTHLY", "1SA,3SA,1SU,3SU", (["SA", "SU"], ["1", "3"])),
        ("MONTHLY", "-1FR", (["FR"], ["-1"])),
        ("MONTHLY", "1SA,3SU", None),
        ("MONTHLY", "MO", None),
        ("WEEKLY", "XX", None),
        ("WEEKLY", "", ([], [])),
    ],
)
def test_which_stored_days_the_form_can_show(freq, byday, expected):
    assert days_and_weeks(freq, byday) == expected


def test_closed_dates_may_not_repeat():
    data = management("closed", 2)
    data.update(
        {
            "closed-0-day": "2025-12-25",
            "closed-0-reason": "Eerste Kerstdag",
            "closed-1-day": "2025-12-25",
        }
    )
    formset = ClosedDateFormSet(data, prefix="closed")
    with override("en"):
        assert not formset.is_valid()
        assert formset.forms[1].errors["day"] == ["This date is already in the list."]
    assert formset.forms[1]["day"].value() == "2025-12-25"


def test_closed_dates_become_closures():
    data = management("closed", 1)
    data.update({"closed-0-day": "2025-04-27", "closed-0-reason": "Koningsdag"})
    formset = ClosedDateFormSet(data, prefix="closed")
    assert formset.is_valid()
    assert [c.day for c in formset.closures()] == [date(2025, 4, 27)]


@pytest.mark.parametrize(
    "number", ["113", "0800-0113", "+31 30 123 4567", "(030) 1234567"]
)
def test_public_numbers_are_accepted(number):
    data = management("phones", 1)
    data["phones-0-number"] = number
    data["phones-0-type"] = "voice"
    formset = PhoneFormSet(data, prefix="phones")
    assert formset.is_valid(), formset.errors


@pytest.mark.parametrize("number", ["12", "bel ons", "030-12345x"])
def test_a_phone_that_is_no_number_is_refused(number):
    data = management("phones", 1)
    data["phones-0-number"] = number
    formset = PhoneFormSet(data, prefix="phones")
    with override("en"):
        assert not formset.is_valid()
        assert formset.forms[0].errors["number"] == [
            "Give a public phone number in digits, like 0800-0113 or 113."
        ]


def service_form(cast, **data):
    values = {"name": "Taalcafé", "status": "active", "region": "zuid", **data}
    return ServiceForm(
        values,
        regions=[cast.zuid, None],
        organizations=Scope(region_ids=frozenset({cast.zuid.pk}), national=True),
    )


def test_the_service_form_reads_areas_and_languages(cast):
    form = service_form(
        cast, service_areas="Utrecht\n\n Zeist \nUtrecht", languages="NL, en,Turks"
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["service_areas"] == ["Utrecht", "Zeist"]
    assert form.cleaned_data["languages"] == ["nl", "en", "Turks"]
    assert form.chosen_region() == cast.zuid


def test_the_service_form_refuses_an_age_range_upside_down(cast):
    form = service_form(cast, minimum_age="65", maximum_age="18")
    with override("en"):
        assert not form.is_valid()
        assert form.errors["maximum_age"] == [
            "The maximum age is below the minimum age."
        ]


@pytest.mark.parametrize(
    "address",
    ["ftp://ftp.example.nl/folder", "javascript:alert(1)", "file:///etc/passwd"],
)
def test_a_web_address_must_be_http_or_https(cast, address):
    form = service_form(cast, url=address)
    organization = OrganizationForm(
        {"name": "Stichting Samen", "region": "zuid", "website": address},
        regions=[cast.zuid],
    )
    with override("en"):
        for field, bound in (("url", form), ("website", organization)):
            assert not bound.is_valid()
            assert bound.errors[field] == [
                "Enter a web address that starts with http:// or https://."
            ]


def test_a_web_address_typed_without_a_scheme_gets_https(cast):
    form = service_form(cast, url="www.example.nl/hulp")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["url"] == "https://www.example.nl/hulp"


def test_the_service_form_offers_only_the_users_maps(cast):
    form = service_form(cast, region="noord")
    assert not form.is_valid()
    assert "region" in form.errors


def test_a_synonym_term_is_unique_whatever_its_case(db):
    existing = Synonym.objects.create(
        term="GGZ", synonyms="geestelijke gezondheidszorg"
    )
    form = SynonymForm({"term": "ggz", "synonyms": "psychiatrie"})
    with override("en"):
        assert not form.is_valid()
        assert "There is already a synonym group" in form.errors["term"][0]
    same = SynonymForm({"term": "ggz", "synonyms": "psychiatrie"}, synonym=existing)
    assert same.is_valid()


def test_a_synonym_needs_another_word_than_the_term(db):
    form = SynonymForm({"term": "rouw", "synonyms": "Rouw\n"})
    with override("en"):
        assert not form.is_valid()
        assert form.errors["synonyms"] == [
            "Give at least one synonym other than the term itself."
        ]
