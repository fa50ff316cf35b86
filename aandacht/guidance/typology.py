"""The typology assistant: which of the eight types of isolation may fit a caller.

The eight types of problematic social isolation come from Machielse (2011), as
summarised in Kreuger (2011). Two axes make a grid of four rows and two
columns:

- *persistence* (the row): how the caller's network got where it is --
  ``threatening``, ``situational``, ``structural`` or ``structural_psychiatric``;
- *orientation* (the column): whether the caller is oriented toward social
  participation -- ``participation`` or ``no_participation``.

===========================  ================  ==================
persistence                  participation     no_participation
===========================  ================  ==================
``threatening``              ``actives``       ``sheltered``
``situational``              ``left_behind``   ``dependents``
``structural``               ``compensators``  ``outsiders``
``structural_psychiatric``   ``hopeful``       ``survivors``
===========================  ================  ==================

:func:`assess` takes the answers to three questions (``network``,
``psychiatric``, ``participation``; each may be ``unknown``) and returns an
:class:`Assessment`: each axis when it can be decided, the type when both are,
otherwise the types still possible, with reasons for the volunteer and flags
for the guidance to show. The decision table is the one in
``shared/docs/typology.md``; every code here is a stable code from there.

This is an aid to the volunteer's judgement, never a verdict. The report calls
the typology a rough typing that gives points of approach and a dynamic model:
a caller's type can change, and it was built on older people. The volunteer can
always override the result.

Flags
=====

- ``professional_help``: whenever ``psychiatric`` is ``yes`` (also when the
  network is not lifelong: the row stays, the flag is added), and for both
  ``structural_psychiatric`` types.
- ``safety_check``: for ``dependents``.
- ``prevention``: for the ``threatening`` row.
- ``respect_autonomy``: for the ``structural`` row and for ``survivors``.

When the type is still undecided, a flag applies when its condition holds for
*every* remaining candidate, because then it holds whatever the type turns out
to be. So ``threatening`` with the orientation unknown carries ``prevention``,
``structural`` with the orientation unknown carries ``respect_autonomy``, and
the candidates ``outsiders`` and ``survivors`` carry ``respect_autonomy``; but
``left_behind`` or ``dependents`` does not carry ``safety_check``.

The ``crisis`` signal (suicidality, acute danger) is deliberately not produced
here: it does not come from the typology but is a separate signal on the
contact, and it outranks everything this module says.

Reasons are English msgids wrapped in :func:`gettext_noop`, a local stand-in
that only marks them for extraction (this module imports nothing from Django;
an import-linter contract enforces that). The UI passes each reason through
Django's ``gettext`` when it shows it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


def gettext_noop(message: str) -> str:
    """Mark ``message`` for translation without translating it (for xgettext)."""
    return message


# Stable codes -------------------------------------------------------------

PERSISTENCES: tuple[str, ...] = (
    "threatening",
    "situational",
    "structural",
    "structural_psychiatric",
)
ORIENTATIONS: tuple[str, ...] = ("participation", "no_participation")

#: The eight types in table order: row by row, participation column first.
TYPES: tuple[str, ...] = (
    "actives",
    "sheltered",
    "left_behind",
    "dependents",
    "compensators",
    "outsiders",
    "hopeful",
    "survivors",
)

NETWORK_ANSWERS: tuple[str, ...] = (
    "thinning",
    "small_network_lost",
    "lifelong",
    "unknown",
)
YES_NO_UNKNOWN: tuple[str, ...] = ("yes", "no", "unknown")

FLAGS: tuple[str, ...] = (
    "professional_help",
    "safety_check",
    "prevention",
    "respect_autonomy",
)

#: ``(persistence, orientation) -> type`` for all eight cells of the grid.
TYPE_GRID: Mapping[tuple[str, str], str] = MappingProxyType(
    {
        (persistence, orientation): TYPES[2 * row + column]
        for row, persistence in enumerate(PERSISTENCES)
        for column, orientation in enumerate(ORIENTATIONS)
    }
)

_AXES_BY_TYPE: Mapping[str, tuple[str, str]] = MappingProxyType(
    {type_code: axes for axes, type_code in TYPE_GRID.items()}
)

# The flags each type carries on its own. ``professional_help`` for
# ``psychiatric = yes`` comes on top of these, whatever the type.
_TYPE_FLAGS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "actives": frozenset({"prevention"}),
        "sheltered": frozenset({"prevention"}),
        "left_behind": frozenset(),
        "dependents": frozenset({"safety_check"}),
        "compensators": frozenset({"respect_autonomy"}),
        "outsiders": frozenset({"respect_autonomy"}),
        "hopeful": frozenset({"professional_help"}),
        "survivors": frozenset({"professional_help", "respect_autonomy"}),
    }
)


@dataclass(frozen=True)
class Assessment:
    """What the answers say about the caller's place in the typology.

    ``persistence``, ``orientation`` and ``type`` are codes, or ``None`` while
    undecided. ``candidates`` are the types still possible in :data:`TYPES`
    order (a 1-tuple of ``type`` once it is decided). ``reasons`` are msgids
    for the volunteer, at least one per axis. ``flags`` are codes from
    :data:`FLAGS`.
    """

    persistence: str | None
    orientation: str | None
    type: str | None
    candidates: tuple[str, ...]
    reasons: tuple[str, ...]
    flags: frozenset[str]


def type_axes(type_code: str) -> tuple[str, str]:
    """The ``(persistence, orientation)`` of a type code."""
    try:
        return _AXES_BY_TYPE[type_code]
    except (KeyError, TypeError):
        raise ValueError(_not_allowed("type_code", type_code, TYPES)) from None


def assess(*, network: str, psychiatric: str, participation: str) -> Assessment:
    """Place the caller in the typology from the answers to the three questions.

    ``network`` is one of :data:`NETWORK_ANSWERS`; ``psychiatric`` and
    ``participation`` are each one of :data:`YES_NO_UNKNOWN`. Any other value
    raises :class:`ValueError`.
    """
    _check("network", network, NETWORK_ANSWERS)
    _check("psychiatric", psychiatric, YES_NO_UNKNOWN)
    _check("participation", participation, YES_NO_UNKNOWN)

    persistences, persistence_reasons = _persistence(network, psychiatric)
    orientations, orientation_reason = _orientation(participation)

    candidates = tuple(
        TYPE_GRID[persistence, orientation]
        for persistence in persistences
        for orientation in orientations
    )
    flags = frozenset.intersection(*(_TYPE_FLAGS[code] for code in candidates))
    if psychiatric == "yes":
        flags |= {"professional_help"}

    return Assessment(
        persistence=persistences[0] if len(persistences) == 1 else None,
        orientation=orientations[0] if len(orientations) == 1 else None,
        type=candidates[0] if len(candidates) == 1 else None,
        candidates=candidates,
        reasons=(*persistence_reasons, orientation_reason),
        flags=flags,
    )


def _persistence(
    network: str, psychiatric: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The rows still possible, and the reasons for them."""
    if network == "thinning":
        rows: tuple[str, ...] = ("threatening",)
        reason = gettext_noop(
            "The network works but is thinning or under threat: "
            "the isolation is threatening."
        )
    elif network == "small_network_lost":
        rows = ("situational",)
        reason = gettext_noop(
            "The small network that used to be enough has fallen away: "
            "the isolation is situational."
        )
    elif network == "lifelong":
        if psychiatric == "yes":
            rows = ("structural_psychiatric",)
            reason = gettext_noop(
                "The caller has been isolated since early in life and lives with "
                "long-standing psychological problems: the isolation is "
                "structural, with psychiatric problems."
            )
        elif psychiatric == "no":
            rows = ("structural",)
            reason = gettext_noop(
                "The caller has been isolated since early in life, without "
                "long-standing psychological problems: the isolation is "
                "structural."
            )
        else:
            rows = ("structural", "structural_psychiatric")
            reason = gettext_noop(
                "The caller has been isolated since early in life, but it is not "
                "yet clear whether long-standing psychological problems play a "
                "part: the isolation is structural, with or without psychiatric "
                "problems."
            )
    else:
        rows = PERSISTENCES
        reason = gettext_noop(
            "It is not yet clear how the network got where it is, "
            "so every row is still possible."
        )

    if psychiatric == "yes" and network != "lifelong":
        return rows, (
            reason,
            gettext_noop(
                "The caller lives with long-standing psychological problems: "
                "whatever the row, help from the helpline alone is too little."
            ),
        )
    return rows, (reason,)


def _orientation(participation: str) -> tuple[tuple[str, ...], str]:
    """The columns still possible, and the reason for them."""
    if participation == "yes":
        return ("participation",), gettext_noop(
            "The caller wants contact, takes part, or wants to: "
            "the caller is oriented toward participation."
        )
    if participation == "no":
        return ("no_participation",), gettext_noop(
            "The caller does not look for contact or want to take part: "
            "the caller is not oriented toward participation."
        )
    return ORIENTATIONS, gettext_noop(
        "It is not yet clear whether the caller wants contact or to take part, "
        "so both columns are still possible."
    )


def _check(name: str, value: object, allowed: tuple[str, ...]) -> None:
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(_not_allowed(name, value, allowed))


def _not_allowed(name: str, value: object, allowed: tuple[str, ...]) -> str:
    choices = ", ".join(repr(code) for code in allowed)
    return f"{name} must be one of {choices}; got {value!r}"
