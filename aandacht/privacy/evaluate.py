"""Measure the scrubber on the team's corpus, beside plain Deduce.

Pure (no Django), like :mod:`aandacht.privacy.scrub`. Run it with
``python -m aandacht.privacy.evaluate`` for the figures and the misses, or
through ``bench/bench_scrub.py`` for the Markdown table.

Definitions
===========

The corpus (``corpus/notes.jsonl``) holds notes with their gold identifiers,
each a span ``[start, end)`` of the note (see ``corpus/README.md``).

* **Identifier recall**: the share of gold identifiers that are *found*. An
  identifier is found when its whole span is covered by findings (one or
  several, of any kind: what matters is that none of it is left in the
  text). A partly covered identifier counts as missed.
* **Keep rate**: the share of the ordinary word tokens that are left
  unchanged. Word tokens are the runs of ``\\w`` characters in a note; the
  ordinary ones are those that do not overlap a gold identifier; one is kept
  when no finding overlaps it.
* **Throughput**: notes scrubbed per second by one process pinned to one CPU
  core (where the platform allows it), after a warm-up (so without creating
  Deduce), on notes of about three sentences: consecutive corpus notes are
  joined until a note has at least three sentences.

*Plain Deduce* is ``deduce.Deduce().deidentify(text)`` with its default
configuration; every annotation it keeps is a finding. It runs in the same
process as the scrubber and shares its Deduce instance (the scrubber only
switches some of Deduce's processors off per call).
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aandacht.privacy.scrub import get_deduce, scrub

CORPUS_PATH = Path(__file__).resolve().parent / "corpus" / "notes.jsonl"
# Written by someone who never saw the scrubber's code; only ever measured on,
# never tuned on (see corpus/heldout/README.md): no misses are printed for it.
HELDOUT_PATH = Path(__file__).resolve().parent / "corpus" / "heldout" / "notes.jsonl"

Span = tuple[int, int]
Annotate = Callable[[str], Sequence[Span]]

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


@dataclass(frozen=True, slots=True)
class Identifier:
    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Note:
    text: str
    identifiers: tuple[Identifier, ...]


@dataclass(frozen=True, slots=True)
class Score:
    identifiers: int
    found: int
    tokens: int
    kept: int
    missed: tuple[tuple[int, Identifier], ...]  # (note number, identifier)
    lost: tuple[tuple[int, str], ...]  # (note number, ordinary word scrubbed)

    @property
    def recall(self) -> float:
        return self.found / self.identifiers if self.identifiers else 1.0

    @property
    def keep(self) -> float:
        return self.kept / self.tokens if self.tokens else 1.0


@dataclass(frozen=True, slots=True)
class Report:
    notes: int
    identifiers: int
    notes_without_identifier: int
    scrub: Score
    deduce: Score
    scrub_rate: float  # notes per second
    deduce_rate: float
    throughput_notes: int
    throughput_chars: float  # mean length of a throughput note


def _occurrences(text: str, needle: str) -> list[Span]:
    """Where ``needle`` occurs in ``text`` as a whole (not inside a word)."""
    spans = []
    for m in re.finditer(re.escape(needle), text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if (before.isalnum() and needle[0].isalnum()) or (
            after.isalnum() and needle[-1].isalnum()
        ):
            continue
        spans.append((m.start(), m.end()))
    return spans


def _identifiers(text: str, entries: Iterable[dict[str, Any]]) -> list[Identifier]:
    found: list[Identifier] = []
    for entry in entries:
        kind, needle = str(entry["kind"]), str(entry["text"])
        if "start" in entry:
            start, end = int(entry["start"]), int(entry["end"])
            if text[start:end] != needle:
                raise ValueError(f"span {start}:{end} is not {needle!r} in {text!r}")
            spans = [(start, end)]
        else:
            spans = _occurrences(text, needle)
            if not spans:
                raise ValueError(f"{needle!r} does not occur in {text!r}")
        found.extend(Identifier(kind, s, e, needle) for s, e in spans)
    return sorted(set(found), key=lambda i: (i.start, i.end))


def load_corpus(path: Path = CORPUS_PATH) -> list[Note]:
    """The notes of a JSON-lines corpus (``text`` and ``identifiers``).

    An identifier gives ``kind`` and ``text``, and ``start``/``end`` where it
    is meant at one place; without them every whole occurrence of the text in
    the note is an identifier.
    """
    notes = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            text = str(record["text"])
            notes.append(Note(text, tuple(_identifiers(text, record["identifiers"]))))
    return notes


def _covered(start: int, end: int, spans: Sequence[Span]) -> bool:
    position = start
    for s, e in sorted(spans):
        if s <= position < e:
            position = e
            if position >= end:
                return True
    return position >= end


def score(notes: Sequence[Note], findings: Sequence[Sequence[Span]]) -> Score:
    """Recall and keep rate of ``findings`` (one list of spans per note)."""
    identifiers = found = tokens = kept = 0
    missed: list[tuple[int, Identifier]] = []
    lost: list[tuple[int, str]] = []
    for number, (note, spans) in enumerate(zip(notes, findings, strict=True)):
        for identifier in note.identifiers:
            identifiers += 1
            if _covered(identifier.start, identifier.end, spans):
                found += 1
            else:
                missed.append((number, identifier))
        for word in _WORD.finditer(note.text):
            s, e = word.span()
            if any(s < i.end and i.start < e for i in note.identifiers):
                continue
            tokens += 1
            if any(s < fe and fs < e for fs, fe in spans):
                lost.append((number, word.group()))
            else:
                kept += 1
    return Score(identifiers, found, tokens, kept, tuple(missed), tuple(lost))


def scrub_spans(text: str) -> list[Span]:
    """The scrubber's findings as spans."""
    return [(f.start, f.end) for f in scrub(text).findings]


def deduce_spans(text: str) -> list[Span]:
    """Plain Deduce's annotations (default configuration) as spans."""
    doc = get_deduce().deidentify(text)
    return [(a.start_char, a.end_char) for a in doc.annotations]


def recall_by_kind(notes: Sequence[Note], result: Score) -> dict[str, tuple[int, int]]:
    """(found, identifiers) per kind of identifier, kinds in alphabetical order."""
    totals: dict[str, int] = {}
    for note in notes:
        for identifier in note.identifiers:
            totals[identifier.kind] = totals.get(identifier.kind, 0) + 1
    missed: dict[str, int] = {}
    for _number, identifier in result.missed:
        missed[identifier.kind] = missed.get(identifier.kind, 0) + 1
    return {
        kind: (totals[kind] - missed.get(kind, 0), totals[kind])
        for kind in sorted(totals)
    }


def evaluate(notes: Sequence[Note], annotate: Annotate) -> Score:
    return score(notes, [annotate(note.text) for note in notes])


def throughput_notes(notes: Sequence[Note], sentences: int = 3) -> list[str]:
    """Notes of at least ``sentences`` sentences, joined from the corpus."""
    joined: list[str] = []
    current: list[str] = []
    for note in notes:
        current.append(note.text)
        text = " ".join(current)
        if len(_SENTENCE_END.findall(text)) >= sentences:
            joined.append(text)
            current = []
    return joined


def pin_to_one_core() -> None:
    """Run this process on a single CPU core, where the platform allows it."""
    if hasattr(os, "sched_getaffinity") and hasattr(os, "sched_setaffinity"):
        cores = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cores[0]})


def throughput(texts: Sequence[str], annotate: Annotate, seconds: float = 3.0) -> float:
    """Texts annotated per second, repeating the texts for about ``seconds``."""
    for text in texts[:10]:  # warm up
        annotate(text)
    done = 0
    started = time.perf_counter()
    elapsed = 0.0
    while elapsed < seconds:
        for text in texts:
            annotate(text)
        done += len(texts)
        elapsed = time.perf_counter() - started
    return done / elapsed


def run(path: Path = CORPUS_PATH, seconds: float = 3.0) -> Report:
    """All figures for the corpus at ``path``."""
    notes = load_corpus(path)
    get_deduce()  # not part of any measurement
    texts = throughput_notes(notes)
    pin_to_one_core()
    return Report(
        notes=len(notes),
        identifiers=sum(len(n.identifiers) for n in notes),
        notes_without_identifier=sum(1 for n in notes if not n.identifiers),
        scrub=evaluate(notes, scrub_spans),
        deduce=evaluate(notes, deduce_spans),
        scrub_rate=throughput(texts, scrub_spans, seconds),
        deduce_rate=throughput(texts, deduce_spans, seconds),
        throughput_notes=len(texts),
        throughput_chars=sum(map(len, texts)) / len(texts) if texts else 0.0,
    )


def main() -> None:
    report = run()
    print(
        f"{report.notes} notes, {report.identifiers} identifiers, "
        f"{report.notes_without_identifier} notes without one"
    )
    notes = load_corpus()
    for name, result, rate in (
        ("scrub", report.scrub, report.scrub_rate),
        ("plain deduce", report.deduce, report.deduce_rate),
    ):
        print(
            f"{name}: recall {result.recall:.3f} ({result.found}/{result.identifiers})"
            f", keep {result.keep:.3f} ({result.kept}/{result.tokens})"
            f", {rate:.0f} notes/s"
        )
        for number, identifier in result.missed:
            print(f"  missed {identifier.kind} {identifier.text!r} in note {number}")
            if name == "scrub":
                print(f"    {scrub(notes[number].text).text}")
        for number, word in result.lost:
            print(f"  lost {word!r} in note {number}")
            if name == "scrub":
                print(f"    {scrub(notes[number].text).text}")


if __name__ == "__main__":
    main()
