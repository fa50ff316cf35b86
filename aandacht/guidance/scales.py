"""Scoring of the De Jong Gierveld loneliness scales (DJG-11 and DJG-6).

Pure Python, no Django: the rules below are the published ones, taken from
``docs/scales.md`` (the project's reference for this module).

Sources:

* De Jong Gierveld & Kamphuis (1985): the 11-item scale.
* Van Tilburg & De Jong Gierveld (1999): the 11-item cut-offs.
* De Jong Gierveld & Van Tilburg (2006), *Research on Aging* 28:582-598:
  the 6-item scale.
* De Jong Gierveld, J. & Van Tilburg, T. (1999, web update 2022). *Manual
  of the Loneliness Scale*.
* RIVM/VZinfo and CBS method pages (the monitor conventions: the
  emotional/social flags and the reference figures).

**The scale is for survey research; it is not a diagnosis of a person**
(VZinfo: "niet toepasbaar voor het stellen van een diagnose van afzonderlijke
personen"). Every screen that shows an individual score must say so and cite
the source (see :data:`SOURCES`).

Answers are stored as the words ``yes`` / ``more_or_less`` / ``no`` and never
as numbers, because published datasets code 1..3 in opposite directions.

Scoring (both versions): each item scores 0 or 1. ``more_or_less`` scores 1
on every item; a negatively worded (emotional) item scores 1 for ``yes``, a
positively worded (social) item scores 1 for ``no``. A missing item (``None``
or absent from the mapping) contributes 0; there is no pro-rating. Totals and
subscales are withheld (``None``) when too many items are missing:

* DJG-11: total if at most ``max_missing`` (default 2) of the 11 items are
  missing; a subscale if at most 1 of its items is missing.
* DJG-6: total if at most 1 of the 6 items is missing; a subscale only if
  none of its items is missing.

The item texts (Dutch and English) are deliberately not here: they live in
the content files, so this module stays language-neutral.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal, NamedTuple, TypeAlias

__all__ = [
    "ANSWERS",
    "CATEGORIES",
    "DJG6_CATEGORY_RANGES",
    "DJG6_ITEMS",
    "DJG6_ITEMS_FORM_ORDER",
    "DJG6_ITEM_NUMBERS",
    "DJG11_CATEGORY_RANGES",
    "DJG11_DEFAULT_MAX_MISSING",
    "DJG11_ITEMS",
    "DJG11_ITEM_NUMBERS",
    "REFERENCE_FIGURES",
    "REFERENCE_SOURCES",
    "SCALES",
    "SOURCES",
    "Answer",
    "Category",
    "Item",
    "ReferenceFigure",
    "ScaleCode",
    "ScaleScore",
    "Subscale",
    "Wording",
    "item_score",
    "score",
    "score_djg6",
    "score_djg11",
]

Answer: TypeAlias = Literal["yes", "more_or_less", "no"]
Wording: TypeAlias = Literal["positive", "negative"]
Subscale: TypeAlias = Literal["social", "emotional"]
Category: TypeAlias = Literal["not_lonely", "moderate", "severe", "very_severe"]
ScaleCode: TypeAlias = Literal["djg11", "djg6"]

#: The three possible answers, in form order (nl: ja / min of meer / nee).
ANSWERS: Final[tuple[Answer, ...]] = ("yes", "more_or_less", "no")

#: All categories, from least to most lonely. DJG-6 never uses ``very_severe``.
CATEGORIES: Final[tuple[Category, ...]] = (
    "not_lonely",
    "moderate",
    "severe",
    "very_severe",
)

#: The scale codes understood by :func:`score`.
SCALES: Final[tuple[ScaleCode, ...]] = ("djg11", "djg6")


@dataclass(frozen=True, slots=True)
class Item:
    """One DJG-11 item: its number, wording direction and subscale.

    Negatively worded items form the emotional subscale, positively worded
    items the social subscale.
    """

    number: int
    wording: Wording
    subscale: Subscale


#: The 11 items in questionnaire order (texts are in the content files).
DJG11_ITEMS: Final[tuple[Item, ...]] = (
    Item(1, "positive", "social"),
    Item(2, "negative", "emotional"),
    Item(3, "negative", "emotional"),
    Item(4, "positive", "social"),
    Item(5, "negative", "emotional"),
    Item(6, "negative", "emotional"),
    Item(7, "positive", "social"),
    Item(8, "positive", "social"),
    Item(9, "negative", "emotional"),
    Item(10, "negative", "emotional"),
    Item(11, "positive", "social"),
)

_ITEMS_BY_NUMBER: Final[dict[int, Item]] = {item.number: item for item in DJG11_ITEMS}

#: The item numbers of the 11-item scale, 1..11.
DJG11_ITEM_NUMBERS: Final[tuple[int, ...]] = tuple(i.number for i in DJG11_ITEMS)

#: The DJG-6 items (numbered as in the 11-item scale), in numeric order:
#: 3, 9, 10 emotional; 4, 7, 8 social.
DJG6_ITEM_NUMBERS: Final[tuple[int, ...]] = (3, 4, 7, 8, 9, 10)

#: The DJG-6 items as records, in numeric order.
DJG6_ITEMS: Final[tuple[Item, ...]] = tuple(
    _ITEMS_BY_NUMBER[n] for n in DJG6_ITEM_NUMBERS
)

#: The order in which the DJG-6 items appear on a form.
DJG6_ITEMS_FORM_ORDER: Final[tuple[int, ...]] = (3, 4, 7, 9, 8, 10)

#: Default for ``score_djg11(max_missing=...)``.
DJG11_DEFAULT_MAX_MISSING: Final = 2

#: Inclusive total-score ranges per category.
DJG11_CATEGORY_RANGES: Final[Mapping[Category, tuple[int, int]]] = {
    "not_lonely": (0, 2),
    "moderate": (3, 8),
    "severe": (9, 10),
    "very_severe": (11, 11),
}
DJG6_CATEGORY_RANGES: Final[Mapping[Category, tuple[int, int]]] = {
    "not_lonely": (0, 1),
    "moderate": (2, 4),
    "severe": (5, 6),
}

# "Lonely" thresholds (total) and subscale monitor flags.
_DJG11_LONELY_TOTAL: Final = 3
_DJG11_SUBSCALE_FLAG: Final = 3  # RIVM monitor: emotional >= 3, social >= 3
_DJG6_LONELY_TOTAL: Final = 2
_DJG6_SUBSCALE_FLAG: Final = 1

#: Citation per scale code; show it wherever a score is shown.
SOURCES: Final[Mapping[ScaleCode, str]] = {
    "djg11": (
        "De Jong Gierveld loneliness scale, 11 items: De Jong Gierveld & "
        "Kamphuis (1985); cut-offs: Van Tilburg & De Jong Gierveld (1999); "
        "Manual of the Loneliness Scale (De Jong Gierveld & Van Tilburg, "
        "1999, web update 2022); monitor conventions: RIVM/VZinfo and CBS."
    ),
    "djg6": (
        "De Jong Gierveld loneliness scale, 6 items: De Jong Gierveld & "
        "Van Tilburg (2006), Research on Aging 28:582–598; Manual of the "
        "Loneliness Scale (De Jong Gierveld & Van Tilburg, 1999, web update "
        "2022)."
    ),
}


class ReferenceFigure(NamedTuple):
    """Population shares, in whole percent (0-100), measured with the DJG-11.

    ``lonely`` is the share with total 3-11, ``severely_lonely`` the share
    with total 9-11 (so ``severely_lonely`` is part of ``lonely``).
    """

    lonely: int
    severely_lonely: int


#: Reference figures for comparison screens, all DJG-11, in whole percent:
#: area -> year -> (lonely 3-11, severely lonely 9-11).
#:
#: ``"nl"``: Netherlands, adults, Gezondheidsmonitor Volwassenen en Ouderen
#: (GGD/CBS/RIVM).
#: ``"rotterdam"``: Rotterdam 2007 (VTO survey, report ch. 4.2). The report
#: gives 38% moderately (3-8) and 10% severely (9-11) lonely; ``lonely`` is
#: their sum, 48%.
REFERENCE_FIGURES: Final[Mapping[str, Mapping[int, ReferenceFigure]]] = {
    "nl": {
        2012: ReferenceFigure(lonely=39, severely_lonely=8),
        2016: ReferenceFigure(lonely=43, severely_lonely=10),
        2020: ReferenceFigure(lonely=47, severely_lonely=11),
        2022: ReferenceFigure(lonely=49, severely_lonely=14),
    },
    "rotterdam": {
        2007: ReferenceFigure(lonely=38 + 10, severely_lonely=10),
    },
}

#: Citation per area of :data:`REFERENCE_FIGURES`.
REFERENCE_SOURCES: Final[Mapping[str, str]] = {
    "nl": (
        "Gezondheidsmonitor Volwassenen en Ouderen (GGD'en, CBS en RIVM), "
        "De Jong Gierveld loneliness scale, 11 items."
    ),
    "rotterdam": (
        "Rotterdam, VTO survey 2007 (report ch. 4.2), De Jong Gierveld "
        "loneliness scale, 11 items: 38% moderately, 10% severely lonely."
    ),
}


@dataclass(frozen=True, slots=True)
class ScaleScore:
    """The result of scoring one completed questionnaire.

    ``total``, ``emotional`` and ``social`` are ``None`` when too many items
    are missing (see the module docstring); ``category`` and ``lonely`` are
    ``None`` when ``total`` is, and ``emotional_lonely`` / ``social_lonely``
    are ``None`` when their subscale is. ``missing`` counts the scale's items
    that were not answered.
    """

    scale: ScaleCode
    total: int | None
    emotional: int | None
    social: int | None
    category: Category | None
    lonely: bool | None
    emotional_lonely: bool | None
    social_lonely: bool | None
    missing: int


def item_score(item: int, answer: str) -> int:
    """Score one answer (0 or 1) on one DJG-11 item number (1..11).

    Raises ``ValueError`` for an unknown item number or answer.
    """
    checked = _check_item(item, _ITEMS_BY_NUMBER)
    given = _check_answer(item, answer)
    if given is None:
        raise ValueError(f"item {item}: no answer to score")
    return _item_score(checked, given)


def score_djg11(
    answers: Mapping[int, str | None],
    *,
    max_missing: int = DJG11_DEFAULT_MAX_MISSING,
) -> ScaleScore:
    """Score the 11-item De Jong Gierveld loneliness scale.

    ``answers`` maps item numbers 1..11 to ``"yes"``, ``"more_or_less"``,
    ``"no"`` or ``None`` (missing); an absent item counts as missing. The
    total is reported if at most ``max_missing`` items are missing, a
    subscale if at most 1 of its items is missing.

    Raises ``ValueError`` for an item number outside 1..11, an unknown
    answer, or a negative ``max_missing``.
    """
    if isinstance(max_missing, bool) or not isinstance(max_missing, int):
        raise TypeError(f"max_missing must be an int, got {max_missing!r}")
    if max_missing < 0:
        raise ValueError(f"max_missing must be 0 or more, got {max_missing}")
    return _score(
        "djg11",
        answers,
        _ITEMS_BY_NUMBER,
        max_missing_total=max_missing,
        max_missing_subscale=1,
        lonely_total=_DJG11_LONELY_TOTAL,
        subscale_flag=_DJG11_SUBSCALE_FLAG,
        ranges=DJG11_CATEGORY_RANGES,
    )


def score_djg6(answers: Mapping[int, str | None]) -> ScaleScore:
    """Score the 6-item De Jong Gierveld loneliness scale.

    ``answers`` is keyed by the 11-item numbers and may only use the six
    DJG-6 items 3, 4, 7, 8, 9 and 10; values as for :func:`score_djg11`.
    The total is reported if at most 1 item is missing, a subscale only if
    none of its items is missing.

    Raises ``ValueError`` for any other item number or an unknown answer.
    """
    return _score(
        "djg6",
        answers,
        _DJG6_BY_NUMBER,
        max_missing_total=1,
        max_missing_subscale=0,
        lonely_total=_DJG6_LONELY_TOTAL,
        subscale_flag=_DJG6_SUBSCALE_FLAG,
        ranges=DJG6_CATEGORY_RANGES,
    )


def score(
    scale: str,
    answers: Mapping[int, str | None],
    *,
    max_missing: int | None = None,
) -> ScaleScore:
    """Score ``answers`` on ``scale`` (``"djg11"`` or ``"djg6"``).

    ``max_missing`` only applies to the DJG-11 (``None`` means its default);
    passing it for the DJG-6 raises ``ValueError``, since the DJG-6 rule is
    fixed.
    """
    if scale == "djg11":
        if max_missing is None:
            return score_djg11(answers)
        return score_djg11(answers, max_missing=max_missing)
    if scale == "djg6":
        if max_missing is not None:
            raise ValueError("max_missing is not a setting of the DJG-6")
        return score_djg6(answers)
    raise ValueError(f"unknown scale {scale!r}; expected one of {SCALES}")


# --- internals -------------------------------------------------------------

_DJG6_BY_NUMBER: Final[dict[int, Item]] = {item.number: item for item in DJG6_ITEMS}


def _check_item(number: object, items: Mapping[int, Item]) -> Item:
    # bool is an int subclass (True == 1); reject it rather than read item 1.
    if isinstance(number, bool) or not isinstance(number, int):
        raise ValueError(f"item number must be an int, got {number!r}")
    found = items.get(number)
    if found is None:
        allowed = ", ".join(str(n) for n in sorted(items))
        raise ValueError(f"item {number} is not on this scale (items: {allowed})")
    return found


def _check_answer(item: object, answer: object) -> Answer | None:
    if answer is None:
        return None
    # Check the type first so that 1 or True never count as an answer; str
    # subclasses (e.g. a Django TextChoices member) are normalised to str.
    if isinstance(answer, str):
        for known in ANSWERS:
            if answer == known:
                return known
    raise ValueError(
        f"item {item}: unknown answer {answer!r}; expected one of "
        f"{', '.join(repr(a) for a in ANSWERS)} or None for missing"
    )


def _item_score(item: Item, answer: Answer) -> int:
    if answer == "more_or_less":
        return 1
    if item.wording == "negative":
        return 1 if answer == "yes" else 0
    return 1 if answer == "no" else 0


def _category(total: int, ranges: Mapping[Category, tuple[int, int]]) -> Category:
    for category, (low, high) in ranges.items():
        if low <= total <= high:
            return category
    raise AssertionError(f"total {total} outside every category")  # unreachable


def _score(
    scale: ScaleCode,
    answers: Mapping[int, str | None],
    items: Mapping[int, Item],
    *,
    max_missing_total: int,
    max_missing_subscale: int,
    lonely_total: int,
    subscale_flag: int,
    ranges: Mapping[Category, tuple[int, int]],
) -> ScaleScore:
    checked: dict[int, Answer | None] = {}
    for number, answer in answers.items():
        item = _check_item(number, items)
        checked[item.number] = _check_answer(item.number, answer)

    sums: dict[Subscale, int] = {"emotional": 0, "social": 0}
    gaps: dict[Subscale, int] = {"emotional": 0, "social": 0}
    for item in items.values():
        given = checked.get(item.number)
        if given is None:
            gaps[item.subscale] += 1
        else:
            sums[item.subscale] += _item_score(item, given)

    missing = gaps["emotional"] + gaps["social"]
    total = sums["emotional"] + sums["social"] if missing <= max_missing_total else None
    emotional = sums["emotional"] if gaps["emotional"] <= max_missing_subscale else None
    social = sums["social"] if gaps["social"] <= max_missing_subscale else None
    return ScaleScore(
        scale=scale,
        total=total,
        emotional=emotional,
        social=social,
        category=None if total is None else _category(total, ranges),
        lonely=None if total is None else total >= lonely_total,
        emotional_lonely=None if emotional is None else emotional >= subscale_flag,
        social_lonely=None if social is None else social >= subscale_flag,
        missing=missing,
    )
