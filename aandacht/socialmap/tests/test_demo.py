"""The demo social map: the data as written, and what seeding it gives a volunteer.

The first half reads the JSON files only; the second half seeds them into
the database through the importer and looks at them as the contact form's
panel does.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from aandacht.core import demo as core_demo
from aandacht.core.models import Region
from aandacht.guidance import content
from aandacht.socialmap import demo, hsds
from aandacht.socialmap.io.export import export_documents
from aandacht.socialmap.models import (
    Attribute,
    ClosedDate,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    TaxonomyTerm,
)
from aandacht.socialmap.opening import OPENING_PREFETCH, opening_of
from aandacht.socialmap.panel.selectors import crisis_services, search, services_for
from aandacht.socialmap.schedule import AMSTERDAM, parse_rule

Doc = dict[str, Any]

DEMO_CODES = [code for code, _name in core_demo.REGIONS]
WEEKDAY_NOON = datetime(2026, 12, 2, 12, 0, tzinfo=AMSTERDAM)  # a Wednesday
SATURDAY_NIGHT = datetime(2026, 12, 5, 23, 30, tzinfo=AMSTERDAM)
CHRISTMAS_NOON = datetime(2026, 12, 25, 12, 0, tzinfo=AMSTERDAM)  # a Friday
SUMMER_MORNING = datetime(2027, 7, 14, 11, 0, tzinfo=AMSTERDAM)  # a Wednesday

DEMO_NUMBER = re.compile(r"0\d{2,3}-000 \d{2} \d{2}")
EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Ten digits or more, however grouped: a phone number typed into a text.
PHONE_IN_TEXT = re.compile(r"(?:\+31|\b0)(?:[\s-]?\d){8,}")
ORGANISATIONAL_MAILBOXES = {"info", "vraag", "mantelzorg", "aanmelden"}
#: Fields that hold a number, an address or a link on purpose.
CONTACT_FIELDS = {"number", "email", "url", "website"}


def _load(name: str) -> Any:
    return json.loads((demo.DATA_DIR / name).read_text(encoding="utf-8"))


def _services(scope: str) -> list[Doc]:
    docs: list[Doc] = _load(demo.service_file(scope).name)
    return docs


def _all_services() -> list[Doc]:
    return [doc for scope in ["national", *DEMO_CODES] for doc in _services(scope)]


def _walk(value: object, key: str = "") -> Iterator[tuple[str, object]]:
    """Every (property name, value) pair in a document, depth first."""
    if isinstance(value, dict):
        for child_key, child in value.items():
            yield child_key, child
            yield from _walk(child, child_key)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item, key)


def _schedules(doc: Doc) -> list[Doc]:
    rows: list[Doc] = list(doc.get("schedules", []))
    for sal in doc.get("service_at_locations", []):
        rows += sal.get("schedules", [])
        rows += sal.get("location", {}).get("schedules", [])
    return rows


# -- the data as written --------------------------------------------------------


def test_there_are_at_least_sixty_services_and_every_demo_region_has_its_own() -> None:
    assert len(_all_services()) >= 60
    assert len(_services("national")) >= 10
    for code in DEMO_CODES:
        assert len(_services(code)) >= 15, code


def test_every_service_validates_against_the_official_hsds_schema() -> None:
    problems = {
        doc["name"]: hsds.validate("service", doc)
        for doc in _all_services()
        if hsds.validate("service", doc)
    }
    assert problems == {}


def test_every_taxonomy_term_validates_and_attributes_quote_the_same_terms() -> None:
    terms = {term["id"]: term for term in _load(demo.TAXONOMY_FILE)}
    assert all(hsds.validate("taxonomy_term", term) == [] for term in terms.values())
    for doc in _all_services():
        assert doc["attributes"], doc["name"]
        for attribute in doc["attributes"]:
            term = attribute["taxonomy_term"]
            assert terms[term["id"]] == term, doc["name"]


def test_the_taxonomy_speaks_the_language_of_the_typology_guidance() -> None:
    categories = content.load("nl").social_map_categories
    top = {
        t["code"]: t["name"] for t in _load(demo.TAXONOMY_FILE) if "parent_id" not in t
    }
    for code, category in categories.items():
        assert top.get(code) == category.name, code
    used = {
        a["taxonomy_term"]["code"] for doc in _all_services() for a in doc["attributes"]
    }
    assert set(categories) <= used  # every category has services to point to


def test_every_schedule_is_read_by_the_opening_hours_rules() -> None:
    rules = [parse_rule(row) for doc in _all_services() for row in _schedules(doc)]
    assert any(rule.overnight and rule.closes_at.hour for rule in rules)  # 22-02
    assert any(rule.opens_at == rule.closes_at for rule in rules)  # round the clock
    assert any(rule.freq == "MONTHLY" for rule in rules)  # first Saturday, ...
    assert any(rule.valid_from and rule.valid_to for rule in rules)  # summer
    assert all(
        row.get("description") for doc in _all_services() for row in _schedules(doc)
    )


def test_services_that_close_on_holidays_list_christmas_and_kings_day() -> None:
    closing = [doc for doc in _all_services() if doc.get("closed_dates")]
    assert len(closing) >= 30
    for doc in closing:
        days = {item["date"]: item["reason"] for item in doc["closed_dates"]}
        assert days["2026-12-25"] == "Eerste Kerstdag"
        assert days["2027-04-27"] == "Koningsdag"


def test_crisis_services_are_pinned_nationally_and_in_every_region() -> None:
    national = [d["name"] for d in _services("national") if d.get("crisis_pinned")]
    assert len(national) >= 2
    for code in DEMO_CODES:
        pinned = [d for d in _services(code) if d.get("crisis_pinned")]
        codes = {a["taxonomy_term"]["code"] for d in pinned for a in d["attributes"]}
        assert {"gp_out_of_hours", "crisis_mental_health"} <= codes, code


def test_ids_are_fixed_and_each_record_has_its_own() -> None:
    seen: dict[str, Doc] = {}
    for _key, value in _walk(_all_services()):
        if isinstance(value, dict) and "id" in value:
            earlier = seen.setdefault(value["id"], value)
            # An organisation, location or term shared by services repeats itself
            # exactly; anything else with the same id is a copy-paste mistake.
            assert earlier == value, value["id"]
    service_ids = [doc["id"] for doc in _all_services()]
    assert len(service_ids) == len(set(service_ids))


def test_phone_numbers_are_organisational_demo_numbers() -> None:
    numbers = [
        phone["number"]
        for doc in _all_services()
        for key, phones in _walk(doc)
        if key == "phones"
        for phone in phones  # type: ignore[attr-defined]
    ]
    assert len(numbers) >= len(_all_services())
    assert [n for n in numbers if not DEMO_NUMBER.fullmatch(n)] == []


@pytest.mark.parametrize(
    "text",
    [
        "bel 06-12345678",
        "via 078 123 45 67",
        "of +31 6 1234 5678",
        "mail jan@voorbeeld.nl",
    ],
)
def test_the_check_for_contact_details_in_text_would_notice_one(text: str) -> None:
    assert PHONE_IN_TEXT.search(text) or EMAIL_IN_TEXT.search(text)


def test_no_text_holds_a_personal_e_mail_address_or_phone_number() -> None:
    for doc in _all_services():
        for key, value in _walk(doc):
            assert key != "contacts", doc["name"]  # HSDS contacts are people
            if not isinstance(value, str):
                continue
            if key == "email":
                mailbox, domain = value.split("@")
                assert mailbox in ORGANISATIONAL_MAILBOXES, value
                assert domain.endswith(".example"), value
            elif key in ("url", "website"):
                assert re.match(r"https://www\.[a-z-]+\.example/", value), value
            elif key not in CONTACT_FIELDS and key != "id" and not key.endswith("_id"):
                assert not EMAIL_IN_TEXT.search(value), (doc["name"], value)
                assert not PHONE_IN_TEXT.search(value), (doc["name"], value)


# -- seeded into the database -----------------------------------------------------


def _seed_regions() -> dict[str, Region]:
    context = core_demo.seed(contacts=0)
    return context.regions


def _counts() -> dict[str, int]:
    models = (Organization, Service, Location, Phone, Schedule, ClosedDate)
    counts = {model.__name__: model.objects.count() for model in models}
    counts["Attribute"] = Attribute.objects.count()
    counts["TaxonomyTerm"] = TaxonomyTerm.objects.count()
    return counts


def _by_id(value: object) -> object:
    """The document with every list of records in id order, as the export writes."""
    if isinstance(value, dict):
        return {key: _by_id(child) for key, child in value.items()}
    if isinstance(value, list):
        items = [_by_id(item) for item in value]
        if all(isinstance(item, dict) and "id" in item for item in items):
            items.sort(key=lambda item: item["id"])  # type: ignore[index]
        return items
    return value


def _open_names(region: Region, moment: datetime, *, own: bool) -> set[str]:
    services = services_for(region).prefetch_related(*OPENING_PREFETCH)
    if own:
        services = services.filter(region=region)
    return {s.name for s in services if opening_of(s, moment).open_now}


@pytest.mark.django_db
def test_seeding_puts_each_region_s_services_in_its_region() -> None:
    # How long seeding takes is for a benchmark, not a test: a loaded CI
    # machine would make a timing assertion fail for no fault of the code.
    regions = _seed_regions()
    demo.seed_social_map(regions)

    assert Service.objects.count() == len(_all_services())
    assert Service.objects.filter(region=None).count() == len(_services("national"))
    for code, region in regions.items():
        own = set(Service.objects.filter(region=region).values_list("id", flat=True))
        assert {str(i) for i in own} == {d["id"] for d in _services(code)}
        seen = services_for(region)
        assert seen.filter(region=None).count() == len(_services("national"))
        assert seen.count() == len(own) + len(_services("national"))


@pytest.mark.django_db
def test_the_directory_exports_what_the_team_wrote() -> None:
    regions = _seed_regions()
    demo.seed_social_map(regions)
    exported = {doc["id"]: doc for doc in export_documents(Service.objects.all())}
    for code in ["national", *DEMO_CODES]:
        for written in _services(code):
            doc = exported[written["id"]]
            assert doc.pop("region", None) == (None if code == "national" else code)
            assert _by_id(doc) == _by_id(written), written["name"]


@pytest.mark.django_db
def test_seeding_twice_leaves_the_same_rows() -> None:
    regions = _seed_regions()
    demo.seed_social_map(regions)
    first = _counts()
    reports = demo.seed_social_map(regions)
    assert _counts() == first
    assert sum(r.counts["service"].created for r in reports) == 0
    assert first["Service"] == len(_all_services())


@pytest.mark.django_db
def test_each_region_s_crisis_panel_shows_its_own_crisis_services_first() -> None:
    regions = _seed_regions()
    demo.seed_social_map(regions)
    for region in regions.values():
        cards = crisis_services(region, SATURDAY_NIGHT)
        regional = [c for c in cards if c.service.region_id == region.id]
        national = [c for c in cards if c.service.region_id is None]
        assert len(regional) >= 2, region.code
        assert len(national) >= 2, region.code
        assert cards == regional + national
        assert all(card.opening.open_now for card in cards), region.code
        assert all(card.phones for card in cards)


@pytest.mark.django_db
def test_something_is_open_at_weekday_noon_and_late_on_saturday_night() -> None:
    regions = _seed_regions()
    demo.seed_social_map(regions)
    for region in regions.values():
        noon = _open_names(region, WEEKDAY_NOON, own=True)
        night = _open_names(region, SATURDAY_NIGHT, own=True)
        assert len(noon) >= 8, region.code
        assert night, region.code
        assert len(night) < len(noon), region.code
    zhzm = regions["zhzm"]
    assert "Nachtpastoraat Het Lichtschip" in _open_names(
        zhzm, SATURDAY_NIGHT, own=True
    )
    assert "Vraagwijzer" in _open_names(zhzm, WEEKDAY_NOON, own=False)
    assert "Vraagwijzer" not in _open_names(zhzm, SATURDAY_NIGHT, own=False)


@pytest.mark.django_db
def test_holidays_close_the_buurtcentrum_and_summer_opens_the_youth_programme() -> None:
    regions = _seed_regions()
    demo.seed_social_map(regions)
    zhzm = regions["zhzm"]
    christmas = _open_names(zhzm, CHRISTMAS_NOON, own=True)
    assert "Buurtcentrum De Sterrenwacht" in _open_names(zhzm, WEEKDAY_NOON, own=True)
    assert "Buurtcentrum De Sterrenwacht" not in christmas
    assert "Huisartsenpost Drechtoevers" in christmas
    youth = Service.objects.prefetch_related(*OPENING_PREFETCH).get(
        region=zhzm, name="Jongerenwerk Merwedestad"
    )
    assert opening_of(youth, SUMMER_MORNING).open_now
    assert not opening_of(
        youth, SUMMER_MORNING.replace(year=2026, month=12, day=2)
    ).open_now


@pytest.mark.django_db
def test_a_volunteer_finds_the_region_s_debt_help_despite_a_typo() -> None:
    regions = _seed_regions()
    demo.seed_social_map(regions)
    cards = search(regions["utrecht"], "schuldhlup amersfoort", WEEKDAY_NOON, set())
    assert [c.service.name for c in cards[:3]].count(
        "Geldpunt Eemstad: schuldhulp"
    ) == 1
    assert all(c.service.region_id in (None, regions["utrecht"].id) for c in cards)


@pytest.mark.django_db
def test_seed_demo_adds_the_social_map(settings: Any) -> None:
    settings.DEMO = True
    call_command("seed_demo", "--contacts=0", stdout=StringIO())
    by_region = Counter(
        Service.objects.values_list("region__code", flat=True).order_by()
    )
    assert by_region == Counter(
        {None: len(_services("national"))}
        | {code: len(_services(code)) for code in DEMO_CODES}
    )
    assert Service.objects.filter(crisis_pinned=True).count() >= 8
