"""Writing nested HSDS records to the directory's rows.

Rules (issue #5, item 2):

* Upsert by id. A property we store in a column takes the document's value;
  when the document leaves it out, the column becomes empty (the document is
  the record). A nested list (``phones``, ``schedules``, …) that is present
  replaces what was stored: rows it no longer lists are unlinked, and
  deleted once nothing links them. A nested list that is absent leaves the
  stored one alone, so a slim service from an API list page does not wipe
  its phones. Our own extensions (``crisis_pinned``, ``staff_note``,
  ``closed_dates``) and the verification date are only changed when given.
* A row can hang under several parents (one phone under a service, its
  location and its organization): each parent sets its own link.
* A reference by id (``organization_id``, ``taxonomy_id``, ``parent_id``,
  ``location_id``, ``taxonomy_term_id``) becomes a link when the record
  exists or was written earlier in the import; otherwise it stays in
  ``extra`` and is written back on export. An attribute needs its term.
* New organizations and services go to the import's region (none:
  national). An existing one never moves: a warning says where it stays.
* Each created or changed service or organization gets a ``ChangeRecord``
  (action ``imported``, ``changes`` the sorted names of changed fields).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, time
from typing import Any, Final

from django.db import models
from django.utils import timezone

from aandacht.core.models import Region
from aandacht.socialmap.io.fields import COLUMNS, NESTED, SERVICE_EXTENSIONS
from aandacht.socialmap.io.report import RecordError
from aandacht.socialmap.io.rows import (
    RowStore,
    convert,
    extra_of,
    parse_date,
    parse_uuid,
    values_of,
)
from aandacht.socialmap.io.schedules import check_schedule
from aandacht.socialmap.models import (
    Address,
    Attribute,
    ChangeRecord,
    ClosedDate,
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

#: The model of each kind the writer stores.
MODELS: Final[dict[str, type[models.Model]]] = {
    "service": Service,
    "organization": Organization,
    "location": Location,
    "address": Address,
    "service_at_location": ServiceAtLocation,
    "phone": Phone,
    "schedule": Schedule,
    "service_area": ServiceArea,
    "language": Language,
    "taxonomy": Taxonomy,
    "taxonomy_term": TaxonomyTerm,
    "attribute": Attribute,
}

#: Rows that may hang under several parents: their parent links.
_PARENTS: Final[dict[type[models.Model], tuple[str, ...]]] = {
    Phone: ("organization_id", "service_id", "location_id", "service_at_location_id"),
    Schedule: ("service_id", "location_id", "service_at_location_id"),
    Language: ("service_id", "location_id", "phone_id"),
    ServiceArea: ("service_id", "service_at_location_id"),
}

#: Rows linked to a row that is deleted, to unlink first (no cascade).
_DEPENDENTS: Final[
    dict[type[models.Model], tuple[tuple[type[models.Model], str], ...]]
] = {
    Phone: ((Language, "phone_id"),),
    ServiceAtLocation: (
        (Phone, "service_at_location_id"),
        (Schedule, "service_at_location_id"),
        (ServiceArea, "service_at_location_id"),
    ),
}

Parents = dict[str, uuid.UUID]
ChildWriter = Callable[[dict[str, Any], Parents], tuple[Any, bool]]


def _given(doc: Mapping[str, Any], key: str) -> bool:
    return doc.get(key) not in (None, "")


def _field_names(changed: Sequence[str]) -> list[str]:
    return sorted({name.removesuffix("_id") for name in changed})


class Writer:
    """Writes one top-level record at a time; ``begin`` before each."""

    def __init__(self, store: RowStore, region: Region | None) -> None:
        self.store = store
        self.region_id = region.pk if region is not None else None
        self.region_codes = dict(Region.objects.values_list("id", "code"))
        self.now = timezone.now()
        self.begin("")

    def begin(self, context: str) -> None:
        """Start a record: what it did is kept apart until it succeeds."""
        self.context = context
        self.outcomes: list[tuple[str, str, str]] = []
        self.warnings: list[tuple[str, str]] = []
        self.services: set[uuid.UUID] = set()

    def warn(self, message: str) -> None:
        self.warnings.append((self.context, message))

    # -- references, regions, history -------------------------------------------

    def resolve(self, model: type[models.Model], value: object) -> uuid.UUID | None:
        """The id of an existing row ``value`` names, or None."""
        try:
            key = uuid.UUID(str(value))
        except ValueError:
            return None
        return key if self.store.existing(model, key) is not None else None

    def keep_region(self, kind: str, row: Any) -> None:
        if row.region_id == self.region_id:
            return
        stays = (
            f"region {self.region_codes.get(row.region_id)}'s map"
            if row.region_id is not None
            else "the national map"
        )
        moving = (
            "a national import"
            if self.region_id is None
            else f"an import for region {self.region_codes.get(self.region_id)}"
        )
        self.warn(f"{kind} {row.pk} stays in {stays}; {moving} does not move it")

    def finish(self, kind: str, row: Any, outcome: str, changes: list[str]) -> None:
        if outcome == "unchanged" and changes:
            outcome = "updated"
        self.outcomes.append((kind, str(row.pk), outcome))
        if outcome == "unchanged" or kind not in ("service", "organization"):
            return
        ChangeRecord.objects.create(
            entity=kind,
            entity_id=row.pk,
            action=ChangeRecord.Action.IMPORTED,
            changes=_field_names(changes),
            at=self.now,
        )

    # -- generic rows -------------------------------------------------------------

    def child(
        self,
        kind: str,
        doc: dict[str, Any],
        parents: Parents,
        links: Mapping[str, uuid.UUID | None] | None = None,
    ) -> tuple[Any, str]:
        """Upsert one nested row under ``parents``: the row and its outcome."""
        model = MODELS[kind]
        key = parse_uuid(doc.get("id"), kind)
        existing = self.store.existing(model, key)
        values = values_of(model, doc, COLUMNS[kind])
        implied = {
            name for name, value in parents.items() if doc.get(name) == str(value)
        }
        resolved = {name for name, value in (links or {}).items() if value is not None}
        handled = {"id", *COLUMNS[kind], *NESTED.get(kind, {}), *implied, *resolved}
        old_extra = existing.extra if existing is not None else None
        values["extra"] = extra_of(doc, handled, old_extra)
        values.update(parents)
        values.update(links or {})
        row, outcome, _ = self.store.upsert(model, key, values)
        return row, outcome

    def nested(
        self,
        kind: str,
        doc: dict[str, Any],
        parents: Parents,
        links: Mapping[str, uuid.UUID | None] | None = None,
    ) -> tuple[Any, bool]:
        """Like ``child``, with True when the row changed."""
        row, outcome = self.child(kind, doc, parents, links)
        return row, outcome != "unchanged"

    def many(
        self,
        doc: Mapping[str, Any],
        key: str,
        parent: tuple[str, uuid.UUID],
        write: ChildWriter,
    ) -> bool:
        """Write the list ``doc[key]`` under ``parent``; unlink what it left out."""
        if key not in doc:
            return False
        attr, parent_id = parent
        kept: list[uuid.UUID] = []
        changed = False
        for item in doc[key] or []:
            row, item_changed = write(item, {attr: parent_id})
            kept.append(row.pk)
            changed = changed or item_changed
        kind = NESTED_KIND[key]
        return self.detach(MODELS[kind], attr, parent_id, kept) or changed

    def detach(
        self,
        model: type[models.Model],
        attr: str,
        parent_id: uuid.UUID,
        kept: list[uuid.UUID],
    ) -> bool:
        manager = model._default_manager
        stale = list(
            manager.filter(**{attr: parent_id})
            .exclude(pk__in=kept)
            .values_list("pk", flat=True)
        )
        if not stale:
            return False
        if model in _PARENTS:
            self.unlink(model, attr, stale)
        elif model is Location:
            manager.filter(pk__in=stale).update(organization=None)
            self.store.forget(model, stale)
        else:
            self.delete(model, stale)
        return True

    def unlink(self, model: type[models.Model], attr: str, keys: list[Any]) -> None:
        manager = model._default_manager
        manager.filter(pk__in=keys).update(**{attr: None})
        self.store.forget(model, keys)
        nothing = dict.fromkeys(_PARENTS[model])
        orphans = list(
            manager.filter(pk__in=keys, **nothing).values_list("pk", flat=True)
        )
        if orphans:
            self.delete(model, orphans)

    def delete(self, model: type[models.Model], keys: list[Any]) -> None:
        for dependent, attr in _DEPENDENTS.get(model, ()):
            linked = list(
                dependent._default_manager.filter(**{f"{attr}__in": keys}).values_list(
                    "pk", flat=True
                )
            )
            if linked:
                self.unlink(dependent, attr, linked)
        model._default_manager.filter(pk__in=keys).delete()
        self.store.forget(model, keys)

    # -- nested kinds -----------------------------------------------------------------

    def language(self, doc: dict[str, Any], parents: Parents) -> tuple[Any, bool]:
        return self.nested("language", doc, parents)

    def phone(self, doc: dict[str, Any], parents: Parents) -> tuple[Any, bool]:
        row, changed = self.nested("phone", doc, parents)
        languages = self.many(doc, "languages", ("phone_id", row.pk), self.language)
        return row, changed or languages

    def schedule(self, doc: dict[str, Any], parents: Parents) -> tuple[Any, bool]:
        for warning in check_schedule(doc):
            self.warn(warning)
        return self.nested("schedule", doc, parents)

    def service_area(self, doc: dict[str, Any], parents: Parents) -> tuple[Any, bool]:
        return self.nested("service_area", doc, parents)

    def address(self, doc: dict[str, Any], parents: Parents) -> tuple[Any, bool]:
        return self.nested("address", doc, parents)

    def location(self, doc: dict[str, Any], parents: Parents) -> tuple[Any, bool]:
        links: dict[str, uuid.UUID | None] = {}
        if "organization_id" not in parents and _given(doc, "organization_id"):
            links["organization_id"] = self.resolve(
                Organization, doc["organization_id"]
            )
        row, changed = self.nested("location", doc, parents, links)
        parent = ("location_id", row.pk)
        parts = [
            self.many(doc, "languages", parent, self.language),
            self.many(doc, "addresses", parent, self.address),
            self.many(doc, "phones", parent, self.phone),
            self.many(doc, "schedules", parent, self.schedule),
        ]
        return row, changed or any(parts)

    def service_at_location(
        self, doc: dict[str, Any], parents: Parents
    ) -> tuple[Any, bool]:
        links: dict[str, uuid.UUID | None] = {}
        located = False
        if isinstance(doc.get("location"), dict):
            location, located = self.location(doc["location"], {})
            links["location_id"] = location.pk
        elif _given(doc, "location_id"):
            links["location_id"] = self.resolve(Location, doc["location_id"])
        row, changed = self.nested("service_at_location", doc, parents, links)
        parent = ("service_at_location_id", row.pk)
        parts = [
            self.many(doc, "service_areas", parent, self.service_area),
            self.many(doc, "phones", parent, self.phone),
            self.many(doc, "schedules", parent, self.schedule),
        ]
        return row, changed or located or any(parts)

    def attribute(self, doc: dict[str, Any], parents: Parents) -> tuple[Any, bool]:
        term_id: uuid.UUID | None = None
        if isinstance(doc.get("taxonomy_term"), dict):
            term_id = self.taxonomy_term(doc["taxonomy_term"]).pk
        elif _given(doc, "taxonomy_term_id"):
            term_id = self.resolve(TaxonomyTerm, doc["taxonomy_term_id"])
        if term_id is None:
            raise RecordError(
                f"attribute {doc.get('id')}: its taxonomy term is neither nested "
                "nor a known taxonomy_term_id"
            )
        return self.nested("attribute", doc, parents, {"taxonomy_term_id": term_id})

    # -- top-level kinds --------------------------------------------------------------

    def taxonomy(self, doc: dict[str, Any]) -> Any:
        row, outcome = self.child("taxonomy", doc, {})
        self.finish("taxonomy", row, outcome, [])
        return row

    def taxonomy_term(self, doc: dict[str, Any]) -> Any:
        own = parse_uuid(doc.get("id"), "taxonomy_term")
        links: dict[str, uuid.UUID | None] = {"taxonomy_id": None, "parent_id": None}
        if isinstance(doc.get("taxonomy_detail"), dict):
            links["taxonomy_id"] = self.taxonomy(doc["taxonomy_detail"]).pk
        elif _given(doc, "taxonomy_id"):
            links["taxonomy_id"] = self.resolve(Taxonomy, doc["taxonomy_id"])
        if _given(doc, "parent_id") and str(doc["parent_id"]) != str(own):
            links["parent_id"] = self.resolve(TaxonomyTerm, doc["parent_id"])
        row, outcome = self.child("taxonomy_term", doc, {}, links)
        self.finish("taxonomy_term", row, outcome, [])
        return row

    def organization(self, doc: dict[str, Any]) -> Any:
        key = parse_uuid(doc.get("id"), "organization")
        existing = self.store.existing(Organization, key)
        values = values_of(Organization, doc, COLUMNS["organization"])
        handled = {"id", *COLUMNS["organization"], *NESTED["organization"]}
        values["extra"] = extra_of(doc, handled, existing.extra if existing else None)
        if existing is None:
            values["region_id"] = self.region_id
        else:
            self.keep_region("organization", existing)
        row, outcome, changed = self.store.upsert(Organization, key, values)
        parent = ("organization_id", key)
        if self.many(doc, "phones", parent, self.phone):
            changed.append("phones")
        if self.many(doc, "locations", parent, self.location):
            changed.append("locations")
        self.finish("organization", row, outcome, changed)
        return row

    def service(self, doc: dict[str, Any], organization: Any = None) -> Any:
        key = parse_uuid(doc.get("id"), "service")
        existing = self.store.existing(Service, key)
        handled = {
            "id",
            *COLUMNS["service"],
            *NESTED["service"],
            "assured_date",
            "last_modified",
            *SERVICE_EXTENSIONS,
        }
        values = values_of(Service, doc, COLUMNS["service"])
        if isinstance(doc.get("organization"), dict):
            values["organization_id"] = self.organization(doc["organization"]).pk
        elif organization is not None:
            values["organization_id"] = organization.pk
        elif _given(doc, "organization_id"):
            found = self.resolve(Organization, doc["organization_id"])
            if found is not None:
                values["organization_id"] = found
                handled.add("organization_id")
        values.update(self.service_extensions(doc, existing))
        values["extra"] = extra_of(doc, handled, existing.extra if existing else None)
        if existing is None:
            values["region_id"] = self.region_id
        else:
            self.keep_region("service", existing)
        row, outcome, changed = self.store.upsert(Service, key, values)
        changed.extend(self.service_children(doc, key))
        if _given(doc, "closed_dates") and self.closed_dates(row, doc["closed_dates"]):
            changed.append("closed_dates")
        touched = outcome == "updated" or (changed and outcome == "unchanged")
        if touched and "last_modified" not in doc:
            row.last_modified = self.now
            row.save(update_fields=["last_modified"])
        if outcome != "unchanged" or changed:
            self.services.add(key)
        self.finish("service", row, outcome, changed)
        return row

    def service_children(self, doc: dict[str, Any], key: uuid.UUID) -> list[str]:
        parent = ("service_id", key)
        parts: list[tuple[str, ChildWriter, tuple[str, uuid.UUID]]] = [
            ("phones", self.phone, parent),
            ("schedules", self.schedule, parent),
            ("service_areas", self.service_area, parent),
            ("service_at_locations", self.service_at_location, parent),
            ("languages", self.language, parent),
            ("attributes", self.attribute, ("link_id", key)),
        ]
        return [
            name for name, write, link in parts if self.many(doc, name, link, write)
        ]

    def service_extensions(
        self, doc: Mapping[str, Any], existing: Service | None
    ) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if _given(doc, "assured_date"):
            day = parse_date(doc["assured_date"], "assured_date")
            stored = existing.verified_at if existing is not None else None
            if stored is None or timezone.localtime(stored, AMSTERDAM).date() != day:
                values["verified_at"] = datetime.combine(day, time(0), AMSTERDAM)
                values["verified_by_id"] = None
        if _given(doc, "last_modified"):
            values["last_modified"] = _parse_moment(doc["last_modified"])
        if "crisis_pinned" in doc:
            if not isinstance(doc["crisis_pinned"], bool):
                raise RecordError("crisis_pinned must be true or false")
            values["crisis_pinned"] = doc["crisis_pinned"]
        if "staff_note" in doc:
            field = Service._meta.get_field("staff_note")
            values["staff_note"] = convert(field, doc["staff_note"], "staff_note")
        return values

    def closed_dates(self, service: Service, items: object) -> bool:
        """Replace the service's closed dates with ``items``; True if any changed."""
        if not isinstance(items, list):
            raise RecordError("closed_dates must be a list of {date, reason}")
        wanted: dict[Any, str] = {}
        reason_field = ClosedDate._meta.get_field("reason")
        for item in items:
            if not isinstance(item, dict) or not _given(item, "date"):
                raise RecordError("each of closed_dates needs a date")
            day = parse_date(item["date"], "closed_dates date")
            wanted[day] = str(convert(reason_field, item.get("reason"), "reason"))
        current = {row.day: row for row in ClosedDate.objects.filter(service=service)}
        changed = False
        gone = [row.pk for day, row in current.items() if day not in wanted]
        if gone:
            ClosedDate.objects.filter(pk__in=gone).delete()
            changed = True
        for day, reason in wanted.items():
            row = current.get(day)
            if row is None:
                ClosedDate.objects.create(service=service, day=day, reason=reason)
                changed = True
            elif row.reason != reason:
                row.reason = reason
                row.save(update_fields=["reason"])
                changed = True
        return changed


def _parse_moment(value: object) -> datetime:
    try:
        moment = datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise RecordError(f"last_modified {value!r} is not a date-time") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=AMSTERDAM)
    return moment


#: The kind of the items of each nested list property.
NESTED_KIND: Final[dict[str, str]] = {
    prop: kind for nested in NESTED.values() for prop, kind in nested.items()
}
