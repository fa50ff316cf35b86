"""Which HSDS 3.1 property goes to which column, shared by import and export.

Each modelled HSDS kind has a tuple of *columns*: properties stored in a
model field of the same name. Properties that are neither a column nor a
nested record we model (``NESTED``) nor one of our extensions are kept in
the row's ``extra`` and written back on export, so a document survives a
round trip.
"""

from __future__ import annotations

from typing import Final

COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "service": (
        "name",
        "alternate_name",
        "description",
        "url",
        "email",
        "status",
        "eligibility_description",
        "application_process",
        "fees_description",
        "alert",
        "minimum_age",
        "maximum_age",
    ),
    "organization": ("name", "alternate_name", "description", "email", "website"),
    "location": (
        "location_type",
        "name",
        "alternate_name",
        "description",
        "transportation",
        "latitude",
        "longitude",
    ),
    "address": (
        "attention",
        "address_1",
        "address_2",
        "city",
        "region",
        "state_province",
        "postal_code",
        "country",
        "address_type",
    ),
    "service_at_location": ("description",),
    "phone": ("number", "extension", "type", "description"),
    "schedule": (
        "freq",
        "byday",
        "bymonthday",
        "interval",
        "wkst",
        "opens_at",
        "closes_at",
        "dtstart",
        "until",
        "valid_from",
        "valid_to",
        "description",
    ),
    "service_area": ("name", "description", "extent", "extent_type", "uri"),
    "language": ("name", "code", "note"),
    "taxonomy": ("name", "description", "uri", "version"),
    "taxonomy_term": ("code", "name", "description", "language", "term_uri"),
    "attribute": ("link_type", "link_entity", "value", "label"),
}

#: Nested records we model, per kind: property -> kind of its items.
NESTED: Final[dict[str, dict[str, str]]] = {
    "service": {
        "organization": "organization",
        "phones": "phone",
        "schedules": "schedule",
        "service_areas": "service_area",
        "service_at_locations": "service_at_location",
        "languages": "language",
        "attributes": "attribute",
    },
    "organization": {
        "phones": "phone",
        "locations": "location",
        "services": "service",
    },
    "location": {
        "languages": "language",
        "addresses": "address",
        "phones": "phone",
        "schedules": "schedule",
    },
    "service_at_location": {
        "location": "location",
        "phones": "phone",
        "schedules": "schedule",
        "service_areas": "service_area",
    },
    "phone": {"languages": "language"},
    "attribute": {"taxonomy_term": "taxonomy_term"},
    "taxonomy_term": {"taxonomy_detail": "taxonomy"},
}

#: Our extensions to a service document (see ``export`` for their meaning).
SERVICE_EXTENSIONS: Final = (
    "closed_dates",
    "crisis_pinned",
    "region",
    "staff_note",
    "verified_by",
)

#: Properties of a service only staff may see.
STAFF_ONLY: Final = frozenset({"staff_note", "verified_by", "assurer_email"})

#: The kinds an import file may hold at its top level.
TOP_LEVEL_KINDS: Final = ("taxonomy", "taxonomy_term", "organization", "service")
