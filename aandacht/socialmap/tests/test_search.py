"""Searching the social map: what a volunteer notices when they type."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Q

from aandacht.core import services as core
from aandacht.core.models import Region
from aandacht.socialmap.models import (
    Address,
    Attribute,
    Location,
    Organization,
    SearchEntry,
    SearchTerm,
    Service,
    ServiceArea,
    ServiceAtLocation,
    Synonym,
    TaxonomyTerm,
)
from aandacht.socialmap.search.documents import PART_FACTOR, Analyser, Document, Field
from aandacht.socialmap.search.engine import search_services
from aandacht.socialmap.search.index import ALL_SERVICES, reindex, reindex_all


@pytest.fixture
def regions(db) -> dict[str, Region]:
    organisation = core.organisation_create(name="Testlijn")
    return {
        code: core.region_create(organisation=organisation, code=code, name=name)
        for code, name in (("zuid", "Zuid"), ("noord", "Noord"))
    }


def service(name: str, description: str = "", **fields: object) -> Service:
    created = Service.objects.create(name=name, description=description, **fields)
    reindex([created.id])
    return created


def found(query: str, **options: object) -> list[str]:
    hits = search_services(query, **options)  # type: ignore[arg-type]
    names = dict(Service.objects.values_list("id", "name"))
    return [names[hit.service_id] for hit in hits]


# -- what matches --------------------------------------------------------------


def test_a_word_finds_the_service_with_it_in_its_name(db):
    service("Rouwgroep Eindhoven", "Lotgenoten praten samen.")
    service("Taalcafé Helmond", "Nederlands oefenen.")
    assert found("taalcafé") == ["Taalcafé Helmond"]


def test_empty_and_stop_word_queries_find_nothing(db):
    service("Buurtcentrum De Poort", "Een inloop voor de buurt.")
    assert found("") == []
    assert found("   ") == []
    assert found("de het een voor") == []


def test_a_query_that_matches_nothing_gives_no_hits(db):
    service("Buurtcentrum De Poort", "Een inloop voor de buurt.")
    assert found("qwxzkj") == []


def test_inflections_find_each_other(db):
    service("Ouderenbond Tilburg", "Activiteiten voor ouderen.")
    service("Jongerenwerk Tilburg", "Voor jongeren van 12 tot 23.")
    assert found("oudere") == ["Ouderenbond Tilburg"]
    assert found("gesprekken ouderen")[0] == "Ouderenbond Tilburg"


def test_accents_do_not_matter(db):
    service("Café De Hoek", "Koffie en een praatje.")
    assert found("cafe") == ["Café De Hoek"]
    assert found("CAFÉ") == ["Café De Hoek"]


def test_a_part_of_a_compound_finds_the_compound(db):
    service("Rouwverwerkingsgroep Na het Afscheid", "Acht bijeenkomsten.")
    service("Wandelgroep De Stap", "Elke week samen wandelen, rouw is welkom.")
    assert found("rouw")[0] == "Rouwverwerkingsgroep Na het Afscheid"
    assert found("verwerking") == ["Rouwverwerkingsgroep Na het Afscheid"]


def test_a_compound_query_finds_its_parts(db):
    service("Praatgroep bij rouw", "Voor nabestaanden.")
    service("Wandelgroep", "Samen wandelen.")
    assert found("rouwgroepen")[0] == "Praatgroep bij rouw"


def test_a_typo_finds_the_word_meant(db):
    service("Maatschappelijk werk Eindhoven", "Hulp bij geld en wonen.")
    service("Aanpak eenzaamheid Assen", "Een bel- en bezoekdienst.")
    assert found("maatschapelijk") == ["Maatschappelijk werk Eindhoven"]
    assert found("eenzaamhied") == ["Aanpak eenzaamheid Assen"]


def test_a_known_word_is_never_read_as_a_typo(db):
    service("Rouwgroep", "Voor nabestaanden.")
    service("Bouwgroep", "Klussen in de buurt.")
    assert found("rouw") == ["Rouwgroep"]


def test_numbers_are_found_but_never_treated_as_typos(db):
    service("Zelfmoordpreventielijn 113", "Dag en nacht.")
    service("Spreekuur 112 uitleg", "Wanneer bel je wel en niet.")
    assert found("113") == ["Zelfmoordpreventielijn 113"]
    assert found("114") == []


# -- what a service is found by -------------------------------------------------


def test_taxonomy_terms_areas_towns_and_region_are_indexed(regions):
    with_term = service("De Linde", "Een huiskamer.")
    term = TaxonomyTerm.objects.create(name="Mantelzorgondersteuning")
    Attribute.objects.create(link_id=with_term.id, taxonomy_term=term)
    with_area = service("Het Anker", "Een huiskamer.")
    ServiceArea.objects.create(service=with_area, name="Veldhoven")
    in_town = service("De Brug", "Een huiskamer.")
    location = Location.objects.create()
    Address.objects.create(location=location, city="Zierikzee")
    ServiceAtLocation.objects.create(service=in_town, location=location)
    in_region = service("De Poort", "Een huiskamer.", region=regions["noord"])
    national = service("Het Baken", "Een huiskamer.")
    reindex([with_term.id, with_area.id, in_town.id, in_region.id, national.id])

    assert found("mantelzorgondersteuning") == ["De Linde"]
    assert found("mantelzorg") == ["De Linde"]
    assert found("veldhoven") == ["Het Anker"]
    assert found("zierikzee") == ["De Brug"]
    assert found("noord") == ["De Poort"]
    assert "Het Baken" in found("landelijk")


def test_the_organisation_name_is_indexed(db):
    organisation = Organization.objects.create(name="Stichting Zilverdraad")
    service("Belcirkel", "Een telefoontje per week.", organization=organisation)
    assert found("zilverdraad") == ["Belcirkel"]


def test_a_name_counts_more_than_a_description(db):
    service("Inloop De Boei", "Ook voor mantelzorgers is er koffie.")
    service("Steunpunt mantelzorgers", "Advies en respijtzorg.")
    assert found("mantelzorgers") == ["Steunpunt mantelzorgers", "Inloop De Boei"]


def test_services_answering_more_words_come_first(db):
    service("Schuldhulp Tilburg", "Hulp bij schulden.")
    service("Schuldhulp Groningen", "Hulp bij schulden.")
    service("Buurtcentrum Groningen", "Koffie.")
    assert found("schuldhulp groningen")[0] == "Schuldhulp Groningen"


def test_field_weights_in_the_index():
    analyser = Analyser(frozenset({"rouw", "groep"}))
    document = Document(
        (
            (Field.NAME, "Rouwgroep"),
            (Field.DESCRIPTION, "Een groep voor nabestaanden, een groep."),
        )
    )
    terms = analyser.terms(document)
    assert terms["rouwgroep"] == Field.NAME.weight
    assert terms["rouw"] == Field.NAME.weight * PART_FACTOR
    # Named (as a part) and described: the two fields add up, repeats do not.
    assert terms["groep"] == Field.NAME.weight * PART_FACTOR + Field.DESCRIPTION.weight
    assert "een" not in terms


# -- candidates ---------------------------------------------------------------


def test_the_candidates_restrict_the_hits(regions):
    service("Voedselbank Zuid", "Pakketten.", region=regions["zuid"])
    service("Voedselbank Noord", "Pakketten.", region=regions["noord"])
    service("Voedselbank landelijk", "Pakketten.")
    service(
        "Voedselbank gesloten",
        "Pakketten.",
        region=regions["zuid"],
        status=Service.Status.DEFUNCT,
    )
    zuid = Service.objects.filter(
        Q(region=regions["zuid"]) | Q(region__isnull=True),
        status=Service.Status.ACTIVE,
    )
    assert sorted(found("voedselbank", services=zuid)) == [
        "Voedselbank Zuid",
        "Voedselbank landelijk",
    ]
    assert len(found("voedselbank")) == 4


def test_limit_cuts_the_list_after_the_best(db):
    for number in range(5):
        service(f"Spreekuur {number}", "Hulp bij formulieren.")
    service("Formulierenhulp", "Hulp bij formulieren.")
    hits = found("formulieren", limit=2)
    assert len(hits) == 2
    assert hits[0] == "Formulierenhulp"
    assert found("formulieren", limit=0) == []


# -- synonyms -------------------------------------------------------------------


def test_a_synonym_staff_add_works_at_once_without_a_reindex(db):
    service("Praathulp Zuid", "Kortdurende begeleiding bij stress.")
    assert found("psycholoog") == []
    Synonym.objects.create(term="praathulp", synonyms="psycholoog\npsychologe")
    assert found("psycholoog") == ["Praathulp Zuid"]
    assert found("psychologen") == ["Praathulp Zuid"]
    Synonym.objects.all().delete()
    assert found("psycholoog") == []


def test_synonyms_work_both_ways_and_as_phrases(db):
    Synonym.objects.create(term="ggz", synonyms="geestelijke gezondheidszorg")
    service("Centrum voor Geestelijke Gezondheidszorg", "Behandeling bij angst.")
    service("GGZ Crisisdienst", "Dag en nacht.")
    assert set(found("ggz")) == {
        "Centrum voor Geestelijke Gezondheidszorg",
        "GGZ Crisisdienst",
    }
    assert found("ggz")[0] == "GGZ Crisisdienst"
    assert found("geestelijke gezondheidszorg")[0] == (
        "Centrum voor Geestelijke Gezondheidszorg"
    )
    assert "GGZ Crisisdienst" in found("geestelijke gezondheidszorg")


# -- keeping the index in step ------------------------------------------------


def test_a_renamed_service_is_found_by_its_new_name_after_reindex(db):
    renamed = service("Buurtcentrum De Poort", "Koffie.")
    renamed.name = "Wijkcentrum Het Anker"
    renamed.save()
    assert found("anker") == []  # until the writer calls reindex
    reindex([renamed.id])
    assert found("anker") == ["Wijkcentrum Het Anker"]
    assert found("poort") == []
    assert not SearchTerm.objects.filter(term="poort", documents__gt=0).exists()


def test_a_deleted_service_leaves_the_index(db):
    gone = service("Nachtopvang De Herberg", "Een bed voor de nacht.")
    service("Dagopvang", "Een plek overdag.")
    gone_id = gone.id
    gone.delete()
    reindex([gone_id])
    assert found("herberg") == []
    assert not SearchEntry.objects.filter(service_id=gone_id).exists()
    assert SearchTerm.objects.get(term=ALL_SERVICES).documents == 1


def test_reindex_of_every_service_equals_reindex_all(regions):
    organisation = Organization.objects.create(name="Stichting Samen")
    created = [
        Service.objects.create(
            name=name, description=text, organization=organisation, region=region
        )
        for name, text, region in (
            ("Rouwverwerkingsgroep", "Een groep bij verlies.", regions["zuid"]),
            ("Mantelzorgsteunpunt", "Steun voor mantelzorgers.", None),
            ("Taalcafé", "Nederlands oefenen in het café.", regions["noord"]),
        )
    ]
    reindex(service.id for service in created)
    one_by_one = set(SearchEntry.objects.values_list("service_id", "term", "weight"))
    counts = set(SearchTerm.objects.values_list("term", "documents"))
    reindex_all()
    assert set(SearchEntry.objects.values_list("service_id", "term", "weight")) == (
        one_by_one
    )
    assert set(SearchTerm.objects.values_list("term", "documents")) == counts


def test_reindex_of_nothing_changes_nothing(db):
    service("Buurtcentrum", "Koffie.")
    before = SearchEntry.objects.count()
    reindex([])
    assert SearchEntry.objects.count() == before


# -- cost -------------------------------------------------------------------------


def _searched(query: str) -> int:
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        search_services(query, services=Service.objects.all())
    return len(captured.captured_queries)


def test_a_search_costs_the_same_queries_for_one_hit_or_many(db):
    service("Steunpunt mantelzorg", "Advies.")
    for number in range(30):
        service(f"Vrijwilligerswerk {number}", "Klussen, koffie en advies.")
    one, many = found("mantelzorg"), found("vrijwilligerswerk")
    assert (len(one), len(many)) == (1, 20)
    # Synonyms, compound parts, term counts, the ranking.
    assert _searched("mantelzorg") == _searched("vrijwilligerswerk") == 4
    # A short word has no compound parts to look up.
    assert _searched("advies") == 3


def test_a_typo_costs_a_fixed_number_of_queries_more(db):
    for number in range(10):
        service(f"Maatschappelijk werk {number}", "Hulp bij geld.")
    # + the similar words (+ whether pg_trgm is there) + their term counts.
    extra = 3 if connection.vendor == "postgresql" else 2
    assert _searched("maatschapelijk") == 4 + extra
    assert len(found("maatschapelijk")) == 10


@pytest.mark.parametrize(
    "word",
    [
        "rouwverwerkingsgroep",
        "mantelzorgsteunpunt",
        "huisartsenpost",
        "ouderenbond",
        "rouwgroepen",
        "vrijwilligerswerk",
    ],
)
def test_the_pieces_looked_up_are_all_a_compound_split_needs(word):
    """The search looks up only pieces of the query words, not the vocabulary."""
    from aandacht.socialmap.search.query import substrings
    from aandacht.socialmap.search.vocabulary import BASE_WORDS
    from aandacht.socialmap.text import compound_parts

    vocabulary = BASE_WORDS | {"verwerking", "ouderen", "huisarts", "post", "bond"}
    narrowed = {piece for piece in substrings([word]) if piece in vocabulary}
    assert compound_parts(word, narrowed) == compound_parts(word, vocabulary)
    assert compound_parts(word, vocabulary)  # each of these does split
