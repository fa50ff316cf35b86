"""What the contact form's social-map panel shows.

Every list here costs a fixed number of queries: services come with their
organisation, phones, areas, schedules and closed dates prefetched.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, Q, QuerySet

from aandacht.core.models import Region
from aandacht.socialmap.models import Phone, Service
from aandacht.socialmap.opening import OPENING_PREFETCH, Opening, opening_of
from aandacht.socialmap.panel.entries import ReferralEntry
from aandacht.socialmap.search.engine import search_services

RESULTS_SHOWN = 8
_SHOWN_STATUSES = (Service.Status.ACTIVE, Service.Status.TEMPORARILY_CLOSED)


@dataclass(frozen=True)
class ServiceCard:
    """One service as a volunteer sees it in a call."""

    service: Service
    opening: Opening
    phones: list[Phone]
    areas: list[str]
    referred: bool = False

    @property
    def id(self) -> uuid.UUID:
        return self.service.id


def services_for(region: Region) -> QuerySet[Service]:
    """The services a volunteer of `region` may point to: its own and national."""
    return Service.objects.filter(
        Q(region=region) | Q(region__isnull=True), status__in=_SHOWN_STATUSES
    )


def _with_details(services: QuerySet[Service]) -> QuerySet[Service]:
    return services.select_related("organization").prefetch_related(
        *OPENING_PREFETCH,
        Prefetch("phones", queryset=Phone.objects.order_by("number")),
        "service_areas",
    )


def _cards(
    services: Iterable[Service], moment: datetime, referred: set[uuid.UUID]
) -> list[ServiceCard]:
    return [
        ServiceCard(
            service=service,
            opening=opening_of(service, moment),
            phones=list(service.phones.all()),
            areas=[area.name for area in service.service_areas.all() if area.name],
            referred=service.id in referred,
        )
        for service in services
    ]


def search(
    region: Region, query: str, moment: datetime, referred: set[uuid.UUID]
) -> list[ServiceCard]:
    """The best matches for `query`, most relevant first."""
    hits = search_services(query, services=services_for(region), limit=RESULTS_SHOWN)
    order = [hit.service_id for hit in hits]
    found = {s.id: s for s in _with_details(Service.objects.filter(id__in=order))}
    ranked = [found[service_id] for service_id in order if service_id in found]
    return _cards(ranked, moment, referred)


def crisis_services(region: Region, moment: datetime) -> list[ServiceCard]:
    """The pinned crisis services: the region's own first, then national ones."""
    pinned = services_for(region).filter(crisis_pinned=True)
    ordered = sorted(
        _with_details(pinned), key=lambda s: (s.region_id is None, s.name.lower())
    )
    return _cards(ordered, moment, set())


@dataclass(frozen=True)
class ChosenReferral:
    entry: ReferralEntry
    service: Service


def chosen(region: Region, entries: list[ReferralEntry]) -> list[ChosenReferral]:
    """The referrals chosen so far, in the order they were chosen."""
    ids = [entry.service_id for entry in entries]
    services = {s.id: s for s in services_for(region).filter(id__in=ids)}
    return [
        ChosenReferral(entry, services[entry.service_id])
        for entry in entries
        if entry.service_id in services
    ]
