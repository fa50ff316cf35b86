"""Web addresses in an imported record: http and https only.

The maintenance screens show ``url`` and ``website`` as links, and the API
hands every address on to partners' sites. A ``javascript:`` or ``data:``
address runs in the browser of whoever clicks it; ``file:``, ``ftp:`` and
``mailto:`` lead nowhere a caller can be sent. So every address in a record
must be an http(s) URL that Django's ``URLValidator`` accepts, as the
maintenance forms require of a typed one; otherwise the record is rejected
(``RecordError``) with the property's path. Checked: the HSDS properties of
format ``uri`` and ``logo``, at any depth of the record, except the services
an organization lists, which are records of their own.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from aandacht.socialmap.io.report import RecordError

__all__ = ["URL_PROPERTIES", "WEB_SCHEMES", "check_web_addresses"]

#: The schemes a web address may have, in records and in the maintenance forms.
WEB_SCHEMES: Final = ("http", "https")

#: Every HSDS 3.1 property that holds an address (``"format": "uri"``, and
#: ``logo``, which the schema leaves unchecked).
URL_PROPERTIES: Final = frozenset(
    {"url", "website", "uri", "term_uri", "logo", "schedule_link"}
)

_SHOWN: Final = 80
_validate = URLValidator(schemes=list(WEB_SCHEMES))


def _addresses(value: object, path: str) -> Iterator[tuple[str, object]]:
    """Each (path, value) of an address property below ``value``."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if key in URL_PROPERTIES and not isinstance(item, Mapping | list):
                yield where, item
            else:
                yield from _addresses(item, where)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _addresses(item, f"{path}[{index}]")


def is_web_address(value: str) -> bool:
    try:
        _validate(value)
    except ValidationError:
        return False
    return True


def check_web_addresses(kind: str, doc: Mapping[str, Any]) -> None:
    """Raise ``RecordError`` for the first address in ``doc`` that is not http(s)."""
    own = {
        k: v for k, v in doc.items() if not (kind == "organization" and k == "services")
    }
    for path, value in _addresses(own, ""):
        if value in (None, ""):
            continue
        if not isinstance(value, str) or not is_web_address(value):
            shown = str(value)
            if len(shown) > _SHOWN:
                shown = shown[: _SHOWN - 1] + "…"
            raise RecordError(
                f"{path} {shown!r} is not a web address (http:// or https://)"
            )
