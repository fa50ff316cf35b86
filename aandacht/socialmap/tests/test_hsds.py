"""Validation against the official HSDS 3.1 schemas (issue #5, item 2)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from aandacht.socialmap import hsds

EXAMPLES = Path(__file__).resolve().parent / "hsds_examples"
UUID = "ac148810-d857-441c-9679-408f346de14b"


def example(name: str) -> Any:
    return json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))


SINGLE = [
    ("service", "service_full"),
    ("organization", "organization_full"),
    ("location", "location"),
    ("service_at_location", "service_at_location_full"),
    ("taxonomy", "taxonomy"),
    ("taxonomy_term", "taxonomy_term"),
]
PAGES = [
    ("service", "service_list"),
    ("organization", "organization_list"),
    ("service_at_location", "service_at_location_list"),
    ("taxonomy", "taxonomy_list"),
    ("taxonomy_term", "taxonomy_term_list"),
]


def refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for value in node.values() for r in refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in refs(value)]
    return []


# -- the registry ------------------------------------------------------------


def test_kinds_are_the_schema_files() -> None:
    assert "service" in hsds.KINDS
    assert "openapi" not in hsds.KINDS
    assert len(hsds.KINDS) == len(list(hsds.SCHEMA_DIR.glob("*.json"))) - 1
    assert hsds.registry() is hsds.registry()


@pytest.mark.parametrize("kind", hsds.KINDS)
def test_every_ref_of_every_schema_resolves(kind: str) -> None:
    name = f"{kind}.json"
    schema = json.loads((hsds.SCHEMA_DIR / name).read_text(encoding="utf-8"))
    for base in ["", *hsds.SCHEMA_URL_BASES]:
        resolver = hsds.registry().resolver(base_uri=base + name)
        for ref in refs(schema):
            assert isinstance(resolver.lookup(ref).contents, dict), (kind, base, ref)


@pytest.mark.parametrize("kind", hsds.KINDS)
def test_every_schema_is_a_valid_draft_2020_12_schema(kind: str) -> None:
    Draft202012Validator.check_schema(hsds.schema(kind))


def test_openapi_refs_resolve_except_the_compiled_schemas_not_vendored() -> None:
    openapi = json.loads((hsds.SCHEMA_DIR / "openapi.json").read_text("utf-8"))
    resolver = hsds.registry().resolver(base_uri="openapi.json")
    unresolved = set()
    for ref in refs(openapi):
        if "/compiled/" in ref:
            unresolved.add(ref.rsplit("/", 1)[1])
            continue
        assert isinstance(resolver.lookup(ref).contents, dict), ref
    assert unresolved == {
        "organization.json",
        "organization_list.json",
        "service.json",
        "service_at_location_list.json",
        "service_list.json",
    }


def test_schema_by_url_is_the_same_resource() -> None:
    url = hsds.SCHEMA_URL_BASES[0] + "taxonomy_term.json"
    assert hsds.registry().contents(url) == hsds.schema("taxonomy_term")


# -- the official examples ------------------------------------------------------


@pytest.mark.parametrize(("kind", "name"), SINGLE)
def test_official_example_validates(kind: str, name: str) -> None:
    assert hsds.validate(kind, example(name)) == []
    hsds.require_valid(kind, example(name))


@pytest.mark.parametrize(("kind", "name"), PAGES)
def test_official_page_and_each_item_validate(kind: str, name: str) -> None:
    page = example(name)
    assert page["contents"]
    for item in page["contents"]:
        assert hsds.validate(kind, item) == []
    assert hsds.validate_page(page, kind) == []


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("phones", "phone"),
        ("schedules", "schedule"),
        ("service_areas", "service_area"),
        ("service_at_locations", "service_at_location"),
        ("languages", "language"),
        ("funding", "funding"),
        ("cost_options", "cost_option"),
        ("required_documents", "required_document"),
        ("contacts", "contact"),
        ("capacities", "service_capacity"),
        ("attributes", "attribute"),
        ("metadata", "metadata"),
    ],
)
def test_nested_records_of_the_full_service_validate_alone(key: str, kind: str) -> None:
    items = example("service_full")[key]
    assert items
    for item in items:
        assert hsds.validate(kind, item) == []
        assert hsds.kind_of(item) == kind


# -- problems -------------------------------------------------------------------


def test_wrong_type_names_the_nested_path() -> None:
    service = example("service_full")
    service["phones"][0]["number"] = 5
    service["minimum_age"] = "twelve"
    assert hsds.validate("service", service) == [
        "$.minimum_age: 'twelve' is not of type 'number'",
        "$.phones[0].number: 5 is not of type 'string'",
    ]


def test_missing_required_fields() -> None:
    service = example("service_full")
    del service["status"]
    del service["phones"][0]["number"]
    assert hsds.validate("service", service) == [
        "$.phones[0]: 'number' is a required property",
        "$: 'status' is a required property",
    ]


def test_bad_enum() -> None:
    problems = hsds.validate(
        "service", {"id": UUID, "name": "Praatlijn", "status": "open"}
    )
    assert problems == [
        "$.status: 'open' is not one of "
        "['active', 'inactive', 'defunct', 'temporarily closed']"
    ]
    location = example("location")
    location["location_type"] = "remote"
    assert hsds.validate("location", location) == [
        "$.location_type: 'remote' is not one of ['physical', 'postal', 'virtual']"
    ]


@pytest.mark.parametrize(
    ("field", "value", "fmt"),
    [
        ("id", "not-a-uuid", "uuid"),
        ("email", "nobody", "email"),
        ("url", "www.example.nl", "uri"),
        ("url", "https://example.nl/a b", "uri"),
        ("last_modified", "2023-03-15", "date-time"),
        ("last_modified", "2023-03-15T10:30:45", "date-time"),
        ("last_modified", "2023-02-30T10:30:45Z", "date-time"),
        ("last_modified", "2023-03-15T25:00:00+01:00", "date-time"),
    ],
)
def test_bad_format(field: str, value: str, fmt: str) -> None:
    service = example("service_full")
    service[field] = value
    assert hsds.validate("service", service) == [
        f"$.{field}: {value!r} is not a {fmt!r}"
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("last_modified", "2023-03-15T10:30:45Z"),
        ("last_modified", "2023-03-15t10:30:45.5+01:00"),
        ("last_modified", "2016-12-31T23:59:60Z"),
        ("url", "mailto:info@example.nl"),
        ("url", "https://example.nl/hulp?q=ggz#top"),
    ],
)
def test_good_format(field: str, value: str) -> None:
    service = example("service_full")
    service[field] = value
    assert hsds.validate("service", service) == []


def test_not_an_object() -> None:
    assert hsds.validate("phone", ["x"]) == ["$: ['x'] is not of type 'object'"]


def test_long_values_are_shortened_in_messages() -> None:
    problems = hsds.validate("service", {"id": UUID, "name": ["x" * 5000], "status": 1})
    assert len(problems) == 3  # name: type; status: type and enum
    assert all(len(problem) < 320 for problem in problems)
    [problem] = hsds.validate("organization", ["y" * 5000])
    assert problem.startswith("$: ['yyy")
    assert " ... " in problem
    assert len(problem) < 320


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match=r"unknown HSDS kind 'servise'.*service"):
        hsds.validate("servise", {})
    with pytest.raises(ValueError, match="unknown HSDS kind"):
        hsds.validate_page({"contents": []}, "page")


def test_require_valid_raises_with_the_problems() -> None:
    document = {"id": "1", "number": 31}
    with pytest.raises(hsds.HsdsError) as caught:
        hsds.require_valid("phone", document)
    assert caught.value.problems == [
        "$.id: '1' is not a 'uuid'",
        "$.number: 31 is not of type 'string'",
    ]
    assert "$.number: 31 is not of type 'string'" in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_hsds_error_summarises_many_problems() -> None:
    error = hsds.HsdsError([f"$.p{i}: bad" for i in range(8)])
    assert str(error).endswith("$.p4: bad; and 3 more")


# -- pages ----------------------------------------------------------------------


def test_page_items_are_prefixed_with_their_index() -> None:
    page = example("service_list")
    second = copy.deepcopy(page["contents"][0])
    second["status"] = "gone"
    del second["name"]
    page["contents"].append(second)
    page["size"] = 2
    assert hsds.validate_page(page, "service") == [
        "$.contents[1].status: 'gone' is not one of "
        "['active', 'inactive', 'defunct', 'temporarily closed']",
        "$.contents[1]: 'name' is a required property",
    ]


def test_page_fields_are_checked() -> None:
    page = example("taxonomy_list")
    page["total_items"] = "10"
    del page["last_page"]
    page["contents"] = {"not": "a list"}
    assert hsds.validate_page(page, "taxonomy") == [
        "$.contents: {'not': 'a list'} is not of type 'array'",
        "$.total_items: '10' is not of type 'integer'",
        "$: 'last_page' is a required property",
    ]


def test_page_flags_must_agree_with_the_page() -> None:
    page = example("taxonomy_list")
    page.update(empty=True, page_number=10, first_page=True, last_page=False)
    assert hsds.validate_page(page, "taxonomy") == [
        "$.empty: is true but contents has 1 items",
        "$.first_page: is true but page_number is 10",
        "$.last_page: is false but page 10 of 10",
    ]


def test_an_empty_last_page_is_valid() -> None:
    page = {
        "total_items": 0,
        "total_pages": 1,
        "page_number": 1,
        "size": 0,
        "first_page": True,
        "last_page": True,
        "empty": True,
        "contents": [],
    }
    assert hsds.validate_page(page, "service") == []


def test_bare_contents_page_when_page_fields_are_not_required() -> None:
    page = {"contents": example("service_list")["contents"]}
    assert hsds.validate_page(page, "service", require_page_fields=False) == []
    problems = hsds.validate_page(page, "service")
    assert "$: 'total_items' is a required property" in problems
    assert len(problems) == len(hsds.PAGE_FIELDS)
    assert hsds.validate_page({}, "service", require_page_fields=False) == [
        "$: 'contents' is a required property"
    ]
    assert hsds.validate_page([], "service") == ["$: [] is not of type 'object'"]


# -- guessing the kind --------------------------------------------------------------


@pytest.mark.parametrize(("kind", "name"), SINGLE)
def test_kind_of_each_example(kind: str, name: str) -> None:
    assert hsds.kind_of(example(name)) == kind


@pytest.mark.parametrize(("kind", "name"), PAGES)
def test_kind_of_each_page_item(kind: str, name: str) -> None:
    page = example(name)
    assert hsds.is_page(page)
    assert hsds.kind_of(page) is None
    assert [hsds.kind_of(item) for item in page["contents"]] == [kind]


def test_kind_of_nested_records() -> None:
    service = example("service_full")
    assert hsds.kind_of(service["organization"]) == "organization"
    location = example("location")
    assert hsds.kind_of(location["addresses"][0]) == "address"
    assert hsds.kind_of(location["accessibility"][0]) == "accessibility"
    term = example("taxonomy_term")
    assert hsds.kind_of(term["taxonomy_detail"]) == "taxonomy"


@pytest.mark.parametrize(
    "document",
    [
        {},
        {"id": UUID},
        {"id": UUID, "name": "x", "description": "y"},  # organization? taxonomy?
        {"foo": 1, "bar": 2},
        [],
        "service",
        None,
        example("base"),
        example("tabular"),
    ],
)
def test_kind_of_unknown_or_ambiguous(document: Any) -> None:
    assert hsds.kind_of(document) is None


def test_kind_of_tolerates_missing_required_and_extensions() -> None:
    assert hsds.kind_of({"name": "Sensoor", "status": "active"}) == "service"
    assert (
        hsds.kind_of({"id": UUID, "number": "0900-0767", "x_pinned": True}) == "phone"
    )
    assert hsds.kind_of({"opens_at": "10:00", "closes_at": "14:00"}) == "schedule"
    assert (
        hsds.kind_of(
            {"name": "Vraagwijzer", "description": "d", "website": "https://x"}
        )
        == "organization"
    )
