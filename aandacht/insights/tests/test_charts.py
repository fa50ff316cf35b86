"""Charts drawn on the server: structure, text alternative, colours, references."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from aandacht.insights.charts import (
    HEAT_SCALE,
    PALETTE,
    ChartText,
    contrast_ratio,
    description,
    svg,
)
from aandacht.insights.panels import Chart, Panel, Reference, Series

NS = {"svg": "http://www.w3.org/2000/svg"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun")

CHANNELS = Panel(
    key="channel",
    title="Contacts by channel",
    chart=Chart.BARS,
    categories=("Phone", "Chat", "E-mail"),
    series=(
        Series("This period", (1200, 340, 27)),
        Series("A year earlier", (1100, None, 31)),
    ),
)
LONELINESS = Panel(
    key="loneliness_trend",
    title="Callers about loneliness",
    chart=Chart.LINES,
    categories=MONTHS,
    series=(
        Series("This period", (31.0, 33.5, None, 30.0, 29.5, 35.0)),
        Series("A year earlier", (28.0, 27.0, 29.0, 30.5, 31.0, 32.0)),
    ),
    unit="percent",
    references=(Reference("Lonely adults in the Netherlands", 46.0, "CBS 2022"),),
)
HOURS = tuple(f"{hour:02d}" for hour in range(24))
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def heat(scale: int) -> Panel:
    return Panel(
        key="heat map",
        title="Contacts by hour and weekday",
        chart=Chart.HEATMAP,
        categories=HOURS,
        series=tuple(
            Series(day, tuple(float(row * hour * scale) for hour in range(24)))
            for row, day in enumerate(WEEKDAYS)
        ),
    )


DURATION = Panel(
    key="duration",
    title="Duration",
    chart=Chart.HISTOGRAM,
    categories=("0–5 min", "5–15 min", "15–30 min", "30+ min"),
    series=(Series("Contacts", (40, 120, 75, 12)),),
)
HEADLINES = Panel(
    key="headlines",
    title="This period",
    chart=Chart.NUMBER,
    categories=("",),
    series=(Series("Contacts", (1567,)), Series("Referral rate", (3.8,))),
    unit="count",
)
EVERY_CHART = [CHANNELS, LONELINESS, heat(1), DURATION, HEADLINES]


def parsed(panel: Panel, text: ChartText | None = None) -> ET.Element:
    """The chart as XML; our own output, so the standard parser is safe."""
    return ET.fromstring(svg(panel, text or ChartText()))  # noqa: S314


def texts(root: ET.Element) -> list[str]:
    return [node.text or "" for node in root.iter(f"{{{NS['svg']}}}text")]


@pytest.mark.parametrize("panel", EVERY_CHART, ids=lambda p: p.chart)
def test_every_chart_is_an_image_named_by_its_title_and_described(panel):
    root = parsed(panel)
    assert root.get("role") == "img"
    title = root.find("svg:title", NS)
    desc = root.find("svg:desc", NS)
    assert title is not None
    assert desc is not None
    assert title.text == panel.title
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert desc.text == description(panel)
    assert next(iter(root)) is title  # the title comes first, as SVG asks


@pytest.mark.parametrize("panel", EVERY_CHART, ids=lambda p: p.chart)
def test_the_same_panel_draws_the_same_bytes(panel):
    assert svg(panel) == svg(panel)


def test_bars_state_every_number_in_words_and_on_the_bars():
    words = description(CHANNELS)
    assert words == (
        "This period: Phone 1200, Chat 340, E-mail 27. "
        "A year earlier: Phone 1100, E-mail 31."
    )
    root = parsed(CHANNELS)
    bars = root.findall(".//svg:rect/svg:title", NS)
    assert [bar.text for bar in bars] == [
        "This period, Phone: 1200",
        "A year earlier, Phone: 1100",
        "This period, Chat: 340",
        "This period, E-mail: 27",
        "A year earlier, E-mail: 31",
    ]
    assert {"1200", "340", "27", "1100", "31"} <= set(texts(root))


def test_a_missing_value_draws_no_bar_but_a_zero_is_a_real_zero():
    panel = Panel(
        key="k",
        title="T",
        chart=Chart.BARS,
        categories=("a", "b"),
        series=(Series("s", (0, None)), Series("t", (5, 5))),
    )
    titles = [t.text for t in parsed(panel).findall(".//svg:rect/svg:title", NS)]
    assert titles == ["s, a: 0", "t, a: 5", "t, b: 5"]


def test_a_reference_is_a_dashed_named_line_and_is_named_in_the_words():
    root = parsed(LONELINESS)
    reference = root.find("svg:g[@class='chart__reference']", NS)
    assert reference is not None
    line = reference.find("svg:line", NS)
    assert line is not None
    assert line.get("stroke-dasharray")
    assert texts(reference) == ["Lonely adults in the Netherlands: 46%"]
    assert "Reference: Lonely adults in the Netherlands 46% (CBS 2022)." in description(
        LONELINESS
    )


def test_the_reference_fits_on_the_scale_even_above_every_value():
    root = parsed(LONELINESS)
    reference_line = root.find("svg:g[@class='chart__reference']/svg:line", NS)
    assert reference_line is not None
    y = float(reference_line.get("y1", "0"))
    top = min(
        float(line.get("y1", "0"))
        for line in root.findall("svg:g[@class='chart__axis']/svg:line", NS)
    )
    assert y >= top


def test_two_lines_differ_in_dash_and_marker_not_only_in_colour():
    root = parsed(LONELINESS)
    series = root.findall("svg:g[@class='chart__series']", NS)
    assert len(series) == 2
    dashes = [
        {p.get("stroke-dasharray") for p in s.findall("svg:polyline", NS)}
        for s in series
    ]
    assert dashes[0] == {None}
    assert dashes[1] not in ({None}, set())
    shapes = [{m.tag for m in s if m.get("class") == "chart__marker"} for s in series]
    assert shapes[0] != shapes[1]


def test_a_line_breaks_where_a_month_has_no_value():
    root = parsed(LONELINESS)
    first = root.findall("svg:g[@class='chart__series']", NS)[0]
    polylines = first.findall("svg:polyline", NS)
    assert [len(p.get("points", "").split()) for p in polylines] == [2, 3]
    markers = [m for m in first if m.get("class") == "chart__marker"]
    assert len(markers) == 5


def test_lines_list_every_value_for_a_short_series():
    words = description(LONELINESS)
    assert words.startswith(
        "This period: Jan 31%, Feb 33.5%, Apr 30%, May 29.5%, Jun 35%. "
        "A year earlier: Jan 28%, Feb 27%"
    )


def test_a_long_trend_is_summarised_with_its_ends_and_extremes():
    months = tuple(f"M{i}" for i in range(1, 25))
    panel = Panel(
        key="t",
        title="Contacts per month",
        chart=Chart.LINES,
        categories=months,
        series=(Series("Contacts", tuple(float(100 + i) for i in range(24))),),
    )
    assert description(panel) == (
        "Contacts: from 100 in M1 to 123 in M24; highest 123 (M24), lowest 100 (M1)."
    )


def test_heatmap_cells_carry_their_numbers_and_a_legend_gives_the_shades():
    root = parsed(heat(1))
    shown = texts(root)
    assert "138" in shown  # Sunday 23:00, the busiest cell (6 x 23)
    legend = root.find("svg:g[@class='chart__legend']", NS)
    assert legend is not None
    assert len(legend.findall("svg:rect", NS)) == len(HEAT_SCALE)
    assert texts(legend)[-1] == "≤ 138"
    assert description(heat(1)) == (
        "Total 5796; highest 138 (Sun 23), lowest 0 (Mon 00)."
    )


def test_heatmap_numbers_too_wide_for_a_cell_are_left_to_the_legend():
    root = parsed(heat(1000))
    assert "138000" not in texts(root)
    legend = root.find("svg:g[@class='chart__legend']", NS)
    assert legend is not None
    assert texts(legend)[-1] == "≤ 138000"


def test_the_darkest_shade_is_the_highest_cell_and_zero_the_lightest():
    cells = parsed(heat(1)).findall(".//svg:rect/svg:title/..", NS)
    by_title = {}
    for cell in cells:
        title = cell.find("svg:title", NS)
        assert title is not None
        assert title.text is not None
        by_title[title.text] = cell.get("fill")
    assert by_title["Sun, 23: 138"] == HEAT_SCALE[-1]
    assert by_title["Mon, 05: 0"] == HEAT_SCALE[0]


def test_histogram_bins_touch_and_state_their_counts():
    root = parsed(DURATION)
    rects = root.findall(".//svg:rect", NS)
    xs = [float(r.get("x", "0")) for r in rects]
    widths = [float(r.get("width", "0")) for r in rects]
    for i in range(len(rects) - 1):
        assert xs[i] + widths[i] == pytest.approx(xs[i + 1], abs=0.11)
    assert description(DURATION) == (
        "Contacts: 0–5 min 40, 5–15 min 120, 15–30 min 75, 30+ min 12."
    )


def test_headline_numbers_show_each_figure_with_its_label():
    root = parsed(HEADLINES)
    assert texts(root) == ["1567", "Contacts", "3.8", "Referral rate"]
    assert description(HEADLINES) == "Contacts: 1567. Referral rate: 3.8."


def test_a_table_only_panel_draws_nothing():
    panel = Panel("t", "Topics", Chart.TABLE, ("a",), (Series("s", (1,)),))
    assert svg(panel) == ""


def test_an_empty_panel_says_there_is_nothing_to_show():
    panel = Panel("e", "Crisis", Chart.BARS, ("a", "b"), (Series("s", (0, None)),))
    root = parsed(panel)
    assert texts(root) == ["Every value in this period is 0."]
    assert description(panel) == "Every value in this period is 0."
    missing = Panel("m", "Trend", Chart.LINES, ("a",), (Series("s", (None,)),))
    assert description(missing) == "No figures for this period."


def test_an_empty_panel_still_names_its_reference_and_note():
    panel = Panel(
        key="referrals",
        title="Referrals",
        chart=Chart.BARS,
        categories=("All",),
        series=(Series("Share", (0,)),),
        unit="percent",
        note="0 of 12 conversations referred the caller",
        references=(Reference("In the study", 4.0, "Study 2011"),),
    )
    assert description(panel) == (
        "Every value in this period is 0. Reference: In the study 4% (Study 2011). "
        "0 of 12 conversations referred the caller."
    )


def test_a_quiet_heatmap_legend_counts_in_whole_numbers():
    quiet = Panel(
        key="quiet",
        title="Contacts by hour and weekday",
        chart=Chart.HEATMAP,
        categories=("08", "09", "10"),
        series=(Series("Mon", (0, 1, 3)), Series("Tue", (2, 0, 1))),
    )
    root = parsed(quiet)
    legend = root.find("svg:g[@class='chart__legend']", NS)
    assert legend is not None
    assert texts(legend) == ["0", "≤ 1", "≤ 2", "≤ 3"]
    fills = [r.get("fill") for r in legend.findall("svg:rect", NS)]
    assert fills[0] == HEAT_SCALE[0]
    assert fills[-1] == HEAT_SCALE[-1]
    assert len(set(fills)) == 4  # every bound its own shade


def test_count_axes_have_whole_ticks():
    panel = Panel(
        key="few",
        title="Contacts per month",
        chart=Chart.LINES,
        categories=("Jan", "Feb"),
        series=(Series("Contacts", (4, 10)),),
    )
    axis = parsed(panel).find("svg:g[@class='chart__axis']", NS)
    assert axis is not None
    assert texts(axis) == ["0", "5", "10"]


def test_text_is_escaped_so_the_chart_stays_valid():
    panel = Panel(
        key="x",
        title='Help <"&"> needed',
        chart=Chart.BARS,
        categories=("<script>",),
        series=(Series("A & B", (3,)),),
    )
    root = parsed(panel)  # would raise on broken markup
    assert "<script>" in texts(root)
    title = root.find("svg:title", NS)
    assert title is not None
    assert title.text == 'Help <"&"> needed'


def test_the_note_says_what_the_numbers_include():
    panel = Panel(
        key="typology",
        title="Typology",
        chart=Chart.BARS,
        categories=("A",),
        series=(Series("Contacts", (12,)),),
        note="Assessed contacts only: 12",
    )
    assert description(panel).endswith("Assessed contacts only: 12.")


def test_words_and_numbers_come_from_the_callers_translation_and_format():
    dutch = {
        "Reference: %(label)s %(value)s (%(source)s)": (
            "Referentie: %(label)s %(value)s (%(source)s)"
        )
    }
    text = ChartText(
        translate=lambda s: dutch.get(s, s),
        number=lambda v: f"{v:.1f}".replace(".", ","),
    )
    words = description(LONELINESS, text)
    assert "Jan 31,0%" in words
    assert "Referentie: Lonely adults in the Netherlands 46,0% (CBS 2022)." in words


def test_minutes_are_named_as_minutes():
    panel = Panel(
        key="m",
        title="Mean duration",
        chart=Chart.NUMBER,
        categories=("",),
        series=(Series("Mean", (23.5,)),),
        unit="minutes",
    )
    assert description(panel) == "Mean: 23.5 min."


@pytest.mark.parametrize("colour", PALETTE)
def test_every_series_colour_stands_out_against_white(colour):
    assert contrast_ratio(colour) >= 3.0


def test_the_contrast_ratio_is_wcags():
    assert contrast_ratio("#000000") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#767676") == pytest.approx(4.54, abs=0.01)


def test_ids_in_one_page_are_unique_per_panel_key():
    first, second = parsed(CHANNELS), parsed(DURATION)
    assert first.get("aria-labelledby") != second.get("aria-labelledby")
    assert parsed(heat(1)).get("aria-labelledby") == (
        "chart-heat-map-title chart-heat-map-desc"
    )
