"""The dashboard's period chooser: month, quarter, year, or from-to.

The form is read from the query string (GET), so a chosen period is a link
that can be bookmarked and shared, switching region keeps the period, and
the page works without JavaScript. Every field always has a value (the
chosen one, or the default for the last full month), so switching from a
month to a quarter is one click and nothing typed is lost on an error.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db import models
from django.http import QueryDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from aandacht.core.dates import FIRST_YEAR, LAST_YEAR, check_day, check_month
from aandacht.insights.period import Period, PeriodError

ISO_DATE = "%Y-%m-%d"
ISO_MONTH = "%Y-%m"
LONGEST_DAYS = 10 * 366 + 1  # ten years, leap days included


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    YEAR = "year", _("Year")
    RANGE = "range", _("From–to")


QUARTERS = [(1, _("Q1")), (2, _("Q2")), (3, _("Q3")), (4, _("Q4"))]
# The query-string names this form reads; the region chooser adds "region".
FIELDS = ("kind", "month", "quarter", "quarter_year", "year", "start", "end")
# The fields each kind of period reads.
USES: dict[str, set[str]] = {
    PeriodKind.MONTH: {"month"},
    PeriodKind.QUARTER: {"quarter", "quarter_year"},
    PeriodKind.YEAR: {"year"},
    PeriodKind.RANGE: {"start", "end"},
}


def last_full_month(today: datetime.date) -> Period:
    """The default: the last month that has ended (the data is complete)."""
    first_of_this_month = today.replace(day=1)
    previous = first_of_this_month - datetime.timedelta(days=1)
    return Period.month(previous.year, previous.month)


def defaults(today: datetime.date) -> dict[str, str]:
    """Values for every field, all pointing at the last full month."""
    month = last_full_month(today)
    first = month.first
    return {
        "kind": PeriodKind.MONTH,
        "month": first.strftime(ISO_MONTH),
        "quarter": str((first.month - 1) // 3 + 1),
        "quarter_year": str(first.year),
        "year": str(first.year),
        "start": first.strftime(ISO_DATE),
        "end": month.last.strftime(ISO_DATE),
    }


def _year_field(label: StrOrPromise) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        widget=forms.NumberInput(attrs={"min": FIRST_YEAR, "max": LAST_YEAR}),
        error_messages={
            "invalid": _("Enter a year, for example 2024."),
            "min_value": _("Choose a year from 2000 to 2100."),
            "max_value": _("Choose a year from 2000 to 2100."),
        },
    )


def _date_field(label: StrOrPromise) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=[ISO_DATE, "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format=ISO_DATE),
        error_messages={"invalid": _("Enter a date, for example 2024-03-31.")},
        validators=[check_day],
    )


class PeriodForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Period"),
        choices=PeriodKind.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose month, quarter, year or from–to.")},
    )
    month = forms.DateField(
        label=_("Month"),
        required=False,
        input_formats=[ISO_MONTH, "%m-%Y"],
        widget=forms.DateInput(attrs={"type": "month"}, format=ISO_MONTH),
        error_messages={"invalid": _("Enter a month as year and month, like 2024-03.")},
        validators=[check_month],
    )
    quarter = forms.TypedChoiceField(
        label=_("Quarter"),
        choices=QUARTERS,
        coerce=int,
        required=False,
        error_messages={"invalid_choice": _("Choose a quarter from Q1 to Q4.")},
    )
    quarter_year = _year_field(_("Year of the quarter"))
    year = _year_field(_("Year"))
    start = _date_field(_("From"))
    end = _date_field(_("To"))

    @classmethod
    def from_query(cls, query: QueryDict, today: datetime.date) -> PeriodForm:
        """A bound form: the query's choices over the defaults for the rest."""
        data = defaults(today)
        data.update(
            {name: str(query.get(name, "")) for name in FIELDS if name in query}
        )
        return cls(data)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        if not kind:
            return data
        self._forget_unused(kind)
        if not self.errors:
            try:
                data["period"] = self._period(kind, data)
            except PeriodError:
                self.add_error("end", gettext("The period ends before it starts."))
        return data

    def _forget_unused(self, kind: str) -> None:
        """A mistake in a field the chosen kind does not read blocks nothing."""
        for name in list(self.errors):
            if name in FIELDS and name != "kind" and name not in USES[kind]:
                del self.errors[name]

    def _period(self, kind: str, data: dict[str, Any]) -> Period | None:
        if kind == PeriodKind.MONTH:
            month = self._required(data, "month", gettext("Choose a month."))
            return Period.month(month.year, month.month) if month else None
        if kind == PeriodKind.QUARTER:
            quarter = self._required(data, "quarter", gettext("Choose a quarter."))
            year = self._required(data, "quarter_year", gettext("Enter the year."))
            return Period.quarter(year, quarter) if quarter and year else None
        if kind == PeriodKind.YEAR:
            year = self._required(data, "year", gettext("Enter a year."))
            return Period.year(year) if year else None
        start = self._required(data, "start", gettext("Enter the first day."))
        end = self._required(data, "end", gettext("Enter the last day."))
        if not (start and end):
            return None
        period = Period(start, end)
        if period.days > LONGEST_DAYS:
            self.add_error("end", gettext("Choose a period of at most ten years."))
            return None
        return period

    def _required(self, data: dict[str, Any], name: str, message: str) -> Any:
        value = data.get(name)
        if value in (None, ""):
            self.add_error(name, message)
            return None
        return value

    def period(self) -> Period | None:
        """The chosen period, once the form is valid."""
        if not self.is_valid():
            return None
        period: Period | None = self.cleaned_data.get("period")
        return period
