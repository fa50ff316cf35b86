"""The demand screens' forms: they parse input; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.dates import WEEKDAYS as WEEKDAY_NAMES
from django.utils.translation import gettext_lazy as _

from aandacht.contacts.choices import Channel, LineLanguage
from aandacht.roster.demand import defaults, estimate
from aandacht.roster.demand.estimate import SHIFT_CODES, WEEKDAYS

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def slot_value(weekday: int, code: str) -> str:
    return f"{WEEKDAYS[weekday]}-{code}"


SLOT_CHOICES = [
    (slot_value(weekday, code), slot_value(weekday, code))
    for weekday in range(7)
    for code in SHIFT_CODES
]


class LineForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        help_text=_("Small letters, digits and hyphens, for example phone-nl."),
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    language = forms.ChoiceField(label=_("Language"), choices=LineLanguage.choices)
    max_parallel = forms.IntegerField(
        label=_("Places at once"),
        initial=1,
        help_text=_("How many volunteers can take this line in the same shift."),
        widget=forms.NumberInput(attrs={"min": 1, "max": 50}),
    )
    weight = forms.FloatField(
        label=_("Weight"),
        initial=1,
        help_text=_(
            "What one answered contact on this line is worth to the planner. "
            "Give small language lines more (for example 3), so their few "
            "speakers are not all moved to the Dutch line."
        ),
        widget=forms.NumberInput(attrs={"min": 0.1, "max": 100, "step": 0.1}),
    )
    always_open = forms.BooleanField(label=_("Always open"), required=False)
    open_slots = forms.MultipleChoiceField(
        label=_("Open in these shifts"),
        choices=SLOT_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("always_open") and not data.get("open_slots"):
            self.add_error(
                "open_slots",
                _("Choose the shifts in which the line is open, or “always open”."),
            )
        return data

    def open_rules(self) -> list[dict[str, Any]]:
        if self.cleaned_data.get("always_open"):
            return []
        slots = set()
        for value in self.cleaned_data.get("open_slots", []):
            day, code = value.split("-", 1)
            slots.add((WEEKDAYS.index(day), code))
        return estimate.rules_for(slots)

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "code": data["code"],
            "channel": data["channel"],
            "language": data["language"],
            "max_parallel": data["max_parallel"],
            "weight": data["weight"],
            "open_rules": self.open_rules(),
        }

    @staticmethod
    def initial_for(
        *,
        code: str,
        channel: str,
        language: str,
        max_parallel: int,
        weight: float,
        open_rules: list[dict[str, Any]],
    ) -> dict[str, Any]:
        slots = estimate.open_slots(open_rules)
        return {
            "code": code,
            "channel": channel,
            "language": language,
            "max_parallel": max_parallel,
            "weight": weight,
            "always_open": not open_rules,
            "open_slots": [slot_value(w, c) for w, c in sorted(slots)]
            if open_rules
            else [],
        }

    def grid(self) -> list[tuple[int, Any, list[tuple[str, str, bool]]]]:
        """Per weekday (number, name), each shift's code, checkbox value and
        whether it is ticked."""
        if self.is_bound:
            ticked = set(self.data.getlist("open_slots"))  # type: ignore[attr-defined]
        else:
            ticked = set(self.initial.get("open_slots", []))
        return [
            (
                weekday,
                WEEKDAY_NAMES[weekday],
                [
                    (
                        code,
                        slot_value(weekday, code),
                        slot_value(weekday, code) in ticked,
                    )
                    for code in SHIFT_CODES
                ],
            )
            for weekday in range(7)
        ]


class HistoryForm(forms.Form):
    weeks = forms.IntegerField(
        label=_("Weeks of contact reports"),
        initial=defaults.HISTORY_WEEKS,
        min_value=1,
        max_value=defaults.MAX_HISTORY_WEEKS,
        widget=forms.NumberInput(attrs={"min": 1, "max": defaults.MAX_HISTORY_WEEKS}),
    )
    overwrite = forms.BooleanField(
        label=_("Also replace demand from call logs and demand entered by hand"),
        required=False,
    )


class CallLogForm(forms.Form):
    log = forms.FileField(
        label=_("Call log (CSV)"),
        help_text=_(
            "Columns: time, line, answered, waiting seconds. One row per call; "
            "no caller numbers."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    overwrite = forms.BooleanField(
        label=_("Also replace demand entered by hand"), required=False
    )

    def clean_log(self) -> UploadedFile:
        log: UploadedFile = self.cleaned_data["log"]
        if (log.size or 0) > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(too_large_message())
        return log


def too_large_message() -> str:
    return _("The file is larger than %(max)d MB. Import a shorter period.") % {
        "max": MAX_UPLOAD_BYTES // (1024 * 1024)
    }


class TargetForm(forms.Form):
    target = forms.FloatField(
        label=_("Target answer rate (%)"),
        initial=round(defaults.TARGET_ANSWER_RATE * 100),
        min_value=1,
        max_value=99,
        widget=forms.NumberInput(attrs={"min": 1, "max": 99, "step": 1}),
    )
