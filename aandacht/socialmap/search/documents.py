"""What a service is found by: its fields, analysed and weighted.

No Django here: the index module reads the rows, this module turns their
text into weighted terms, so the weighting can be tested on its own.

A term's weight in a service is, per field, the field's weight when the
word itself occurs there and a share of it (``PART_FACTOR``) when only a
compound containing it does; the fields' weights add up. How often a word
occurs inside one field does not count: a long description repeating
"hulp" says little more than a short one.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from aandacht.socialmap.text import compound_parts, stem, tokens

#: A term found only as part of a compound ("rouw" in "rouwgroep") counts
#: for this share of the field's weight.
PART_FACTOR = 0.6
#: Longer words are not indexed (they cannot be a search term anyway).
MAX_WORD = 100


class Field(Enum):
    """The fields of a service the search reads, with their weights."""

    NAME = 10.0
    ALTERNATE_NAME = 8.0
    TAXONOMY = 6.0
    AREA = 5.0
    ORGANIZATION = 4.0
    ELIGIBILITY = 2.0
    DESCRIPTION = 1.0

    @property
    def weight(self) -> float:
        return float(self.value)


@dataclass(frozen=True)
class Document:
    """The texts of one service, per field (several texts may share a field)."""

    texts: Sequence[tuple[Field, str]]


@dataclass
class Analyser:
    """Analysis with one vocabulary, remembering the parts of each word.

    The vocabulary holds folded words (the directory's own and
    ``vocabulary.BASE_WORDS``); a word splits into parts only when every
    part is in it.
    """

    vocabulary: Collection[str]
    _parts: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def parts(self, word: str) -> tuple[str, ...]:
        """The parts of `word` and of its parts, largest first."""
        known = self._parts.get(word)
        if known is None:
            found: list[str] = []
            pending = [word]
            while pending:
                current = pending.pop(0)
                for part in compound_parts(current, self.vocabulary):
                    if part not in found:
                        found.append(part)
                        pending.append(part)
            known = self._parts[word] = tuple(found)
        return known

    def terms(self, document: Document) -> dict[str, float]:
        """Each term of `document` with its weight."""
        per_field: dict[Field, dict[str, float]] = {}
        for kind, text in document.texts:
            best = per_field.setdefault(kind, {})
            for word in tokens(text):
                if len(word) > MAX_WORD:
                    continue
                _keep(best, stem(word), kind.weight)
                for part in self.parts(word):
                    _keep(best, stem(part), kind.weight * PART_FACTOR)
        total: dict[str, float] = {}
        for kind in Field:  # a fixed order, so sums are the same every time
            for term, weight in per_field.get(kind, {}).items():
                total[term] = total.get(term, 0.0) + weight
        return {term: round(weight, 6) for term, weight in total.items()}


def _keep(best: dict[str, float], term: str, weight: float) -> None:
    if weight > best.get(term, 0.0):
        best[term] = weight


def words_of(documents: Iterable[Document]) -> set[str]:
    """Every folded word in `documents` (for the vocabulary)."""
    return {
        word
        for document in documents
        for _kind, text in document.texts
        for word in tokens(text)
        if len(word) <= MAX_WORD
    }
