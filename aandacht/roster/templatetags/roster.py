"""Template helpers of the roster screens."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()


@register.filter
def get_item(mapping: Mapping[Any, Any], key: Any) -> Any:
    """`mapping[key]`, or None: for per-row lookups a template cannot spell."""
    return mapping.get(key)


_OUTCOMES = {
    "optimal": _("The best roster possible, proven."),
    "feasible": _("A roster that keeps every rule; a better one may exist."),
    "partial": _("A roster that leaves some needs unmet; see below."),
    "timeout": _("No roster was found in the time given. Give the solver longer."),
}


@register.filter
def solver_outcome(status: str) -> str:
    """The solver's status ("feasible") in words a coordinator reads."""
    return str(_OUTCOMES.get(status, status))
