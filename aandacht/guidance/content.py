"""Load and validate the guidance content: the evidence the app shows.

The wording of the typology, the coping styles, the lessons, the practice
cases (vignettes) and the public self-test lives in two TOML files,
``content/guidance.nl.toml`` and ``content/guidance.en.toml``, written from
Kreuger (2011) and cited per entry ("hfst. 4.5" / "ch. 4.5", the report's
own numbering). Code only interprets them ("evidence is content, not code").

A pure module: no Django and no other ``aandacht`` module (an import-linter
contract enforces this), so the content can be checked anywhere::

    python -m aandacht.guidance.content          # exit 1 and every problem

``validate()`` returns every problem at once, each naming the file and the
key path, so a content editor can fix a whole batch in one go. ``load()``
refuses content with any problem: a text shown to a volunteer without its
source, or a practice case that teaches the wrong type, is a bug.

The decision rule that checks the vignettes is repeated here on purpose
(``type_for_answers``), so the content can be checked without the typology
module; the decision table in ``shared/docs/typology.md`` is the reference
for both, and a test keeps them in step.
"""

from __future__ import annotations

import functools
import re
import sys
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Final, TypeVar

LANGUAGES: Final = ("nl", "en")
CONTENT_DIR: Final = Path(__file__).resolve().parent / "content"

TYPE_CODES: Final = (
    "actives",
    "sheltered",
    "left_behind",
    "dependents",
    "compensators",
    "outsiders",
    "hopeful",
    "survivors",
)
FLAG_CODES: Final = (
    "professional_help",
    "safety_check",
    "prevention",
    "respect_autonomy",
    "crisis",
)
COPING_STYLE_CODES: Final = (
    "network_development",
    "lowering_standards",
    "coping_with_feelings",
)
SOUGHT_CODES: Final = ("heard", "chat", "solutions", "information")
LESSON_CODES: Final = ("definition", "spiral", "coping", "interventions", "types")
NETWORK_ANSWERS: Final = ("thinning", "small_network_lost", "lifelong")
YES_NO: Final = ("yes", "no")
SELF_TEST_ANSWERS: Final = ("yes", "more_or_less", "no")
SELF_TEST_ITEMS: Final = tuple(range(1, 12))
SELF_TEST_RESULTS: Final = ("not_lonely", "moderate", "severe", "very_severe")

VIGNETTES_PER_TYPE: Final = 2
VIGNETTE_WORDS: Final = (60, 120)
LESSON_PARAGRAPHS: Final = (3, 8)

# The report's own numbering (Kreuger 2011), and how each language cites it:
# "hfst. 4.5" in Dutch, "ch. 4.5" in English.
REPORT_SECTIONS: Final = frozenset(
    {"1", "1.1", "1.2", "1.3", "2", "3", "4", "5", "5.1", "5.2", "5.3", "6"}
    | {f"4.{n}" for n in range(1, 7)}
    | {f"5.1.{n}" for n in range(1, 6)}
    | {"5.1.5.a", "5.1.5.b", "5.2.1", "5.2.2", "5.2.3"}
    | {f"6.{n}" for n in range(1, 5)}
)
REPORT_PREFIX: Final = {"nl": "hfst.", "en": "ch."}

_PERSISTENCE_BY_NETWORK: Final = {
    "thinning": "threatening",
    "small_network_lost": "situational",
}
_TYPE_GRID: Final = {
    ("threatening", "yes"): "actives",
    ("threatening", "no"): "sheltered",
    ("situational", "yes"): "left_behind",
    ("situational", "no"): "dependents",
    ("structural", "yes"): "compensators",
    ("structural", "no"): "outsiders",
    ("structural_psychiatric", "yes"): "hopeful",
    ("structural_psychiatric", "no"): "survivors",
}

_SECTION = r"\d+(?:\.\d+)*(?:\.[a-z])?"
_REPORT_REFERENCE = re.compile(
    rf"\b(hfst|ch)\.\s*({_SECTION}(?:\s*,\s*{_SECTION})*)(?![\w.])"
)
_NUMBER = re.compile(_SECTION)
_CODE = re.compile(r"[a-z][a-z0-9_]*")
_VERSION = re.compile(r"\d{4}\.\d+")
_PHONE_LIKE = re.compile(r"\d[\d\s()+-]{5,}\d")

_K = TypeVar("_K")
_V = TypeVar("_V")


class ContentError(Exception):
    """The content files have problems; ``problems`` lists every one."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"- {problem}" for problem in self.problems)
        super().__init__(f"guidance content is invalid:\n{lines}")


@dataclass(frozen=True)
class Sourced:
    """A text shown to people, with the source it is traceable to."""

    text: str
    source: str


@dataclass(frozen=True)
class TypeGuidance:
    """What a volunteer can lean on for one of Machielse's eight types."""

    code: str
    name: str
    description: Sourced
    looks_for: Sourced
    sought: tuple[str, ...]
    coping: Sourced
    styles: tuple[str, ...]
    chances: Sourced
    avoid: Sourced
    social_map: tuple[str, ...]


@dataclass(frozen=True)
class Flag:
    code: str
    name: str
    text: str
    source: str


@dataclass(frozen=True)
class Category:
    """A kind of help on the social map worth suggesting."""

    code: str
    name: str
    text: str
    source: str


@dataclass(frozen=True)
class CopingStyle:
    code: str
    name: str
    text: str
    source: str


@dataclass(frozen=True)
class Lesson:
    key: str
    order: int
    title: str
    paragraphs: tuple[Sourced, ...]


@dataclass(frozen=True)
class Vignette:
    """A fictional caller, and the answers that lead to ``type``."""

    key: str
    type: str
    network: str
    psychiatric: str
    participation: str
    text: Sourced
    explanation: Sourced


@dataclass(frozen=True)
class SelfTest:
    intro: Sourced
    stem: Sourced
    not_a_diagnosis: Sourced
    answers: Mapping[str, str]
    items: Mapping[int, Sourced]
    results: Mapping[str, Sourced]


@dataclass(frozen=True)
class Content:
    version: str
    language: str
    citation: str
    types: Mapping[str, TypeGuidance]
    flags: Mapping[str, Flag]
    social_map_categories: Mapping[str, Category]
    coping_styles: Mapping[str, CopingStyle]
    lessons: Mapping[str, Lesson]  # in lesson order
    vignettes: Mapping[str, Vignette]
    self_test: SelfTest

    def vignettes_for(self, type_code: str) -> tuple[Vignette, ...]:
        return tuple(v for v in self.vignettes.values() if v.type == type_code)


def type_for_answers(network: str, psychiatric: str, participation: str) -> str | None:
    """The type the three answers lead to, or None while one is undecided."""
    if network == "lifelong":
        persistence = {"yes": "structural_psychiatric", "no": "structural"}.get(
            psychiatric
        )
    else:
        persistence = _PERSISTENCE_BY_NETWORK.get(network)
    if persistence is None:
        return None
    return _TYPE_GRID.get((persistence, participation))


def file_name(language: str) -> str:
    return f"guidance.{language}.toml"


# --------------------------------------------------------------------------
# Validation of one file


Table = Mapping[str, object]


def _path(parent: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


class _FileChecker:
    """Checks one language file against the schema; collects messages."""

    def __init__(self, language: str, data: Table) -> None:
        self.language = language
        self.data = data
        self.problems: list[str] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(f"{file_name(self.language)}: {path}: {message}")

    # -- primitives --------------------------------------------------------

    def table(self, parent: Table, key: str, path: str) -> Table | None:
        value = parent.get(key)
        if value is None:
            self.problem(path, "missing")
            return None
        if not isinstance(value, Mapping):
            self.problem(path, "must be a table")
            return None
        return value

    def string(self, parent: Table, key: str, path: str) -> str | None:
        value = parent.get(key)
        if value is None:
            self.problem(path, "missing")
            return None
        if not isinstance(value, str):
            self.problem(path, "must be a string")
            return None
        if not value.strip():
            self.problem(path, "is empty")
            return None
        if value != value.strip():
            self.problem(path, "has leading or trailing whitespace")
        return value

    def choice(
        self, parent: Table, key: str, path: str, allowed: Sequence[str]
    ) -> str | None:
        value = self.string(parent, key, path)
        if value is not None and value not in allowed:
            self.problem(path, f"unknown code {value!r} (expected one of {allowed})")
            return None
        return value

    def codes(
        self, parent: Table, key: str, path: str, allowed: Sequence[str]
    ) -> list[str]:
        value = parent.get(key)
        if value is None:
            self.problem(path, "missing")
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(path, "must be a list of codes")
            return []
        if not value:
            self.problem(path, "is empty")
        for code in value:
            if code not in allowed:
                self.problem(path, f"unknown code {code!r}")
        if len(set(value)) != len(value):
            self.problem(path, "lists a code twice")
        return [str(code) for code in value]

    def fields(self, table: Table, path: str, allowed: Sequence[str]) -> None:
        for key in table:
            if key not in allowed:
                self.problem(_path(path, key), "unexpected key")

    def keys(self, table: Table, path: str, required: Sequence[str], what: str) -> None:
        for key in required:
            if key not in table:
                self.problem(_path(path, key), f"missing {what}")
        for key in table:
            if key not in required:
                self.problem(_path(path, key), f"unknown {what} code {key!r}")

    def source(self, value: str, path: str) -> None:
        prefix = REPORT_PREFIX[self.language]
        for match in _REPORT_REFERENCE.finditer(value):
            if f"{match.group(1)}." != prefix:
                self.problem(path, f"cite the report as {prefix!r} in this language")
            for section in re.split(r"\s*,\s*", match.group(2)):
                if section not in REPORT_SECTIONS:
                    self.problem(path, f"the report has no section {section}")

    def sourced(
        self, parent: Table, key: str, path: str, extra: Sequence[str] = ()
    ) -> Table | None:
        """A table with non-empty ``text`` and ``source`` (and ``extra`` keys)."""
        table = self.table(parent, key, path)
        if table is None:
            return None
        self.fields(table, path, ("text", "source", *extra))
        self.string(table, "text", _path(path, "text"))
        source = self.string(table, "source", _path(path, "source"))
        if source is not None:
            self.source(source, _path(path, "source"))
        return table

    def named(self, parent: Table, key: str, path: str) -> None:
        """A table with ``name``, ``text`` and ``source``."""
        table = self.sourced(parent, key, path, extra=("name",))
        if table is not None:
            self.string(table, "name", _path(path, "name"))

    # -- sections ----------------------------------------------------------

    def check(self) -> list[str]:
        data = self.data
        self.fields(data, "", _TOP_LEVEL)
        version = self.string(data, "version", "version")
        if version is not None and not _VERSION.fullmatch(version):
            self.problem("version", f"{version!r} is not like '2026.1'")
        if self.string(data, "language", "language") not in (self.language, None):
            self.problem("language", f"must be {self.language!r}")
        self.string(data, "citation", "citation")
        categories = self.check_categories()
        self.check_types(categories)
        self.check_named_set("flags", FLAG_CODES, "flag")
        self.check_named_set("coping_styles", COPING_STYLE_CODES, "coping style")
        self.check_lessons()
        self.check_vignettes()
        self.check_self_test()
        return self.problems

    def check_categories(self) -> list[str]:
        categories = self.table(
            self.data, "social_map_categories", "social_map_categories"
        )
        if categories is None:
            return []
        for code in categories:
            path = _path("social_map_categories", code)
            if not _CODE.fullmatch(code):
                self.problem(path, "a code is lower case letters, digits and '_'")
            self.named(categories, code, path)
        return list(categories)

    def check_types(self, categories: Sequence[str]) -> None:
        types = self.table(self.data, "types", "types")
        if types is None:
            return
        self.keys(types, "types", TYPE_CODES, "type")
        for code in TYPE_CODES:
            path = _path("types", code)
            guidance = self.table(types, code, path) if code in types else None
            if guidance is not None:
                self.check_type(guidance, path, categories)

    def check_type(self, guidance: Table, path: str, categories: Sequence[str]) -> None:
        self.fields(guidance, path, _TYPE_FIELDS)
        self.string(guidance, "name", _path(path, "name"))
        for key in ("description", "chances", "avoid"):
            self.sourced(guidance, key, _path(path, key))
        looks_for = self.sourced(
            guidance, "looks_for", _path(path, "looks_for"), ("sought",)
        )
        if looks_for is not None:
            self.codes(
                looks_for, "sought", _path(path, "looks_for.sought"), SOUGHT_CODES
            )
        coping = self.sourced(guidance, "coping", _path(path, "coping"), ("styles",))
        if coping is not None:
            self.codes(
                coping, "styles", _path(path, "coping.styles"), COPING_STYLE_CODES
            )
        self.codes(guidance, "social_map", _path(path, "social_map"), categories)

    def check_named_set(self, key: str, required: Sequence[str], what: str) -> None:
        table = self.table(self.data, key, key)
        if table is None:
            return
        self.keys(table, key, required, what)
        for code in required:
            if code in table:
                self.named(table, code, _path(key, code))

    def check_lessons(self) -> None:
        lessons = self.table(self.data, "lessons", "lessons")
        if lessons is None:
            return
        for code in LESSON_CODES:
            if code not in lessons:
                self.problem(_path("lessons", code), "missing lesson")
        orders: dict[str, int] = {}
        for code in lessons:
            path = _path("lessons", code)
            lesson = self.table(lessons, code, path)
            if lesson is None:
                continue
            self.fields(lesson, path, ("order", "title", "paragraphs"))
            order = lesson.get("order")
            if isinstance(order, int) and not isinstance(order, bool):
                orders[code] = order
            else:
                self.problem(_path(path, "order"), "missing or not a whole number")
            self.string(lesson, "title", _path(path, "title"))
            self.check_paragraphs(lesson, _path(path, "paragraphs"))
        if len(set(orders.values())) != len(orders):
            self.problem("lessons", "two lessons have the same order")
        required = [orders[code] for code in LESSON_CODES if code in orders]
        if required != sorted(required):
            self.problem("lessons", f"the order must follow {LESSON_CODES}")

    def check_paragraphs(self, lesson: Table, path: str) -> None:
        paragraphs = lesson.get("paragraphs")
        if not isinstance(paragraphs, list):
            self.problem(path, "missing or not a list of paragraphs")
            return
        low, high = LESSON_PARAGRAPHS
        if not low <= len(paragraphs) <= high:
            self.problem(path, f"has {len(paragraphs)} paragraphs, not {low}–{high}")
        as_table = {str(index): value for index, value in enumerate(paragraphs)}
        for index in range(len(paragraphs)):
            self.sourced(as_table, str(index), _path(path, index))

    def check_vignettes(self) -> None:
        vignettes = self.table(self.data, "vignettes", "vignettes")
        if vignettes is None:
            return
        counts = dict.fromkeys(TYPE_CODES, 0)
        for code in vignettes:
            path = _path("vignettes", code)
            vignette = self.table(vignettes, code, path)
            if vignette is not None:
                type_code = self.check_vignette(vignette, path)
                if type_code is not None and not code.startswith(f"{type_code}_"):
                    self.problem(path, f"the key should start with {type_code + '_'!r}")
                if type_code is not None:
                    counts[type_code] += 1
        for type_code, count in counts.items():
            if count < VIGNETTES_PER_TYPE:
                self.problem(
                    "vignettes",
                    f"type {type_code!r} has {count} vignettes, "
                    f"needs at least {VIGNETTES_PER_TYPE}",
                )

    def check_vignette(self, vignette: Table, path: str) -> str | None:
        self.fields(vignette, path, _VIGNETTE_FIELDS)
        type_code = self.choice(vignette, "type", _path(path, "type"), TYPE_CODES)
        network = self.choice(
            vignette, "network", _path(path, "network"), NETWORK_ANSWERS
        )
        psychiatric = self.choice(
            vignette, "psychiatric", _path(path, "psychiatric"), YES_NO
        )
        participation = self.choice(
            vignette, "participation", _path(path, "participation"), YES_NO
        )
        text = self.sourced(vignette, "text", _path(path, "text"))
        self.sourced(vignette, "explanation", _path(path, "explanation"))
        if text is not None and isinstance(text.get("text"), str):
            self.check_vignette_text(str(text["text"]), _path(path, "text.text"))
        if (
            type_code is None
            or network is None
            or psychiatric is None
            or participation is None
        ):
            return type_code
        leads_to = type_for_answers(network, psychiatric, participation)
        if leads_to != type_code:
            self.problem(
                path,
                f"network={network!r}, psychiatric={psychiatric!r}, "
                f"participation={participation!r} lead to {leads_to!r}, "
                f"not {type_code!r}",
            )
        return type_code

    def check_vignette_text(self, text: str, path: str) -> None:
        words = len(text.split())
        low, high = VIGNETTE_WORDS
        if not low <= words <= high:
            self.problem(path, f"has {words} words, not {low}–{high}")
        if _PHONE_LIKE.search(text) or "@" in text:
            self.problem(path, "looks like it holds a phone number or address")

    def check_self_test(self) -> None:
        test = self.table(self.data, "self_test", "self_test")
        if test is None:
            return
        self.fields(test, "self_test", _SELF_TEST_FIELDS)
        for key in ("intro", "stem", "not_a_diagnosis"):
            self.sourced(test, key, _path("self_test", key))
        answers = self.table(test, "answers", "self_test.answers")
        if answers is not None:
            self.keys(answers, "self_test.answers", SELF_TEST_ANSWERS, "answer")
            for key in SELF_TEST_ANSWERS:
                if key in answers:
                    self.string(answers, key, _path("self_test.answers", key))
        item_keys = [str(number) for number in SELF_TEST_ITEMS]
        for key, required in (("items", item_keys), ("results", SELF_TEST_RESULTS)):
            path = _path("self_test", key)
            table = self.table(test, key, path)
            if table is None:
                continue
            self.keys(table, path, required, key.rstrip("s"))
            for code in required:
                if code in table:
                    self.sourced(table, code, _path(path, code))


_TOP_LEVEL: Final = (
    "version",
    "language",
    "citation",
    "types",
    "flags",
    "social_map_categories",
    "coping_styles",
    "lessons",
    "vignettes",
    "self_test",
)
_TYPE_FIELDS: Final = (
    "name",
    "description",
    "looks_for",
    "coping",
    "chances",
    "avoid",
    "social_map",
)
_VIGNETTE_FIELDS: Final = (
    "type",
    "network",
    "psychiatric",
    "participation",
    "text",
    "explanation",
)
_SELF_TEST_FIELDS: Final = (
    "intro",
    "stem",
    "not_a_diagnosis",
    "answers",
    "items",
    "results",
)


# --------------------------------------------------------------------------
# Comparison of the two languages

# Key paths whose values are codes or numbers, the same in every language;
# "*" matches any one key.
_NEUTRAL: Final = (
    ("version",),
    ("types", "*", "looks_for", "sought"),
    ("types", "*", "coping", "styles"),
    ("types", "*", "social_map"),
    ("lessons", "*", "order"),
    ("vignettes", "*", "type"),
    ("vignettes", "*", "network"),
    ("vignettes", "*", "psychiatric"),
    ("vignettes", "*", "participation"),
)


def _is_neutral(keys: Sequence[str]) -> bool:
    return any(
        len(pattern) == len(keys)
        and all(p in ("*", k) for p, k in zip(pattern, keys, strict=True))
        for pattern in _NEUTRAL
    )


def _compare(
    first: object,
    second: object,
    keys: tuple[str, ...],
    path: str,
    languages: tuple[str, str],
    problems: list[str],
) -> None:
    """Walk both trees; report keys one side lacks and neutral values that differ."""
    one, other = languages
    if isinstance(first, Mapping) and isinstance(second, Mapping):
        for key in first:
            if key not in second:
                problems.append(
                    f"{file_name(other)}: {_path(path, key)}: missing "
                    f"(present in {file_name(one)})"
                )
        for key in second:
            if key not in first:
                problems.append(
                    f"{file_name(one)}: {_path(path, key)}: missing "
                    f"(present in {file_name(other)})"
                )
            else:
                _compare(
                    first[key],
                    second[key],
                    (*keys, key),
                    _path(path, key),
                    languages,
                    problems,
                )
        return
    if _is_neutral(keys):
        if first != second:
            problems.append(
                f"{path}: differs between {file_name(one)} ({first!r}) "
                f"and {file_name(other)} ({second!r}); it must be the same"
            )
        return
    if isinstance(first, list) and isinstance(second, list):
        if len(first) != len(second):
            problems.append(
                f"{path}: {file_name(one)} has {len(first)} entries, "
                f"{file_name(other)} has {len(second)}"
            )
        for index, (a, b) in enumerate(zip(first, second, strict=False)):
            _compare(a, b, (*keys, "*"), _path(path, index), languages, problems)
        return
    if (
        keys
        and keys[-1] == "source"
        and isinstance(first, str)
        and isinstance(second, str)
        and sorted(_NUMBER.findall(first)) != sorted(_NUMBER.findall(second))
    ):
        problems.append(
            f"{path}: the sources cite different sections or years "
            f"({file_name(one)}: {first!r}; {file_name(other)}: {second!r})"
        )


# --------------------------------------------------------------------------
# Public API


def _read(directory: Path, language: str) -> tuple[Table | None, list[str]]:
    path = directory / file_name(language)
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle), []
    except FileNotFoundError:
        return None, [f"{file_name(language)}: missing language file ({path})"]
    except tomllib.TOMLDecodeError as error:
        return None, [f"{file_name(language)}: TOML syntax error: {error}"]


def validate(directory: Path = CONTENT_DIR) -> list[str]:
    """Every problem in the content files, each naming the file and key path."""
    directory = Path(directory)
    problems: list[str] = []
    data: dict[str, Table] = {}
    for language in LANGUAGES:
        table, read_problems = _read(directory, language)
        problems += read_problems
        if table is not None:
            data[language] = table
            problems += _FileChecker(language, table).check()
    if len(data) == len(LANGUAGES):
        first, second = LANGUAGES
        _compare(data[first], data[second], (), "", (first, second), problems)
    return problems


def load(language: str, directory: Path = CONTENT_DIR) -> Content:
    """The content in ``language``; raises ContentError if any file has problems.

    Both languages are validated together, since one can only be right if it
    matches the other. The default directory is read once per process.
    """
    if language not in LANGUAGES:
        raise ContentError([f"unknown language {language!r} (expected {LANGUAGES})"])
    if Path(directory).resolve() == CONTENT_DIR:
        return _load_default(language)
    return _load(language, Path(directory))


@functools.lru_cache(maxsize=len(LANGUAGES))
def _load_default(language: str) -> Content:
    return _load(language, CONTENT_DIR)


def clear_cache() -> None:
    """Forget the cached default content (after editing the files in place)."""
    _load_default.cache_clear()


def _load(language: str, directory: Path) -> Content:
    problems = validate(directory)
    if problems:
        raise ContentError(problems)
    table, problems = _read(directory, language)
    if table is None:  # the file went away since validate() read it
        raise ContentError(problems)
    return _build(language, table)


# --------------------------------------------------------------------------
# Building the dataclasses from validated data


def _get_table(parent: Table, key: str) -> Table:
    value = parent[key]
    if not isinstance(value, Mapping):
        raise ContentError([f"{key}: must be a table"])
    return value


def _get_str(parent: Table, key: str) -> str:
    value = parent[key]
    if not isinstance(value, str):
        raise ContentError([f"{key}: must be a string"])
    return value


def _get_codes(parent: Table, key: str) -> tuple[str, ...]:
    value = parent[key]
    if not isinstance(value, list):
        raise ContentError([f"{key}: must be a list"])
    return tuple(str(code) for code in value)


def _sourced(table: Table) -> Sourced:
    return Sourced(text=_get_str(table, "text"), source=_get_str(table, "source"))


def _sourced_at(parent: Table, key: str) -> Sourced:
    return _sourced(_get_table(parent, key))


def _frozen(items: Mapping[_K, _V]) -> Mapping[_K, _V]:
    return MappingProxyType(dict(items))


def _build(language: str, data: Table) -> Content:
    """The dataclasses; types, flags and styles in their canonical order."""
    types = _tables(data, "types")
    flags = _tables(data, "flags")
    styles = _tables(data, "coping_styles")
    return Content(
        version=_get_str(data, "version"),
        language=language,
        citation=_get_str(data, "citation"),
        types=_frozen({code: _build_type(code, types[code]) for code in TYPE_CODES}),
        flags=_frozen({code: Flag(code, *_named(flags[code])) for code in FLAG_CODES}),
        social_map_categories=_frozen(
            {
                code: Category(code, *_named(t))
                for code, t in _tables(data, "social_map_categories").items()
            }
        ),
        coping_styles=_frozen(
            {
                code: CopingStyle(code, *_named(styles[code]))
                for code in COPING_STYLE_CODES
            }
        ),
        lessons=_frozen(_build_lessons(_tables(data, "lessons"))),
        vignettes=_frozen(
            {
                key: _build_vignette(key, t)
                for key, t in _tables(data, "vignettes").items()
            }
        ),
        self_test=_build_self_test(_get_table(data, "self_test")),
    )


def _tables(parent: Table, key: str) -> dict[str, Table]:
    table = _get_table(parent, key)
    return {code: _get_table(table, code) for code in table}


def _named(table: Table) -> tuple[str, str, str]:
    return _get_str(table, "name"), _get_str(table, "text"), _get_str(table, "source")


def _build_type(code: str, table: Table) -> TypeGuidance:
    looks_for = _get_table(table, "looks_for")
    coping = _get_table(table, "coping")
    return TypeGuidance(
        code=code,
        name=_get_str(table, "name"),
        description=_sourced_at(table, "description"),
        looks_for=_sourced(looks_for),
        sought=_get_codes(looks_for, "sought"),
        coping=_sourced(coping),
        styles=_get_codes(coping, "styles"),
        chances=_sourced_at(table, "chances"),
        avoid=_sourced_at(table, "avoid"),
        social_map=_get_codes(table, "social_map"),
    )


def _build_lessons(tables: Mapping[str, Table]) -> dict[str, Lesson]:
    lessons = []
    for key, table in tables.items():
        order = table["order"]
        paragraphs = table["paragraphs"]
        if not isinstance(order, int) or not isinstance(paragraphs, list):
            raise ContentError([f"lessons.{key}: order or paragraphs malformed"])
        lessons.append(
            Lesson(
                key=key,
                order=order,
                title=_get_str(table, "title"),
                paragraphs=tuple(_sourced(p) for p in paragraphs),
            )
        )
    return {lesson.key: lesson for lesson in sorted(lessons, key=lambda x: x.order)}


def _build_vignette(key: str, table: Table) -> Vignette:
    return Vignette(
        key=key,
        type=_get_str(table, "type"),
        network=_get_str(table, "network"),
        psychiatric=_get_str(table, "psychiatric"),
        participation=_get_str(table, "participation"),
        text=_sourced_at(table, "text"),
        explanation=_sourced_at(table, "explanation"),
    )


def _build_self_test(table: Table) -> SelfTest:
    answers = _get_table(table, "answers")
    items = _tables(table, "items")
    results = _tables(table, "results")
    return SelfTest(
        intro=_sourced_at(table, "intro"),
        stem=_sourced_at(table, "stem"),
        not_a_diagnosis=_sourced_at(table, "not_a_diagnosis"),
        answers=_frozen({key: _get_str(answers, key) for key in SELF_TEST_ANSWERS}),
        items=_frozen({n: _sourced(items[str(n)]) for n in SELF_TEST_ITEMS}),
        results=_frozen({key: _sourced(results[key]) for key in SELF_TEST_RESULTS}),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Check the content files; print every problem, or one line if all is well."""
    args = sys.argv[1:] if argv is None else list(argv)
    directory = Path(args[0]) if args else CONTENT_DIR
    problems = validate(directory)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s) in the guidance content", file=sys.stderr)
        return 1
    version = load(LANGUAGES[0], directory).version
    print(f"guidance content OK (version {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
