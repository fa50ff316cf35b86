"""Writes of the maintenance screens: history, verification, lists, synonyms."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from aandacht.socialmap.directory import services
from aandacht.socialmap.directory.services import (
    ClosedDateInput,
    PhoneInput,
    ScheduleInput,
    ServiceLists,
)
from aandacht.socialmap.models import (
    Attribute,
    ChangeRecord,
    Location,
    Phone,
    Schedule,
    Service,
    Synonym,
    Taxonomy,
    TaxonomyTerm,
)
from aandacht.socialmap.search.engine import search_services
from aandacht.socialmap.tests.permissions_directory import (
    make_organization,
    make_service,
)

NOON = datetime(2025, 3, 10, 11, 0, tzinfo=UTC)


def records(entry):
    return list(ChangeRecord.objects.filter(entity_id=entry.id).order_by("at", "id"))


@pytest.fixture
def vraagwijzer(cast):
    return cast["vraagwijzer_zuid"]


@pytest.fixture
def term(db):
    taxonomy = Taxonomy.objects.create(name="Hulpvragen")
    return TaxonomyTerm.objects.create(taxonomy=taxonomy, name="Rouw en verlies")


def test_a_new_service_records_who_created_it_with_what(cast, vraagwijzer, term):
    organization = make_organization(vraagwijzer, cast.zuid)
    with time_machine.travel(NOON, tick=False):
        service = make_service(
            vraagwijzer,
            cast.zuid,
            "Rouwgroep De Linde",
            organization=organization,
            fees_description="Gratis",
            lists=ServiceLists(
                phones=[PhoneInput(number="030-1234567", description="spreekuur")],
                areas=["Utrecht", "Nieuwegein"],
                languages=["nl", "en"],
                terms=[term],
            ),
        )
    (record,) = records(service)
    assert record.action == ChangeRecord.Action.CREATED
    assert record.entity == "service"
    assert record.actor == vraagwijzer
    assert record.at == NOON
    assert record.changes["name"] == ["", "Rouwgroep De Linde"]
    assert record.changes["fees_description"] == ["", "Gratis"]
    assert record.changes["region"] == [None, "zuid"]
    assert record.changes["organization"] == [None, "Stichting Welzijn Zuid"]
    assert record.changes["phones"] == {"added": ["030-1234567 (spreekuur)"]}
    assert record.changes["service_areas"] == {"added": ["Utrecht", "Nieuwegein"]}
    assert record.changes["taxonomy_terms"] == {"added": ["Rouw en verlies"]}
    assert service.last_modified == NOON
    languages = {(row.code, row.name) for row in service.languages.all()}
    assert languages == {("nl", "Dutch"), ("en", "English")}
    assert Attribute.objects.filter(link_id=service.id, taxonomy_term=term).exists()


def test_a_change_records_each_field_old_and_new(cast, vraagwijzer):
    with time_machine.travel(NOON, tick=False):
        service = make_service(vraagwijzer, cast.zuid, minimum_age=18)
    later = NOON + timedelta(days=3)
    with time_machine.travel(later, tick=False):
        changes = services.service_update(
            service=service,
            actor=cast["national"],
            region=None,
            organization=None,
            values={
                "name": "Buurtcentrum De Linde",
                "status": "temporarily closed",
                "minimum_age": 16,
                "alert": "Verbouwing tot 1 mei",
            },
            lists=ServiceLists(),
        )
    assert changes == {
        "status": ["active", "temporarily closed"],
        "minimum_age": [18, 16],
        "alert": ["", "Verbouwing tot 1 mei"],
        "region": ["zuid", None],
    }
    last = records(service)[-1]
    assert last.action == ChangeRecord.Action.CHANGED
    assert last.actor == cast["national"]
    assert last.changes == changes
    service.refresh_from_db()
    assert service.last_modified == later
    assert service.region is None


def test_a_save_without_changes_writes_nothing(cast, vraagwijzer):
    service = make_service(vraagwijzer, cast.zuid)
    before = Service.objects.get(pk=service.pk).last_modified
    changes = services.service_update(
        service=service,
        actor=vraagwijzer,
        region=cast.zuid,
        organization=None,
        values={"name": service.name},
        lists=ServiceLists(),
    )
    assert changes == {}
    assert len(records(service)) == 1
    assert Service.objects.get(pk=service.pk).last_modified == before


def test_phones_are_summarised_as_added_changed_and_removed(cast, vraagwijzer):
    service = make_service(
        vraagwijzer,
        cast.zuid,
        lists=ServiceLists(
            phones=[
                PhoneInput(number="030-1111111", description="balie"),
                PhoneInput(number="030-2222222"),
            ]
        ),
    )
    first, second = sorted(service.phones.all(), key=lambda p: p.number)
    changes = services.service_update(
        service=service,
        actor=vraagwijzer,
        region=cast.zuid,
        organization=None,
        values={},
        lists=ServiceLists(
            phones=[
                PhoneInput(id=first.id, number="030-1111112", description="balie"),
                PhoneInput(number="0800-0113", description="crisis"),
            ]
        ),
    )
    assert changes["phones"] == {
        "added": ["0800-0113 (crisis)"],
        "removed": ["030-2222222"],
        "changed": [["030-1111111 (balie)", "030-1111112 (balie)"]],
    }
    numbers = sorted(service.phones.values_list("number", flat=True))
    assert numbers == ["030-1111112", "0800-0113"]
    assert not Phone.objects.filter(pk=second.pk).exists()


def test_a_phone_the_location_shares_stays_with_the_location(cast, vraagwijzer):
    service = make_service(vraagwijzer, cast.zuid)
    location = Location.objects.create(name="Wijkgebouw")
    shared = Phone.objects.create(service=service, location=location, number="113")
    services.service_update(
        service=service,
        actor=vraagwijzer,
        region=cast.zuid,
        organization=None,
        values={},
        lists=ServiceLists(phones=[]),
    )
    shared.refresh_from_db()
    assert shared.service is None
    assert shared.location == location


def test_areas_languages_and_terms_are_lists_in_the_history(cast, vraagwijzer, term):
    service = make_service(
        vraagwijzer,
        cast.zuid,
        lists=ServiceLists(areas=["Utrecht"], languages=["nl"], terms=[term]),
    )
    changes = services.service_update(
        service=service,
        actor=vraagwijzer,
        region=cast.zuid,
        organization=None,
        values={},
        lists=ServiceLists(areas=["Zeist"], languages=["nl", "ar"], terms=[]),
    )
    assert changes == {
        "service_areas": {"added": ["Zeist"], "removed": ["Utrecht"]},
        "languages": {"added": ["ar"]},
        "taxonomy_terms": {"removed": ["Rouw en verlies"]},
    }
    assert list(service.service_areas.values_list("name", flat=True)) == ["Zeist"]
    assert not Attribute.objects.filter(link_id=service.id).exists()


def test_a_changed_service_is_found_by_its_new_name(cast, vraagwijzer):
    service = make_service(vraagwijzer, cast.zuid, "Buurthuis De Linde")
    services.service_update(
        service=service,
        actor=vraagwijzer,
        region=cast.zuid,
        organization=None,
        values={"name": "Taalcafé De Linde"},
        lists=ServiceLists(),
    )
    found = [hit.service_id for hit in search_services("taalcafe")]
    assert service.id in found


def test_opening_hours_changes_are_summarised(cast, vraagwijzer):
    service = make_service(vraagwijzer, cast.zuid)
    services.service_hours_set(
        service=service,
        actor=vraagwijzer,
        schedules=[
            ScheduleInput(
                freq="WEEKLY", byday="MO,TU", opens_at="09:00", closes_at="17:00"
            )
        ],
        closed_dates=[ClosedDateInput(day=date(2025, 12, 25), reason="Kerst")],
    )
    (row,) = service.schedules.all()
    changes = services.service_hours_set(
        service=service,
        actor=vraagwijzer,
        schedules=[
            ScheduleInput(
                id=row.id,
                freq="WEEKLY",
                byday="MO,TU",
                opens_at="10:00",
                closes_at="17:00",
            ),
            ScheduleInput(
                freq="MONTHLY", byday="1SA", opens_at="10:00", closes_at="12:00"
            ),
        ],
        closed_dates=[],
    )
    assert changes == {
        "schedules": {
            "added": ["1SA 10:00-12:00"],
            "changed": [["MO,TU 09:00-17:00", "MO,TU 10:00-17:00"]],
        },
        "closed_dates": {"removed": ["2025-12-25 Kerst"]},
    }
    assert records(service)[-1].changes == changes
    assert service.schedules.count() == 2
    assert not service.closed_dates.exists()


def test_hours_keep_what_the_form_does_not_show(cast, vraagwijzer):
    service = make_service(vraagwijzer, cast.zuid)
    row = Schedule.objects.create(
        service=service,
        freq="WEEKLY",
        byday="MO",
        interval=2,
        dtstart=date(2025, 1, 6),
        opens_at="09:00",
        closes_at="12:00",
        extra={"notes": "om de week"},
    )
    services.service_hours_set(
        service=service,
        actor=vraagwijzer,
        schedules=[
            ScheduleInput(
                id=row.id,
                freq="WEEKLY",
                byday="MO",
                opens_at="09:30",
                closes_at="12:00",
            )
        ],
        closed_dates=[],
    )
    row.refresh_from_db()
    assert (row.opens_at, row.interval, row.dtstart) == ("09:30", 2, date(2025, 1, 6))
    assert row.extra == {"notes": "om de week"}


def test_verifying_sets_the_date_and_who_and_records_it(cast, vraagwijzer):
    with time_machine.travel(NOON, tick=False):
        service = make_service(vraagwijzer, cast.zuid)
        services.service_verify(service=service, actor=vraagwijzer)
    later = NOON + timedelta(days=400)
    with time_machine.travel(later, tick=False):
        services.service_verify(service=service, actor=cast["national"])
    service.refresh_from_db()
    assert service.verified_at == later
    assert service.verified_by == cast["national"]
    first, second = records(service)[1:]
    assert first.action == second.action == ChangeRecord.Action.VERIFIED
    assert first.changes == {"verified_at": [None, NOON.isoformat()]}
    assert second.changes == {"verified_at": [NOON.isoformat(), later.isoformat()]}
    assert second.actor == cast["national"]


def test_an_organisation_change_is_recorded_and_verified(cast, vraagwijzer):
    organization = make_organization(vraagwijzer, cast.zuid, website="")
    changes = services.organization_update(
        organization=organization,
        actor=vraagwijzer,
        region=cast.zuid,
        values={"name": "Stichting Welzijn Zuid-Oost", "website": "https://w.nl"},
    )
    assert changes == {
        "name": ["Stichting Welzijn Zuid", "Stichting Welzijn Zuid-Oost"],
        "website": ["", "https://w.nl"],
    }
    services.organization_verify(organization=organization, actor=vraagwijzer)
    actions = [record.action for record in records(organization)]
    assert actions == ["created", "changed", "verified"]


def test_synonyms_are_written_with_their_history(cast, vraagwijzer):
    synonym = services.synonym_create(
        actor=vraagwijzer,
        term="ggz",
        synonyms=["geestelijke gezondheidszorg", "GGZ", "ggz-instelling", ""],
    )
    assert synonym.synonym_list == ["geestelijke gezondheidszorg", "ggz-instelling"]
    changes = services.synonym_update(
        synonym=synonym,
        actor=vraagwijzer,
        term="ggz",
        synonyms=["geestelijke gezondheidszorg", "psychiatrie"],
    )
    assert changes == {
        "synonyms": {"added": ["psychiatrie"], "removed": ["ggz-instelling"]}
    }
    key = services.synonym_entity_id(synonym)
    services.synonym_delete(synonym=synonym, actor=vraagwijzer)
    assert not Synonym.objects.filter(term="ggz").exists()
    actions = list(
        ChangeRecord.objects.filter(entity_id=key)
        .order_by("at", "id")
        .values_list("action", flat=True)
    )
    assert actions == ["created", "changed", "deleted"]
