"""Dutch phone numbers: every usual way of typing one, and clear refusals."""

from __future__ import annotations

import pytest

from aandacht.callbacks.phone import PhoneError, display, international, normalise


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0612345678", "0612345678"),
        ("06-12345678", "0612345678"),
        ("06 1234 5678", "0612345678"),
        ("06 12 34 56 78", "0612345678"),
        ("+31 6 12345678", "0612345678"),
        ("+31 (0)6 1234 5678", "0612345678"),
        ("+31612345678", "0612345678"),
        ("0031 6 12345678", "0612345678"),
        ("010-1234567", "0101234567"),
        ("(010) 123 45 67", "0101234567"),
        ("0181 123456", "0181123456"),
        ("0181/123456", "0181123456"),
        ("088 0767 000", "0880767000"),
    ],
)
def test_the_usual_ways_of_writing_a_number_give_one_shape(typed, expected):
    assert normalise(typed) == expected


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("06-1234567a", "characters"),
        ("bel me", "characters"),
        ("06123456", "length"),
        ("061234567890", "length"),
        ("6 12345678", "length"),
        ("0012345678", "foreign"),  # 00 is the international prefix
        ("+32 470 12 34 56", "foreign"),
        ("0049 30 1234567", "foreign"),
        ("0900 1234567", "premium"),
        ("0906-1234567", "premium"),
        ("0900-1234", "premium"),
        ("+31 909 1234567", "premium"),
    ],
)
def test_what_cannot_be_called_back_is_refused_with_its_reason(typed, code):
    with pytest.raises(PhoneError) as refused:
        normalise(typed)
    assert refused.value.code == code


def test_a_mobile_is_shown_in_groups_and_dialled_internationally():
    assert display("0612345678") == "06 1234 5678"
    assert display("0101234567") == "0101234567"
    assert international("0612345678") == "+31612345678"
