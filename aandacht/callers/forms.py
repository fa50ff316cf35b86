"""Forms of the supervisors' caller screens."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from aandacht.callers.models import CallerProfile, ContactLimit
from aandacht.callers.services import PROFILE_FIELDS

MAX_TEXT = 2000


class ProfileForm(forms.ModelForm):  # type: ignore[type-arg]
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = CallerProfile
        fields = list(PROFILE_FIELDS)
        widgets = {
            "cues": forms.Textarea(attrs={"rows": 3, "maxlength": MAX_TEXT}),
            "approach": forms.Textarea(attrs={"rows": 4, "maxlength": MAX_TEXT}),
            "agreement": forms.Textarea(attrs={"rows": 2, "maxlength": MAX_TEXT}),
            "consultation_notes": forms.Textarea(
                attrs={"rows": 3, "maxlength": MAX_TEXT}
            ),
            "review_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("cues", "approach", "agreement", "consultation_notes"):
            if len(data.get(name) or "") > MAX_TEXT:
                self.add_error(name, _("Keep this to 2,000 characters."))
        return data


class LimitForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = ContactLimit
        fields = [
            "per_day",
            "per_week",
            "channel",
            "max_minutes",
            "valid_from",
            "valid_until",
            "reason",
            "words",
        ]
        widgets = {
            "valid_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "valid_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "reason": forms.Textarea(attrs={"rows": 2}),
            "words": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        numbers = [data.get(name) for name in ("per_day", "per_week", "max_minutes")]
        # All empty is the model's constraint, which says the same; zeros are ours.
        if not any(numbers) and any(number is not None for number in numbers):
            raise forms.ValidationError(
                _(
                    "Set a number of contacts per day or per week, "
                    "or a maximum duration."
                )
            )
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("The end lies before the start."))
        per_day, per_week = data.get("per_day"), data.get("per_week")
        if per_day and per_week and per_week < per_day:
            self.add_error(
                "per_week", _("A week cannot allow fewer contacts than a day.")
            )
        return data


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=CallerProfile.objects.none(),
        label=_("Merge into"),
        help_text=_(
            "The profile that stays. The contacts and limit events of this profile "
            "move to it; this profile is closed."
        ),
    )
    confirm = forms.BooleanField(
        label=_("Yes, these two profiles are one caller."), required=True
    )

    def __init__(self, *args: Any, candidates: QuerySet[CallerProfile], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = candidates  # type: ignore[attr-defined]
