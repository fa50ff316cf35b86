"""The vocabulary words a typo most likely meant.

On PostgreSQL with pg_trgm, ``word % 'eenzaamhied'`` finds the candidates
through the GIN trigram index on the vocabulary. Elsewhere (SQLite, or a
PostgreSQL test database where the extension was not created because tests
skip migrations) the ``SearchTrigram`` table gives the words that share a
trigram, with how many they share. Either way the similarity is then
computed by ``text.similarity``, which is pg_trgm's ``similarity()``
exactly, and the same threshold (pg_trgm's default, 0.3) and tie-break (the
word) apply, so both paths choose the same words.

Only words of services that still exist count: a candidate's term must be
in at least one service.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models import Count, QuerySet

from aandacht.socialmap.models import SearchTerm, SearchTrigram, SearchWord
from aandacht.socialmap.text import similarity, trigrams

#: pg_trgm's default ``pg_trgm.similarity_threshold``, which ``%`` uses.
THRESHOLD = 0.3
#: How many similar words stand in for one typo.
CHOICES = 3
#: Shorter words and numbers are never treated as typos.
MIN_LENGTH = 4

_EXTENSION_SQL = "SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'"


def can_be_typo(word: str) -> bool:
    return len(word) >= MIN_LENGTH and not word.isdigit()


def similar_terms(words: Iterable[str]) -> dict[str, dict[str, float]]:
    """Per word, the terms of its most similar vocabulary words (best first).

    One query per word (plus one on PostgreSQL to see whether pg_trgm is
    there); none when there is no word.
    """
    wanted = [word for word in dict.fromkeys(words) if can_be_typo(word)]
    if not wanted:
        return {}
    lookup = _pg_trgm_candidates if uses_pg_trgm() else _table_candidates
    return {word: best_terms(word, lookup(word)) for word in wanted}


def uses_pg_trgm() -> bool:
    """Whether this database has pg_trgm (the migration creates it)."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute(_EXTENSION_SQL)
        return cursor.fetchone() is not None


def best_terms(word: str, candidates: Iterable[tuple[str, str]]) -> dict[str, float]:
    """The terms of the `CHOICES` most similar (word, term) candidates.

    Ties go to the alphabetically first word, so the choice never depends
    on the order the database returned the rows in.
    """
    scored = sorted(
        (-similarity(word, candidate), candidate, term)
        for candidate, term in candidates
        if candidate != word
    )
    chosen: dict[str, float] = {}
    for negative, _candidate, term in scored:
        if -negative < THRESHOLD:
            break
        if term not in chosen:
            chosen[term] = -negative
        if len(chosen) == CHOICES:
            break
    return chosen


def _live_terms() -> QuerySet[SearchTerm, str]:
    return SearchTerm.objects.filter(documents__gt=0).values_list("term", flat=True)


def _pg_trgm_candidates(word: str) -> list[tuple[str, str]]:
    table = connection.ops.quote_name(SearchWord._meta.db_table)
    terms = connection.ops.quote_name(SearchTerm._meta.db_table)
    sql = (
        f"SELECT w.word, w.term FROM {table} w "  # noqa: S608
        f"JOIN {terms} t ON t.term = w.term AND t.documents > 0 "
        "WHERE w.word %% %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [word])
        return [(str(found), str(term)) for found, term in cursor.fetchall()]


def _table_candidates(word: str) -> list[tuple[str, str]]:
    """Words sharing enough trigrams with `word` to reach the threshold.

    similarity = shared / (|a| + |b| - shared), so the count of shared
    trigrams alone already rules most words out in SQL.
    """
    grams = sorted(trigrams(word))
    rows = (
        SearchTrigram.objects.filter(trigram__in=grams, word__term__in=_live_terms())
        .order_by()
        .values("word__word", "word__term", "word__trigram_count")
        .annotate(shared=Count("id"))
    )
    return [
        (row["word__word"], row["word__term"])
        for row in rows
        if row["shared"]
        >= THRESHOLD * (len(grams) + row["word__trigram_count"] - row["shared"]) - 1e-9
    ]
