"""Keeping the search index in step with the directory.

Writers (the HSDS import, the maintenance screens, the demo) call
``reindex(service_ids)`` after changing services, or ``reindex_all()`` after
a bulk change. The index has three parts:

* ``SearchEntry``: per service, its analysed terms with their weights
  (see ``documents``);
* ``SearchTerm``: per term, how many services have it (the rarer a term,
  the more a match on it means), and under the empty term the number of
  services;
* ``SearchWord`` and ``SearchTrigram``: the vocabulary of folded words, for
  splitting compounds and for finding the word a typo meant.

Synonyms are not in the index: the search reads them when it runs, so a
synonym staff add works at once.

A service is found by its name, alternate name, description, who it is
for, its organisation's name, its taxonomy terms (``Attribute`` rows that
link it), its service areas, the towns of its locations and its region's
name ("landelijk" for a national service).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from uuid import UUID

from django.db import connection, transaction
from django.db.models import Count

from aandacht.socialmap.models import (
    Address,
    Attribute,
    SearchEntry,
    SearchTerm,
    SearchTrigram,
    SearchWord,
    Service,
    ServiceArea,
)
from aandacht.socialmap.search.documents import Analyser, Document, Field, words_of
from aandacht.socialmap.search.vocabulary import BASE_WORDS
from aandacht.socialmap.text import stem, trigrams

__all__ = ["ALL_SERVICES", "NATIONAL_WORD", "documents_of", "reindex", "reindex_all"]

#: The ``SearchTerm`` row that counts all services.
ALL_SERVICES = ""
#: Indexed as the area of a service without a region.
NATIONAL_WORD = "landelijk"
_CHUNK = 500


def reindex(service_ids: Iterable[UUID]) -> None:
    """Bring the search index of these services up to date.

    A service that no longer exists leaves the index. Runs in one
    transaction; safe to call with an empty list.
    """
    ids = list(dict.fromkeys(service_ids))
    if not ids:
        return
    with transaction.atomic():
        documents: dict[UUID, Document] = {}
        for chunk in _chunks(ids):
            documents.update(documents_of(chunk))
        new_words = words_of(documents.values())
        vocabulary = (
            set(SearchWord.objects.values_list("word", flat=True))
            | BASE_WORDS
            | new_words
        )
        analyser = Analyser(vocabulary)
        touched: set[str] = set()
        for chunk in _chunks(ids):
            entries = SearchEntry.objects.filter(service_id__in=chunk)
            touched.update(entries.values_list("term", flat=True))
            entries.delete()
        rows = [
            (service_id, term, weight)
            for service_id, document in documents.items()
            for term, weight in analyser.terms(document).items()
        ]
        _insert_entries(rows)
        touched.update(term for _id, term, _weight in rows)
        _add_words(new_words | BASE_WORDS)
        _recount(touched)


def reindex_all() -> None:
    """Rebuild the whole search index (after a bulk load, or to tidy up).

    Two passes over the services: the first collects the vocabulary, so
    every compound is split with all the words the directory has.
    """
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchTrigram.objects.all().delete()
        SearchWord.objects.all().delete()
        SearchTerm.objects.all().delete()
        ids = list(Service.objects.order_by("pk").values_list("pk", flat=True))
        words: set[str] = set(BASE_WORDS)
        for chunk in _chunks(ids):
            words |= words_of(documents_of(chunk).values())
        analyser = Analyser(frozenset(words))
        counts: Counter[str] = Counter()
        for chunk in _chunks(ids):
            rows = [
                (service_id, term, weight)
                for service_id, document in documents_of(chunk).items()
                for term, weight in analyser.terms(document).items()
            ]
            counts.update(term for _id, term, _weight in rows)
            _insert_entries(rows)
        _add_words(words)
        SearchTerm.objects.bulk_create(
            [SearchTerm(term=term, documents=n) for term, n in counts.items()]
            + [SearchTerm(term=ALL_SERVICES, documents=len(ids))],
            batch_size=2000,
        )


def documents_of(service_ids: Sequence[UUID]) -> dict[UUID, Document]:
    """The searchable texts of these services, in four queries."""
    texts: dict[UUID, list[tuple[Field, str]]] = {}
    services = Service.objects.filter(id__in=service_ids).values_list(
        "id",
        "name",
        "alternate_name",
        "description",
        "eligibility_description",
        "organization__name",
        "organization__alternate_name",
        "region__name",
    )
    for (
        pk,
        name,
        alternate,
        description,
        eligibility,
        organisation,
        organisation_alternate,
        region,
    ) in services.order_by():
        texts[pk] = [
            (Field.NAME, name),
            (Field.ALTERNATE_NAME, alternate),
            (Field.DESCRIPTION, description),
            (Field.ELIGIBILITY, eligibility),
            (Field.ORGANIZATION, organisation or ""),
            (Field.ORGANIZATION, organisation_alternate or ""),
            (Field.AREA, region or NATIONAL_WORD),
        ]
    terms = Attribute.objects.filter(
        link_entity="service", link_id__in=service_ids
    ).values_list("link_id", "taxonomy_term__name")
    for pk, term in terms.order_by():
        _add(texts, pk, Field.TAXONOMY, term)
    areas = ServiceArea.objects.filter(service_id__in=service_ids).values_list(
        "service_id", "name"
    )
    for pk, area in areas.order_by():
        _add(texts, pk, Field.AREA, area)
    located = ServiceArea.objects.filter(
        service_at_location__service_id__in=service_ids
    ).values_list("service_at_location__service_id", "name")
    cities = Address.objects.filter(
        location__service_at_locations__service_id__in=service_ids
    ).values_list("location__service_at_locations__service_id", "city")
    for pk, place in [*located.order_by(), *cities.order_by()]:
        _add(texts, pk, Field.AREA, place)
    return {pk: Document(tuple(parts)) for pk, parts in texts.items()}


def _add(
    texts: dict[UUID, list[tuple[Field, str]]],
    pk: UUID | None,
    kind: Field,
    text: str | None,
) -> None:
    if pk in texts and text:
        texts[pk].append((kind, text))


def _chunks(items: Sequence[UUID], size: int = _CHUNK) -> Iterator[list[UUID]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _insert_entries(rows: list[tuple[UUID, str, float]]) -> None:
    """Insert postings with one prepared statement (millions in a reindex_all)."""
    if not rows:
        return
    table = connection.ops.quote_name(SearchEntry._meta.db_table)
    field = SearchEntry._meta.get_field("service")
    to_db = field.get_db_prep_value
    sql = f"INSERT INTO {table} (service_id, term, weight) VALUES (%s, %s, %s)"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(
            sql,
            [
                (to_db(service_id, connection, prepared=False), term, weight)
                for service_id, term, weight in rows
            ],
        )


def _add_words(words: Iterable[str]) -> None:
    """Add the words the vocabulary lacks, with their stems and trigrams."""
    wanted = sorted(set(words))
    known: set[str] = set()
    for start in range(0, len(wanted), _CHUNK):
        known.update(
            SearchWord.objects.filter(
                word__in=wanted[start : start + _CHUNK]
            ).values_list("word", flat=True)
        )
    new = [word for word in wanted if word not in known]
    SearchWord.objects.bulk_create(
        [
            SearchWord(word=word, term=stem(word), trigram_count=len(trigrams(word)))
            for word in new
        ],
        batch_size=2000,
        ignore_conflicts=True,
    )
    rows: list[SearchTrigram] = []
    for start in range(0, len(new), _CHUNK):
        for pk, word in SearchWord.objects.filter(
            word__in=new[start : start + _CHUNK]
        ).values_list("pk", "word"):
            rows.extend(
                SearchTrigram(trigram=trigram, word_id=pk)
                for trigram in sorted(trigrams(word))
            )
    SearchTrigram.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)


def _recount(terms: set[str]) -> None:
    """Count the services of each term again, and all services."""
    ordered = sorted(terms)
    counts: dict[str, int] = {}
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start : start + _CHUNK]
        counts.update(dict.fromkeys(chunk, 0))
        counts.update(
            SearchEntry.objects.filter(term__in=chunk)
            .order_by()
            .values_list("term")
            .annotate(n=Count("id"))
            .values_list("term", "n")
        )
    counts[ALL_SERVICES] = Service.objects.count()
    SearchTerm.objects.bulk_create(
        [SearchTerm(term=term, documents=n) for term, n in counts.items()],
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["term"],
        update_fields=["documents"],
    )
