"""The further-training forms: they parse input; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aandacht.core.dates import check_day
from aandacht.core.models import User
from aandacht.training.models import MAX_HALF_DAYS, MIN_HALF_DAYS

ISO_DATE = "%Y-%m-%d"


class VolunteerChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


class SessionForm(forms.Form):
    date = forms.DateField(
        label=_("Date"),
        input_formats=[ISO_DATE, "%d-%m-%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format=ISO_DATE),
        validators=[check_day],
    )
    topic = forms.CharField(
        label=_("Topic"),
        required=False,  # the service explains a missing topic with the rest
        max_length=200,
        help_text=_("The subject of the training, for example “Callers in crisis”."),
    )
    half_days = forms.IntegerField(
        label=_("Half-days"),
        initial=MIN_HALF_DAYS,
        help_text=_("How many half-days (dagdelen) the session lasted: 1 to 4."),
        widget=forms.NumberInput(attrs={"min": MIN_HALF_DAYS, "max": MAX_HALF_DAYS}),
    )
    attendees = VolunteerChoiceField(
        label=_("Who attended"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _(
                "Only volunteers of this region can attend. Choose from the list."
            ),
            "invalid_pk_value": _("Choose from the list."),
        },
    )

    def __init__(self, *args: Any, volunteers: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = volunteers  # type: ignore[attr-defined]
        today = timezone.localdate().strftime(ISO_DATE)
        self.fields["date"].widget.attrs["max"] = today
        if not self.is_bound and "date" not in self.initial:
            self.initial["date"] = today


class OverviewFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    behind = forms.BooleanField(label=_("Behind only"), required=False)

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["year"]
        field.choices = [(year, str(year)) for year in years]  # type: ignore[attr-defined]
        field.initial = years[0]
