"""Reads of the maintenance screens: the stale list, the list, the history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils.translation import override

from aandacht.socialmap.directory import selectors, services
from aandacht.socialmap.directory.access import Scope, edit_scope, listed_scope
from aandacht.socialmap.directory.selectors import ListFilters, stale_before
from aandacht.socialmap.directory.services import PhoneInput, ServiceLists
from aandacht.socialmap.models import ChangeRecord, Organization, Service
from aandacht.socialmap.tests.permissions_directory import (
    make_organization,
    make_service,
)

# 10:00 in Amsterdam (winter time).
NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


def verified(entry, at, actor):
    with time_machine.travel(at, tick=False):
        if isinstance(entry, Service):
            services.service_verify(service=entry, actor=actor)
        else:
            services.organization_verify(organization=entry, actor=actor)


@pytest.fixture
def vraagwijzer(cast):
    return cast["vraagwijzer_zuid"]


@pytest.fixture
def zuid(cast):
    return Scope(region_ids=frozenset({cast.zuid.pk}))


def names(entries):
    return [item.entry.name for item in entries]


def test_twelve_months_back_on_the_same_clock():
    assert stale_before(NOW) == datetime(2024, 3, 10, 9, 0, tzinfo=UTC)
    summer = datetime(2025, 7, 1, 8, 0, tzinfo=UTC)
    assert stale_before(summer) == datetime(2024, 7, 1, 8, 0, tzinfo=UTC)
    leap_day = datetime(2028, 2, 29, 11, 0, tzinfo=UTC)
    assert stale_before(leap_day) == datetime(2027, 2, 28, 11, 0, tzinfo=UTC)


def test_an_entry_verified_exactly_12_months_ago_is_due(cast, vraagwijzer, zuid):
    exactly = make_service(vraagwijzer, cast.zuid, "Exact een jaar")
    just_within = make_service(vraagwijzer, cast.zuid, "Net binnen het jaar")
    verified(exactly, stale_before(NOW), vraagwijzer)
    verified(just_within, stale_before(NOW) + timedelta(minutes=1), vraagwijzer)
    due = selectors.stale_entries(zuid, now=NOW)
    assert "Exact een jaar" in names(due)
    assert "Net binnen het jaar" not in names(due)


def test_never_verified_first_then_the_oldest(cast, vraagwijzer, zuid):
    recent = make_service(vraagwijzer, cast.zuid, "Recent gecontroleerd")
    old = make_service(vraagwijzer, cast.zuid, "Twee jaar oud")
    older = make_organization(vraagwijzer, cast.zuid, "Drie jaar oud")
    make_service(vraagwijzer, cast.zuid, "Nooit gecontroleerd")
    verified(recent, NOW - timedelta(days=30), vraagwijzer)
    verified(old, NOW - timedelta(days=730), vraagwijzer)
    verified(older, NOW - timedelta(days=1095), vraagwijzer)
    due = selectors.stale_entries(zuid, now=NOW)
    assert names(due) == ["Nooit gecontroleerd", "Drie jaar oud", "Twee jaar oud"]
    assert [item.kind for item in due] == ["service", "organization", "service"]
    assert selectors.stale_count(zuid, now=NOW) == 3


def test_the_stale_list_keeps_to_the_scope_and_skips_defunct(cast, vraagwijzer, zuid):
    make_service(vraagwijzer, cast.zuid, "Van Zuid")
    make_service(cast["vraagwijzer_noord"], cast.noord, "Van Noord")
    make_service(cast["national"], None, "Landelijk")
    make_service(vraagwijzer, cast.zuid, "Opgeheven", status="defunct")
    assert names(selectors.stale_entries(zuid, now=NOW)) == ["Van Zuid"]
    national = edit_scope(cast["national"])
    assert names(selectors.stale_entries(national, now=NOW)) == ["Landelijk"]


def test_the_stale_list_reads_two_queries(
    cast, vraagwijzer, zuid, django_assert_num_queries
):
    organization = make_organization(vraagwijzer, cast.zuid)
    for number in range(5):
        make_service(
            vraagwijzer, cast.zuid, f"Dienst {number}", organization=organization
        )
    with django_assert_num_queries(2):
        due = selectors.stale_entries(zuid, now=NOW)
        rendered = [(item.entry.name, str(item.entry.region)) for item in due]
        rendered += [
            (item.entry.organization.name, "")
            for item in due
            if isinstance(item.entry, Service) and item.entry.organization
        ]
    assert len(due) == 6


def test_the_list_reads_two_queries_however_many_rows(
    cast, vraagwijzer, django_assert_num_queries
):
    organization = make_organization(vraagwijzer, cast.zuid)
    for number in range(30):
        make_service(
            vraagwijzer, cast.zuid, f"Dienst {number:02}", organization=organization
        )
    scope, editable = listed_scope(vraagwijzer), edit_scope(vraagwijzer)
    with django_assert_num_queries(2):
        page = selectors.service_list(scope, editable, ListFilters(), 1)
        shown = [
            (row.entry.name, row.entry.organization.name, str(row.entry.region))
            for row in page
        ]
    assert len(shown) == selectors.PAGE_SIZE
    assert page.paginator.count == 30


def test_the_list_finds_by_name_status_and_verification(cast, vraagwijzer):
    organization = make_organization(vraagwijzer, cast.zuid, "Stichting Rouw")
    make_service(vraagwijzer, cast.zuid, "Praatgroep", organization=organization)
    closed = make_service(
        vraagwijzer, cast.zuid, "Taalcafé Zuid", status="temporarily closed"
    )
    verified(closed, NOW - timedelta(days=10), vraagwijzer)
    make_service(cast["national"], None, "Landelijke Rouwlijn")
    make_service(cast["vraagwijzer_noord"], cast.noord, "Rouwcafé Noord")
    scope, editable = listed_scope(vraagwijzer), edit_scope(vraagwijzer)

    def found(**filters):
        page = selectors.service_list(scope, editable, ListFilters(**filters), now=NOW)
        return {row.entry.name: row.can_edit for row in page}

    assert found(query="rouw") == {"Praatgroep": True, "Landelijke Rouwlijn": False}
    assert found(status="temporarily closed") == {"Taalcafé Zuid": True}
    assert set(found(verification="recent")) == {"Taalcafé Zuid"}
    assert set(found(verification="never")) == {"Praatgroep", "Landelijke Rouwlijn"}


def test_the_history_is_newest_first_with_labels(cast, vraagwijzer):
    with time_machine.travel(NOW, tick=False):
        service = make_service(vraagwijzer, cast.zuid, "Inloophuis")
    with time_machine.travel(NOW + timedelta(hours=1), tick=False):
        services.service_update(
            service=service,
            actor=vraagwijzer,
            region=cast.zuid,
            organization=None,
            values={"fees_description": "Gratis"},
            lists=ServiceLists(phones=[PhoneInput(number="030-1234567")]),
        )
    verified(service, NOW + timedelta(hours=2), cast["national"])
    entries = selectors.history(service.id, Service)
    assert [entry.record.action for entry in entries] == [
        "verified",
        "changed",
        "created",
    ]
    change = entries[1]
    with override("en"):
        labels = {str(field.label): field for field in change.fields}
    assert labels["costs"].old == ""
    assert labels["costs"].new == "Gratis"
    assert labels["phones"].added == ["030-1234567"]
    assert entries[0].record.actor == cast["national"]


def test_an_imported_record_lists_its_fields(cast):
    organization = Organization.objects.create(name="Geïmporteerd")
    ChangeRecord.objects.create(
        entity="organization",
        entity_id=organization.id,
        action="imported",
        changes=["name", "website"],
    )
    (entry,) = selectors.history(organization.id, Organization)
    with override("en"):
        assert [str(field.label) for field in entry.fields] == ["name", "website"]
    assert all(field.named_only for field in entry.fields)
