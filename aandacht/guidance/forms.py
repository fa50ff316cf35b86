"""Forms of the guidance screens: the public self-test and the typology quiz."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from aandacht.guidance import content, scales, typology
from aandacht.guidance.choices import QUESTIONS, Network, YesNoUnknown


class SelfTestForm(forms.Form):
    """The DJG-6 or DJG-11 statements, in the order of the published forms.

    Every statement may be skipped; the scale's rules decide whether enough
    were answered for a result.
    """

    def __init__(self, *args: Any, scale: str, words: content.Content, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.scale = scale
        numbers = (
            scales.DJG6_ITEMS_FORM_ORDER
            if scale == "djg6"
            else scales.DJG11_ITEM_NUMBERS
        )
        answers = words.self_test.answers
        for number in numbers:
            self.fields[f"item_{number}"] = forms.ChoiceField(
                label=words.self_test.items[number].text,
                choices=[(code, answers[code]) for code in scales.ANSWERS],
                required=False,
                widget=forms.RadioSelect,
            )

    def answers(self) -> dict[int, str | None]:
        return {
            int(name.removeprefix("item_")): value or None
            for name, value in self.cleaned_data.items()
        }

    def score(self) -> scales.ScaleScore:
        return scales.score(self.scale, self.answers())


class VignetteForm(forms.Form):
    """The three questions and the type, as a volunteer answers a case."""

    network = forms.ChoiceField(
        label=QUESTIONS["network"],
        choices=[c for c in Network.choices if c[0] != "unknown"],
        widget=forms.RadioSelect,
    )
    psychiatric = forms.ChoiceField(
        label=QUESTIONS["psychiatric"],
        choices=[c for c in YesNoUnknown.choices if c[0] != "unknown"],
        widget=forms.RadioSelect,
    )
    participation = forms.ChoiceField(
        label=QUESTIONS["participation"],
        choices=[c for c in YesNoUnknown.choices if c[0] != "unknown"],
        widget=forms.RadioSelect,
    )
    chosen_type = forms.ChoiceField(
        label=_("Which type fits?"), widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, words: content.Content, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["chosen_type"].choices = [  # type: ignore[attr-defined]
            (code, words.types[code].name) for code in typology.TYPES
        ]
