"""The reads behind the HSDS API: filtered, ranked and paged directory records.

Filters that are columns run in the database; ``search`` ranks through the
social map's search engine, and ``open_at``/``open_now`` read the opening
hours of the remaining candidates (schedules are rules, not rows to filter).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet

from aandacht.socialmap.api.params import PageQuery, ServiceQuery
from aandacht.socialmap.io import export
from aandacht.socialmap.models import (
    Attribute,
    Organization,
    Service,
    Taxonomy,
    TaxonomyTerm,
)
from aandacht.socialmap.opening import OPENING_PREFETCH, opening_of
from aandacht.socialmap.search.engine import search_services

#: How many ranked hits a search pages through at most.
SEARCH_DEPTH = 1000


@dataclass(frozen=True)
class Page:
    """One page of records and how many there are in all."""

    items: Sequence[Any]
    total: int


def _slice(query: PageQuery) -> slice:
    start = (query.page - 1) * query.per_page
    return slice(start, start + query.per_page)


def _filtered(query: ServiceQuery) -> QuerySet[Service]:
    services = Service.objects.all()
    if query.organization_id:
        services = services.filter(organization_id=query.organization_id)
    if query.modified_after:
        services = services.filter(last_modified__gte=query.modified_after)
    if query.taxonomy_term_id or query.taxonomy_id:
        links = Attribute.objects.filter(link_entity="service")
        if query.taxonomy_term_id:
            links = links.filter(taxonomy_term_id=query.taxonomy_term_id)
        if query.taxonomy_id:
            links = links.filter(taxonomy_term__taxonomy_id=query.taxonomy_id)
        services = services.filter(id__in=links.values("link_id"))
    if query.area:
        in_area = (
            Q(service_areas__name__iexact=query.area)
            | Q(region__name__iexact=query.area)
            | Q(region__code__iexact=query.area)
            | Q(service_at_locations__location__addresses__city__iexact=query.area)
        )
        services = services.filter(id__in=Service.objects.filter(in_area).values("id"))
    if query.language:
        spoken = Q(languages__code__iexact=query.language) | Q(
            languages__name__iexact=query.language
        )
        services = services.filter(id__in=Service.objects.filter(spoken).values("id"))
    return services


def _open_ids(ids: list[uuid.UUID], moment: datetime) -> set[uuid.UUID]:
    candidates = Service.objects.filter(id__in=ids, schedules__isnull=False)
    loaded = candidates.distinct().prefetch_related(*OPENING_PREFETCH)
    return {s.id for s in loaded if opening_of(s, moment).open_now}


def service_ids(query: ServiceQuery, now: datetime) -> list[uuid.UUID]:
    """The ids of every matching service, best first with a search, else by name."""
    services = _filtered(query)
    if query.search:
        hits = search_services(query.search, services=services, limit=SEARCH_DEPTH)
        ids = [hit.service_id for hit in hits]
    else:
        ids = list(services.order_by("name", "id").values_list("id", flat=True))
    moment = now if query.open_now else query.open_at
    if moment is not None:
        open_ids = _open_ids(ids, moment)
        ids = [service_id for service_id in ids if service_id in open_ids]
    return ids


def services_page(query: ServiceQuery, now: datetime) -> Page:
    ids = service_ids(query, now)
    chosen = ids[_slice(query)]
    if query.minimal:
        rows = Service.objects.filter(id__in=chosen).values("id", "last_modified")
        by_id: dict[uuid.UUID, Any] = {row["id"]: row for row in rows}
    else:
        loaded = export.services_for_export(Service.objects.filter(id__in=chosen))
        by_id = {service.id: service for service in loaded}
    return Page([by_id[i] for i in chosen if i in by_id], len(ids))


def service(service_id: uuid.UUID) -> Service | None:
    found = export.services_for_export(Service.objects.filter(id=service_id))
    return found[0] if found else None


def organizations_page(query: PageQuery) -> Page:
    organizations = Organization.objects.order_by("name", "id")
    if query.search:
        organizations = organizations.filter(
            Q(name__icontains=query.search) | Q(alternate_name__icontains=query.search)
        )
    total = organizations.count()
    return Page(export.organizations_for_export(organizations[_slice(query)]), total)


def organization(organization_id: uuid.UUID) -> Organization | None:
    found = export.organizations_for_export(
        Organization.objects.filter(id=organization_id), with_services=True
    )
    return found[0] if found else None


def taxonomies_page(query: PageQuery) -> Page:
    taxonomies = Taxonomy.objects.order_by("name", "id")
    return Page(list(taxonomies[_slice(query)]), taxonomies.count())


def taxonomy_terms_page(
    query: PageQuery, taxonomy_id: uuid.UUID | None, parent_id: uuid.UUID | None
) -> Page:
    terms = TaxonomyTerm.objects.select_related("taxonomy").order_by("name", "id")
    if query.search:
        terms = terms.filter(name__icontains=query.search)
    if taxonomy_id:
        terms = terms.filter(taxonomy_id=taxonomy_id)
    if parent_id:
        terms = terms.filter(parent_id=parent_id)
    return Page(list(terms[_slice(query)]), terms.count())
