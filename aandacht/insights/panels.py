"""What a dashboard panel holds, independent of how it is drawn.

The contract between the numbers (``insights.dashboard.selectors``, read
from the rollup tables) and their forms on screen and paper (an SVG chart,
a table, a CSV file, a text alternative, the annual report's PDF). Every
panel carries its own table, so each chart has a table view and a download
for free, and nothing is drawn that cannot also be read.

Pure on purpose: standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

__all__ = ["Chart", "Panel", "Reference", "Series"]


class Chart(StrEnum):
    """How a panel is best drawn; the table view exists for every kind."""

    BARS = "bars"  # one bar per category, a series per group (stacked: no)
    LINES = "lines"  # a line per series over ordered categories (months)
    HEATMAP = "heatmap"  # rows x columns, one series per row (hour x weekday)
    HISTOGRAM = "histogram"  # ordered bins (duration)
    NUMBER = "number"  # one headline figure per series, no axis
    TABLE = "table"  # no chart: the table says it best


@dataclass(frozen=True)
class Series:
    """One named row of values, aligned with ``Panel.categories``.

    ``None`` is a value that does not exist (a month still to come), which a
    chart leaves out and a table shows as a dash; 0 is a real zero.
    """

    label: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Reference:
    """A figure from outside the line to read the line's own against.

    For example the population share of lonely people in the GGD/CBS/RIVM
    survey (``../shared/docs/scales.md``), with its source and year.
    """

    label: str
    value: float
    source: str


@dataclass(frozen=True)
class Panel:
    """One dashboard panel: a title, a chart kind, and the table behind it.

    ``key`` is stable (used in URLs for the CSV download and in tests);
    ``unit`` is "count", "percent" or "minutes"; ``note`` says what the
    numbers include ("assessed contacts only: 1,234"), so a reader never
    mistakes a share of some for a share of all.
    """

    key: str
    title: str
    chart: Chart
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = "count"
    note: str = ""
    references: tuple[Reference, ...] = field(default_factory=tuple)

    def rows(self) -> list[tuple[str, ...]]:
        """The table: a header row, then one row per series (for CSV too)."""
        header = ("", *self.categories)
        body = [
            (s.label, *("" if v is None else _number(v) for v in s.values))
            for s in self.series
        ]
        return [header, *body]

    def is_empty(self) -> bool:
        return not any(v for s in self.series for v in s.values if v is not None)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
