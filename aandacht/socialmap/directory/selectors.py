"""The reads behind the maintenance screens, one function per screen."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from aandacht.socialmap import opening
from aandacht.socialmap import schedule as rules
from aandacht.socialmap.directory.access import Scope
from aandacht.socialmap.models import (
    Attribute,
    ChangeRecord,
    Language,
    Organization,
    Service,
    Synonym,
    TaxonomyTerm,
)

PAGE_SIZE = 25
STALE_AFTER_MONTHS = 12


class Verification:
    """The verification filter of the list."""

    NEVER = "never"
    STALE = "stale"
    RECENT = "recent"
    CHOICES = (
        (NEVER, _("Never verified")),
        (STALE, _("Not verified for 12 months (or never)")),
        (RECENT, _("Verified in the last 12 months")),
    )


def stale_before(moment: datetime) -> datetime:
    """The moment 12 months before ``moment``, on the same local clock.

    An entry last verified at or before it has gone 12 months without a
    check. 29 February falls back to the 28th.
    """
    local = timezone.localtime(moment)
    year = local.year - STALE_AFTER_MONTHS // 12
    try:
        earlier = local.replace(year=year)
    except ValueError:
        earlier = local.replace(year=year, day=28)
    return timezone.make_aware(earlier.replace(tzinfo=None))


def _stale_q(cutoff: datetime) -> Q:
    return Q(verified_at__isnull=True) | Q(verified_at__lte=cutoff)


# ---------------------------------------------------------------- the list


@dataclass(frozen=True)
class ListFilters:
    query: str = ""
    status: str = ""
    verification: str = ""


@dataclass(frozen=True)
class EntryRow:
    entry: Service | Organization
    can_edit: bool
    stale: bool


def _verification_q(verification: str, cutoff: datetime) -> Q:
    if verification == Verification.NEVER:
        return Q(verified_at__isnull=True)
    if verification == Verification.STALE:
        return _stale_q(cutoff)
    if verification == Verification.RECENT:
        return Q(verified_at__gt=cutoff)
    return Q()


def _rows(page: Page[Any], editable: Scope, cutoff: datetime) -> Page[Any]:
    page.object_list = [
        EntryRow(
            entry=entry,
            can_edit=editable.covers(entry.region_id),
            stale=entry.verified_at is None or entry.verified_at <= cutoff,
        )
        for entry in page.object_list
    ]
    return page


def service_list(
    scope: Scope,
    editable: Scope,
    filters: ListFilters,
    page: str | int = 1,
    *,
    now: datetime | None = None,
) -> Page[Any]:
    """Services in ``scope`` by name (of the service or its organisation).

    Two queries: the count and the page, with organisation and region.
    """
    cutoff = stale_before(now or timezone.now())
    services = Service.objects.filter(scope.q()).select_related(
        "organization", "region"
    )
    if filters.query.strip():
        words = filters.query.split()
        for word in words:
            services = services.filter(
                Q(name__icontains=word)
                | Q(alternate_name__icontains=word)
                | Q(organization__name__icontains=word)
            )
    if filters.status:
        services = services.filter(status=filters.status)
    services = services.filter(_verification_q(filters.verification, cutoff))
    paginated = Paginator(services.order_by("name", "id"), PAGE_SIZE).get_page(page)
    return _rows(paginated, editable, cutoff)


def organization_list(
    scope: Scope,
    editable: Scope,
    filters: ListFilters,
    page: str | int = 1,
    *,
    now: datetime | None = None,
) -> Page[Any]:
    cutoff = stale_before(now or timezone.now())
    organizations = Organization.objects.filter(scope.q()).select_related("region")
    for word in filters.query.split():
        organizations = organizations.filter(
            Q(name__icontains=word) | Q(alternate_name__icontains=word)
        )
    organizations = organizations.filter(_verification_q(filters.verification, cutoff))
    paginated = Paginator(organizations.order_by("name", "id"), PAGE_SIZE).get_page(
        page
    )
    return _rows(paginated, editable, cutoff)


# ---------------------------------------------------------------- stale entries


@dataclass(frozen=True)
class StaleEntry:
    kind: str  # "service" or "organization"
    entry: Service | Organization

    @property
    def kind_label(self) -> StrOrPromise:
        return _("Service") if self.kind == "service" else _("Organisation")


def _stale_services(scope: Scope, cutoff: datetime) -> QuerySet[Service]:
    return Service.objects.filter(scope.q(), _stale_q(cutoff)).exclude(
        status=Service.Status.DEFUNCT
    )


def _stale_organizations(scope: Scope, cutoff: datetime) -> QuerySet[Organization]:
    return Organization.objects.filter(scope.q(), _stale_q(cutoff))


def stale_entries(scope: Scope, *, now: datetime | None = None) -> list[StaleEntry]:
    """Entries not verified for 12 months, or never: never first, then oldest.

    Defunct services are left out: nobody needs to check them. Two queries.
    """
    cutoff = stale_before(now or timezone.now())
    services = _stale_services(scope, cutoff).select_related("organization", "region")
    organizations = _stale_organizations(scope, cutoff).select_related("region")
    entries = [StaleEntry("service", service) for service in services]
    entries += [StaleEntry("organization", item) for item in organizations]

    def key(item: StaleEntry) -> tuple[int, float, str]:
        verified = item.entry.verified_at
        return (
            0 if verified is None else 1,
            verified.timestamp() if verified else 0.0,
            item.entry.name.casefold(),
        )

    return sorted(entries, key=key)


def stale_count(scope: Scope, *, now: datetime | None = None) -> int:
    """How many entries wait for a check (the number on the home page)."""
    cutoff = stale_before(now or timezone.now())
    return (
        _stale_services(scope, cutoff).count()
        + _stale_organizations(scope, cutoff).count()
    )


# ---------------------------------------------------------------- detail pages


@dataclass(frozen=True)
class DayHours:
    day: date
    spans: list[tuple[datetime, datetime]]


@dataclass(frozen=True)
class HoursPreview:
    """What a volunteer would see: open now or the next opening, and the week."""

    opening: opening.Opening
    week: list[DayHours]


def _week(spans: Iterable[tuple[datetime, datetime]], first: date) -> list[DayHours]:
    by_day: dict[date, list[tuple[datetime, datetime]]] = {
        first + timedelta(days=n): [] for n in range(7)
    }
    for start, end in spans:
        day = start.date()
        if day in by_day:
            by_day[day].append((start, end))
    return [DayHours(day, spans) for day, spans in by_day.items()]


def hours_preview(service: Service, now: datetime | None = None) -> HoursPreview:
    """The saved hours (``schedules`` and ``closed_dates`` prefetched)."""
    moment = now or timezone.now()
    today = timezone.localtime(moment, rules.AMSTERDAM).date()
    return HoursPreview(
        opening=opening.opening_of(service, moment),
        week=_week(opening.week_spans(service, today), today),
    )


def typed_hours_preview(
    typed_rules: list[rules.Rule],
    closures: list[rules.Closure],
    descriptions: tuple[str, ...],
    now: datetime | None = None,
) -> HoursPreview:
    """The same preview for rows typed in the form and not saved yet."""
    moment = now or timezone.now()
    today = timezone.localtime(moment, rules.AMSTERDAM).date()
    if typed_rules:
        opens = rules.next_opening(typed_rules, closures, moment)
        open_now = opens is not None and opens <= moment
        state = opening.Opening(
            open_now, None if open_now else opens, True, descriptions
        )
    else:
        state = opening.Opening(False, None, False, descriptions)
    spans = rules.open_spans(typed_rules, closures, today, today + timedelta(days=6))
    return HoursPreview(opening=state, week=_week(spans, today))


@dataclass(frozen=True)
class ServiceDetail:
    service: Service
    terms: list[TaxonomyTerm]
    languages: list[Language]
    preview: HoursPreview
    change_count: int


def service_with_lists(service_id: uuid.UUID) -> Service:
    """A service with its phones, areas, languages and hours prefetched."""
    return (
        Service.objects.select_related("organization", "region", "verified_by")
        .prefetch_related(
            "phones",
            "service_areas",
            Prefetch("languages", queryset=Language.objects.filter(location=None)),
            *opening.OPENING_PREFETCH,
        )
        .get(pk=service_id)
    )


def service_terms(service_id: uuid.UUID) -> list[TaxonomyTerm]:
    attributes = Attribute.objects.filter(
        link_entity="service", link_id=service_id
    ).select_related("taxonomy_term")
    return sorted(
        (attribute.taxonomy_term for attribute in attributes),
        key=lambda term: term.name,
    )


def service_detail(service_id: uuid.UUID, now: datetime | None = None) -> ServiceDetail:
    service = service_with_lists(service_id)
    return ServiceDetail(
        service=service,
        terms=service_terms(service.id),
        languages=list(service.languages.all()),
        preview=hours_preview(service, now),
        change_count=ChangeRecord.objects.filter(entity_id=service.id).count(),
    )


def organization_services(organization: Organization) -> QuerySet[Service]:
    return organization.services.select_related("region").order_by("name")


# ---------------------------------------------------------------- history


FIELD_LABELS: Mapping[str, StrOrPromise] = {
    "region": _("region"),
    "organization": _("organisation"),
    "phones": _("phones"),
    "service_areas": _("areas"),
    "languages": _("languages"),
    "taxonomy_terms": _("categories"),
    "schedules": _("opening hours"),
    "closed_dates": _("closed dates"),
    "verified_at": _("last verified"),
    "term": _("term"),
    "synonyms": _("synonyms"),
}


@dataclass(frozen=True)
class FieldChange:
    label: StrOrPromise
    old: object = None
    new: object = None
    added: list[object] = field(default_factory=list)
    removed: list[object] = field(default_factory=list)
    changed: list[list[object]] = field(default_factory=list)
    named_only: bool = False  # an import names the fields it changed, no values

    @property
    def is_list(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    @property
    def old_text(self) -> StrOrPromise:
        return shown(self.old)

    @property
    def new_text(self) -> StrOrPromise:
        return shown(self.new)


def shown(value: object) -> StrOrPromise:
    """A value of the history as a reader sees it: a dash for nothing, yes or no."""
    if value is None or value == "":
        return "–"
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    return str(value)


@dataclass(frozen=True)
class HistoryEntry:
    record: ChangeRecord
    fields: list[FieldChange]


def _label(model: type[Service] | type[Organization], name: str) -> StrOrPromise:
    if name in FIELD_LABELS:
        return FIELD_LABELS[name]
    try:
        return model._meta.get_field(name).verbose_name  # type: ignore[union-attr]
    except Exception:  # a field of an older version of the model
        return name


def _field_change(label: StrOrPromise, value: object) -> FieldChange:
    if isinstance(value, dict):
        return FieldChange(
            label,
            added=list(value.get("added", [])),
            removed=list(value.get("removed", [])),
            changed=list(value.get("changed", [])),
        )
    if isinstance(value, list) and len(value) == 2:
        return FieldChange(label, old=value[0], new=value[1])
    return FieldChange(label, new=value)


def history(
    entity_id: uuid.UUID, model: type[Service] | type[Organization]
) -> list[HistoryEntry]:
    """Every change to one entry, newest first, with who made it. One query."""
    records = ChangeRecord.objects.filter(entity_id=entity_id).select_related("actor")
    entries = []
    for record in records.order_by("-at", "-id"):
        changes = record.changes
        if isinstance(changes, dict):
            fields = [
                _field_change(_label(model, name), value)
                for name, value in changes.items()
            ]
        else:  # an import records the names of the fields it changed
            fields = [
                FieldChange(_label(model, str(name)), named_only=True)
                for name in changes or []
            ]
        entries.append(HistoryEntry(record, fields))
    return entries


# ---------------------------------------------------------------- synonyms


def synonym_list() -> QuerySet[Synonym]:
    return Synonym.objects.order_by("term")
