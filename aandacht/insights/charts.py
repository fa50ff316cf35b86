"""A dashboard panel drawn as an accessible SVG chart, on the server.

One function, ``svg(panel)``, turns any ``Panel`` into an ``<svg>`` element
that can be put straight into a page or a PDF (WeasyPrint draws SVG): no
JavaScript charting library, nothing to serve, nothing the content-security
policy has to allow. Every chart

- has ``role="img"``, a ``<title>`` (the panel's title) and a ``<desc>`` that
  states the main numbers in words, so a screen-reader user hears what a
  sighted reader sees (the table view has every number);
- uses a colour-blind-safe palette whose colours all have at least 3:1
  contrast against white (WCAG 1.4.11), and never relies on colour alone:
  lines differ in dash and marker, bars carry their value, heat-map cells
  their number or a legend;
- draws each ``Reference`` figure as a dashed, named line;
- is deterministic: the same panel gives the same bytes, so tests can
  compare structure and a cached page never changes by itself.

Pure on purpose: standard library only. The words a chart adds ("a year
earlier" is the selector's; "reference", "no contacts" are ours) are marked
with ``_`` so ``makemessages`` finds them, and translated through the
``ChartText.translate`` the caller passes (Django's ``gettext`` in a view),
so this module needs no Django.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape as _escape

from aandacht.insights.panels import Chart, Panel, Reference, Series

__all__ = [
    "HEAT_SCALE",
    "PALETTE",
    "ChartText",
    "contrast_ratio",
    "description",
    "figure",
    "format_value",
    "svg",
]


def _(text: str) -> str:
    """Mark a text for translation; it is translated when a chart is drawn."""
    return text


# Okabe & Ito's colour-blind-safe palette, the lighter members darkened so
# each keeps 3:1 contrast against white (blue, vermilion, green, purple,
# brown, grey). A test checks the contrast.
PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#C04F00",
    "#007A5A",
    "#9E3D84",
    "#7A5C00",
    "#595959",
)
# Dashes and markers tell lines apart without colour.
DASHES: tuple[str, ...] = ("", "8 4", "2 3", "10 3 2 3")
MARKERS: tuple[str, ...] = ("circle", "square", "triangle", "diamond")
# A single-hue sequential scale (light to dark blue) for the heat map.
HEAT_SCALE: tuple[str, ...] = (
    "#F2F7FB",
    "#D3E4F1",
    "#A9CCE4",
    "#74ADD4",
    "#3F8BC0",
    "#1A66A0",
    "#08427A",
)
INK = "#1F2328"
MUTED = "#57606A"
GRID = "#D0D7DE"
REFERENCE_INK = "#B3261E"

WIDTH = 640
FONT = 12
LIST_IN_FULL = 12  # more values than this are summarised in the description


def figure(value: float) -> str:
    """A number as the table shows it: whole numbers plain, else one decimal."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


@dataclass(frozen=True)
class ChartText:
    """How the words and numbers a chart adds are written.

    The defaults are English and plain; a view passes Django's ``gettext``
    (and may pass a localised number format).
    """

    translate: Callable[[str], str] = str
    number: Callable[[float], str] = figure


ENGLISH = ChartText()


# -- public -----------------------------------------------------------------


def svg(panel: Panel, text: ChartText = ENGLISH) -> str:
    """The panel as an ``<svg>`` element; empty for a table-only panel."""
    if panel.chart == Chart.TABLE:
        return ""
    if panel.is_empty():
        body, height = _empty(panel, text)
    else:
        body, height = _DRAW[panel.chart](panel, text)
    return _frame(panel, text, body, height)


def description(panel: Panel, text: ChartText = ENGLISH) -> str:
    """The chart in words: what a sighted reader takes from it, with numbers."""
    if panel.is_empty():
        parts = [_empty_words(panel, text)]
    elif panel.chart == Chart.HEATMAP:
        parts = [_heatmap_words(panel, text)]
    elif panel.chart == Chart.LINES:
        parts = [_line_words(series, panel, text) for series in panel.series]
    else:
        parts = [_series_words(series, panel, text) for series in panel.series]
    parts += [_reference_words(ref, panel, text) for ref in panel.references]
    if panel.note:
        parts.append(panel.note)
    return " ".join(_sentence(part) for part in parts if part)


def format_value(value: float, unit: str, text: ChartText = ENGLISH) -> str:
    """A value with its unit, as charts and their descriptions write it."""
    return _value(value, unit, text)


def contrast_ratio(colour: str, background: str = "#FFFFFF") -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours (1 to 21)."""
    lighter, darker = sorted((_luminance(colour), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# -- frame and shared pieces --------------------------------------------------


def _frame(panel: Panel, text: ChartText, body: list[str], height: int) -> str:
    slug = _slug(panel.key)
    title_id, desc_id = f"chart-{slug}-title", f"chart-{slug}-desc"
    width = _width(panel)
    return "".join(
        [
            '<svg xmlns="http://www.w3.org/2000/svg"',
            f' class="chart chart--{panel.chart}"'
            f' viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
            f' role="img" aria-labelledby="{title_id} {desc_id}"'
            f' font-family="sans-serif" font-size="{FONT}" fill="{INK}">',
            f'<title id="{title_id}">{_esc(panel.title)}</title>',
            f'<desc id="{desc_id}">{_esc(description(panel, text))}</desc>',
            *body,
            "</svg>",
        ]
    )


def _width(panel: Panel) -> int:
    if panel.chart == Chart.HEATMAP and not panel.is_empty():
        return _heat_geometry(panel)[0]
    return WIDTH


def _empty_words(panel: Panel, text: ChartText) -> str:
    """Nothing to draw: no values at all, or every value a real zero."""
    if all(v is None for s in panel.series for v in s.values):
        return text.translate(_("No figures for this period."))
    return text.translate(_("Every value in this period is 0."))


def _empty(panel: Panel, text: ChartText) -> tuple[list[str], int]:
    message = _empty_words(panel, text)
    return [_text(WIDTH / 2, 40, message, anchor="middle", fill=MUTED)], 70


def _legend(series: Sequence[Series], y: float, *, lines: bool) -> list[str]:
    """One entry per series: a swatch (or line with its marker) and the label."""
    parts = ['<g class="chart__legend">']
    x = 10.0
    for index, item in enumerate(series):
        colour = _colour(index)
        if lines:
            dash = _dash_attr(index)
            parts.append(
                f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x + 28:.1f}" y2="{y:.1f}"'
                f' stroke="{colour}" stroke-width="2.5"{dash}/>'
            )
            parts.append(_marker(index, x + 14, y))
            x += 34
        else:
            parts.append(
                f'<rect x="{x:.1f}" y="{y - 6:.1f}" width="12" height="12"'
                f' fill="{colour}"/>'
            )
            x += 18
        parts.append(_text(x, y + 4, item.label))
        x += _text_width(item.label) + 18
    parts.append("</g>")
    return parts


def _reference_line_x(
    ref: Reference, x: float, top: float, bottom: float, text: ChartText, unit: str
) -> list[str]:
    """A vertical dashed line at a reference value, with its name."""
    name = f"{ref.label}: {_value(ref.value, unit, text)}"
    return [
        '<g class="chart__reference">',
        f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{bottom:.1f}"'
        f' stroke="{REFERENCE_INK}" stroke-width="2" stroke-dasharray="6 3"/>',
        _text(x + 4, top + 10, name, fill=REFERENCE_INK),
        "</g>",
    ]


def _reference_line_y(
    ref: Reference, y: float, left: float, right: float, text: ChartText, unit: str
) -> list[str]:
    """A horizontal dashed line at a reference value, with its name."""
    name = f"{ref.label}: {_value(ref.value, unit, text)}"
    return [
        '<g class="chart__reference">',
        f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}"'
        f' stroke="{REFERENCE_INK}" stroke-width="2" stroke-dasharray="6 3"/>',
        _text(right, y - 4, name, anchor="end", fill=REFERENCE_INK),
        "</g>",
    ]


# -- bars ---------------------------------------------------------------------


def _bars(panel: Panel, text: ChartText) -> tuple[list[str], int]:
    """Horizontal bars: long category names stay readable, values at the end."""
    groups = len(panel.series)
    bar, gap = 16, 10
    label_width = min(220, max(_text_width(c) for c in panel.categories) + 12)
    legend = groups > 1
    top = 34.0 if legend else 12.0
    left, right = float(label_width), float(WIDTH - 60)
    band = groups * bar + gap
    bottom = top + band * len(panel.categories)
    scale = _scale(
        _values(panel) + [r.value for r in panel.references],
        whole=panel.unit == "count",
    )
    parts = _axis_x(scale, left, right, top, bottom, panel.unit, text)
    if legend:
        parts += _legend(panel.series, 14, lines=False)
    for row, category in enumerate(panel.categories):
        y = top + row * band + gap / 2
        parts.append(
            _text(left - 6, y + groups * bar / 2 + 4, _clip(category), anchor="end")
        )
        for index, series in enumerate(panel.series):
            value = series.values[row]
            if value is None:
                continue
            x2 = _at(value, scale, left, right)
            yy = y + index * bar
            parts.append(
                f'<rect x="{left:.1f}" y="{yy + 1:.1f}" width="{x2 - left:.1f}"'
                f' height="{bar - 2}" fill="{_colour(index)}">'
                f"<title>{_esc(_point(series, category, value, panel, text))}</title>"
                "</rect>"
            )
            parts.append(_text(x2 + 4, yy + bar - 4, _value(value, panel.unit, text)))
    for ref in panel.references:
        x = _at(ref.value, scale, left, right)
        parts += _reference_line_x(ref, x, top - 10, bottom, text, panel.unit)
    return parts, int(bottom + 26)


def _axis_x(
    scale: list[float],
    left: float,
    right: float,
    top: float,
    bottom: float,
    unit: str,
    text: ChartText,
) -> list[str]:
    parts = ['<g class="chart__axis">']
    for tick in scale:
        x = _at(tick, scale, left, right)
        parts.append(
            f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{bottom:.1f}"'
            f' stroke="{GRID}"/>'
        )
        parts.append(
            _text(x, bottom + 16, _value(tick, unit, text), anchor="middle", fill=MUTED)
        )
    parts.append("</g>")
    return parts


# -- lines --------------------------------------------------------------------


def _lines(panel: Panel, text: ChartText) -> tuple[list[str], int]:
    """A line per series over ordered categories; gaps where a value is None."""
    top, bottom = 40.0, 250.0
    left, right = 56.0, float(WIDTH - 16)
    scale = _scale(
        _values(panel) + [r.value for r in panel.references],
        whole=panel.unit == "count",
    )
    parts = _axis_y(scale, left, right, top, bottom, panel.unit, text)
    parts += _legend(panel.series, 16, lines=True)
    xs = _spread(len(panel.categories), left + 12, right - 12)
    parts += _category_labels(panel.categories, xs, bottom + 18)
    for index, series in enumerate(panel.series):
        parts.append(f'<g class="chart__series" data-series="{index}">')
        for run in _runs(series.values):
            points = " ".join(
                f"{xs[i]:.1f},{_at_y(v, scale, top, bottom):.1f}" for i, v in run
            )
            parts.append(
                f'<polyline points="{points}" fill="none" stroke="{_colour(index)}"'
                f' stroke-width="2.5"{_dash_attr(index)}/>'
            )
        for i, value in enumerate(series.values):
            if value is None:
                continue
            point = _point(series, panel.categories[i], value, panel, text)
            parts.append(
                _marker(index, xs[i], _at_y(value, scale, top, bottom), title=point)
            )
        parts.append("</g>")
    for ref in panel.references:
        y = _at_y(ref.value, scale, top, bottom)
        parts += _reference_line_y(ref, y, left, right, text, panel.unit)
    return parts, int(bottom + 32)


def _axis_y(
    scale: list[float],
    left: float,
    right: float,
    top: float,
    bottom: float,
    unit: str,
    text: ChartText,
) -> list[str]:
    parts = ['<g class="chart__axis">']
    for tick in scale:
        y = _at_y(tick, scale, top, bottom)
        parts.append(
            f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}"'
            f' stroke="{GRID}"/>'
        )
        parts.append(
            _text(left - 6, y + 4, _value(tick, unit, text), anchor="end", fill=MUTED)
        )
    parts.append("</g>")
    return parts


def _category_labels(
    categories: Sequence[str], xs: Sequence[float], y: float
) -> list[str]:
    """Labels under the axis; with many categories every n-th, so none overlap."""
    widest = max(_text_width(c) for c in categories) + 8
    room = (xs[1] - xs[0]) if len(xs) > 1 else widest
    every = max(1, math.ceil(widest / room))
    parts = ['<g class="chart__categories">']
    for i, category in enumerate(categories):
        if i % every == 0:
            parts.append(_text(xs[i], y, category, anchor="middle", fill=MUTED))
    parts.append("</g>")
    return parts


def _runs(values: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """Unbroken stretches of values: a line does not bridge a missing month."""
    runs: list[list[tuple[int, float]]] = [[]]
    for i, value in enumerate(values):
        if value is None:
            runs.append([])
        else:
            runs[-1].append((i, value))
    return [run for run in runs if run]


# -- histogram ------------------------------------------------------------------


def _histogram(panel: Panel, text: ChartText) -> tuple[list[str], int]:
    """Ordered bins as touching vertical bars, a series per colour."""
    legend = len(panel.series) > 1
    top, bottom = (40.0 if legend else 20.0), 230.0
    left, right = 56.0, float(WIDTH - 16)
    scale = _scale(
        _values(panel) + [r.value for r in panel.references],
        whole=panel.unit == "count",
    )
    parts = _axis_y(scale, left, right, top, bottom, panel.unit, text)
    if legend:
        parts += _legend(panel.series, 16, lines=False)
    bins = len(panel.categories)
    bin_width = (right - left) / bins
    bar_width = bin_width / len(panel.series)
    xs = [left + bin_width * (i + 0.5) for i in range(bins)]
    parts += _category_labels(panel.categories, xs, bottom + 18)
    for index, series in enumerate(panel.series):
        for i, value in enumerate(series.values):
            if value is None:
                continue
            x = left + bin_width * i + bar_width * index
            y = _at_y(value, scale, top, bottom)
            point = _point(series, panel.categories[i], value, panel, text)
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}"'
                f' height="{bottom - y:.1f}" fill="{_colour(index)}"'
                f' stroke="#FFFFFF" stroke-width="1">'
                f"<title>{_esc(point)}</title></rect>"
            )
    for ref in panel.references:
        y = _at_y(ref.value, scale, top, bottom)
        parts += _reference_line_y(ref, y, left, right, text, panel.unit)
    return parts, int(bottom + 32)


# -- heat map -------------------------------------------------------------------


def _heat_geometry(panel: Panel) -> tuple[int, float, float, bool]:
    """(width, label column, cell width, whether numbers fit in the cells)."""
    label_width = min(140.0, max(_text_width(s.label) for s in panel.series) + 12)
    cell = max(22.0, (WIDTH - label_width - 10) / len(panel.categories))
    digits = max(len(figure(v)) for v in _values(panel))
    numbers_fit = digits * 6.2 + 4 <= cell
    return (
        int(label_width + cell * len(panel.categories) + 10),
        label_width,
        cell,
        (numbers_fit),
    )


def _heatmap(panel: Panel, text: ChartText) -> tuple[list[str], int]:
    """Rows x columns of cells, darker for more, each with its number if it fits.

    The legend under the grid gives the range of each shade, so the numbers
    can be read even when they do not fit in the cells.
    """
    _width, left, cell, numbers_fit = _heat_geometry(panel)
    top, row_height = 22.0, 24.0
    shades = _shades(max(_values(panel)), panel.unit)
    xs = [left + cell * (i + 0.5) for i in range(len(panel.categories))]
    parts = _category_labels(panel.categories, xs, top - 6)
    for row, series in enumerate(panel.series):
        y = top + row * row_height
        parts.append(
            _text(left - 6, y + row_height / 2 + 4, series.label, anchor="end")
        )
        for i, value in enumerate(series.values):
            x = left + cell * i
            point = _point(series, panel.categories[i], value, panel, text)
            shade = _shade(value, shades)
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{cell:.1f}"'
                f' height="{row_height:.1f}" fill="{HEAT_SCALE[shade]}"'
                f' stroke="#FFFFFF"><title>{_esc(point)}</title></rect>'
            )
            if numbers_fit and value is not None:
                ink = "#FFFFFF" if shade >= 4 else INK
                parts.append(
                    _text(
                        x + cell / 2,
                        y + row_height / 2 + 4,
                        text.number(value),
                        anchor="middle",
                        fill=ink,
                        size=10,
                    )
                )
    bottom = top + row_height * len(panel.series)
    parts += _heat_legend(shades, left, bottom + 14, panel.unit, text)
    return parts, int(bottom + 44)


def _shades(highest: float, unit: str) -> list[tuple[float, int]]:
    """(upper bound, shade) pairs from light to dark; whole bounds for counts.

    Counts get whole-number bounds, so a quiet region's legend reads "≤ 1,
    ≤ 2, ≤ 3" rather than "≤ 0.5"; shades are then spread over the scale.
    """
    steps = len(HEAT_SCALE) - 1
    raw = [highest * k / steps for k in range(1, steps + 1)]
    bounds = sorted({math.ceil(b) for b in raw}) if unit == "count" else raw
    if len(bounds) == 1:
        return [(bounds[0], steps)]
    last = len(bounds) - 1
    return [(b, 1 + round(i * (steps - 1) / last)) for i, b in enumerate(bounds)]


def _shade(value: float | None, shades: list[tuple[float, int]]) -> int:
    """0 for nothing, else the shade of the first bound the value stays under."""
    if not value:
        return 0
    return next((shade for bound, shade in shades if value <= bound), shades[-1][1])


def _heat_legend(
    shades: list[tuple[float, int]], left: float, y: float, unit: str, text: ChartText
) -> list[str]:
    entries = [(_value(0, unit, text), 0)] + [
        ("≤ " + _value(round(bound, 1), unit, text), shade) for bound, shade in shades
    ]
    parts = ['<g class="chart__legend">']
    x = left
    for label, shade in entries:
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="14" height="14"'
            f' fill="{HEAT_SCALE[shade]}" stroke="{GRID}"/>'
        )
        parts.append(_text(x + 18, y + 11, label, size=10))
        x += 22 + _text_width(label, size=10) + 10
    parts.append("</g>")
    return parts


# -- headline numbers -------------------------------------------------------------


def _numbers(panel: Panel, text: ChartText) -> tuple[list[str], int]:
    """One tile per series: the figure large, its label under it."""
    count = len(panel.series)
    tile = WIDTH / count
    parts: list[str] = []
    for index, series in enumerate(panel.series):
        value = series.values[0] if series.values else None
        shown = "–" if value is None else _value(value, panel.unit, text)
        x = tile * index + tile / 2
        parts.append('<g class="chart__number">')
        parts.append(_text(x, 40, shown, anchor="middle", size=28, weight="bold"))
        parts.append(_text(x, 62, _clip(series.label, 40), anchor="middle", fill=MUTED))
        parts.append("</g>")
    return parts, 80


_DRAW: dict[Chart, Callable[[Panel, ChartText], tuple[list[str], int]]] = {
    Chart.BARS: _bars,
    Chart.LINES: _lines,
    Chart.HISTOGRAM: _histogram,
    Chart.HEATMAP: _heatmap,
    Chart.NUMBER: _numbers,
}


# -- words ------------------------------------------------------------------------


def _series_words(series: Series, panel: Panel, text: ChartText) -> str:
    """ "Label: cat 12, cat 30" in full, or a summary for long series."""
    known = _known(series, panel)
    if not known:
        return ""
    if panel.chart == Chart.NUMBER:
        return f"{series.label}: {_value(known[0][1], panel.unit, text)}"
    if len(known) <= LIST_IN_FULL:
        items = ", ".join(f"{c} {_value(v, panel.unit, text)}" for c, v in known)
        return f"{series.label}: {items}"
    return f"{series.label}: {_summary(known, panel, text)}"


def _line_words(series: Series, panel: Panel, text: ChartText) -> str:
    """A trend in words: every point when few, else first, last and extremes."""
    known = _known(series, panel)
    if not known:
        return ""
    if len(known) <= LIST_IN_FULL:
        return _series_words(series, panel, text)
    t = text.translate
    first, last = known[0], known[-1]
    summary = t(_("from %(first)s in %(start)s to %(last)s in %(end)s")) % {
        "first": _value(first[1], panel.unit, text),
        "start": first[0],
        "last": _value(last[1], panel.unit, text),
        "end": last[0],
    }
    return f"{series.label}: {summary}; {_summary(known, panel, text)}"


def _summary(known: list[tuple[str, float]], panel: Panel, text: ChartText) -> str:
    t = text.translate
    high = max(known, key=lambda item: item[1])
    low = min(known, key=lambda item: item[1])
    return t(_("highest %(high)s (%(high_at)s), lowest %(low)s (%(low_at)s)")) % {
        "high": _value(high[1], panel.unit, text),
        "high_at": high[0],
        "low": _value(low[1], panel.unit, text),
        "low_at": low[0],
    }


def _heatmap_words(panel: Panel, text: ChartText) -> str:
    """The busiest and quietest cells and the total; the table has the rest."""
    t = text.translate
    cells = [
        (f"{series.label} {category}", value)
        for series in panel.series
        for category, value in zip(panel.categories, series.values, strict=True)
        if value is not None
    ]
    summary = _summary(cells, panel, text)
    if panel.unit != "count":
        return summary
    total = sum(value for _cell, value in cells)
    return t(_("Total %(total)s; %(summary)s")) % {
        "total": _value(total, panel.unit, text),
        "summary": summary,
    }


def _reference_words(ref: Reference, panel: Panel, text: ChartText) -> str:
    t = text.translate
    return t(_("Reference: %(label)s %(value)s (%(source)s)")) % {
        "label": ref.label,
        "value": _value(ref.value, panel.unit, text),
        "source": ref.source,
    }


def _point(
    series: Series, category: str, value: float | None, panel: Panel, text: ChartText
) -> str:
    shown = "–" if value is None else _value(value, panel.unit, text)
    name = f"{series.label}, {category}" if category else series.label
    return f"{name}: {shown}"


def _known(series: Series, panel: Panel) -> list[tuple[str, float]]:
    return [
        (category, value)
        for category, value in zip(panel.categories, series.values, strict=True)
        if value is not None
    ]


def _value(value: float, unit: str, text: ChartText) -> str:
    shown = text.number(value)
    if unit == "percent":
        return f"{shown}%"
    if unit == "minutes":
        return text.translate(_("%(number)s min")) % {"number": shown}
    return shown


def _sentence(part: str) -> str:
    part = part.strip()
    return part if part.endswith((".", "!", "?")) else f"{part}."


# -- geometry and drawing helpers ----------------------------------------------------


def _values(panel: Panel) -> list[float]:
    return [v for s in panel.series for v in s.values if v is not None]


def _scale(values: Sequence[float], *, whole: bool = False) -> list[float]:
    """Round ticks from 0 past the highest value: steps of 1, 2, 2.5 or 5 x 10^n.

    Counts (``whole``) never get a tick between two whole numbers.
    """
    highest = max([0.0, *values])
    if highest <= 0:
        return [0.0, 1.0]
    rough = highest / 4
    power = 10 ** math.floor(math.log10(rough))
    step = next(
        m * power
        for m in (1, 2, 2.5, 5, 10)
        if m * power >= rough and not (whole and not float(m * power).is_integer())
    )
    count = math.ceil(highest / step)
    return [round(step * i, 6) for i in range(count + 1)]


def _at(value: float, scale: list[float], left: float, right: float) -> float:
    return left + (right - left) * value / scale[-1]


def _at_y(value: float, scale: list[float], top: float, bottom: float) -> float:
    return bottom - (bottom - top) * value / scale[-1]


def _spread(count: int, left: float, right: float) -> list[float]:
    if count == 1:
        return [(left + right) / 2]
    step = (right - left) / (count - 1)
    return [left + step * i for i in range(count)]


def _colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _dash_attr(index: int) -> str:
    dash = DASHES[index % len(DASHES)]
    return f' stroke-dasharray="{dash}"' if dash else ""


def _marker(index: int, x: float, y: float, title: str = "") -> str:
    """A marker whose shape, not only colour, says which series it belongs to."""
    shape = MARKERS[index % len(MARKERS)]
    if shape == "circle":
        tag, attrs = "circle", f'cx="{x:.1f}" cy="{y:.1f}" r="4"'
    elif shape == "square":
        tag, attrs = "rect", f'x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8"'
    else:
        corners = (
            [(x, y - 5), (x + 5, y + 4), (x - 5, y + 4)]
            if shape == "triangle"
            else [(x, y - 5), (x + 5, y), (x, y + 5), (x - 5, y)]
        )
        points = " ".join(f"{a:.1f},{b:.1f}" for a, b in corners)
        tag, attrs = "polygon", f'points="{points}"'
    start = (
        f'<{tag} class="chart__marker" {attrs} fill="{_colour(index)}"'
        ' stroke="#FFFFFF" stroke-width="1"'
    )
    if not title:
        return start + "/>"
    return f"{start}><title>{_esc(title)}</title></{tag}>"


def _text(
    x: float,
    y: float,
    content: str,
    *,
    anchor: str = "start",
    fill: str = INK,
    size: int = FONT,
    weight: str = "",
) -> str:
    extra = f' font-weight="{weight}"' if weight else ""
    extra += f' font-size="{size}"' if size != FONT else ""
    anchor_attr = f' text-anchor="{anchor}"' if anchor != "start" else ""
    fill_attr = f' fill="{fill}"' if fill != INK else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}"{anchor_attr}{fill_attr}{extra}>'
        f"{_esc(content)}</text>"
    )


def _text_width(content: str, size: int = FONT) -> float:
    """A rough width of a text in a sans-serif font, for layout only."""
    return len(content) * size * 0.58


def _clip(content: str, limit: int = 34) -> str:
    return content if len(content) <= limit else content[: limit - 1] + "…"


def _esc(content: str) -> str:
    return _escape(content, {'"': "&quot;"})


def _slug(key: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", key.lower()).strip("-") or "panel"


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
