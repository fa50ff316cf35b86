"""Tests for the De Jong Gierveld loneliness scales (docs/scales.md).

The expected values are written out literally from the reference document
rather than derived from the module, so one wrongly coded item is caught.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aandacht.guidance.scales import (
    ANSWERS,
    CATEGORIES,
    DJG6_ITEMS,
    DJG6_ITEMS_FORM_ORDER,
    DJG11_ITEMS,
    REFERENCE_FIGURES,
    SOURCES,
    Item,
    ScaleScore,
    item_score,
    score,
    score_djg6,
    score_djg11,
)

# The project's autouse ``settings`` fixture is function-scoped and harmless
# here (these tests touch no Django state).
hypothesis_settings = settings(
    max_examples=300,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

# --- the reference table, written out literally ----------------------------

# (item, subscale, the answer that scores 1 apart from more_or_less)
ITEM_DIRECTIONS = [
    (1, "social", "no"),
    (2, "emotional", "yes"),
    (3, "emotional", "yes"),
    (4, "social", "no"),
    (5, "emotional", "yes"),
    (6, "emotional", "yes"),
    (7, "social", "no"),
    (8, "social", "no"),
    (9, "emotional", "yes"),
    (10, "emotional", "yes"),
    (11, "social", "no"),
]
SUBSCALE = {item: subscale for item, subscale, _ in ITEM_DIRECTIONS}
# The answer that scores 1 ("lonely") and the one that scores 0 ("calm").
LONELY = {item: answer for item, _, answer in ITEM_DIRECTIONS}
CALM = {item: ("no" if answer == "yes" else "yes") for item, answer in LONELY.items()}
EMOTIONAL_11 = (2, 3, 5, 6, 9, 10)
SOCIAL_11 = (1, 4, 7, 8, 11)
EMOTIONAL_6 = (3, 9, 10)
SOCIAL_6 = (4, 7, 8)
DJG6 = (3, 4, 7, 8, 9, 10)
ALL_11 = tuple(range(1, 12))

# Ordered from least to most lonely, per item.
TOWARD_LONELY = {item: (CALM[item], "more_or_less", LONELY[item]) for item in ALL_11}

DJG11_RANGES = {
    "not_lonely": range(0, 3),
    "moderate": range(3, 9),
    "severe": range(9, 11),
    "very_severe": range(11, 12),
}
DJG6_RANGES = {
    "not_lonely": range(0, 2),
    "moderate": range(2, 5),
    "severe": range(5, 7),
}


def points(item: int, answer: str | None) -> int:
    """The item's score, counted straightforwardly from the tables above."""
    if answer is None:
        return 0
    return 1 if answer in ("more_or_less", LONELY[item]) else 0


def count(answers: Mapping[int, str | None], items: tuple[int, ...]) -> int:
    return sum(points(i, answers.get(i)) for i in items)


def n_missing(answers: Mapping[int, str | None], items: tuple[int, ...]) -> int:
    return sum(1 for i in items if answers.get(i) is None)


def calm(items: tuple[int, ...] = ALL_11) -> dict[int, str | None]:
    return {i: CALM[i] for i in items}


def with_lonely(lonely_items: tuple[int, ...], items: tuple[int, ...] = ALL_11):
    answers = calm(items)
    for i in lonely_items:
        answers[i] = LONELY[i]
    return answers


def letters(code: str) -> dict[int, str | None]:
    """'JNM-' -> answers for items 1..n (J yes, M more_or_less, N no, - missing)."""
    table = {"J": "yes", "M": "more_or_less", "N": "no", "-": None}
    return {i: table[c] for i, c in enumerate(code.replace(" ", ""), start=1)}


# --- the data the UI uses --------------------------------------------------


def test_item_table_matches_the_reference() -> None:
    assert [(i.number, i.subscale) for i in DJG11_ITEMS] == [
        (item, subscale) for item, subscale, _ in ITEM_DIRECTIONS
    ]
    for item in DJG11_ITEMS:
        expected = "negative" if LONELY[item.number] == "yes" else "positive"
        assert item.wording == expected
        # Negative wording is the emotional subscale, positive the social one.
        assert (item.wording == "negative") == (item.subscale == "emotional")


def test_djg6_items() -> None:
    assert DJG6_ITEMS_FORM_ORDER == (3, 4, 7, 9, 8, 10)
    assert [i.number for i in DJG6_ITEMS] == [3, 4, 7, 8, 9, 10]
    assert {i.number for i in DJG6_ITEMS if i.subscale == "emotional"} == {3, 9, 10}
    assert {i.number for i in DJG6_ITEMS if i.subscale == "social"} == {4, 7, 8}


def test_answers_and_categories() -> None:
    assert ANSWERS == ("yes", "more_or_less", "no")
    assert CATEGORIES == ("not_lonely", "moderate", "severe", "very_severe")


def test_sources_cite_the_papers() -> None:
    assert set(SOURCES) == {"djg11", "djg6"}
    assert "De Jong Gierveld & Kamphuis (1985)" in SOURCES["djg11"]
    assert "Van Tilburg & De Jong Gierveld (1999)" in SOURCES["djg11"]
    assert "Van Tilburg (2006)" in SOURCES["djg6"]
    assert "28:582–598" in SOURCES["djg6"]


def test_reference_figures_in_percent() -> None:
    assert REFERENCE_FIGURES["nl"] == {
        2012: (39, 8),
        2016: (43, 10),
        2020: (47, 11),
        2022: (49, 14),
    }
    rotterdam = REFERENCE_FIGURES["rotterdam"][2007]
    assert rotterdam == (48, 10)  # 38% moderately + 10% severely lonely
    assert rotterdam.lonely - rotterdam.severely_lonely == 38


def test_item_records_and_scores_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        DJG11_ITEMS[0].number = 2  # type: ignore[misc]
    result = score_djg11(calm())
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.total = 5  # type: ignore[misc]
    assert isinstance(DJG11_ITEMS[0], Item)


# --- worked cases from the document ----------------------------------------


def test_worked_case_all_more_or_less() -> None:
    result = score_djg11(letters("MMMMMMMMMMM"))
    assert result == ScaleScore(
        scale="djg11",
        total=11,
        emotional=6,
        social=5,
        category="very_severe",
        lonely=True,
        emotional_lonely=True,
        social_lonely=True,
        missing=0,
    )


def test_worked_case_not_lonely() -> None:
    result = score_djg11(letters("J N N J N N J J N N J"))
    assert result.total == 0
    assert result.emotional == 0
    assert result.social == 0
    assert result.category == "not_lonely"
    assert result.lonely is False
    assert result.missing == 0


@pytest.mark.parametrize("missing_as", ["none", "absent"])
def test_worked_case_two_missing(missing_as: str) -> None:
    answers = letters("N J J N J J N N J - -")
    if missing_as == "absent":
        del answers[10], answers[11]
    result = score_djg11(answers)
    assert result.total == 9
    assert result.emotional == 5
    assert result.social == 4
    assert result.category == "severe"
    assert result.lonely is True
    assert result.emotional_lonely is True
    assert result.social_lonely is True
    assert result.missing == 2


# --- category cut-offs -----------------------------------------------------


@pytest.mark.parametrize(
    ("total", "category", "lonely"),
    [
        (0, "not_lonely", False),
        (2, "not_lonely", False),
        (3, "moderate", True),
        (8, "moderate", True),
        (9, "severe", True),
        (10, "severe", True),
        (11, "very_severe", True),
    ],
)
def test_djg11_cut_offs(total: int, category: str, lonely: bool) -> None:
    answers = with_lonely(ALL_11[:total])
    result = score_djg11(answers)
    assert result.total == total
    assert result.category == category
    assert result.lonely is lonely


@pytest.mark.parametrize(
    ("total", "category", "lonely"),
    [
        (0, "not_lonely", False),
        (1, "not_lonely", False),
        (2, "moderate", True),
        (4, "moderate", True),
        (5, "severe", True),
        (6, "severe", True),
    ],
)
def test_djg6_cut_offs(total: int, category: str, lonely: bool) -> None:
    answers = with_lonely(DJG6[:total], DJG6)
    result = score_djg6(answers)
    assert result.total == total
    assert result.category == category
    assert result.lonely is lonely


def test_djg6_never_very_severe() -> None:
    result = score_djg6(dict.fromkeys(DJG6, "more_or_less"))
    assert result.total == 6
    assert result.category == "severe"


@pytest.mark.parametrize(
    ("lonely_items", "emotional", "emotional_lonely", "social", "social_lonely"),
    [
        ((2, 3), 2, False, 0, False),
        ((2, 3, 5), 3, True, 0, False),
        ((1, 4), 0, False, 2, False),
        ((1, 4, 7), 0, False, 3, True),
    ],
)
def test_djg11_subscale_flags(
    lonely_items: tuple[int, ...],
    emotional: int,
    emotional_lonely: bool,
    social: int,
    social_lonely: bool,
) -> None:
    result = score_djg11(with_lonely(lonely_items))
    assert (result.emotional, result.emotional_lonely) == (emotional, emotional_lonely)
    assert (result.social, result.social_lonely) == (social, social_lonely)


@pytest.mark.parametrize(
    ("lonely_items", "emotional_lonely", "social_lonely"),
    [((), False, False), ((3,), True, False), ((4,), False, True)],
)
def test_djg6_subscale_flags(
    lonely_items: tuple[int, ...], emotional_lonely: bool, social_lonely: bool
) -> None:
    result = score_djg6(with_lonely(lonely_items, DJG6))
    assert result.emotional_lonely is emotional_lonely
    assert result.social_lonely is social_lonely


# --- each item's direction -------------------------------------------------


@pytest.mark.parametrize(
    ("item", "subscale", "scoring_answer"),
    [
        (1, "social", "no"),
        (2, "emotional", "yes"),
        (3, "emotional", "yes"),
        (4, "social", "no"),
        (5, "emotional", "yes"),
        (6, "emotional", "yes"),
        (7, "social", "no"),
        (8, "social", "no"),
        (9, "emotional", "yes"),
        (10, "emotional", "yes"),
        (11, "social", "no"),
    ],
)
def test_item_direction(item: int, subscale: str, scoring_answer: str) -> None:
    other = "no" if scoring_answer == "yes" else "yes"
    base = calm()
    scored = score_djg11({**base, item: scoring_answer})
    unscored = score_djg11({**base, item: other})
    assert unscored.total == unscored.emotional == unscored.social == 0
    assert scored.total == 1
    assert getattr(scored, subscale) == 1
    other_subscale = "social" if subscale == "emotional" else "emotional"
    assert getattr(scored, other_subscale) == 0
    assert item_score(item, scoring_answer) == 1
    assert item_score(item, other) == 0
    if item in DJG6:
        base6 = calm(DJG6)
        scored6 = score_djg6({**base6, item: scoring_answer})
        assert scored6.total == 1
        assert getattr(scored6, subscale) == 1
        assert score_djg6({**base6, item: other}).total == 0


@pytest.mark.parametrize("item", ALL_11)
def test_more_or_less_scores_one(item: int) -> None:
    result = score_djg11({**calm(), item: "more_or_less"})
    assert result.total == 1
    assert getattr(result, SUBSCALE[item]) == 1
    assert item_score(item, "more_or_less") == 1
    if item in DJG6:
        assert score_djg6({**calm(DJG6), item: "more_or_less"}).total == 1


# --- missing answers -------------------------------------------------------


def test_djg11_total_needs_at_most_two_missing() -> None:
    two = score_djg11({**letters("MMMMMMMMMMM"), 1: None, 2: None})
    assert (two.total, two.missing, two.category) == (9, 2, "severe")
    three = score_djg11({**letters("MMMMMMMMMMM"), 1: None, 2: None, 3: None})
    assert three.missing == 3
    assert three.total is None
    assert three.category is None
    assert three.lonely is None
    # Two emotional items missing: emotional None; one social missing: kept.
    assert three.emotional is None
    assert three.emotional_lonely is None
    assert three.social == 4


def test_djg11_max_missing_setting() -> None:
    one_missing = {**calm(), 5: None}
    assert score_djg11(one_missing, max_missing=0).total is None
    assert score_djg11(one_missing, max_missing=1).total == 0
    assert score_djg11(calm(), max_missing=0).total == 0
    three_missing = {**with_lonely((2, 3)), 1: None, 5: None, 4: None}
    assert score_djg11(three_missing).total is None
    assert score_djg11(three_missing, max_missing=2).total is None
    assert score_djg11(three_missing, max_missing=3).total == 2
    assert score_djg11(three_missing, max_missing=3).category == "not_lonely"


@pytest.mark.parametrize(
    ("missing", "emotional", "social"),
    [
        ((2,), 0, 0),
        ((2, 3), None, 0),
        ((1,), 0, 0),
        ((1, 4), 0, None),
        ((1, 2), 0, 0),
    ],
)
def test_djg11_subscale_missing(
    missing: tuple[int, ...], emotional: int | None, social: int | None
) -> None:
    result = score_djg11({**calm(), **dict.fromkeys(missing)})
    assert result.total == 0  # at most two missing
    assert result.emotional == emotional
    assert result.social == social
    assert (result.emotional_lonely is None) == (emotional is None)
    assert (result.social_lonely is None) == (social is None)


def test_djg6_total_needs_at_most_one_missing() -> None:
    all_m = dict.fromkeys(DJG6, "more_or_less")
    one = score_djg6({**all_m, 7: None})
    assert (one.total, one.missing, one.category) == (5, 1, "severe")
    two = score_djg6({**all_m, 3: None, 7: None})
    assert two.missing == 2
    assert two.total is None
    assert two.category is None
    assert two.lonely is None
    absent = dict(all_m)
    del absent[3], absent[7]
    assert score_djg6(absent) == two


@pytest.mark.parametrize(
    ("item", "subscale"),
    [
        (3, "emotional"),
        (4, "social"),
        (7, "social"),
        (8, "social"),
        (9, "emotional"),
        (10, "emotional"),
    ],
)
def test_djg6_subscale_needs_every_item(item: int, subscale: str) -> None:
    result = score_djg6({**dict.fromkeys(DJG6, "more_or_less"), item: None})
    assert result.total == 5
    assert getattr(result, subscale) is None
    assert getattr(result, f"{subscale}_lonely") is None
    other = "social" if subscale == "emotional" else "emotional"
    assert getattr(result, other) == 3
    assert getattr(result, f"{other}_lonely") is True


def test_everything_missing() -> None:
    result = score_djg11({})
    assert result.missing == 11
    assert (result.total, result.emotional, result.social) == (None, None, None)
    assert (result.category, result.lonely) == (None, None)
    assert (result.emotional_lonely, result.social_lonely) == (None, None)
    assert score_djg6({}).missing == 6


# --- bad input --------------------------------------------------------------


@pytest.mark.parametrize("key", [0, 12, -1, 100, "3", 3.0, True, None])
def test_djg11_unknown_item(key: object) -> None:
    with pytest.raises(ValueError, match="item"):
        score_djg11({key: "yes"})  # type: ignore[dict-item]


@pytest.mark.parametrize("key", [1, 2, 5, 6, 11, 0, 12])
def test_djg6_item_outside_its_six(key: int) -> None:
    with pytest.raises(ValueError, match=f"item {key}"):
        score_djg6({**calm(DJG6), key: "yes"})


@pytest.mark.parametrize(
    "answer",
    ["ja", "Yes", "YES", "nee", "min of meer", "more or less", "", 1, 0, 3, True, 1.0],
)
def test_unknown_answer(answer: object) -> None:
    with pytest.raises(ValueError, match="item 5"):
        score_djg11({**calm(), 5: answer})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="item 9"):
        score_djg6({**calm(DJG6), 9: answer})  # type: ignore[dict-item]


@pytest.mark.parametrize("max_missing", [-1, -5])
def test_negative_max_missing(max_missing: int) -> None:
    with pytest.raises(ValueError, match="max_missing"):
        score_djg11(calm(), max_missing=max_missing)


def test_item_score_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="item 12"):
        item_score(12, "yes")
    with pytest.raises(ValueError, match="item 1"):
        item_score(1, "ja")


def test_score_dispatcher() -> None:
    answers = letters("N J J N J J N N J - -")
    assert score("djg11", answers) == score_djg11(answers)
    assert score("djg11", answers, max_missing=1).total is None
    six = {i: answers[i] for i in DJG6}
    assert score("djg6", six) == score_djg6(six)
    with pytest.raises(ValueError, match="scale"):
        score("ucla3", answers)
    with pytest.raises(ValueError, match="max_missing"):
        score("djg6", six, max_missing=1)


# --- properties -------------------------------------------------------------

answer_or_missing = st.sampled_from([None, "yes", "more_or_less", "no"])
answers_11 = st.dictionaries(st.sampled_from(ALL_11), answer_or_missing)
answers_6 = st.dictionaries(st.sampled_from(DJG6), answer_or_missing)
complete_11 = st.fixed_dictionaries(
    {i: st.sampled_from(ANSWERS) for i in ALL_11},
)


def check_consistent(result: ScaleScore, ranges: dict[str, range]) -> None:
    if None not in (result.total, result.emotional, result.social):
        assert result.total == result.emotional + result.social  # type: ignore[operator]
    if result.total is None:
        assert result.category is None
        assert result.lonely is None
    else:
        assert result.total in ranges[result.category]  # type: ignore[index]
        assert result.lonely == (result.category != "not_lonely")


@hypothesis_settings
@given(answers_11, st.integers(min_value=0, max_value=12))
def test_djg11_matches_a_straightforward_count(
    answers: dict[int, str | None], max_missing: int
) -> None:
    result = score_djg11(answers, max_missing=max_missing)
    missing = n_missing(answers, ALL_11)
    assert result.scale == "djg11"
    assert result.missing == missing
    total = count(answers, ALL_11) if missing <= max_missing else None
    emotional = (
        count(answers, EMOTIONAL_11) if n_missing(answers, EMOTIONAL_11) <= 1 else None
    )
    social = count(answers, SOCIAL_11) if n_missing(answers, SOCIAL_11) <= 1 else None
    assert (result.total, result.emotional, result.social) == (
        total,
        emotional,
        social,
    )
    assert result.emotional_lonely == (None if emotional is None else emotional >= 3)
    assert result.social_lonely == (None if social is None else social >= 3)
    assert result.lonely == (None if total is None else total >= 3)
    check_consistent(result, DJG11_RANGES)
    assert 0 <= (result.emotional or 0) <= 6
    assert 0 <= (result.social or 0) <= 5
    assert 0 <= (result.total or 0) <= 11


@hypothesis_settings
@given(answers_6)
def test_djg6_matches_a_straightforward_count(answers: dict[int, str | None]) -> None:
    result = score_djg6(answers)
    missing = n_missing(answers, DJG6)
    assert result.scale == "djg6"
    assert result.missing == missing
    total = count(answers, DJG6) if missing <= 1 else None
    emotional = (
        count(answers, EMOTIONAL_6) if n_missing(answers, EMOTIONAL_6) == 0 else None
    )
    social = count(answers, SOCIAL_6) if n_missing(answers, SOCIAL_6) == 0 else None
    assert (result.total, result.emotional, result.social) == (
        total,
        emotional,
        social,
    )
    assert result.emotional_lonely == (None if emotional is None else emotional >= 1)
    assert result.social_lonely == (None if social is None else social >= 1)
    assert result.lonely == (None if total is None else total >= 2)
    assert result.category != "very_severe"
    check_consistent(result, DJG6_RANGES)
    assert 0 <= (result.emotional or 0) <= 3
    assert 0 <= (result.social or 0) <= 3
    assert 0 <= (result.total or 0) <= 6


@hypothesis_settings
@given(answers_11)
def test_djg6_on_the_six_items_of_an_11_item_set(
    answers: dict[int, str | None],
) -> None:
    six = {i: a for i, a in answers.items() if i in DJG6}
    short = score_djg6(six)
    long = score_djg11(answers, max_missing=11)
    # The six items score the same way as in the 11-item scale.
    assert sum(item_score(i, a) for i, a in six.items() if a is not None) == count(
        six, DJG6
    )
    if short.total is not None:
        assert short.total == count(answers, DJG6)
        assert long.total is not None
        assert short.total <= long.total
    if short.emotional is not None:
        assert short.emotional == count(answers, EMOTIONAL_6)
    if short.social is not None:
        assert short.social == count(answers, SOCIAL_6)


@hypothesis_settings
@given(answers_11)
def test_absent_is_the_same_as_none(answers: dict[int, str | None]) -> None:
    present = {i: a for i, a in answers.items() if a is not None}
    assert score_djg11(present) == score_djg11(answers)
    six = {i: a for i, a in present.items() if i in DJG6}
    assert score_djg6(six) == score_djg6({i: answers.get(i) for i in DJG6})


def score_fields(result: ScaleScore) -> list[int | None]:
    category = None if result.category is None else CATEGORIES.index(result.category)
    return [result.total, result.emotional, result.social, category]


@hypothesis_settings
@given(answers_11, st.sampled_from(ALL_11), st.data())
def test_moving_toward_lonely_never_lowers_a_score(
    answers: dict[int, str | None], item: int, data: st.DataObject
) -> None:
    old = answers.get(item)
    order = TOWARD_LONELY[item]
    start = 0 if old is None else order.index(old)
    new = data.draw(st.sampled_from(order[start:]), label="new answer")
    changed = {**answers, item: new}
    pairs = [(score_djg11(answers), score_djg11(changed))]
    if item in DJG6:
        pairs.append(
            (
                score_djg6({i: answers.get(i) for i in DJG6}),
                score_djg6({i: changed.get(i) for i in DJG6}),
            )
        )
    for before, after in pairs:
        for b, a in zip(score_fields(before), score_fields(after), strict=True):
            if b is not None:
                # Answering never loses a score; a lonelier answer never
                # lowers it.
                assert a is not None
                assert a >= b
        for flag in ("lonely", "emotional_lonely", "social_lonely"):
            if getattr(before, flag) is True:
                assert getattr(after, flag) is True


def reverse(answers: Mapping[int, str | None]) -> dict[int, str | None]:
    swap = {"yes": "no", "no": "yes", "more_or_less": "more_or_less", None: None}
    return {i: swap[a] for i, a in answers.items()}


@hypothesis_settings
@given(complete_11)
def test_reversing_a_complete_set(answers: dict[int, str]) -> None:
    # Swapping yes/no flips every item except more_or_less, which scores 1
    # either way: total + total' = 11 + (number of more_or_less answers).
    def m(items: tuple[int, ...]) -> int:
        return sum(1 for i in items if answers[i] == "more_or_less")

    before, after = score_djg11(answers), score_djg11(reverse(answers))
    assert before.total is not None
    assert after.total is not None
    assert after.total == 11 - before.total + m(ALL_11)
    assert before.emotional is not None
    assert after.emotional is not None
    assert after.emotional == 6 - before.emotional + m(EMOTIONAL_11)
    assert before.social is not None
    assert after.social is not None
    assert after.social == 5 - before.social + m(SOCIAL_11)

    six = {i: answers[i] for i in DJG6}
    before6, after6 = score_djg6(six), score_djg6(reverse(six))
    assert before6.total is not None
    assert after6.total is not None
    assert after6.total == 6 - before6.total + m(DJG6)


@hypothesis_settings
@given(answers_11)
def test_reversing_with_missing_answers(answers: dict[int, str | None]) -> None:
    # With gaps: total + total' = (answered items) + (more_or_less answers),
    # and reversing never changes which scores are reported.
    before, after = score_djg11(answers), score_djg11(reverse(answers))
    assert before.missing == after.missing
    answered = 11 - before.missing
    m = sum(1 for a in answers.values() if a == "more_or_less")
    if before.total is None:
        assert after.total is None
    else:
        assert after.total is not None
        assert before.total + after.total == answered + m
    assert (before.emotional is None) == (after.emotional is None)
    assert (before.social is None) == (after.social is None)


@hypothesis_settings
@given(
    st.sampled_from(ALL_11),
    st.one_of(
        st.text().filter(lambda s: s not in ANSWERS),
        st.integers(),
        st.booleans(),
        st.floats(allow_nan=False),
    ),
)
def test_any_other_answer_is_rejected(item: int, answer: object) -> None:
    with pytest.raises(ValueError, match=f"item {item}"):
        score_djg11({item: answer})  # type: ignore[dict-item]
