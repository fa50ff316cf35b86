"""The insights dashboard on screen: charts, their tables, and CSV downloads.

One page for every scope: ``?region=<code>`` picks a region, no region is
the national dashboard for a national coordinator (or the user's own region
for everyone else). The period comes from the same query string
(``forms.PeriodForm``), so switching one keeps the other, and each CSV link
carries both.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from aandacht.core.access import current_user
from aandacht.core.models import Region
from aandacht.insights import charts
from aandacht.insights.dashboard import access
from aandacht.insights.dashboard.forms import FIELDS, PeriodForm, PeriodKind
from aandacht.insights.panels import Chart, Panel
from aandacht.insights.period import Period

# A cell that a spreadsheet would read as a formula starts with one of these.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def dashboard_panels(region: Region | None, period: Period) -> list[Panel]:
    """The one place this screen reads its numbers (tests point it at a fake)."""
    from aandacht.insights.dashboard import selectors

    return selectors.dashboard(region, period)


@dataclass(frozen=True)
class Headline:
    """One headline figure: its label, its value, and any other columns."""

    label: str
    value: str
    others: list[str]


@dataclass(frozen=True)
class ShownPanel:
    """A panel with its chart drawn and its table ready for the template."""

    panel: Panel
    chart: SafeString
    header: tuple[str, ...]
    body: list[tuple[str, ...]]
    headlines: list[Headline]
    references: list[str]

    @property
    def key(self) -> str:
        return self.panel.key

    @property
    def unit_label(self) -> str:
        return {"percent": _("in %"), "minutes": _("in minutes")}.get(
            self.panel.unit, ""
        )


def chart_text() -> charts.ChartText:
    """Chart words in the person's language, numbers in its format."""
    return charts.ChartText(translate=_, number=_localised)


def _localised(value: float) -> str:
    places = 0 if float(value).is_integer() else 1
    return number_format(value, places, use_l10n=True, force_grouping=True)


def shown(panel: Panel, text: charts.ChartText) -> ShownPanel:
    header, *body = panel.rows()
    # A headline panel is shown as text; the others as an <svg> built from
    # escaped text only.
    is_headline = panel.chart == Chart.NUMBER
    drawn = "" if is_headline else charts.svg(panel, text)
    return ShownPanel(
        panel=panel,
        chart=mark_safe(drawn),  # noqa: S308
        header=header,
        body=body,
        headlines=headlines(panel, text) if is_headline else [],
        references=[
            _("%(label)s: %(value)s (%(source)s)")
            % {
                "label": ref.label,
                "value": charts.format_value(ref.value, panel.unit, text),
                "source": ref.source,
            }
            for ref in panel.references
        ],
    )


def headlines(panel: Panel, text: charts.ChartText) -> list[Headline]:
    """The figures of a headline panel: the first column large, the rest small."""

    def value(number: float | None) -> str:
        return "–" if number is None else charts.format_value(number, panel.unit, text)

    result = []
    for series in panel.series:
        first, *rest = series.values or (None,)
        others = [
            f"{category}: {value(number)}"
            for category, number in zip(panel.categories[1:], rest, strict=False)
        ]
        result.append(Headline(series.label, value(first), others))
    return result


def choices_query(query: QueryDict, region: str) -> str:
    """The query string of the current choices, for links that keep them."""
    kept = QueryDict(mutable=True)
    for name in FIELDS:
        if name in query:
            kept[name] = str(query.get(name, ""))
    if region:
        kept["region"] = region
    return kept.urlencode()


def period_label(period: Period, kind: str) -> str:
    if kind == PeriodKind.MONTH:
        return date_format(period.first, "F Y")
    if kind == PeriodKind.QUARTER:
        quarter = (period.first.month - 1) // 3 + 1
        return _("Q%(quarter)s %(year)s") % {
            "quarter": quarter,
            "year": period.first.year,
        }
    if kind == PeriodKind.YEAR:
        return str(period.first.year)
    return _("%(first)s to %(last)s") % {
        "first": _day(period.first),
        "last": _day(period.last),
    }


def _day(day: date) -> str:
    return date_format(day, "j F Y")


@require_GET
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    scope, choices = access.dashboard_scope(user, request.GET.get("region"))
    form = PeriodForm.from_query(request.GET, timezone.localdate())
    period = form.period()
    panels = dashboard_panels(scope.region, period) if period else []
    text = chart_text()
    headlines = [shown(p, text) for p in panels if p.chart == Chart.NUMBER]
    others = [shown(p, text) for p in panels if p.chart != Chart.NUMBER]
    kind = form.cleaned_data.get("kind", "") if period else ""
    context = {
        "form": form,
        "scope": scope,
        "choices": choices,
        "period": period,
        "period_label": period_label(period, kind) if period else "",
        "earlier_label": (period_label(period.year_earlier(), kind) if period else ""),
        "headlines": headlines,
        "panels": others,
        "query": choices_query(request.GET, scope.code),
    }
    status = 200 if period else 400
    return render(request, "insights/dashboard/dashboard.html", context, status=status)


@require_GET
@login_required
def panel_csv(request: HttpRequest, key: str) -> HttpResponse:
    """One panel's table as a CSV file that Excel opens as UTF-8."""
    user = current_user(request)
    scope, _choices = access.dashboard_scope(user, request.GET.get("region"))
    form = PeriodForm.from_query(request.GET, timezone.localdate())
    period = form.period()
    if period is None:
        problems = [str(e) for errors in form.errors.values() for e in errors]
        return HttpResponse(
            " ".join(problems), status=400, content_type="text/plain; charset=utf-8"
        )
    panel = next(
        (p for p in dashboard_panels(scope.region, period) if p.key == key), None
    )
    if panel is None:
        raise Http404
    response = HttpResponse(
        csv_bytes(panel.rows()), content_type="text/csv; charset=utf-8"
    )
    name = f"aandacht-{key}-{scope.code or 'national'}-{period.first}-{period.last}"
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


def csv_bytes(rows: Sequence[Sequence[str]]) -> bytes:
    """Rows as CSV, UTF-8 with a byte-order mark so Excel reads the accents."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula.

    A text starting with = + - @ (or a tab or carriage return) gets a
    leading apostrophe; a plain number such as -3 stays a number.
    """
    if cell.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell
