"""The coded answers of a contact report: stable English codes, translated labels.

Help texts paraphrase the study report (CEPHIR 2011, ch. 3, 4 and 5.1).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    CHAT = "chat", _("Chat")
    MAIL = "mail", _("Mail")


class LineLanguage(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ARABIC = "ar", _("Arabic")
    FARSI = "fa", _("Farsi")
    TURKISH = "tr", _("Turkish")
    ENGLISH = "en", _("English")


class ContactType(models.TextChoices):
    """A conversation gets a full report; the other types are only counted."""

    CONVERSATION = "conversation", _("Conversation")
    SILENT = "silent", _("Silent")
    HUNG_UP = "hung_up", _("Hung up")
    WRONG_NUMBER = "wrong_number", _("Wrong number")
    PRANK = "prank", _("Prank")
    ABUSIVE = "abusive", _("Abusive")
    TEST = "test", _("Test")


NON_DATA_TYPES = [t for t in ContactType if t != ContactType.CONVERSATION]


class Gender(models.TextChoices):
    UNKNOWN = "unknown", _("Unknown")
    FEMALE = "female", _("Woman")
    MALE = "male", _("Man")
    OTHER = "other", _("Other")


class AgeBand(models.TextChoices):
    UNKNOWN = "unknown", _("Unknown")
    UNDER_18 = "0-17", _("Under 18")
    FROM_18 = "18-29", _("18–29")
    FROM_30 = "30-44", _("30–44")
    FROM_45 = "45-64", _("45–64")
    FROM_65 = "65-79", _("65–79")
    FROM_80 = "80+", _("80 or older")


class LivingSituation(models.TextChoices):
    UNKNOWN = "unknown", _("Unknown")
    ALONE = "alone", _("Alone")
    PARTNER = "partner", _("With a partner")
    FAMILY = "family", _("With family")
    INSTITUTION = "institution", _("In an institution")
    HOMELESS = "no_home", _("No home")


class Loneliness(models.TextChoices):
    """The refinement the report asks for (ch. 5.1.5a): about or out of loneliness."""

    NONE = "none", _("Not about loneliness")
    ABOUT = "about", _("About loneliness")
    OUT_OF = "out_of", _("Out of loneliness")


class LonelinessKind(models.TextChoices):
    """Weiss (1973), report ch. 4.2: missing a circle of people, or a close bond."""

    UNCLEAR = "unclear", _("Unclear")
    SOCIAL = "social", _("Social")
    EMOTIONAL = "emotional", _("Emotional")
    BOTH = "both", _("Both")


class Sought(models.TextChoices):
    HEARD = "heard", _("To be heard")
    CHAT = "chat", _("A chat")
    SOLUTIONS = "solutions", _("Solutions")
    INFORMATION = "information", _("Information")


class VolunteerAction(models.TextChoices):
    LISTENED = "listened", _("Listened")
    ORDERED = "ordered", _("Helped order thoughts")
    EXPLORED = "explored", _("Explored options")
    INFORMED = "informed", _("Gave information")
    REFERRED = "referred", _("Referred")
    TRANSFERRED = "transferred", _("Transferred")


class Phase(models.TextChoices):
    """The five phases of a conversation (report ch. 5.1.2)."""

    OPENING = "opening", _("Opening")
    EXPLORATION = "exploration", _("Exploration")
    ORDERING = "ordering", _("Ordering")
    WORKING_THROUGH = "working_through", _("Working through")
    CLOSING = "closing", _("Closing")


class Transfer(models.TextChoices):
    NONE = "none", _("No transfer")
    VRAAGWIJZER = "vraagwijzer", _("Vraagwijzer")
    SOCIAL_WORK = "social_work", _("General social work (crisis)")
    OTHER = "other", _("Other")


HELP_TEXTS = {
    "channel": _("How the caller reached the line."),
    "line_language": _("The language of the line the caller used."),
    "source": _("Direct, or sent to us by a partner such as MEE."),
    "contact_type": _(
        "A conversation gets a report; silent, hung-up and other contacts are "
        "only counted."
    ),
    "gender": _("As it came across to you; leave unknown when unsure."),
    "age_band": _("An estimate is fine; leave unknown when unsure."),
    "living_situation": _("Only if the caller says so."),
    "municipality": _("Only if the caller mentions it."),
    "regular_caller": _("About a third of all calls come from regular callers."),
    "topics": _("Everything the conversation was about; choose several."),
    "loneliness": _(
        "About loneliness: wants to talk about feeling lonely. Out of "
        "loneliness: calls because there is no one else to talk to."
    ),
    "loneliness_kind": _(
        "Social: misses a circle of friends and acquaintances. Emotional: "
        "misses a close bond, usually a partner."
    ),
    "sought": _("What the caller wanted from this conversation."),
    "actions": _("What you did in the conversation."),
    "phases": _("The phases the conversation reached."),
    "referrals": _("Other help you pointed the caller to."),
    "transfer": _("Whether you put the caller through to someone else."),
    "crisis": _("The caller was in acute danger or crisis."),
    "summary": _(
        "Three sentences about what the conversation was about. Names, numbers "
        "and addresses are removed before anything is stored."
    ),
    "reflection": _(
        "How the conversation went for you. Only you and the supervisors see this."
    ),
}
