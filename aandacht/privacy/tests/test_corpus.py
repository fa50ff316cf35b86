"""The team's corpus: its shape, its fictional identifiers, and the targets."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from aandacht.privacy.evaluate import (
    CORPUS_PATH,
    Note,
    deduce_spans,
    evaluate,
    load_corpus,
    scrub_spans,
)
from aandacht.privacy.scrub import KINDS, scrub


@pytest.fixture(scope="module")
def notes() -> list[Note]:
    return load_corpus(CORPUS_PATH)


def identifiers(notes: list[Note], kind: str) -> list[str]:
    return [i.text for n in notes for i in n.identifiers if i.kind == kind]


def test_corpus_shape(notes: list[Note]) -> None:
    assert len(notes) >= 80
    assert sum(1 for n in notes if not n.identifiers) >= 20
    counts = Counter(i.kind for n in notes for i in n.identifiers)
    assert set(counts) == set(KINDS)
    assert len({n.text for n in notes}) == len(notes)


def test_corpus_covers_every_phone_format(notes: list[Note]) -> None:
    phones = identifiers(notes, "TELEFOON")
    for pattern in (
        r"^06-\d{8}$",
        r"^06 \d{4} \d{4}$",
        r"^06\d{8}$",
        r"^\+31 6 \d{8}$",
        r"^\+31\(0\)6-\d{8}$",
        r"^0031 6 ",
        r"^0\d{2}-\d{7}$",
        r"^0\d{2} \d{3} \d{2} \d{2}$",
        r"^0[89]00-",
    ):
        assert any(re.search(pattern, p) for p in phones), pattern


def test_corpus_ibans_pass_mod_97_and_bsns_the_11_test(notes: list[Note]) -> None:
    for iban in identifiers(notes, "IBAN"):
        compact = iban.replace(" ", "")
        number = int("".join(str(int(c, 36)) for c in compact[4:] + compact[:4]))
        assert number % 97 == 1, iban
    assert any(" " in i for i in identifiers(notes, "IBAN"))
    assert any(" " not in i for i in identifiers(notes, "IBAN"))
    for bsn in identifiers(notes, "BSN"):
        digits = [int(c) for c in bsn if c.isdigit()]
        total = sum((9 - i) * d for i, d in enumerate(digits[:8])) - digits[8]
        assert len(digits) == 9, bsn
        assert total % 11 == 0, bsn


def test_corpus_contact_details_are_fictional(notes: list[Note]) -> None:
    for email in identifiers(notes, "E-MAIL"):
        assert (
            email.lower()
            .split("@")[1]
            .endswith(("example.com", "example.net", "example.org"))
        ), email
    for phone in identifiers(notes, "TELEFOON"):
        digits = re.sub(r"\D", "", phone)
        if digits.startswith(("06", "316", "00316")):
            assert "1234" in digits, phone  # 06-1234xxxx test numbers


def test_scrub_meets_the_targets(notes: list[Note]) -> None:
    score = evaluate(notes, scrub_spans)
    assert score.recall >= 0.97, score.missed
    assert score.keep >= 0.97, score.lost


def test_scrub_beats_plain_deduce(notes: list[Note]) -> None:
    ours = evaluate(notes, scrub_spans)
    plain = evaluate(notes, deduce_spans)
    assert ours.recall > plain.recall
    assert ours.keep >= plain.keep


def test_corpus_scrubbing_is_idempotent(notes: list[Note]) -> None:
    for note in notes:
        once = scrub(note.text).text
        assert scrub(once).text == once, note.text
