"""The measures of evaluate.py on small hand-made cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aandacht.privacy.evaluate import (
    Identifier,
    Note,
    load_corpus,
    score,
    throughput,
    throughput_notes,
)


def test_load_corpus_resolves_substrings_and_offsets(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    lines = [
        {"text": "Roos belde. Roos huilde, Roosje niet.", "identifiers": [
            {"kind": "NAAM", "text": "Roos"}]},
        {"text": "Bel 06-12345678.", "identifiers": [
            {"kind": "TELEFOON", "text": "06-12345678", "start": 4, "end": 15}]},
        {"text": "Niets.", "identifiers": []},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    notes = load_corpus(path)
    assert [(i.start, i.end) for i in notes[0].identifiers] == [(0, 4), (12, 16)]
    assert notes[1].identifiers == (Identifier("TELEFOON", 4, 15, "06-12345678"),)
    assert notes[2].identifiers == ()


def test_load_corpus_rejects_a_wrong_span(tmp_path: Path) -> None:
    path = tmp_path / "notes.jsonl"
    record = {"text": "Roos belde.", "identifiers": [
        {"kind": "NAAM", "text": "Roos", "start": 1, "end": 5}]}  # fmt: skip
    path.write_text(json.dumps(record))
    with pytest.raises(ValueError, match="is not"):
        load_corpus(path)


def test_recall_needs_the_whole_span_covered() -> None:
    note = Note("Jan Visser belde.", (Identifier("NAAM", 0, 10, "Jan Visser"),))
    assert score([note], [[(0, 3)]]).recall == 0.0
    assert score([note], [[(0, 3), (4, 10)]]).recall == 0.0  # the space is left
    assert score([note], [[(0, 4), (4, 10)]]).recall == 1.0
    assert score([note], [[(0, 17)]]).recall == 1.0


def test_keep_counts_ordinary_words_left_alone() -> None:
    note = Note(
        "Jan Visser belde om tien uur.", (Identifier("NAAM", 0, 10, "Jan Visser"),)
    )
    result = score([note], [[(0, 10), (20, 24)]])
    assert (result.tokens, result.kept) == (4, 3)
    assert result.lost == ((0, "tien"),)
    assert result.keep == 0.75


def test_throughput_notes_have_three_sentences() -> None:
    notes = [Note("Een. Twee.", ()), Note("Drie.", ()), Note("Vier. Vijf. Zes.", ())]
    assert throughput_notes(notes) == ["Een. Twee. Drie.", "Vier. Vijf. Zes."]


def test_throughput_is_positive() -> None:
    assert throughput(["a", "b"], lambda text: [], seconds=0.01) > 0
