"""Template helpers for showing a stored typology assessment."""

from __future__ import annotations

from django import template

from aandacht.guidance import assistant

register = template.Library()


@register.filter
def type_name(code: str | None) -> str:
    """A type code in the interface language; unknown or empty codes show a dash."""
    types = assistant.guidance().types
    return types[code].name if code and code in types else "–"
