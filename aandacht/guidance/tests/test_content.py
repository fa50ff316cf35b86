"""The guidance content files: complete in both languages, sourced, consistent.

Pure tests: no database, no Django. The broken-content cases work on copies
in ``tmp_path``, written back with the small TOML writer below (the standard
library reads TOML but does not write it).
"""

from __future__ import annotations

import json
import shutil
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeGuard

import pytest

from aandacht.guidance import content
from aandacht.guidance.content import (
    CONTENT_DIR,
    LANGUAGES,
    TYPE_CODES,
    ContentError,
    load,
    type_for_answers,
    validate,
)

Data = dict[str, Any]


# -- a minimal TOML writer, enough for these files ---------------------------


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    raise TypeError(value)


def _is_table_list(value: object) -> TypeGuard[list[Data]]:
    return isinstance(value, list) and bool(value) and isinstance(value[0], dict)


def _key(key: str) -> str:
    return key if key.replace("_", "").replace("-", "").isalnum() else json.dumps(key)


def _write_table(lines: list[str], table: Data, prefix: str) -> None:
    for key, value in table.items():
        if not isinstance(value, dict) and not _is_table_list(value):
            lines.append(f"{_key(key)} = {_scalar(value)}")
    for key, value in table.items():
        name = f"{prefix}.{_key(key)}" if prefix else _key(key)
        if isinstance(value, dict):
            lines.append(f"\n[{name}]")
            _write_table(lines, value, name)
        elif _is_table_list(value):
            for item in value:
                lines.append(f"\n[[{name}]]")
                _write_table(lines, item, name)


def dump_toml(data: Data) -> str:
    lines: list[str] = []
    _write_table(lines, data, "")
    return "\n".join(lines) + "\n"


# -- helpers ------------------------------------------------------------------


def read(language: str, directory: Path = CONTENT_DIR) -> Data:
    with (directory / f"guidance.{language}.toml").open("rb") as handle:
        return tomllib.load(handle)


def leaf_paths(node: object, path: str = "") -> Iterator[str]:
    """Every key path in a parsed file; list entries as ``[i]``."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaf_paths(value, f"{path}.{key}" if path else key)
    elif _is_table_list(node):
        for index, item in enumerate(node):
            yield from leaf_paths(item, f"{path}[{index}]")
    else:
        yield path


def text_tables(node: object, path: str = "") -> Iterator[tuple[str, Data]]:
    """Every table that carries a ``text`` (everything shown to people)."""
    if isinstance(node, dict):
        if isinstance(node.get("text"), str):
            yield path, node
        for key, value in node.items():
            yield from text_tables(value, f"{path}.{key}" if path else key)
    elif _is_table_list(node):
        for index, item in enumerate(node):
            yield from text_tables(item, f"{path}[{index}]")


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    for language in LANGUAGES:
        name = f"guidance.{language}.toml"
        shutil.copy(CONTENT_DIR / name, tmp_path / name)
    return tmp_path


def edit(directory: Path, language: str, change: Callable[[Data], object]) -> None:
    data = read(language, directory)
    change(data)
    (directory / f"guidance.{language}.toml").write_text(
        dump_toml(data), encoding="utf-8"
    )


def edit_both(directory: Path, change: Callable[[Data], object]) -> None:
    for language in LANGUAGES:
        edit(directory, language, change)


def problems_mentioning(problems: list[str], *parts: str) -> list[str]:
    return [p for p in problems if all(part in p for part in parts)]


# -- the real files -----------------------------------------------------------


def test_the_real_files_have_no_problems() -> None:
    assert validate() == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_loads_completely(language: str) -> None:
    guidance = load(language)

    assert guidance.language == language
    assert guidance.version == load("nl").version
    assert tuple(guidance.types) == TYPE_CODES
    assert set(guidance.flags) == set(content.FLAG_CODES)
    assert set(guidance.coping_styles) == set(content.COPING_STYLE_CODES)
    assert tuple(guidance.lessons) == content.LESSON_CODES
    assert list(guidance.self_test.items) == list(range(1, 12))
    assert set(guidance.self_test.results) == set(content.SELF_TEST_RESULTS)
    for code in TYPE_CODES:
        assert len(guidance.vignettes_for(code)) >= 2
        for category in guidance.types[code].social_map:
            assert category in guidance.social_map_categories


def test_both_languages_have_exactly_the_same_keys() -> None:
    nl, en = (set(leaf_paths(read(language))) for language in LANGUAGES)

    assert sorted(nl - en) == [], "keys only in the Dutch file"
    assert sorted(en - nl) == [], "keys only in the English file"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_has_a_source(language: str) -> None:
    tables = list(text_tables(read(language)))

    assert len(tables) > 100
    for path, table in tables:
        assert str(table.get("text", "")).strip(), f"{path}: empty text"
        assert str(table.get("source", "")).strip(), f"{path}: no source"


def test_the_typology_is_cited_as_the_brief_asks() -> None:
    assert load("nl").citation == "Machielse (2011), samengevat in Kreuger (2011)"
    assert load("en").citation == "Machielse (2011), as summarised in Kreuger (2011)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_lesson_on_types_says_it_is_an_aid_built_on_older_people(
    language: str,
) -> None:
    words = {"nl": ("hulpmiddel", "ouderen"), "en": ("aid", "older people")}
    lesson = " ".join(p.text for p in load(language).lessons["types"].paragraphs)

    for word in words[language]:
        assert word in lesson


def test_the_default_content_is_read_once() -> None:
    assert load("nl") is load("nl")
    assert load("nl", CONTENT_DIR) is load("nl")


def test_the_decision_rule_covers_the_grid() -> None:
    assert type_for_answers("thinning", "no", "yes") == "actives"
    assert type_for_answers("thinning", "no", "no") == "sheltered"
    assert type_for_answers("small_network_lost", "no", "yes") == "left_behind"
    assert type_for_answers("small_network_lost", "yes", "no") == "dependents"
    assert type_for_answers("lifelong", "no", "yes") == "compensators"
    assert type_for_answers("lifelong", "no", "no") == "outsiders"
    assert type_for_answers("lifelong", "yes", "yes") == "hopeful"
    assert type_for_answers("lifelong", "yes", "no") == "survivors"
    assert type_for_answers("lifelong", "unknown", "yes") is None
    assert type_for_answers("unknown", "no", "yes") is None
    assert type_for_answers("thinning", "no", "unknown") is None


def test_the_decision_rule_agrees_with_the_typology_module() -> None:
    """content.py repeats the rule so it stays pure; the two must not drift."""
    from aandacht.guidance import typology

    for network in ("thinning", "small_network_lost", "lifelong", "unknown"):
        for psychiatric in ("yes", "no", "unknown"):
            for participation in ("yes", "no", "unknown"):
                answers = {
                    "network": network,
                    "psychiatric": psychiatric,
                    "participation": participation,
                }
                assert type_for_answers(**answers) == typology.assess(**answers).type
    assert tuple(typology.TYPES) == TYPE_CODES
    assert set(typology.FLAGS) <= set(content.FLAG_CODES)  # crisis is not from it


# -- broken copies --------------------------------------------------------------


def test_the_writer_round_trips_the_real_files(copy: Path) -> None:
    edit_both(copy, lambda data: None)

    for language in LANGUAGES:
        assert read(language, copy) == read(language)
    assert validate(copy) == []


def test_a_key_missing_in_one_language_is_named(copy: Path) -> None:
    edit(copy, "en", lambda data: data["types"]["actives"].pop("avoid"))

    problems = validate(copy)

    assert problems_mentioning(problems, "guidance.en.toml", "types.actives.avoid")
    assert not [p for p in problems if p.startswith("guidance.nl.toml")]


def test_a_lesson_paragraph_missing_in_one_language_is_named(copy: Path) -> None:
    edit(copy, "nl", lambda data: data["lessons"]["spiral"]["paragraphs"].pop())

    problems = validate(copy)

    assert problems_mentioning(problems, "lessons.spiral.paragraphs", "5 entries")


def test_a_missing_source_is_named(copy: Path) -> None:
    edit(copy, "nl", lambda data: data["flags"]["crisis"].pop("source"))

    problems = validate(copy)

    assert problems_mentioning(problems, "guidance.nl.toml", "flags.crisis.source")


def test_a_missing_source_in_a_paragraph_is_named(copy: Path) -> None:
    edit(
        copy, "en", lambda data: data["lessons"]["types"]["paragraphs"][4].pop("source")
    )

    assert problems_mentioning(
        validate(copy), "guidance.en.toml", "lessons.types.paragraphs[4].source"
    )


@pytest.mark.parametrize(
    "path",
    [
        ("types", "hopeful", "chances"),
        ("vignettes", "outsiders_2", "explanation"),
        ("self_test", "items", "7"),
    ],
)
def test_an_empty_text_is_named(copy: Path, path: tuple[str, ...]) -> None:
    def empty(data: Data) -> None:
        node = data
        for key in path:
            node = node[key]
        node["text"] = "  "

    edit(copy, "nl", empty)

    problems = validate(copy)

    assert problems_mentioning(problems, "guidance.nl.toml", ".".join(path) + ".text")


def test_an_empty_source_is_named(copy: Path) -> None:
    edit(
        copy,
        "en",
        lambda data: data["social_map_categories"]["vraagwijzer"].update(source=""),
    )

    assert problems_mentioning(
        validate(copy), "guidance.en.toml", "social_map_categories.vraagwijzer.source"
    )


def test_a_vignette_whose_answers_lead_elsewhere_is_named(copy: Path) -> None:
    edit_both(
        copy, lambda data: data["vignettes"]["actives_1"].update(participation="no")
    )

    problems = validate(copy)

    assert problems_mentioning(
        problems, "vignettes.actives_1", "'sheltered'", "'actives'"
    )


def test_a_vignette_with_an_unknown_answer_is_named(copy: Path) -> None:
    edit_both(
        copy, lambda data: data["vignettes"]["hopeful_2"].update(network="unknown")
    )

    assert problems_mentioning(validate(copy), "vignettes.hopeful_2.network", "unknown")


def test_too_few_vignettes_for_a_type_is_named(copy: Path) -> None:
    edit_both(copy, lambda data: data["vignettes"].pop("survivors_2"))

    assert problems_mentioning(validate(copy), "vignettes", "'survivors'", "1 vignette")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["types"]["actives"]["looks_for"]["sought"].append("advice"),
            "advice",
        ),
        (
            lambda d: d["types"]["outsiders"]["coping"].update(styles=["hiding"]),
            "hiding",
        ),
        (
            lambda d: d["types"]["hopeful"]["social_map"].append("bingo_club"),
            "bingo_club",
        ),
        (lambda d: d["types"].update(wanderers=d["types"]["actives"]), "wanderers"),
        (lambda d: d["flags"].update(urgent=d["flags"]["crisis"]), "urgent"),
        (lambda d: d["vignettes"]["actives_2"].update(type="activists"), "activists"),
        (
            lambda d: d["coping_styles"].update(
                prayer=d["coping_styles"]["lowering_standards"]
            ),
            "prayer",
        ),
    ],
)
def test_a_bad_code_is_named(
    copy: Path, change: Callable[[Data], object], expected: str
) -> None:
    edit_both(copy, change)

    assert problems_mentioning(validate(copy), expected)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["types"].pop("survivors"), "types.survivors"),
        (lambda d: d["flags"].pop("safety_check"), "flags.safety_check"),
        (lambda d: d["lessons"].pop("spiral"), "lessons.spiral"),
        (lambda d: d["self_test"]["items"].pop("11"), "self_test.items.11"),
        (lambda d: d["self_test"]["results"].pop("severe"), "self_test.results.severe"),
    ],
)
def test_a_missing_required_entry_is_named(
    copy: Path, change: Callable[[Data], object], expected: str
) -> None:
    edit_both(copy, change)

    assert problems_mentioning(validate(copy), expected, "missing")


def test_language_neutral_fields_must_match(copy: Path) -> None:
    edit(
        copy,
        "en",
        lambda data: data["types"]["dependents"].update(social_map=["social_work"]),
    )

    assert problems_mentioning(validate(copy), "types.dependents.social_map", "differs")


def test_versions_must_match(copy: Path) -> None:
    edit(copy, "en", lambda data: data.update(version="2026.2"))

    assert problems_mentioning(validate(copy), "version", "differs")


def test_lessons_keep_their_order(copy: Path) -> None:
    edit_both(copy, lambda data: data["lessons"]["types"].update(order=0))

    assert problems_mentioning(validate(copy), "lessons", "order")


def test_sources_must_cite_the_same_sections_in_both_languages(copy: Path) -> None:
    edit(
        copy,
        "en",
        lambda data: data["types"]["actives"]["chances"].update(source="ch. 5.1.3"),
    )

    assert problems_mentioning(
        validate(copy), "types.actives.chances.source", "different"
    )


def test_a_section_the_report_does_not_have_is_named(copy: Path) -> None:
    edit_both(
        copy,
        lambda data: data["coping_styles"]["network_development"].update(
            source="hfst. 7.2"
        ),
    )

    problems = validate(copy)

    assert problems_mentioning(problems, "guidance.nl.toml", "no section 7.2")
    # The English file also cites the report the Dutch way now.
    assert problems_mentioning(problems, "guidance.en.toml", "'ch.'")


def test_a_vignette_with_a_phone_number_is_refused(copy: Path) -> None:
    def add_number(data: Data) -> None:
        vignette = data["vignettes"]["actives_1"]["text"]
        vignette["text"] += " 06 1234 5678"

    edit(copy, "nl", add_number)

    assert problems_mentioning(validate(copy), "vignettes.actives_1.text.text", "phone")


def test_a_missing_language_file_is_named(copy: Path) -> None:
    (copy / "guidance.en.toml").unlink()

    assert validate(copy) == [
        f"guidance.en.toml: missing language file ({copy / 'guidance.en.toml'})"
    ]


def test_a_syntax_error_is_named(copy: Path) -> None:
    with (copy / "guidance.nl.toml").open("a", encoding="utf-8") as handle:
        handle.write('\n[types.actives\nname = "x"\n')

    assert problems_mentioning(validate(copy), "guidance.nl.toml", "TOML syntax error")


def test_load_refuses_broken_content_and_lists_every_problem(copy: Path) -> None:
    edit(copy, "nl", lambda data: data["flags"]["crisis"].pop("source"))
    edit(copy, "en", lambda data: data["types"]["actives"].pop("avoid"))

    with pytest.raises(ContentError) as raised:
        load("en", copy)

    assert raised.value.problems == tuple(validate(copy))
    assert "flags.crisis.source" in str(raised.value)
    assert "types.actives.avoid" in str(raised.value)


def test_load_refuses_an_unknown_language() -> None:
    with pytest.raises(ContentError, match="unknown language"):
        load("fr")


def test_a_copy_loads_like_the_original(copy: Path) -> None:
    assert load("en", copy) == load("en")


def test_the_command_reports_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert content.main([]) == 0
    assert capsys.readouterr().out.startswith("guidance content OK (version ")


def test_the_command_reports_problems(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(copy, "nl", lambda data: data["types"]["actives"].pop("avoid"))

    assert content.main([str(copy)]) == 1
    assert "types.actives.avoid" in capsys.readouterr().err
