"""Forms of the planning screens."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from aandacht.core.models import User
from aandacht.roster.models import SHIFT_CHOICES, Line, RosterMonth


class RunForm(forms.Form):
    time_limit = forms.IntegerField(
        label=_("Time for the solver, in seconds"),
        min_value=5,
        max_value=900,
        initial=60,
    )


class AssignmentForm(forms.Form):
    volunteer = forms.ModelChoiceField(
        queryset=User.objects.none(), label=_("Volunteer")
    )
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    shift = forms.ChoiceField(choices=SHIFT_CHOICES, label=_("Shift"))
    line = forms.ModelChoiceField(queryset=Line.objects.none(), label=_("Line"))

    def __init__(self, *args: Any, roster: RosterMonth, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.roster = roster
        volunteers = User.objects.filter(pk__in=roster.availability.values("volunteer"))
        self.fields["volunteer"].queryset = volunteers.order_by("username")  # type: ignore[attr-defined]
        self.fields["line"].queryset = Line.objects.filter(region=roster.region)  # type: ignore[attr-defined]

    def clean_date(self) -> Any:
        day = self.cleaned_data["date"]
        month = self.roster.month
        if (day.year, day.month) != (month.year, month.month):
            raise forms.ValidationError(_("Choose a date in the roster's month."))
        return day
