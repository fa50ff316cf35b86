"""Dutch text analysis for the social map's search, in plain Python.

Why the language work lives here and not in the database: the search must
give the same results on SQLite and on PostgreSQL. SQLite has no Dutch
stemmer, no accent folding and no trigram index, and PostgreSQL's own
``to_tsvector('dutch', ...)`` would make the two databases drift apart in
the details (stop words, accents, compounds, synonyms). So every step that
decides *what matches* is done once, here:

* ``fold`` and ``tokens`` normalise text (lower case, accents off, punctuation
  to spaces, a short explicit list of Dutch stop words);
* ``stem`` uses the snowball ``dutch_porter`` stemmer, the classic
  Porter-based Dutch algorithm that PostgreSQL's ``dutch`` text-search
  configuration is built on;
* ``compound_parts`` splits compounds ("rouwverwerkingsgroep") into words
  from a vocabulary, so a part finds the whole and the whole finds its parts;
* ``expand`` applies the synonym list staff maintain (groups that work both
  ways, multiword entries included);
* ``analyse`` gives the index terms stored per service, ``query_terms`` the
  terms a query must meet (AND over query words, OR within a word).

The database layer only stores the analysed terms and compares strings, which
both databases do identically. For typos, ``trigrams`` and ``similarity``
reproduce pg_trgm's ``show_trgm()`` and ``similarity()`` exactly, so a typo is
ranked the same whether PostgreSQL's pg_trgm or the Python path computes it.
Pass folded text to both sides (``fold``) so accents never count as typos.

Pure on purpose: standard library and ``snowballstemmer`` only.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Protocol, TypeAlias, cast

import snowballstemmer  # type: ignore[import-untyped]

__all__ = [
    "STOP_WORDS",
    "Synonyms",
    "analyse",
    "compound_parts",
    "expand",
    "fold",
    "query_terms",
    "similarity",
    "stem",
    "tokens",
    "trigrams",
]

#: A staff-maintained synonym list: each key and its values form one group
#: of interchangeable terms (words or phrases), e.g.
#: ``{"ggz": ["geestelijke gezondheidszorg"], "praathulp": ["psycholoog"]}``.
Synonyms: TypeAlias = Mapping[str, Collection[str]]

#: Dutch function words dropped from documents and queries. Kept short and
#: explicit (not the snowball list) so that it is obvious what never matches.
_STOP_WORDS_TEXT = """
    de het een en van voor in op met te bij naar om aan of die dat deze dit
    er is zijn was waren wordt worden werd ben bent heb hebt heeft hebben
    ik je jij u wij we ze zij hij hem haar hun hen mij me mijn jouw uw
    ons onze niet geen ook als maar over uit tot door dan wat wie hoe waar
    wanneer waarom welke zo nog al dus toch wel na tegen zonder
"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_WORDS_TEXT.split())

_LIGATURES = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
    }
)

# Linking morphemes between compound parts: rouwverwerking-s-groep,
# boek-en-club, zonn-e-bloem (old spelling).
_LINKERS: tuple[str, ...] = ("s", "en", "e")
# Inflections allowed after the last part (rouwgroep-en, praatgroep-s), so a
# plural compound still splits when only the singular is in the vocabulary.
_TAIL_ENDINGS: tuple[str, ...] = ("", "s", "en", "e", "n")


def fold(text: str) -> str:
    """Lower-case, strip accents, turn punctuation into single spaces.

    Letters and digits are kept; everything else separates words. "ĳ" (one
    code point) becomes "ij", "é"/"ë"/"ï" lose their accents.

    >>> fold("Ééndaagse  café-bijeenkomst (ĲSSEL), 2 keer per week!")
    'eendaagse cafe bijeenkomst ijssel 2 keer per week'
    """
    text = unicodedata.normalize("NFKD", text.lower()).translate(_LIGATURES)
    chars = [
        ch if ch.isalnum() else " " for ch in text if not unicodedata.combining(ch)
    ]
    return " ".join("".join(chars).split())


def tokens(text: str) -> list[str]:
    """The folded words of `text`, without stop words and single letters.

    Single digits stay ("1", "2"); a single letter is almost always the rest
    of an apostrophe ("auto's" -> "auto s") and is dropped.
    """
    return [
        word
        for word in fold(text).split()
        if word not in STOP_WORDS and (len(word) > 1 or word.isdigit())
    ]


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...


_local = threading.local()


def _stemmer() -> _Stemmer:
    # One stemmer per thread: snowball stemmers keep state while stemming.
    instance = cast("_Stemmer | None", getattr(_local, "stemmer", None))
    if instance is None:
        instance = cast("_Stemmer", snowballstemmer.stemmer("dutch_porter"))
        _local.stemmer = instance
    return instance


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The snowball ``dutch_porter`` stem of one folded word.

    ``dutch_porter`` is the algorithm behind PostgreSQL's ``dutch``
    configuration: "gesprekken" and "gesprek" both give "gesprek".
    """
    return str(_stemmer().stemWord(word))


def compound_parts(
    word: str, vocabulary: Collection[str], min_part: int = 4
) -> list[str]:
    """Split a compound into at least two words from `vocabulary`.

    Greedy longest match from the left with backtracking; between parts a
    linking "s", "en" or "e" may appear (rouwverwerking-s-groep, boek-en-club)
    and after the last part an inflection ("s", "en", "e", "n") is allowed
    (rouwgroep-en). Every part has at least `min_part` letters. `word` and
    the vocabulary are expected folded (see ``fold``). Returns [] when the
    word cannot be split completely.

    >>> compound_parts("rouwverwerkingsgroep", {"rouw", "verwerking", "groep"})
    ['rouw', 'verwerking', 'groep']
    """
    vocab = _as_set(vocabulary)
    if not vocab or len(word) < 2 * min_part:
        return []
    memo: dict[int, list[str] | None] = {}

    def split_from(start: int) -> list[str] | None:
        if start in memo:
            return memo[start]
        result: list[str] | None = None
        # The first part may not be the whole word: that is no split.
        longest = len(word) - (min_part if start == 0 else 0)
        for end in range(longest, start + min_part - 1, -1):
            part = word[start:end]
            if part not in vocab:
                continue
            rest = word[end:]
            if rest in _TAIL_ENDINGS and start > 0:
                result = [part]
                break
            for linker in ("", *_LINKERS):
                if not rest.startswith(linker):
                    continue
                following = end + len(linker)
                if len(word) - following < min_part:
                    continue
                tail = split_from(following)
                if tail is not None:
                    result = [part, *tail]
                    break
            if result is not None:
                break
        memo[start] = result
        return result

    return split_from(0) or []


def _all_parts(word: str, vocab: Collection[str], min_part: int = 4) -> list[str]:
    """Parts of `word` and, recursively, of those parts (largest first)."""
    found: list[str] = []
    pending = [word]
    while pending:
        current = pending.pop(0)
        for part in compound_parts(current, vocab, min_part):
            if part not in found:
                found.append(part)
                pending.append(part)
    return found


def _as_set(vocabulary: Collection[str]) -> Collection[str]:
    if isinstance(vocabulary, set | frozenset | dict):
        return vocabulary
    return frozenset(vocabulary)


def trigrams(word: str) -> set[str]:
    """pg_trgm's trigrams (as ``show_trgm``) of `word`.

    Like pg_trgm, the text is lower-cased and split into words at every
    character that is not a letter or digit; each word is padded with two
    spaces before and one after, and all three-character windows are taken.

    >>> sorted(trigrams("word"))
    ['  w', ' wo', 'ord', 'rd ', 'wor']
    """
    result: set[str] = set()
    for chunk in "".join(ch if ch.isalnum() else " " for ch in word.lower()).split():
        padded = f"  {chunk} "
        result.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return result


def similarity(a: str, b: str) -> float:
    """pg_trgm's ``similarity(a, b)``: shared trigrams over all trigrams.

    Returns 0.0 when either side has no trigrams, as pg_trgm does.
    PostgreSQL returns a ``real`` (float4); compare with a tolerance of 1e-7.

    >>> round(similarity("word", "two words"), 8)
    0.36363636
    """
    first, second = trigrams(a), trigrams(b)
    if not first or not second:
        return 0.0
    shared = len(first & second)
    return shared / (len(first) + len(second) - shared)


def _group_tokens(synonyms: Synonyms) -> list[list[tuple[tuple[str, ...], list[str]]]]:
    """Each group as its phrases: (stems, folded tokens) per phrase."""
    groups: list[list[tuple[tuple[str, ...], list[str]]]] = []
    for key, values in synonyms.items():
        members: list[tuple[tuple[str, ...], list[str]]] = []
        for phrase in (key, *values):
            words = tokens(phrase)
            if words:
                members.append((tuple(stem(word) for word in words), words))
        groups.append(members)
    return groups


def expand(terms: Iterable[str], synonyms: Synonyms) -> set[str]:
    """`terms` plus every synonym of them, as folded tokens.

    Groups work both ways ("ggz" gives "geestelijke" and "gezondheidszorg",
    and "geestelijke gezondheidszorg" gives "ggz"); a term matches a group
    member when their stems are equal, so "psychologen" finds "psycholoog".
    Expansion is one step: a synonym's own groups are not followed.
    """
    groups = _group_tokens(synonyms)
    result: set[str] = set()
    for term in terms:
        words = tokens(term)
        result.update(words)
        key = tuple(stem(word) for word in words)
        if not key:
            continue
        for members in groups:
            if any(stems == key for stems, _ in members):
                for _, member_words in members:
                    result.update(member_words)
    return result


def analyse(text: str, vocabulary: Collection[str] = ()) -> list[str]:
    """The index terms of a document: stems of its words and their parts.

    Each word contributes its stem, then the stems of its compound parts
    found in `vocabulary` (folded words). Terms are unique, in order of
    first appearance.
    """
    vocab = _as_set(vocabulary)
    terms: dict[str, None] = {}
    for word in tokens(text):
        terms[stem(word)] = None
        for part in _all_parts(word, vocab):
            terms[stem(part)] = None
    return list(terms)


def query_terms(
    query: str,
    synonyms: Synonyms = MappingProxyType({}),
    vocabulary: Collection[str] = (),
) -> list[set[str]]:
    """One set of acceptable stems per query word.

    A document matches when it has at least one stem from every set (AND
    over words, OR within a word). A word's set holds its stem, the stems of
    its compound parts and the stems of its synonyms; a multiword synonym
    ("geestelijke gezondheidszorg") found in the query adds its group's
    other members to each of its words.
    """
    vocab = _as_set(vocabulary)
    words = tokens(query)
    stems = [stem(word) for word in words]
    result: list[set[str]] = []
    for word, word_stem in zip(words, stems, strict=True):
        accepted = {word_stem}
        accepted.update(stem(part) for part in _all_parts(word, vocab))
        result.append(accepted)

    for members in _group_tokens(synonyms):
        for phrase, _ in members:
            size = len(phrase)
            others = {
                member_stem
                for member, _ in members
                if member != phrase
                for member_stem in member
            }
            for start in range(len(stems) - size + 1):
                if tuple(stems[start : start + size]) == phrase:
                    for index in range(start, start + size):
                        result[index].update(others)
    return result
