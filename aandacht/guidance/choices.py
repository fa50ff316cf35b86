"""Labels for the typology assistant's answers; the codes are typology.py's."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Network(models.TextChoices):
    UNKNOWN = "unknown", _("Not known yet")
    THINNING = "thinning", _("It works, but is thinning or under threat")
    SMALL_NETWORK_LOST = (
        "small_network_lost",
        _("The small network that was enough has fallen away"),
    )
    LIFELONG = "lifelong", _("Isolated from early in life")


class YesNoUnknown(models.TextChoices):
    UNKNOWN = "unknown", _("Not known yet")
    YES = "yes", _("Yes")
    NO = "no", _("No")


QUESTIONS = {
    "network": _("How did the caller's network get where it is?"),
    "psychiatric": _(
        "Does the caller live with long-standing psychological or psychiatric problems?"
    ),
    "participation": _(
        "Is the caller oriented toward taking part: wanting contact, taking part, "
        "or wanting to?"
    ),
}
