"""The typology assistant against its specification.

EXPECTED below is transcribed by hand from shared/docs/typology.md (the
decision table and the flags), one line per combination of answers: all
4 x 3 x 3 = 36 of them. It is written out rather than computed so that a
single wrong cell in the module is caught. "-" means undecided (None) or no
flags; candidates are listed in table order, row by row, participation first.
"""

from __future__ import annotations

import ast
import inspect
import itertools

import pytest

from aandacht.guidance import typology
from aandacht.guidance.typology import (
    NETWORK_ANSWERS,
    ORIENTATIONS,
    PERSISTENCES,
    TYPE_GRID,
    TYPES,
    YES_NO_UNKNOWN,
    Assessment,
    assess,
    type_axes,
)

EXPECTED = """
network            psych   partic  | persistence            orientation      type         | flags                              | candidates
thinning           yes     yes      | threatening            participation    actives      | prevention professional_help       | actives
thinning           yes     no       | threatening            no_participation sheltered    | prevention professional_help       | sheltered
thinning           yes     unknown  | threatening            -                -            | prevention professional_help       | actives sheltered
thinning           no      yes      | threatening            participation    actives      | prevention                         | actives
thinning           no      no       | threatening            no_participation sheltered    | prevention                         | sheltered
thinning           no      unknown  | threatening            -                -            | prevention                         | actives sheltered
thinning           unknown yes      | threatening            participation    actives      | prevention                         | actives
thinning           unknown no       | threatening            no_participation sheltered    | prevention                         | sheltered
thinning           unknown unknown  | threatening            -                -            | prevention                         | actives sheltered
small_network_lost yes     yes      | situational            participation    left_behind  | professional_help                  | left_behind
small_network_lost yes     no       | situational            no_participation dependents   | professional_help safety_check     | dependents
small_network_lost yes     unknown  | situational            -                -            | professional_help                  | left_behind dependents
small_network_lost no      yes      | situational            participation    left_behind  | -                                  | left_behind
small_network_lost no      no       | situational            no_participation dependents   | safety_check                       | dependents
small_network_lost no      unknown  | situational            -                -            | -                                  | left_behind dependents
small_network_lost unknown yes      | situational            participation    left_behind  | -                                  | left_behind
small_network_lost unknown no       | situational            no_participation dependents   | safety_check                       | dependents
small_network_lost unknown unknown  | situational            -                -            | -                                  | left_behind dependents
lifelong           yes     yes      | structural_psychiatric participation    hopeful      | professional_help                  | hopeful
lifelong           yes     no       | structural_psychiatric no_participation survivors    | professional_help respect_autonomy | survivors
lifelong           yes     unknown  | structural_psychiatric -                -            | professional_help                  | hopeful survivors
lifelong           no      yes      | structural             participation    compensators | respect_autonomy                   | compensators
lifelong           no      no       | structural             no_participation outsiders    | respect_autonomy                   | outsiders
lifelong           no      unknown  | structural             -                -            | respect_autonomy                   | compensators outsiders
lifelong           unknown yes      | -                      participation    -            | -                                  | compensators hopeful
lifelong           unknown no       | -                      no_participation -            | respect_autonomy                   | outsiders survivors
lifelong           unknown unknown  | -                      -                -            | -                                  | compensators outsiders hopeful survivors
unknown            yes     yes      | -                      participation    -            | professional_help                  | actives left_behind compensators hopeful
unknown            yes     no       | -                      no_participation -            | professional_help                  | sheltered dependents outsiders survivors
unknown            yes     unknown  | -                      -                -            | professional_help                  | actives sheltered left_behind dependents compensators outsiders hopeful survivors
unknown            no      yes      | -                      participation    -            | -                                  | actives left_behind compensators hopeful
unknown            no      no       | -                      no_participation -            | -                                  | sheltered dependents outsiders survivors
unknown            no      unknown  | -                      -                -            | -                                  | actives sheltered left_behind dependents compensators outsiders hopeful survivors
unknown            unknown yes      | -                      participation    -            | -                                  | actives left_behind compensators hopeful
unknown            unknown no       | -                      no_participation -            | -                                  | sheltered dependents outsiders survivors
unknown            unknown unknown  | -                      -                -            | -                                  | actives sheltered left_behind dependents compensators outsiders hopeful survivors
"""  # noqa: E501


def _rows() -> list[tuple[tuple[str, str, str], Assessment]]:
    """EXPECTED as ((network, psychiatric, participation), expected result)."""
    rows = []
    for line in EXPECTED.strip().splitlines()[1:]:
        answers, axes, flags, candidates = (part.split() for part in line.split("|"))
        persistence, orientation, type_code = (
            None if cell == "-" else cell for cell in axes
        )
        expected = Assessment(
            persistence=persistence,
            orientation=orientation,
            type=type_code,
            candidates=tuple(candidates),
            reasons=(),  # not part of the table; tested separately
            flags=frozenset(flag for flag in flags if flag != "-"),
        )
        network, psychiatric, participation = answers
        rows.append(((network, psychiatric, participation), expected))
    return rows


ROWS = _rows()
ALL_ANSWERS = list(itertools.product(NETWORK_ANSWERS, YES_NO_UNKNOWN, YES_NO_UNKNOWN))


def test_the_table_covers_every_combination_of_answers_once():
    assert sorted(answers for answers, _ in ROWS) == sorted(ALL_ANSWERS)
    assert len(ROWS) == 36


@pytest.mark.parametrize(
    ("answers", "expected"), ROWS, ids=["-".join(answers) for answers, _ in ROWS]
)
def test_decision_table(answers, expected):
    network, psychiatric, participation = answers
    result = assess(
        network=network, psychiatric=psychiatric, participation=participation
    )

    assert result.persistence == expected.persistence
    assert result.orientation == expected.orientation
    assert result.type == expected.type
    assert result.candidates == expected.candidates
    assert result.flags == expected.flags


# --- the codes ---------------------------------------------------------------


def test_types_are_in_the_order_of_the_table_in_the_doc():
    assert TYPES == (
        "actives",
        "sheltered",
        "left_behind",
        "dependents",
        "compensators",
        "outsiders",
        "hopeful",
        "survivors",
    )


def test_axis_and_answer_codes():
    assert PERSISTENCES == (
        "threatening",
        "situational",
        "structural",
        "structural_psychiatric",
    )
    assert ORIENTATIONS == ("participation", "no_participation")
    assert NETWORK_ANSWERS == ("thinning", "small_network_lost", "lifelong", "unknown")
    assert YES_NO_UNKNOWN == ("yes", "no", "unknown")


def test_type_grid_is_the_table_in_the_doc():
    assert dict(TYPE_GRID) == {
        ("threatening", "participation"): "actives",
        ("threatening", "no_participation"): "sheltered",
        ("situational", "participation"): "left_behind",
        ("situational", "no_participation"): "dependents",
        ("structural", "participation"): "compensators",
        ("structural", "no_participation"): "outsiders",
        ("structural_psychiatric", "participation"): "hopeful",
        ("structural_psychiatric", "no_participation"): "survivors",
    }


@pytest.mark.parametrize("type_code", TYPES)
def test_type_axes_round_trip(type_code):
    persistence, orientation = type_axes(type_code)
    assert persistence in PERSISTENCES
    assert orientation in ORIENTATIONS
    assert TYPE_GRID[persistence, orientation] == type_code


@pytest.mark.parametrize("bad", ["loners", "Actives", "", None])
def test_type_axes_refuses_an_unknown_type(bad):
    with pytest.raises(ValueError, match="type_code"):
        type_axes(bad)


# --- the call ----------------------------------------------------------------


def test_result_is_frozen():
    result = assess(network="thinning", psychiatric="no", participation="yes")
    with pytest.raises(AttributeError):
        result.type = "sheltered"  # type: ignore[misc]


def test_answers_are_keyword_only():
    with pytest.raises(TypeError):
        assess("thinning", "no", "yes")  # type: ignore[misc]


VALID = {"network": "thinning", "psychiatric": "no", "participation": "yes"}
BAD_VALUES = ["loneliness", None, "Yes", "", " yes", 1, True, ["yes"]]


@pytest.mark.parametrize("parameter", ["network", "psychiatric", "participation"])
@pytest.mark.parametrize("bad", BAD_VALUES, ids=repr)
def test_a_value_outside_the_codes_is_refused(parameter, bad):
    with pytest.raises(ValueError, match=parameter) as caught:
        assess(**{**VALID, parameter: bad})
    message = str(caught.value)
    allowed = NETWORK_ANSWERS if parameter == "network" else YES_NO_UNKNOWN
    assert all(repr(code) in message for code in allowed)


def test_network_codes_are_not_accepted_for_yes_no_questions():
    with pytest.raises(ValueError, match="psychiatric"):
        assess(network="thinning", psychiatric="lifelong", participation="yes")
    with pytest.raises(ValueError, match="network"):
        assess(network="yes", psychiatric="no", participation="yes")


# --- reasons -----------------------------------------------------------------


def _msgids() -> set[str]:
    """Every literal wrapped in gettext_noop in the module's source."""
    tree = ast.parse(inspect.getsource(typology))
    found = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "gettext_noop"
        ):
            (argument,) = node.args
            assert isinstance(argument, ast.Constant), ast.dump(argument)
            assert isinstance(argument.value, str)
            found.add(argument.value)
    return found


@pytest.mark.parametrize("answers", ALL_ANSWERS, ids="-".join)
def test_reasons_cover_each_axis_and_are_fixed_msgids(answers):
    network, psychiatric, participation = answers
    result = assess(
        network=network, psychiatric=psychiatric, participation=participation
    )

    assert len(result.reasons) >= 2  # one for the row, one for the column
    assert len(set(result.reasons)) == len(result.reasons)
    msgids = _msgids()
    for reason in result.reasons:
        assert reason in msgids
        assert reason.strip() == reason
        assert reason.endswith(".")
        assert "{" not in reason
        assert "%" not in reason


def test_every_msgid_is_used():
    used = {
        reason
        for network, psychiatric, participation in ALL_ANSWERS
        for reason in assess(
            network=network, psychiatric=psychiatric, participation=participation
        ).reasons
    }
    assert used == _msgids()


def test_psychiatric_problems_outside_the_lifelong_row_are_explained():
    without = assess(network="thinning", psychiatric="no", participation="yes")
    with_ = assess(network="thinning", psychiatric="yes", participation="yes")

    assert with_.type == without.type == "actives"
    assert len(with_.reasons) == len(without.reasons) + 1
    assert "professional_help" in with_.flags


def test_crisis_is_never_a_typology_flag():
    for network, psychiatric, participation in ALL_ANSWERS:
        result = assess(
            network=network, psychiatric=psychiatric, participation=participation
        )
        assert "crisis" not in result.flags
        assert result.flags <= set(typology.FLAGS)
