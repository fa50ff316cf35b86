"""Ranking in one SQL statement, the same arithmetic on both databases.

Why in SQL: a frequent word ("hulp", "ouderen") has tens of thousands of
index entries at national scale; turning each into a Python object costs
far more than the 30 ms a search may take. The database aggregates them and
returns only the best `limit` services.

Why the two databases still rank alike: the statement only takes the
maximum of stored weights, multiplies them by coefficients computed here
and adds them up in a fixed order: IEEE double arithmetic that PostgreSQL
(``double precision``) and SQLite (``REAL``) carry out identically. No
``SUM`` over rows (whose order could differ), no database functions other
than ``MAX``/``GREATEST`` and ``COALESCE``. Ties go to the lowest service
id (a UUID sorts the same as its 32 hex digits).

The score (see ``engine``): per query word, the best of its alternatives,
each its factor times the mean over its terms of weight * rarity; services
answering more query words come first, then the higher score.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db import connection
from django.db.models import QuerySet

from aandacht.socialmap.models import SearchEntry, Service
from aandacht.socialmap.search.query import QueryWord

#: A secondary term in more than this share of the services is left out ...
COMMON_SHARE = 0.05
#: ... but only once it is in more services than this.
COMMON_FLOOR = 1000


@dataclass(frozen=True)
class Ranked:
    service_id: UUID
    matched_words: int
    score: float


def is_common(documents: int, total: int) -> bool:
    """Whether a term is in so many services that, found by the search
    itself (a compound part, a word of a synonym), it says next to nothing.

    Such a term ("zorg" from the synonym "zorgen voor een naaste", "werk"
    from "vrijwilligerswerk") would cost tens of thousands of index entries
    at national scale for a sliver of score. A term the volunteer typed is
    always used. Small directories keep everything (``COMMON_FLOOR``).
    """
    return documents > max(COMMON_FLOOR, COMMON_SHARE * total)


def rarity(documents: int, total: int) -> float:
    """How much a match on a term with `documents` services of `total` means."""
    return math.log(1 + max(total, 1) / documents)


def coefficients(
    words: Sequence[QueryWord], documents: Mapping[str, int], total: int
) -> list[list[dict[str, float]]]:
    """Per word, per alternative: each indexed term's coefficient.

    factor * rarity / number of terms, so that the alternative's score is
    the sum of weight * coefficient. Terms no service has are left out, and
    so are very common terms of secondary alternatives (see ``is_common``);
    an alternative left without terms is dropped.
    """
    result: list[list[dict[str, float]]] = []
    for word in words:
        alternatives = []
        for alternative in word.alternatives:
            share = alternative.factor / len(alternative.terms)
            terms = {
                term: share * rarity(documents[term], total)
                for term in alternative.terms
                if documents.get(term, 0) > 0
                and not (alternative.secondary and is_common(documents[term], total))
            }
            if terms:
                alternatives.append(terms)
        result.append(alternatives)
    return result


def ranked(
    words: Sequence[QueryWord],
    documents: Mapping[str, int],
    total: int,
    services: QuerySet[Service] | None,
    limit: int,
) -> list[Ranked]:
    """The best `limit` services for these query words, best first."""
    per_word = [alts for alts in coefficients(words, documents, total) if alts]
    terms = sorted({term for alts in per_word for alt in alts for term in alt})
    if not terms:
        return []
    column = {term: f"t{number}" for number, term in enumerate(terms)}
    # Parameters in the order their placeholders appear in the statement.
    word_params: list[Any] = []
    params: list[Any] = []

    entry_table = connection.ops.quote_name(SearchEntry._meta.db_table)
    per_term_columns = []
    for term in terms:
        per_term_columns.append(
            f"MAX(CASE WHEN e.term = %s THEN e.weight END) AS {column[term]}"
        )
        params.append(term)
    where = f"e.term IN ({', '.join(['%s'] * len(terms))})"
    params.extend(terms)
    if services is not None:
        candidates, candidate_params = (
            services.order_by().values("pk").query.sql_with_params()
        )
        # SQLite would otherwise walk the candidates and probe each one's
        # entries (5,000 services of a region x every term): scanning the
        # terms' entries and checking each against the candidates is 2-3
        # times faster. The unary plus only hides the column from the planner.
        hide = "+" if connection.vendor == "sqlite" else ""
        where += f" AND {hide}e.service_id IN ({candidates})"
        params.extend(candidate_params)

    word_columns = []
    for number, alternatives in enumerate(per_word):
        expressions = []
        for alternative in alternatives:
            parts = []
            for term, coefficient in alternative.items():
                parts.append(f"COALESCE({column[term]}, 0.0) * %s")
                word_params.append(coefficient)
            expressions.append("(" + " + ".join(parts) + ")")
        word_columns.append(f"{_greatest(expressions)} AS w{number}")

    word_names = [f"w{number}" for number in range(len(per_word))]
    coverage = " + ".join(f"(CASE WHEN {w} > 0 THEN 1 ELSE 0 END)" for w in word_names)
    score = " + ".join(word_names)
    sql = (
        f"SELECT service_id, {coverage} AS coverage, {score} AS score FROM ("  # noqa: S608
        f"SELECT service_id, {', '.join(word_columns)} FROM ("
        f"SELECT e.service_id AS service_id, {', '.join(per_term_columns)} "
        f"FROM {entry_table} e WHERE {where} GROUP BY e.service_id"
        ") per_term) per_word "
        "ORDER BY coverage DESC, score DESC, service_id LIMIT %s"
    )
    params = [*word_params, *params, limit]
    field = SearchEntry._meta.get_field("service").target_field
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [
        Ranked(
            service_id=field.to_python(service_id),
            matched_words=int(matched),
            score=float(total_score),
        )
        for service_id, matched, total_score in rows
        if matched
    ]


def _greatest(expressions: list[str]) -> str:
    if len(expressions) == 1:
        return expressions[0]
    function = "GREATEST" if connection.vendor == "postgresql" else "MAX"
    return f"{function}({', '.join(expressions)})"
