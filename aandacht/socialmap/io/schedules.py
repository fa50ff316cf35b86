"""Whether an imported schedule may be stored, and what to warn about.

``socialmap.schedule.parse_rule`` decides what opening hours mean. Here:

* a schedule that closes before it opens (09:00-03:00; a night such as
  22:00-02:00 is fine), whose times cannot be read, or whose ``valid_to``
  (or ``until``) lies before its ``valid_from`` (``dtstart``) rejects the
  record it belongs to;
* a schedule using HSDS features the rules do not interpret (``count``,
  ``byweekno``, ``byyearday``) is stored as it came, for its description,
  with a warning: it never counts as open. ``timezone`` (a fixed offset,
  which cannot follow summer time) is stored and ignored, with a warning;
* any other reason the rules cannot read it (no ``freq``, no days) is a
  warning too: the schedule is kept for its description.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from aandacht.socialmap.io.report import RecordError
from aandacht.socialmap.schedule import ScheduleError, parse_rule

_NOT_INTERPRETED: Final = ("count", "byweekno", "byyearday")
_WINDOWS: Final = (("valid_from", "valid_to"), ("dtstart", "until"))


def _given(doc: Mapping[str, Any], key: str) -> bool:
    return doc.get(key) not in (None, "")


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def check_schedule(doc: Mapping[str, Any]) -> list[str]:
    """Warnings about one HSDS schedule; ``RecordError`` if it must be refused."""
    label = f"schedule {doc.get('id')}"
    for start_key, end_key in _WINDOWS:
        start, end = _date(doc.get(start_key)), _date(doc.get(end_key))
        if start is not None and end is not None and end < start:
            raise RecordError(f"{label}: {end_key} {end} is before {start_key} {start}")
    if _given(doc, "opens_at") and _given(doc, "closes_at"):
        times = {"opens_at": doc["opens_at"], "closes_at": doc["closes_at"]}
        try:
            parse_rule({"freq": "WEEKLY", "byday": "MO", **times})
        except ScheduleError as error:
            raise RecordError(f"{label}: {error}") from None
    warnings = []
    if _given(doc, "timezone"):
        warnings.append(
            f"{label}: timezone {doc['timezone']} is ignored; its times are read "
            "as Amsterdam time"
        )
    unread = [key for key in _NOT_INTERPRETED if _given(doc, key)]
    if unread:
        warnings.append(
            f"{label}: {', '.join(unread)} cannot be interpreted; kept for its "
            "description and never counted as open"
        )
        return warnings
    try:
        parse_rule(doc)
    except ScheduleError as error:
        warnings.append(
            f"{label}: not read as opening hours ({error}); kept for its description"
        )
    return warnings
