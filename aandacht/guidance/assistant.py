"""The typology assistant in a contact: what is stored, and what the panel shows.

The decision itself is `typology.assess`; the words are the content files.
This module joins the two for the contact form and the report screens.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from aandacht.guidance import content, typology

ANSWER_FIELDS = ("network", "psychiatric", "participation")
FIELD_PREFIX = "typology_"
MAX_REASON = 300


def content_language() -> str:
    """The content file for the active interface language (Dutch by default)."""
    return "en" if (get_language() or "").startswith("en") else "nl"


def guidance() -> content.Content:
    return content.load(content_language())


def record(
    *,
    network: str,
    psychiatric: str,
    participation: str,
    override: str = "",
    reason: str = "",
) -> dict[str, Any]:
    """What a contact keeps of the assistant: answers, result, content version.

    Nothing is kept when the volunteer left every question at "unknown" and
    chose no type, so an unused panel leaves no trace in the statistics.
    """
    answers = {
        "network": network,
        "psychiatric": psychiatric,
        "participation": participation,
    }
    if set(answers.values()) == {"unknown"} and not override:
        return {}
    result = typology.assess(**answers)
    if override and override == result.type:
        override, reason = "", ""
    return {
        **answers,
        "type": result.type,
        "candidates": list(result.candidates),
        "flags": sorted(result.flags),
        "override": override or None,
        "override_reason": reason if override else "",
        "content_version": content.load("nl").version,
    }


def effective_type(stored: dict[str, Any]) -> str | None:
    """The volunteer's own choice when made, else the assistant's."""
    chosen = stored.get("override") or stored.get("type")
    return str(chosen) if chosen else None


def form_initial(stored: dict[str, Any]) -> dict[str, str]:
    """The form's typology fields for a stored report."""
    initial = {
        FIELD_PREFIX + name: str(stored.get(name) or "unknown")
        for name in ANSWER_FIELDS
    }
    initial[FIELD_PREFIX + "override"] = str(stored.get("override") or "")
    initial[FIELD_PREFIX + "reason"] = str(stored.get("override_reason") or "")
    return initial


@dataclass(frozen=True)
class Panel:
    """The panel's contents for one set of answers, in the interface language."""

    assessment: typology.Assessment
    reasons: list[str]
    decided: content.TypeGuidance | None
    candidates: list[content.TypeGuidance]
    flags: list[content.Flag]
    categories: list[content.Category]
    citation: str
    version: str


def panel(*, network: str, psychiatric: str, participation: str) -> Panel:
    """Answers in, guidance out; unknown codes count as "unknown"."""
    answers = {
        "network": _known(network, typology.NETWORK_ANSWERS),
        "psychiatric": _known(psychiatric, typology.YES_NO_UNKNOWN),
        "participation": _known(participation, typology.YES_NO_UNKNOWN),
    }
    result = typology.assess(**answers)
    words = guidance()
    decided = words.types[result.type] if result.type else None
    categories = (
        [words.social_map_categories[code] for code in decided.social_map]
        if decided
        else []
    )
    return Panel(
        assessment=result,
        reasons=[_(reason) for reason in result.reasons],
        decided=decided,
        candidates=[words.types[code] for code in result.candidates],
        flags=[words.flags[code] for code in typology.FLAGS if code in result.flags],
        categories=categories,
        citation=words.citation,
        version=words.version,
    )


def _known(value: str, allowed: tuple[str, ...]) -> str:
    return value if value in allowed else "unknown"


def form_context(form: Any) -> dict[str, Any]:
    """The panel for a contact form's current answers, and whether it starts open."""
    values = {
        name: str(form[FIELD_PREFIX + name].value() or "unknown")
        for name in ANSWER_FIELDS
    }
    chosen = bool(form[FIELD_PREFIX + "override"].value())
    answered = set(values.values()) != {"unknown"}
    has_errors = any(name.startswith(FIELD_PREFIX) for name in form.errors)
    return {
        "typology_panel": panel(**values),
        "typology_open": answered or chosen or has_errors,
    }
