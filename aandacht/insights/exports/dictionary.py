"""The data dictionary: every column of a research export, its codes and labels.

The dictionary and the rows are made from the same list, so a column cannot
be exported without being explained. Codes are stable (the English codes of
``contacts.choices``, the CBS municipality codes, the topic list's codes);
labels follow the interface language of the person exporting.

What is left out on purpose: every free text except the scrubbed summary
(only when a coordinator asks for it), the volunteer's identity (a
pseudonym that holds within one export only), caller profiles and their
aliases, and the minute a contact started (the hour is enough to study the
day's rhythm and makes a contact harder to match with other records).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import TextChoices
from django.utils.dates import WEEKDAYS
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aandacht.contacts.choices import (
    AgeBand,
    Channel,
    ContactType,
    Gender,
    LineLanguage,
    LivingSituation,
    Loneliness,
    LonelinessKind,
    Phase,
    Sought,
    Transfer,
    VolunteerAction,
)
from aandacht.contacts.models import Municipality, Source, Topic
from aandacht.core.models import Region
from aandacht.guidance import assistant, typology
from aandacht.guidance.choices import Network, YesNoUnknown

__all__ = ["Code", "Column", "Dictionary", "data_dictionary"]


@dataclass(frozen=True)
class Code:
    code: str
    label: str


@dataclass(frozen=True)
class Column:
    """One column of the export.

    ``conversation_only``: empty for non-data contacts (silent, hung up, ...),
    which are counted but never filled in.
    """

    name: str
    description: str
    codes: tuple[Code, ...] = ()
    conversation_only: bool = False


@dataclass(frozen=True)
class Dictionary:
    columns: tuple[Column, ...]
    topic_codes: tuple[str, ...]

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]

    def rows(self) -> list[list[str]]:
        """The dictionary as a table: one row per code, or one per plain column."""
        table = [[_("Column"), _("Description"), _("Code"), _("Label")]]
        for column in self.columns:
            description = column.description
            if column.conversation_only:
                description = f"{description} {EMPTY_FOR_NON_DATA}"
            if not column.codes:
                table.append([column.name, description, "", ""])
            for index, code in enumerate(column.codes):
                shown = description if index == 0 else ""
                table.append([column.name, shown, code.code, code.label])
        return table


EMPTY_FOR_NON_DATA = gettext_lazy("Empty for non-data contacts.")


def _codes(choices: type[TextChoices], *, skip: Iterable[str] = ()) -> tuple[Code, ...]:
    return tuple(
        Code(str(value), str(label))
        for value, label in choices.choices
        if value not in set(skip)
    )


def _yes_no() -> tuple[Code, ...]:
    return (Code("1", _("yes")), Code("0", _("no")))


def _multi(
    prefix: str, choices: type[TextChoices], description: Promise
) -> list[Column]:
    """A 0/1 column per answer of a question that takes several answers."""
    return [
        Column(
            f"{prefix}_{value}",
            f"{description} {label}.",
            _yes_no(),
            conversation_only=True,
        )
        for value, label in choices.choices
    ]


def topic_codes() -> list[tuple[str, str]]:
    """Every topic code ever used, the current list's first, with its label.

    Reports keep the topic list they were made with, so an old code may
    still be in the period; it keeps the label of the latest list that has it.
    """
    seen: dict[str, str] = {}
    topics = Topic.objects.select_related("topic_list").order_by(
        "-topic_list__is_current", "-topic_list__version", "order", "code"
    )
    for topic in topics:
        seen.setdefault(topic.code, topic.label)
    return list(seen.items())


def _place_columns() -> list[Column]:
    regions = tuple(Code(r.code, r.name) for r in Region.objects.order_by("code"))
    municipalities = tuple(
        Code(m.code, m.name) for m in Municipality.objects.order_by("code")
    )
    sources = tuple(
        Code(s.code, s.label) for s in Source.objects.order_by("order", "code")
    )
    weekdays = tuple(Code(str(day + 1), str(WEEKDAYS[day])) for day in range(7))
    return [
        Column("region", _("The region whose line took the contact."), regions),
        Column("date", _("The day the contact started (YYYY-MM-DD, Dutch time).")),
        Column(
            "weekday",
            _("The day of the week the contact started (1 is Monday)."),
            weekdays,
        ),
        Column("hour", _("The hour the contact started, Dutch time (0 to 23).")),
        Column("channel", _("How the caller reached the line."), _codes(Channel)),
        Column(
            "line_language",
            _("The language of the line the caller used."),
            _codes(LineLanguage),
        ),
        Column(
            "contact_type",
            _(
                "A conversation has a full report; the other types are only "
                "counted (non-data contacts)."
            ),
            _codes(ContactType),
        ),
        Column(
            "source",
            _("Who sent the caller to the line; empty when the caller came directly."),
            sources,
        ),
        Column("duration_seconds", _("How long the contact lasted, in seconds.")),
        Column(
            "volunteer",
            _(
                "A pseudonym of the volunteer who took the contact. It is the same "
                "for all of one volunteer's contacts within this export, and "
                "different in every export, so exports cannot be joined on it."
            ),
        ),
        Column(
            "municipality",
            _("The CBS code of the municipality the caller mentioned; empty if none."),
            municipalities,
            conversation_only=True,
        ),
    ]


def _caller_columns() -> list[Column]:
    return [
        Column(
            "gender",
            _("The caller's gender as it came across."),
            _codes(Gender),
            True,
        ),
        Column("age_band", _("The caller's estimated age."), _codes(AgeBand), True),
        Column(
            "living_situation",
            _("The caller's living situation, if they said so."),
            _codes(LivingSituation),
            True,
        ),
        Column(
            "regular_caller",
            _("The volunteer marked the caller as a regular caller."),
            _yes_no(),
            True,
        ),
        Column(
            "loneliness",
            _(
                "Whether the conversation was about loneliness, or the caller "
                "called out of loneliness."
            ),
            _codes(Loneliness),
            True,
        ),
        Column(
            "loneliness_kind",
            _(
                "Social or emotional loneliness (Weiss); empty when the "
                "conversation was not about loneliness."
            ),
            _codes(LonelinessKind),
            True,
        ),
    ]


def _topic_columns(topics: list[tuple[str, str]]) -> list[Column]:
    return [
        Column(
            f"topic_{code}",
            _("The conversation was about this topic: %(topic)s.") % {"topic": label},
            _yes_no(),
            conversation_only=True,
        )
        for code, label in topics
    ]


def _outcome_columns() -> list[Column]:
    return [
        *_multi("sought", Sought, gettext_lazy("The caller looked for:")),
        *_multi("action", VolunteerAction, gettext_lazy("The volunteer:")),
        *_multi("phase", Phase, gettext_lazy("The conversation reached the phase:")),
        Column(
            "transfer",
            _("Whether the caller was put through to someone else."),
            _codes(Transfer),
            True,
        ),
        Column(
            "crisis", _("The caller was in acute danger or crisis."), _yes_no(), True
        ),
        Column(
            "service_referrals",
            _("How many services of the social map the caller was pointed to."),
            conversation_only=True,
        ),
    ]


def _typology_columns() -> list[Column]:
    words = assistant.guidance()
    types = tuple(Code(code, words.types[code].name) for code in typology.TYPES)
    answer = _("The typology assistant's question: %(question)s")
    return [
        Column(
            "typology_network",
            answer % {"question": _("How did the caller's network get where it is?")},
            _codes(Network),
            True,
        ),
        Column(
            "typology_psychiatric",
            answer
            % {
                "question": _(
                    "Does the caller live with long-standing psychological or "
                    "psychiatric problems?"
                )
            },
            _codes(YesNoUnknown),
            True,
        ),
        Column(
            "typology_participation",
            answer
            % {
                "question": _(
                    "Is the caller oriented toward taking part: wanting contact, "
                    "taking part, or wanting to?"
                )
            },
            _codes(YesNoUnknown),
            True,
        ),
        Column(
            "typology_assistant",
            _(
                "The type the assistant's answers lead to (Machielse); empty when "
                "the answers leave it undecided or nobody used the assistant."
            ),
            types,
            True,
        ),
        Column(
            "typology_type",
            _(
                "The type that counts: the volunteer's own choice if they made "
                "one, else the assistant's. Empty when not assessed."
            ),
            types,
            True,
        ),
    ]


def _review_columns(include_summaries: bool) -> list[Column]:
    columns = [
        Column(
            "reviewed",
            _("A supervisor has read the report."),
            _yes_no(),
            True,
        )
    ]
    if include_summaries:
        columns.append(
            Column(
                "summary",
                _(
                    "The volunteer's summary of the conversation, as stored: names, "
                    "numbers and addresses were removed before it was saved. Free "
                    "text: read it before you share it."
                ),
                conversation_only=True,
            )
        )
    return columns


def data_dictionary(*, include_summaries: bool = False) -> Dictionary:
    """Every column of an export, in order, in the active interface language."""
    topics = topic_codes()
    columns = [
        *_place_columns(),
        *_caller_columns(),
        *_topic_columns(topics),
        *_outcome_columns(),
        *_typology_columns(),
        *_review_columns(include_summaries),
    ]
    return Dictionary(tuple(columns), tuple(code for code, _label in topics))
