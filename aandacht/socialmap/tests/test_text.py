"""The social map's Dutch text analysis (pure, no database)."""

from __future__ import annotations

import pytest

from aandacht.socialmap.text import (
    STOP_WORDS,
    analyse,
    compound_parts,
    expand,
    fold,
    query_terms,
    similarity,
    stem,
    tokens,
    trigrams,
)

SYNONYMS = {
    "ggz": ["geestelijke gezondheidszorg"],
    "praathulp": ["psycholoog"],
}
VOCABULARY = frozenset(
    {
        "rouw",
        "verwerking",
        "groep",
        "praat",
        "boek",
        "club",
        "gezondheid",
        "zorg",
        "geestelijke",
    }
)


# -- folding and tokens ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Café", "cafe"),
        ("één", "een"),
        ("Geëmigreerd", "geemigreerd"),
        ("naïef", "naief"),
        ("Ĳsselmonde", "ijsselmonde"),  # the single-code-point ij ligature
        ("ĳzer", "ijzer"),
        ("GGZ-instelling", "ggz instelling"),
        ("hulp (24/7), bel: 0800-0113!", "hulp 24 7 bel 0800 0113"),
        ("  veel   ruimte\n\tertussen ", "veel ruimte ertussen"),
        ("Straße", "strasse"),
        ("", ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_fold_makes_accented_and_plain_spellings_meet():
    assert fold("Crèche café") == fold("creche CAFE")


def test_tokens_drop_stop_words():
    assert tokens("Hulp bij eenzaamheid, voor u en uw familie!") == [
        "hulp",
        "eenzaamheid",
        "familie",
    ]


def test_tokens_drop_the_listed_stop_words():
    for word in ("de", "het", "een", "en", "van", "niet", "geen", "wie", "hoe"):
        assert word in STOP_WORDS
        assert tokens(word) == []


def test_tokens_keep_digits_and_drop_stray_letters():
    assert tokens("auto's 1 x 112") == ["auto", "1", "112"]


def test_stop_words_are_folded_before_matching():
    assert tokens("Éen HET Rouw") == ["rouw"]


# -- stemming -----------------------------------------------------------------


@pytest.mark.parametrize(
    "forms",
    [
        ("gesprek", "gesprekken"),
        ("vrijwilliger", "vrijwilligers"),
        ("eenzaam", "eenzaamheid", "eenzame"),
        ("hulpverlener", "hulpverleners"),
        ("schuld", "schulden"),
        ("groep", "groepen"),
        ("psycholoog", "psychologen"),
        ("oudere", "ouderen"),
        ("verwerking", "verwerkingen"),
        ("zorg", "zorgen"),
    ],
)
def test_inflections_meet_on_one_stem(forms):
    assert len({stem(form) for form in forms}) == 1


def test_stem_is_dutch_porter():
    # Values of the classic (Porter-based) Dutch snowball stemmer, which is
    # what PostgreSQL's 'dutch' configuration gives for these words.
    assert stem("gesprekken") == "gesprek"
    assert stem("eenzaamheid") == "eenzam"
    assert stem("verwerking") == "verwerk"
    assert stem("psychologen") == "psycholog"


# -- compounds ------------------------------------------------------------------


def test_compound_with_linking_s():
    assert compound_parts("rouwverwerkingsgroep", VOCABULARY) == [
        "rouw",
        "verwerking",
        "groep",
    ]
    assert compound_parts("gezondheidszorg", VOCABULARY) == ["gezondheid", "zorg"]


def test_compound_with_linking_en():
    assert compound_parts("boekenclub", VOCABULARY) == ["boek", "club"]


def test_compound_plain_and_inflected():
    assert compound_parts("praatgroep", VOCABULARY) == ["praat", "groep"]
    assert compound_parts("rouwgroepen", VOCABULARY) == ["rouw", "groep"]


def test_compound_prefers_the_longest_part_and_backtracks():
    vocabulary = {"rouw", "rouwver", "verwerking", "groep"}
    # "rouwver" is tried first but leaves "werkingsgroep", which does not
    # split; the splitter backs up to "rouw".
    assert compound_parts("rouwverwerkingsgroep", vocabulary) == [
        "rouw",
        "verwerking",
        "groep",
    ]
    assert compound_parts(
        "rouwverwerking", {"rouwverwerking", "rouw", "verwerking"}
    ) == [
        "rouw",
        "verwerking",
    ]


@pytest.mark.parametrize(
    "word",
    [
        "xyzgroep",  # unknown first part
        "rouwxyz",  # unknown last part
        "groep",  # a single known word is not a compound
        "boeken",  # nor is a known word with an ending
        "rouwsxgroep",  # junk between the parts
    ],
)
def test_no_split_without_a_full_split(word):
    assert compound_parts(word, VOCABULARY) == []


def test_no_split_below_min_part():
    assert compound_parts("dagje", {"dag", "je"}) == []
    assert compound_parts("zorgpad", {"zorg", "pad"}) == []
    assert compound_parts("zorgpad", {"zorg", "pad"}, min_part=3) == ["zorg", "pad"]


def test_no_split_with_an_empty_vocabulary():
    assert compound_parts("rouwverwerkingsgroep", ()) == []


def test_vocabulary_may_be_any_collection():
    assert compound_parts("boekenclub", ["boek", "club"]) == ["boek", "club"]


# -- trigrams: the same numbers as PostgreSQL's pg_trgm ------------------------------


def test_trigrams_like_show_trgm():
    # SELECT show_trgm('word');  {"  w"," wo","ord","rd ","wor"}
    assert trigrams("word") == {"  w", " wo", "wor", "ord", "rd "}
    # SELECT show_trgm('Two words');
    assert trigrams("Two words") == {
        "  t",
        " tw",
        "two",
        "wo ",
        "  w",
        " wo",
        "wor",
        "ord",
        "rds",
        "ds ",
    }


def test_trigrams_are_a_set():
    # "  aaaa " has the window "aaa" twice; pg_trgm counts it once.
    assert trigrams("aaaa") == {"  a", " aa", "aaa", "aa "}


def test_trigrams_of_short_and_empty_input():
    assert trigrams("a") == {"  a", " a "}
    assert trigrams("") == set()
    assert trigrams("!?") == set()


def test_similarity_matches_the_postgresql_documentation():
    # pg_trgm docs: similarity('word', 'two words') = 0.36363637 (a float4).
    assert similarity("word", "two words") == pytest.approx(0.36363637, abs=1e-7)
    assert similarity("word", "two words") == 4 / 11


def test_similarity_of_a_typo_computed_by_hand():
    # "  rouwgroep " -> 10 trigrams; "  rouwgreop " -> 10 trigrams; they share
    # "  r", " ro", "rou", "ouw", "uwg", "wgr": 6 / (10 + 10 - 6) = 0.42857143.
    assert similarity("rouwgroep", "rouwgreop") == pytest.approx(0.42857143, abs=1e-7)
    # "  eenzaam " -> 8 trigrams, "  eenzam " -> 7; shared are "  e", " ee",
    # "een", "enz", "nza" and "am ": 6 / (8 + 7 - 6) = 0.6666667.
    assert similarity("eenzaam", "eenzam") == pytest.approx(0.6666667, abs=1e-7)


def test_similarity_edges():
    assert similarity("rouw", "rouw") == 1.0
    assert similarity("ROUW", "rouw") == 1.0
    assert similarity("rouw", "xyz") == 0.0
    assert similarity("", "") == 0.0
    assert similarity("rouw", "") == 0.0
    assert similarity("a", "b") == pytest.approx(0.0)


def test_similarity_is_symmetric():
    assert similarity("vrijwilliger", "vrijwiliger") == similarity(
        "vrijwiliger", "vrijwilliger"
    )


# -- synonyms -----------------------------------------------------------------


def test_expand_from_key_to_multiword_synonym():
    assert expand(["ggz"], SYNONYMS) == {"ggz", "geestelijke", "gezondheidszorg"}


def test_expand_from_multiword_synonym_back_to_key():
    assert expand(["Geestelijke gezondheidszorg"], SYNONYMS) == {
        "ggz",
        "geestelijke",
        "gezondheidszorg",
    }


def test_expand_both_ways_and_through_inflection():
    assert expand(["praathulp"], SYNONYMS) == {"praathulp", "psycholoog"}
    assert expand(["psycholoog"], SYNONYMS) == {"praathulp", "psycholoog"}
    assert expand(["psychologen"], SYNONYMS) == {
        "psychologen",
        "praathulp",
        "psycholoog",
    }


def test_expand_leaves_unknown_terms_alone():
    assert expand(["buurthuis"], SYNONYMS) == {"buurthuis"}
    assert expand([], SYNONYMS) == set()
    # One word of a multiword synonym does not pull in the group.
    assert expand(["gezondheidszorg"], SYNONYMS) == {"gezondheidszorg"}


def test_expand_is_one_step():
    synonyms = {"a1": ["b2"], "b2": ["c3"]}
    assert expand(["a1"], synonyms) == {"a1", "b2"}
    assert expand(["b2"], synonyms) == {"a1", "b2", "c3"}


# -- analyse and query_terms ---------------------------------------------------------

DOCUMENT = "Praatgroep voor rouw en verwerking bij de geestelijke gezondheidszorg"


def matches(query_sets: list[set[str]], document_terms: list[str]) -> bool:
    terms = set(document_terms)
    return bool(query_sets) and all(accepted & terms for accepted in query_sets)


def test_analyse_gives_stems_and_compound_part_stems():
    assert analyse(DOCUMENT, VOCABULARY) == [
        "praatgroep",
        stem("praat"),
        "groep",
        "rouw",
        "verwerk",
        "geestelijk",
        "gezondheidszorg",
        stem("gezondheid"),
        "zorg",
    ]


def test_analyse_without_vocabulary_has_no_parts_and_no_duplicates():
    assert analyse("Gesprekken, gesprek, GESPREK en de groep") == ["gesprek", "groep"]


def test_analyse_splits_parts_of_parts():
    vocabulary = {"rouwverwerking", "rouw", "verwerking", "groep"}
    assert analyse("rouwverwerkingsgroep", vocabulary) == [
        "rouwverwerkingsgroep",
        "rouwverwerk",
        "groep",
        "rouw",
        "verwerk",
    ]


def test_query_terms_one_set_per_word():
    assert query_terms("ggz rouwverwerking", SYNONYMS, VOCABULARY) == [
        {"ggz", "geestelijk", "gezondheidszorg"},
        {"rouwverwerk", "rouw", "verwerk"},
    ]


def test_query_ggz_rouwverwerking_finds_the_praatgroep():
    document = analyse(DOCUMENT, VOCABULARY)
    assert matches(query_terms("ggz rouwverwerking", SYNONYMS, VOCABULARY), document)
    assert matches(query_terms("GGZ, rouw", SYNONYMS, VOCABULARY), document)
    assert matches(query_terms("praatgroepen", SYNONYMS, VOCABULARY), document)
    assert matches(query_terms("groep", SYNONYMS, VOCABULARY), document)
    # AND across query words: a word the document lacks rules it out.
    assert not matches(query_terms("ggz schulden", SYNONYMS, VOCABULARY), document)
    # Without the synonym list "ggz" finds nothing.
    assert not matches(query_terms("ggz rouwverwerking", {}, VOCABULARY), document)


def test_query_multiword_synonym_finds_the_abbreviation():
    document = analyse("Inloop van de GGZ voor jongeren")
    sets = query_terms("geestelijke gezondheidszorg jongeren", SYNONYMS)
    assert sets[0] == {"geestelijk", "ggz"}
    assert sets[1] == {"gezondheidszorg", "ggz"}
    assert matches(sets, document)


def test_query_synonym_both_ways():
    assert matches(
        query_terms("psycholoog", SYNONYMS), analyse("Praathulp voor studenten")
    )
    assert matches(
        query_terms("praathulp", SYNONYMS), analyse("Een psycholoog in de wijk")
    )


def test_query_of_only_stop_words_has_no_terms():
    assert query_terms("de en van het", SYNONYMS, VOCABULARY) == []
