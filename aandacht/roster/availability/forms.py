"""The forms of the register, roster months and availability: they parse input;
the services check the rules."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from aandacht.contacts.choices import Channel, LineLanguage
from aandacht.core.dates import check_day, check_month
from aandacht.roster.availability.services import BAND_HIGHEST, BAND_LOWEST, Slot
from aandacht.roster.shifts import SHIFTS, month_days

ISO_DATE = "%Y-%m-%d"
ISO_MONTH = "%Y-%m"


class RegisterEntryForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=LineLanguage.choices,
        required=False,  # the service explains an empty choice with the rest
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose from the list.")},
    )
    channels = forms.MultipleChoiceField(
        label=_("Channels"),
        choices=Channel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose from the list.")},
    )
    min_shifts = forms.IntegerField(
        label=_("At least, shifts a month"),
        widget=forms.NumberInput(attrs={"min": BAND_LOWEST, "max": BAND_HIGHEST}),
    )
    max_shifts = forms.IntegerField(
        label=_("At most, shifts a month"),
        help_text=_("Usually 4 to 8 shifts of four hours; from 1 to 12 is possible."),
        widget=forms.NumberInput(attrs={"min": BAND_LOWEST, "max": BAND_HIGHEST}),
    )
    night_required = forms.BooleanField(
        label=_("A night shift each month"), required=False
    )


class RosterMonthForm(forms.Form):
    month = forms.DateField(
        label=_("Month"),
        input_formats=[ISO_MONTH, "%m-%Y", "%m/%Y"],
        help_text=_("For example 2027-03."),
        widget=forms.DateInput(attrs={"type": "month"}, format=ISO_MONTH),
        error_messages={"invalid": _("Enter a month as year and month, like 2027-03.")},
        validators=[check_month],
    )
    deadline = forms.DateField(
        label=_("Availability deadline"),
        input_formats=[ISO_DATE, "%d-%m-%Y"],
        help_text=_(
            "Volunteers mark their availability until the end of this day; "
            "then you plan."
        ),
        widget=forms.DateInput(attrs={"type": "date"}, format=ISO_DATE),
        validators=[check_day],
    )


def parse_slot(value: str) -> Slot | None:
    day, _sep, code = value.partition("_")
    try:
        return datetime.date.fromisoformat(day), code
    except ValueError:
        return None


class AvailabilityForm(forms.Form):
    """The ticked slots of a month: `can` and `prefer`, as `2027-03-01_N1`."""

    can = forms.MultipleChoiceField(required=False)
    prefer = forms.MultipleChoiceField(required=False)

    def __init__(self, *args: Any, month: datetime.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.valid_keys = {
            f"{day.isoformat()}_{shift.code}"
            for day in month_days(month)
            for shift in SHIFTS
        }
        choices = [(key, key) for key in sorted(self.valid_keys)]
        message = _(
            "Some marks are not shifts of this month. Check the grid and save again."
        )
        for name in ("can", "prefer"):
            field = self.fields[name]
            field.choices = choices  # type: ignore[attr-defined]
            field.error_messages["invalid_choice"] = message

    def _slots(self, name: str) -> set[Slot]:
        """The valid ticks of `name`, also when the form as a whole is not valid."""
        data = self.data
        values = data.getlist(name) if isinstance(data, QueryDict) else []
        return {
            slot
            for value in values
            if value in self.valid_keys and (slot := parse_slot(value)) is not None
        }

    def ticked(self) -> tuple[set[Slot], set[Slot]]:
        return self._slots("can"), self._slots("prefer")
