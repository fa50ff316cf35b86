"""Template helpers of the roster screens."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Mapping[Any, Any], key: Any) -> Any:
    """`mapping[key]`, or None: for per-row lookups a template cannot spell."""
    return mapping.get(key)
