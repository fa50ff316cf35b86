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

from aandacht.insights.panels import Chart, Panel, Series
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
    """A section of the report and the dashboard panels it shows, by key.

    Panels no section names (the heat map, durations, the review backlog)
    are for the people planning and coaching, and stay on the dashboard.
    """

    key: str
    title: Promise
    text: Promise
    panels: tuple[str, ...]


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(
        "contacts",
        gettext_lazy("Contacts"),
        gettext_lazy(
            "Every contact the line took, by the way callers reached it, the "
            "language of the line and who sent them. Non-data contacts (silent, "
            "hung up, wrong number and the like) are counted but have no report."
        ),
        ("channel", "line_language", "source", "non_data"),
    ),
    SectionSpec(
        "trend",
        gettext_lazy("Month by month"),
        gettext_lazy(
            "The contacts of every month beside the same month a year earlier, "
            "so growth and the seasons can be told apart."
        ),
        ("trend",),
    ),
    SectionSpec(
        "loneliness",
        gettext_lazy("Loneliness"),
        gettext_lazy(
            "Whether a conversation was about loneliness, or the caller called "
            "out of loneliness, beside the share of lonely adults in the "
            "Netherlands; and whether that loneliness was social (missing a "
            "circle of people) or emotional (missing a close bond)."
        ),
        ("loneliness", "loneliness_kind"),
    ),
    SectionSpec(
        "topics",
        gettext_lazy("Topics and what callers looked for"),
        gettext_lazy(
            "What the conversations were about, what callers wanted from them, "
            "and the types of social isolation volunteers assessed. A "
            "conversation can have several topics, so the counts add up to "
            "more than the number of conversations."
        ),
        ("topics", "sought", "typology"),
    ),
    SectionSpec(
        "referrals",
        gettext_lazy("Referrals, transfers and crises"),
        gettext_lazy(
            "How often volunteers pointed callers to other help or put them "
            "through to someone else, and how many callers were in acute "
            "danger or crisis. The study behind the line found about 4% of "
            "contacts pointed to other help."
        ),
        ("referrals", "transfers", "crisis"),
    ),
    SectionSpec(
        "regular",
        gettext_lazy("Regular callers"),
        gettext_lazy(
            "The share of conversations with regular callers, and how often a "
            "regular caller called while the agreed limit was already reached."
        ),
        ("regular_callers", "limit_reached"),
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
    """The report of ``year``: each section's panels, in the section's order."""
    by_key = {panel.key: panel for panel in panels}
    sections = []
    for spec in specs:
        taken = tuple(by_key[key] for key in spec.panels if key in by_key)
        if taken:
            sections.append(Section(spec.key, str(spec.title), str(spec.text), taken))
    return AnnualReport(scope_name, year, Period.year(year), made_at, tuple(sections))


def local_figure(value: float) -> str:
    """A number as the report writes it: whole or with one decimal, localised."""
    whole = float(value).is_integer()
    return number_format(
        round(value, 1), decimal_pos=0 if whole else 1, force_grouping=True
    )


def _number(value: float, unit: str) -> str:
    shown = local_figure(value)
    return f"{shown}%" if unit == "percent" else shown


def headline(panel: Panel) -> str:
    """One sentence with a count panel's main figures, for the section's text.

    Shares and single figures say it in their own note already; a panel
    without numbers gets no sentence.
    """
    if panel.is_empty() or panel.unit != "count" or not panel.series:
        return ""
    if panel.chart == Chart.LINES and len(panel.series) == 1:
        return _("%(title)s: %(total)s in total.") % {
            "title": panel.title,
            "total": _total(panel.series[0]),
        }
    if panel.chart == Chart.LINES:
        totals = "; ".join(
            _("%(series)s: %(total)s") % {"series": s.label, "total": _total(s)}
            for s in panel.series
        )
        return f"{panel.title}: {totals}."
    if panel.chart not in {Chart.BARS, Chart.HISTOGRAM}:
        return ""
    first = panel.series[0]
    known = [
        (category, float(value))
        for category, value in zip(panel.categories, first.values, strict=False)
        if value
    ]
    total = sum(value for _category, value in known)
    largest, value = max(known, key=lambda item: item[1])
    return _(
        "%(title)s: %(total)s in total; the largest share is %(largest)s (%(share)s)."
    ) % {
        "title": panel.title,
        "total": local_figure(total),
        "share": _number(100 * value / total, "percent"),
        "largest": largest,
    }


def _total(series: Series) -> str:
    return local_figure(sum(float(v) for v in series.values if v is not None))
