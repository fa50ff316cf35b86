"""Stored directory records as HSDS 3.1 documents (export and the HSDS API).

Every function returns plain JSON-ready dicts that validate against the
official schemas (``hsds.validate``). Decisions:

* A service is written nested, as ``service_full.json`` in the HSDS
  examples: its organization (without that organization's own services),
  phones (with languages), schedules, service areas, service-at-locations
  (each with its location, addresses, languages, phones, schedules and
  service areas) and attributes (each with its taxonomy term and the term's
  taxonomy as ``taxonomy_detail``).
* Nesting says where a record belongs, so the foreign keys it implies
  (``service_id``, ``location_id``, ``link_id``, ``taxonomy_id``, …) are not
  written. ``parent_id`` of a taxonomy term is (it is a reference, not a
  nesting). A reference the import could not resolve was kept in ``extra``
  and comes back from there.
* Properties we do not model come back from ``extra``. Empty strings and
  nulls are left out unless the schema requires the property. Lists of
  nested records are ordered by id, so output is the same on every
  database.
* ``assured_date`` is the Amsterdam date of ``verified_at``;
  ``last_modified`` is UTC with a ``Z`` offset (RFC 3339), milliseconds
  only when there are any.

Our extensions to a service (present only when set):

* ``closed_dates``: ``[{"date": "2025-12-25", "reason": "Kerstmis"}]``, the
  whole days it is closed (holidays);
* ``crisis_pinned``: ``true`` when the region pins it in the crisis panel;
* ``region``: the code of the region whose map it belongs to (absent for a
  national service);
* staff only (``staff=True``): ``staff_note``, ``verified_by`` (the display
  name of the staff member who last verified it) and ``assurer_email``.
  The public API never shows anything that names a member of staff.

Queries: ``services_for_export(queryset)`` loads a page of services with
everything ``service_document`` reads in a fixed number of queries
(``SERVICE_SELECT`` + ``SERVICE_PREFETCH`` + one query for attributes,
which HSDS links by ``link_id`` rather than a foreign key).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from functools import cache
from typing import Any, Final

from django.db.models import Model, Prefetch, QuerySet
from django.utils import timezone

from aandacht.socialmap import hsds
from aandacht.socialmap.io.fields import COLUMNS, NESTED, SERVICE_EXTENSIONS, STAFF_ONLY
from aandacht.socialmap.models import (
    Address,
    Attribute,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from aandacht.socialmap.schedule import AMSTERDAM

__all__ = [
    "ORGANIZATION_PREFETCH",
    "SERVICE_PREFETCH",
    "SERVICE_SELECT",
    "export_documents",
    "format_datetime",
    "organization_document",
    "organizations_for_export",
    "page_document",
    "prefetch_attributes",
    "service_document",
    "services_for_export",
    "taxonomy_document",
    "taxonomy_term_document",
]

Document = dict[str, Any]

_LOCATION_PARTS: Final = (
    "addresses",
    "languages",
    "phones__languages",
    "schedules",
)

#: What an Organization queryset needs prefetched for ``organization_document``.
ORGANIZATION_PREFETCH: Final[tuple[str, ...]] = (
    "phones__languages",
    *(f"locations__{part}" for part in _LOCATION_PARTS),
)

#: ``select_related`` for a Service queryset serialised by ``service_document``.
SERVICE_SELECT: Final = ("organization", "region", "verified_by")

#: ``prefetch_related`` for the same queryset (attributes: ``prefetch_attributes``).
SERVICE_PREFETCH: Final[tuple[str | Prefetch[Any], ...]] = (
    "phones__languages",
    "schedules",
    "service_areas",
    "languages",
    "closed_dates",
    Prefetch(
        "service_at_locations",
        queryset=ServiceAtLocation.objects.select_related("location"),
    ),
    *(f"service_at_locations__location__{part}" for part in _LOCATION_PARTS),
    "service_at_locations__phones__languages",
    "service_at_locations__schedules",
    "service_at_locations__service_areas",
    *(f"organization__{lookup}" for lookup in ORGANIZATION_PREFETCH),
)

_ATTRIBUTES_CACHE: Final = "_hsds_attributes"


# -- loading ----------------------------------------------------------------------


def prefetch_attributes(services: Sequence[Service]) -> None:
    """Load the attributes of all ``services`` in one query and keep them on each."""
    by_service: dict[Any, list[Attribute]] = {service.id: [] for service in services}
    if by_service:
        rows = Attribute.objects.filter(link_id__in=list(by_service)).select_related(
            "taxonomy_term__taxonomy"
        )
        for row in rows:
            by_service[row.link_id].append(row)
    for service in services:
        setattr(service, _ATTRIBUTES_CACHE, by_service[service.id])


def services_for_export(queryset: QuerySet[Service]) -> list[Service]:
    """The services of ``queryset``, loaded for ``service_document``."""
    services = list(
        queryset.select_related(*SERVICE_SELECT).prefetch_related(*SERVICE_PREFETCH)
    )
    prefetch_attributes(services)
    return services


def organizations_for_export(
    queryset: QuerySet[Organization], *, with_services: bool = False
) -> list[Organization]:
    """Organizations loaded for ``organization_document`` (and their services)."""
    lookups: list[str | Prefetch[Any]] = list(ORGANIZATION_PREFETCH)
    if with_services:
        services = Service.objects.select_related(*SERVICE_SELECT).prefetch_related(
            *SERVICE_PREFETCH
        )
        lookups.append(Prefetch("services", queryset=services))
    organizations = list(queryset.prefetch_related(*lookups))
    if with_services:
        prefetch_attributes([s for o in organizations for s in o.services.all()])
    return organizations


# -- values ------------------------------------------------------------------------


def format_datetime(moment: datetime) -> str:
    """RFC 3339 in UTC with ``Z``; milliseconds or microseconds only if present."""
    utc = moment.astimezone(UTC)
    if utc.microsecond == 0:
        spec = "seconds"
    elif utc.microsecond % 1000 == 0:
        spec = "milliseconds"
    else:
        spec = "microseconds"
    return utc.isoformat(timespec=spec).replace("+00:00", "Z")


@cache
def _required(kind: str) -> frozenset[str]:
    return frozenset(hsds.schema(kind).get("required", ()))


def _json_value(value: object) -> object:
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _record(row: Model, kind: str, *, staff: bool = True) -> Document:
    """The row's id, columns and ``extra`` as an HSDS object of ``kind``."""
    required = _required(kind)
    doc: Document = {"id": str(row.pk)}
    for key in COLUMNS[kind]:
        value = _json_value(getattr(row, key))
        if value in ("", None) and key not in required:
            continue
        doc[key] = "" if value is None else value
    nested = NESTED.get(kind, {})
    extra: Mapping[str, Any] = getattr(row, "extra", None) or {}
    for key, value in extra.items():
        if key in doc or key in nested or (not staff and key in STAFF_ONLY):
            continue
        doc[key] = value
    return doc


def _by_id(rows: Iterable[Any]) -> list[Any]:
    return sorted(rows, key=lambda row: str(row.pk))


def _put(doc: Document, key: str, items: list[Document]) -> None:
    if items:
        doc[key] = items


# -- nested parts -----------------------------------------------------------------


def _language(row: Language) -> Document:
    return _record(row, "language")


def _phone(row: Phone) -> Document:
    doc = _record(row, "phone")
    _put(doc, "languages", [_language(x) for x in _by_id(row.languages.all())])
    return doc


def _phones(rows: Iterable[Phone]) -> list[Document]:
    return [_phone(row) for row in _by_id(rows)]


def _schedules(rows: Iterable[Schedule]) -> list[Document]:
    return [_record(row, "schedule") for row in _by_id(rows)]


def _areas(rows: Iterable[ServiceArea]) -> list[Document]:
    return [_record(row, "service_area") for row in _by_id(rows)]


def _address(row: Address) -> Document:
    return _record(row, "address")


def _location(row: Location) -> Document:
    doc = _record(row, "location")
    _put(doc, "languages", [_language(x) for x in _by_id(row.languages.all())])
    _put(doc, "addresses", [_address(x) for x in _by_id(row.addresses.all())])
    _put(doc, "phones", _phones(row.phones.all()))
    _put(doc, "schedules", _schedules(row.schedules.all()))
    return doc


def _service_at_location(row: ServiceAtLocation) -> Document:
    doc = _record(row, "service_at_location")
    _put(doc, "service_areas", _areas(row.service_areas.all()))
    _put(doc, "phones", _phones(row.phones.all()))
    _put(doc, "schedules", _schedules(row.schedules.all()))
    if row.location is not None:
        doc["location"] = _location(row.location)
    return doc


def _attribute(row: Attribute) -> Document:
    doc = _record(row, "attribute")
    doc["taxonomy_term"] = taxonomy_term_document(row.taxonomy_term)
    return doc


def _attributes_of(service: Service) -> list[Attribute]:
    cached: list[Attribute] | None = getattr(service, _ATTRIBUTES_CACHE, None)
    if cached is None:
        prefetch_attributes([service])
        cached = getattr(service, _ATTRIBUTES_CACHE)
    return cached


# -- documents --------------------------------------------------------------------


def taxonomy_document(taxonomy: Taxonomy) -> Document:
    """An HSDS ``taxonomy``."""
    return _record(taxonomy, "taxonomy")


def taxonomy_term_document(term: TaxonomyTerm) -> Document:
    """An HSDS ``taxonomy_term`` with its taxonomy nested as ``taxonomy_detail``.

    ``select_related("taxonomy")`` avoids a query per term.
    """
    doc = _record(term, "taxonomy_term")
    if term.parent_id is not None:
        doc["parent_id"] = str(term.parent_id)
    if term.taxonomy is not None:
        doc["taxonomy_detail"] = taxonomy_document(term.taxonomy)
    return doc


def organization_document(
    org: Organization, *, staff: bool, with_services: bool = False
) -> Document:
    """An HSDS ``organization`` with its phones and locations.

    With ``with_services`` its services are nested too (each without the
    organization again), as ``organization_full.json``; load them with
    ``organizations_for_export(..., with_services=True)``.
    """
    doc = _record(org, "organization", staff=staff)
    _put(doc, "phones", _phones(org.phones.all()))
    _put(doc, "locations", [_location(x) for x in _by_id(org.locations.all())])
    if with_services:
        services = _by_id(org.services.all())
        _put(
            doc,
            "services",
            [
                service_document(s, staff=staff, with_organization=False)
                for s in services
            ],
        )
    return doc


def _extensions(service: Service, *, staff: bool) -> Document:
    doc: Document = {}
    closed = [
        {"date": row.day.isoformat(), "reason": row.reason}
        for row in sorted(service.closed_dates.all(), key=lambda row: row.day)
    ]
    _put(doc, "closed_dates", closed)
    if service.crisis_pinned:
        doc["crisis_pinned"] = True
    if service.region is not None:
        doc["region"] = service.region.code
    if staff:
        if service.staff_note:
            doc["staff_note"] = service.staff_note
        if service.verified_by is not None:
            doc["verified_by"] = service.verified_by.display_name
            if service.verified_by.email:
                doc["assurer_email"] = service.verified_by.email
    return doc


def service_document(
    service: Service, *, staff: bool, with_organization: bool = True
) -> Document:
    """A nested HSDS ``service``; ``staff=False`` for the public.

    Load services with ``services_for_export`` so this adds no query.
    """
    doc = _record(service, "service", staff=staff)
    for key in SERVICE_EXTENSIONS:
        doc.pop(key, None)
    if service.verified_at is not None:
        local = timezone.localtime(service.verified_at, AMSTERDAM)
        doc["assured_date"] = local.date().isoformat()
    doc["last_modified"] = format_datetime(service.last_modified)
    if with_organization and service.organization is not None:
        doc["organization"] = organization_document(service.organization, staff=staff)
    _put(doc, "phones", _phones(service.phones.all()))
    _put(doc, "schedules", _schedules(service.schedules.all()))
    _put(doc, "service_areas", _areas(service.service_areas.all()))
    sals = [_service_at_location(x) for x in _by_id(service.service_at_locations.all())]
    _put(doc, "service_at_locations", sals)
    _put(doc, "languages", [_language(x) for x in _by_id(service.languages.all())])
    _put(doc, "attributes", [_attribute(x) for x in _by_id(_attributes_of(service))])
    doc.update(_extensions(service, staff=staff))
    return doc


def page_document(
    contents: Sequence[Document], *, total_items: int, page: int, per_page: int
) -> Document:
    """An HSDS API page (``Page`` in openapi.json) around ``contents``.

    ``total_pages`` is 0 when there is nothing at all; page numbers start at 1.
    """
    if page < 1 or per_page < 1:
        raise ValueError("page and per_page start at 1")
    total_pages = math.ceil(total_items / per_page)
    return {
        "total_items": total_items,
        "total_pages": total_pages,
        "page_number": page,
        "size": per_page,
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": list(contents),
    }


def export_documents(
    queryset: QuerySet[Service], *, staff: bool = True, batch: int = 200
) -> Iterable[Document]:
    """Every service of ``queryset`` as a document, loaded ``batch`` at a time."""
    ids = list(queryset.order_by("id").values_list("id", flat=True))
    for start in range(0, len(ids), batch):
        chunk = Service.objects.filter(id__in=ids[start : start + batch]).order_by("id")
        for service in services_for_export(chunk):
            yield service_document(service, staff=staff)
