"""Rows by id, loaded in bulk, written only when something changed.

``RowStore`` keeps the rows an import may touch, loaded with one query per
model at the start (and again after a rejected record rolled back), so an
import costs a query per written row rather than per field. ``values_of``
turns the HSDS properties of a record into column values, refusing the
record (``RecordError``) when a value does not fit its column.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Final

from django.db import models

from aandacht.socialmap.io.report import RecordError

_WHOLE: Final = re.compile(r"\d+(\.0*)?")


def parse_uuid(value: object, kind: str) -> uuid.UUID:
    """The record's id as a UUID, or ``RecordError`` naming the record."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise RecordError(f"{kind} id {value!r} is not a UUID") from None


def parse_date(value: object, key: str) -> date:
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise RecordError(f"{key} {value!r} is not a date like 2025-01-31") from None


def _whole(value: object, key: str) -> int:
    if isinstance(value, bool) or not (
        isinstance(value, int)
        or (isinstance(value, float) and value.is_integer())
        or (isinstance(value, str) and _WHOLE.fullmatch(value.strip()))
    ):
        raise RecordError(f"{key} {value!r} is not a whole number of 0 or more")
    number = int(float(value))
    if number < 0:
        raise RecordError(f"{key} {value!r} is not a whole number of 0 or more")
    return number


def _number(value: object, key: str) -> float:
    if isinstance(value, bool):
        raise RecordError(f"{key} {value!r} is not a number")
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise RecordError(f"{key} {value!r} is not a number") from None


def _text(field: models.Field[Any, Any], value: object, key: str) -> str:
    text = value if isinstance(value, str) else str(value)
    limit = field.max_length
    if limit is not None and len(text) > limit:
        raise RecordError(f"{key} is longer than {limit} characters")
    return text


def convert(field: models.Field[Any, Any], value: object, key: str) -> object:
    """``value`` as stored in ``field``; absent or empty takes the empty value."""
    if value is None or value == "":
        if field.null:
            return None
        return "" if field.blank else field.get_default()
    if isinstance(
        field, models.PositiveIntegerField | models.PositiveSmallIntegerField
    ):
        return _whole(value, key)
    if isinstance(field, models.FloatField):
        return _number(value, key)
    if isinstance(field, models.DateField) and not isinstance(
        field, models.DateTimeField
    ):
        return parse_date(value, key)
    return _text(field, value, key)


def values_of(
    model: type[models.Model], doc: Mapping[str, Any], columns: Iterable[str]
) -> dict[str, Any]:
    """The column values of ``doc`` (absent properties become empty)."""
    values: dict[str, Any] = {}
    for key in columns:
        field = model._meta.get_field(key)
        if not isinstance(field, models.Field):  # pragma: no cover - a spec error
            raise TypeError(f"{model.__name__}.{key} is not a column")
        values[key] = convert(field, doc.get(key), key)
    return values


def extra_of(
    doc: Mapping[str, Any], handled: Iterable[str], old: Mapping[str, Any] | None
) -> dict[str, Any]:
    """The properties nothing else stores, plus old nested lists left out of ``doc``.

    A document without ``contacts`` (say, an organization in a service list)
    keeps the contacts an earlier, fuller import stored.
    """
    skip = set(handled)
    extra = {k: v for k, v in doc.items() if k not in skip}
    for key, value in (old or {}).items():
        if key not in doc and key not in skip and isinstance(value, list | dict):
            extra[key] = value
    return extra


class RowStore:
    """The rows of each model an import may touch, by id."""

    def __init__(self, ids: Mapping[type[models.Model], Iterable[uuid.UUID]]) -> None:
        self.ids = {model: set(keys) for model, keys in ids.items()}
        self.rows: dict[type[models.Model], dict[uuid.UUID, Any]] = {}
        self.reload()

    def reload(self) -> None:
        """Forget everything and load every known id again (after a rollback)."""
        self.rows = {}
        for model, keys in self.ids.items():
            found = model._default_manager.in_bulk(list(keys)) if keys else {}
            self.rows[model] = {key: found.get(key) for key in keys}

    def existing(self, model: type[models.Model], key: uuid.UUID) -> Any:
        table = self.rows.setdefault(model, {})
        if key not in table:
            table[key] = model._default_manager.filter(pk=key).first()
        return table[key]

    def forget(self, model: type[models.Model], keys: Iterable[uuid.UUID]) -> None:
        table = self.rows.get(model, {})
        for key in keys:
            table.pop(key, None)

    def upsert(
        self, model: type[models.Model], key: uuid.UUID, values: Mapping[str, Any]
    ) -> tuple[Any, str, list[str]]:
        """Create or update one row: (row, "created"/"updated"/"unchanged", fields)."""
        row = self.existing(model, key)
        if row is None:
            row = model(pk=key, **values)
            row.save(force_insert=True)
            self.rows[model][key] = row
            return row, "created", sorted(values)
        changed = sorted(
            name for name, value in values.items() if getattr(row, name) != value
        )
        for name in changed:
            setattr(row, name, values[name])
        if changed:
            row.save(update_fields=changed)
        return row, ("updated" if changed else "unchanged"), changed
