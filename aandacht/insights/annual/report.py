"""The annual report's contents: dashboard panels grouped into sections, with words.

A line attaches this report to its annual account, so it reads as a
document: per section a short text that says what the figures are, a
sentence with the main figures, then each panel's chart and table. The
figures are the dashboard's own (``insights.dashboard.selectors``); this
module only chooses, orders and describes them. Small counts are not
suppressed: the report is the line's own, not a partner's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aandacht.insights.panels import Chart, Panel
from aandacht.insights.period import Period

__all__ = [
    "SECTIONS",
    "AnnualReport",
    "Section",
    "SectionSpec",
    "build",
    "headline",
    "local_figure",
]


@dataclass(frozen=True)
class SectionSpec:
    """A section of the report and the dashboard panels it takes, by key.

    A panel belongs to the first section one of whose ``keys`` its key
    starts with; panels no section takes (the heat map, the review backlog)
    stay on the dashboard.
    """

    key: str
    title: Promise
    text: Promise
    keys: tuple[str, ...]


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(
        "contacts",
        gettext_lazy("Contacts"),
        gettext_lazy(
            "Every contact the line took, by the way callers reached it, the "
            "language of the line and who sent them. Non-data contacts (silent, "
            "hung up, wrong number and the like) are counted but have no report."
        ),
        ("total", "channel", "language", "source", "contact_type", "type", "non_data"),
    ),
    SectionSpec(
        "trend",
        gettext_lazy("Month by month"),
        gettext_lazy(
            "The contacts of every month beside the same month a year earlier, "
            "so growth and the seasons can be told apart."
        ),
        ("trend", "month"),
    ),
    SectionSpec(
        "loneliness",
        gettext_lazy("Loneliness"),
        gettext_lazy(
            "Whether a conversation was about loneliness, or the caller called "
            "out of loneliness, and whether that loneliness was social (missing "
            "a circle of people) or emotional (missing a close bond). "
            "Conversations only."
        ),
        ("loneliness",),
    ),
    SectionSpec(
        "topics",
        gettext_lazy("Topics and what callers looked for"),
        gettext_lazy(
            "What the conversations were about and what callers wanted from "
            "them. A conversation can have several topics, so the counts add up "
            "to more than the number of conversations."
        ),
        ("topic", "sought", "typology"),
    ),
    SectionSpec(
        "referrals",
        gettext_lazy("Referrals, transfers and crises"),
        gettext_lazy(
            "How often volunteers pointed callers to other help or put them "
            "through to someone else, and how many callers were in acute "
            "danger or crisis. The study behind the line found about 4% of "
            "conversations referred."
        ),
        ("referral", "transfer", "crisis"),
    ),
    SectionSpec(
        "regular",
        gettext_lazy("Regular callers"),
        gettext_lazy(
            "The share of conversations with regular callers, and how often a "
            "regular caller called while the agreed limit was already reached."
        ),
        ("regular", "limit"),
    ),
)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    text: str
    panels: tuple[Panel, ...]

    @property
    def headlines(self) -> list[str]:
        return [line for panel in self.panels if (line := headline(panel))]


@dataclass(frozen=True)
class AnnualReport:
    scope_name: str
    year: int
    period: Period
    made_at: datetime
    sections: tuple[Section, ...]

    @property
    def is_empty(self) -> bool:
        return all(panel.is_empty() for s in self.sections for panel in s.panels)


def build(
    *,
    scope_name: str,
    year: int,
    panels: Iterable[Panel],
    made_at: datetime,
    specs: Sequence[SectionSpec] = SECTIONS,
) -> AnnualReport:
    """The report of ``year``: each panel in the first section that takes it."""
    taken: dict[str, list[Panel]] = {spec.key: [] for spec in specs}
    for panel in panels:
        for spec in specs:
            if panel.key.startswith(spec.keys):
                taken[spec.key].append(panel)
                break
    sections = tuple(
        Section(spec.key, str(spec.title), str(spec.text), tuple(taken[spec.key]))
        for spec in specs
        if taken[spec.key]
    )
    return AnnualReport(scope_name, year, Period.year(year), made_at, sections)


def local_figure(value: float) -> str:
    """A number as the report writes it: whole or with one decimal, localised."""
    whole = float(value).is_integer()
    return number_format(round(value, 1), decimal_pos=0 if whole else 1)


def _number(value: float, unit: str) -> str:
    shown = local_figure(value)
    return f"{shown}%" if unit == "percent" else shown


def headline(panel: Panel) -> str:
    """One sentence with the panel's main figure, for the section's text."""
    if panel.is_empty() or not panel.series:
        return ""
    first = panel.series[0]
    known = [(c, v) for c, v in zip(panel.categories, first.values, strict=False) if v]
    if panel.chart == Chart.NUMBER or panel.unit != "count":
        figures = ", ".join(
            f"{category} {_number(float(value), panel.unit)}"
            for category, value in known
        )
        return f"{panel.title}: {figures}."
    total = sum(float(value) for _c, value in known)
    if panel.chart == Chart.LINES:
        return _("%(title)s: %(total)s in total (%(series)s).") % {
            "title": panel.title,
            "total": _number(total, "count"),
            "series": first.label,
        }
    largest, value = max(known, key=lambda item: float(item[1]))
    return _(
        "%(title)s: %(total)s in total; the largest share is %(largest)s (%(share)s)."
    ) % {
        "title": panel.title,
        "total": _number(total, "count"),
        "share": _number(100 * float(value) / total, "percent"),
        "largest": largest,
    }
