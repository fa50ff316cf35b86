"""The suppression rule in words, the same on screen, on paper and in Excel."""

from __future__ import annotations

from django.utils.translation import gettext as _


def rule_lines() -> list[str]:
    """The suppression rule in words (the PDF and the screen say the same)."""
    return [
        _(
            "These figures come from the reports volunteers write after each "
            "conversation. Callers are anonymous: the figures are counts, never "
            "what anyone said."
        ),
        _(
            "To protect callers, a number below 10 is shown as “< 10”, and so "
            "is 0. Where a number below 10 could otherwise be worked out from "
            "the totals, other numbers are hidden as well: they are shown as "
            "“×” and are 10 or more."
        ),
        _(
            "A report covers a quarter or a year that has ended. The report of "
            "a year and those of its four quarters are protected together: no "
            "number hidden in one of them can be worked out by comparing them, "
            "so the year may hide a number that its quarters show."
        ),
        _(
            "Percentages are given only where both numbers they are made "
            "from are shown."
        ),
    ]
