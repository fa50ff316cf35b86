"""Search the social map: most relevant services first.

``search_services("rouwgroep eindhoven", services=...)`` reads, in a fixed
number of queries whatever the number of hits:

1. the synonym list (read at query time, so staff's edits work at once);
2. the vocabulary words that could be compound parts of the query words;
3. how many services have each candidate term (and how many there are);
4. only for a word none of whose terms is indexed: the most similar
   vocabulary words (pg_trgm or the trigram table, see ``typos``);
5. the best services, ranked by the database in one statement (see
   ``ranking``).

A service's score adds up, per query word, the best of the word's
alternatives (see ``query``): each alternative's factor times the mean over
its terms of the entry's weight (field weights, see ``documents``) times the
term's rarity, ``ln(1 + services / services with the term)``. Services that
answer more of the query's words come first; within those, the higher
score; then the service id, so the order is stable.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.db.models import QuerySet

from aandacht.socialmap.models import (
    SearchTerm,
    SearchWord,
    Service,
    Synonym,
)
from aandacht.socialmap.search import query as q
from aandacht.socialmap.search.index import ALL_SERVICES
from aandacht.socialmap.search.ranking import ranked
from aandacht.socialmap.search.typos import similar_terms

__all__ = ["Hit", "search_services"]


@dataclass(frozen=True)
class Hit:
    """One service found: how many of the query's words it answers, and its score."""

    service_id: UUID
    score: float
    matched_words: int


def search_services(
    query: str, *, services: QuerySet[Service] | None = None, limit: int = 20
) -> list[Hit]:
    """The services that best answer `query`, most relevant first.

    `services` restricts the candidates (a region's active services and the
    national ones, or the API's filters); None means every service. An
    empty or stop-word-only query, or one that matches nothing, gives [].
    """
    words = q.words_of(query)
    if not words or limit <= 0:
        return []
    groups = q.synonym_groups(
        (term, synonyms.splitlines())
        for term, synonyms in Synonym.objects.values_list("term", "synonyms")
    )
    pieces = q.substrings(words)
    vocabulary = (
        set(SearchWord.objects.filter(word__in=pieces).values_list("word", flat=True))
        if pieces
        else set()
    )
    query_words = q.query_words(words, vocabulary, groups)
    terms = {term for word in query_words for term in word.terms}
    documents = _documents({*terms, ALL_SERVICES})
    missing = [
        word.word
        for word in query_words
        if not any(documents.get(term, 0) for term in word.terms)
    ]
    if missing:
        similar = similar_terms(missing)
        query_words = [
            q.with_typos(word, similar.get(word.word, {}), documents)
            for word in query_words
        ]
        typo_terms = {term for found in similar.values() for term in found}
        if typo_terms:
            documents.update(_documents(typo_terms))
    total = documents.get(ALL_SERVICES, 0)
    return [
        Hit(found.service_id, found.score, found.matched_words)
        for found in ranked(query_words, documents, total, services, limit)
    ]


def _documents(terms: set[str]) -> dict[str, int]:
    return dict(
        SearchTerm.objects.filter(term__in=terms).values_list("term", "documents")
    )
