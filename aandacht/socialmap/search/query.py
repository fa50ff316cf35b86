"""From what a volunteer typed to the terms that may answer each word.

No Django here: the engine looks the words up and passes what it found.

Each query word gets *alternatives*, each a group of index terms that
together stand for the word, and a factor for how good a stand-in it is:

* the word's own stem (factor 1);
* its compound parts: "rouwgroepen" is "rouw" + "groep", and a service
  that has both answers it almost as well as one with the whole word;
* each synonym in a group that holds the word ("psycholoog" → "praathulp";
  "ggz" → "geestelijke gezondheidszorg", both words needed for full marks);
  a phrase of the query that is a synonym ("geestelijke gezondheidszorg")
  gives each of its words the other members of the group;
* only when none of these is in the index: the vocabulary words most
  similar to it (a typo), with pg_trgm's similarity as part of the factor.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from aandacht.socialmap.text import compound_parts, stem, tokens

#: How good a stand-in each kind of alternative is for the word typed.
PARTS_FACTOR = 0.8
SYNONYM_FACTOR = 0.8
TYPO_FACTOR = 0.9
#: A query longer than this many words is cut (nobody types more in a call).
MAX_WORDS = 12
#: Compound parts have at least this many letters (as ``text.compound_parts``).
MIN_PART = 4


@dataclass(frozen=True)
class Alternative:
    """Index terms that together stand for a query word.

    A *secondary* alternative (compound parts, synonyms) is one the search
    found, not one the volunteer typed or meant: its very common terms may
    be left out at scale (see ``ranking.COMMON_SHARE``).
    """

    terms: tuple[str, ...]
    factor: float
    secondary: bool = False


@dataclass(frozen=True)
class QueryWord:
    word: str
    alternatives: tuple[Alternative, ...]

    @property
    def terms(self) -> set[str]:
        return {term for alternative in self.alternatives for term in alternative.terms}


#: A synonym group as phrases, each phrase as the stems of its words.
SynonymGroup = tuple[tuple[str, ...], ...]


def words_of(query: str) -> list[str]:
    """The folded words of a query that count (no stop words), at most 12."""
    return tokens(query)[:MAX_WORDS]


def substrings(words: Iterable[str]) -> set[str]:
    """Every piece of each word that could be a compound part.

    Looking these up in the vocabulary gives exactly the vocabulary
    ``compound_parts`` needs for these words, without loading all of it.
    """
    pieces: set[str] = set()
    for word in words:
        if len(word) < 2 * MIN_PART:
            continue
        for start in range(len(word) - MIN_PART + 1):
            for end in range(start + MIN_PART, len(word) + 1):
                if end - start < len(word):
                    pieces.add(word[start:end])
    return pieces


def synonym_groups(rows: Iterable[tuple[str, Collection[str]]]) -> list[SynonymGroup]:
    """Staff's synonym rows (a term and its synonyms) as groups of stems."""
    groups: list[SynonymGroup] = []
    for term, synonyms in rows:
        phrases: list[tuple[str, ...]] = []
        for phrase in (term, *synonyms):
            stems = tuple(stem(word) for word in tokens(phrase))
            if stems and stems not in phrases:
                phrases.append(stems)
        if len(phrases) > 1:
            groups.append(tuple(phrases))
    return groups


def query_words(
    words: list[str],
    vocabulary: Collection[str],
    groups: Iterable[SynonymGroup],
) -> list[QueryWord]:
    """The alternatives of each query word, before any typo is considered.

    `vocabulary` needs only the words that could be parts of these words
    (see ``substrings``).
    """
    stems = [stem(word) for word in words]
    found: list[list[Alternative]] = []
    for word, word_stem in zip(words, stems, strict=True):
        alternatives = [Alternative((word_stem,), 1.0)]
        parts = compound_parts(word, vocabulary, MIN_PART)
        if parts:
            part_stems = tuple(dict.fromkeys(stem(part) for part in parts))
            alternatives.append(Alternative(part_stems, PARTS_FACTOR, secondary=True))
        found.append(alternatives)
    for group in groups:
        for phrase in group:
            for start in range(len(stems) - len(phrase) + 1):
                if tuple(stems[start : start + len(phrase)]) != phrase:
                    continue
                others = [
                    Alternative(other, SYNONYM_FACTOR, secondary=True)
                    for other in group
                    if other != phrase
                ]
                for index in range(start, start + len(phrase)):
                    _extend(found[index], others)
    return [
        QueryWord(word, tuple(alternatives))
        for word, alternatives in zip(words, found, strict=True)
    ]


def _extend(alternatives: list[Alternative], new: list[Alternative]) -> None:
    for alternative in new:
        if all(alternative.terms != known.terms for known in alternatives):
            alternatives.append(alternative)


def with_typos(
    word: QueryWord, similar: Mapping[str, float], documents: Mapping[str, int]
) -> QueryWord:
    """`word`, with the terms of similar words when none of its own is indexed.

    `similar` maps the terms of the most similar vocabulary words to their
    similarity; `documents` tells how many services have each term.
    """
    if any(documents.get(term, 0) for term in word.terms):
        return word
    typos = tuple(
        Alternative((term,), TYPO_FACTOR * similarity)
        for term, similarity in similar.items()
    )
    return QueryWord(word.word, word.alternatives + typos)
