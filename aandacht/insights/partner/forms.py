"""The period of a partner report: a year, or a quarter of it.

A report covers a whole quarter or a whole year, once it has ended: reports
of the current quarter are still being written, and a report of part of a
period, beside one of more of it, would give the difference away (January
to May beside January to April is May). So a partner can get exactly five
reports of a year, its four quarters and the year itself, which
``family`` suppresses so that they are safe together. A period that has
not ended is refused with a message, and the form keeps what was chosen.
"""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from aandacht.insights.partner.family import quarter_of
from aandacht.insights.period import Period

Month = tuple[int, int]
FIRST_YEAR = 2010  # before Aandacht existed; earlier years hold nothing

QUARTERS = [
    ("", _("The whole year")),
    ("1", _("1st quarter (January–March)")),
    ("2", _("2nd quarter (April–June)")),
    ("3", _("3rd quarter (July–September)")),
    ("4", _("4th quarter (October–December)")),
]


def last_complete_quarter(today: date) -> tuple[int, int]:
    """(year, quarter) of the latest quarter that has ended."""
    quarter = (today.month - 1) // 3  # the current one is 1 more
    return (today.year, quarter) if quarter else (today.year - 1, 4)


def complete_months(period: Period, today: date) -> tuple[Month, ...]:
    """The months of ``period`` if all of it has ended, else none."""
    months = tuple(period.months())
    last = months[-1]
    if (last[0], quarter_of(last)) > last_complete_quarter(today):
        return ()
    return months


class PeriodForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    quarter = forms.TypedChoiceField(
        label=_("Period"),
        choices=QUARTERS,
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, data: dict[str, str] | None, *, today: date) -> None:
        year, quarter = last_complete_quarter(today)
        if not data or not {"year", "quarter"} & set(data):
            data = {"year": str(year), "quarter": str(quarter)}
        super().__init__(data)
        self.today = today
        years = range(today.year, FIRST_YEAR - 1, -1)
        year_field = self.fields["year"]
        assert isinstance(year_field, forms.TypedChoiceField)  # noqa: S101
        year_field.choices = [(str(y), str(y)) for y in years]
        self.fields["year"].error_messages["invalid_choice"] = _(
            "Choose a year from the list."
        )
        self.fields["quarter"].error_messages["invalid_choice"] = _(
            "Choose a quarter from the list, or the whole year."
        )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        year = cleaned.get("year")
        if not isinstance(year, int):
            return cleaned
        quarter = cleaned.get("quarter")
        period = Period.quarter(year, quarter) if quarter else Period.year(year)
        months = complete_months(period, self.today)
        if not months:
            raise forms.ValidationError(
                _(
                    "This period has not ended yet. A report covers a quarter or "
                    "a year that has ended: choose an earlier period, or a "
                    "quarter of this year that has ended."
                )
            )
        cleaned["period"] = period
        cleaned["months"] = months
        return cleaned

    def query(self) -> str:
        """The chosen period as a query string, for the download links."""
        year = self.cleaned_data["year"]
        quarter = self.cleaned_data.get("quarter") or ""
        return f"year={year}&quarter={quarter}"
