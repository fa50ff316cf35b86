"""The forms of the call-back screens; they only translate input."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from aandacht.callbacks import phone
from aandacht.callbacks.models import PreferredTime

PHONE_MESSAGES = {
    "empty": _("Enter the phone number the caller wants to be called back on."),
    "characters": _(
        "A phone number has only digits (and spaces, dashes or brackets), "
        "such as 06 1234 5678 or 010 123 4567."
    ),
    "length": _(
        "A Dutch phone number has ten digits, starting with 0: "
        "06 1234 5678 or 010 123 4567 (or +31 6 1234 5678)."
    ),
    "foreign": _(
        "Only Dutch numbers (06…, 0xx…, +31…) can be called back. "
        "Ask the caller for a Dutch number."
    ),
    "premium": _(
        "0900, 0906 and 0909 numbers cost money per minute; "
        "ask the caller for another number."
    ),
}


class CallbackForm(forms.Form):
    question = forms.CharField(
        label=_("The caller's question"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "What the Vraagwijzer should look into. Never a name or address: "
            "the text is scrubbed before it is stored."
        ),
    )
    number = forms.CharField(
        label=_("Phone number to call back"),
        max_length=40,
        widget=forms.TextInput(
            attrs={"type": "tel", "autocomplete": "off", "inputmode": "tel"}
        ),
        help_text=_(
            "Stored encrypted, shown only to the Vraagwijzer specialist, and "
            "erased when the call-back is done or after seven days at most."
        ),
        error_messages={"required": PHONE_MESSAGES["empty"]},
    )
    preferred_time = forms.ChoiceField(
        label=_("Preferred time"),
        choices=PreferredTime.choices,
        initial=PreferredTime.ANY,
    )

    def clean_number(self) -> str:
        typed: str = self.cleaned_data["number"]
        try:
            phone.normalise(typed)
        except phone.PhoneError as error:
            raise forms.ValidationError(
                PHONE_MESSAGES[error.code], code=error.code
            ) from None
        return typed


class OutcomeForm(forms.Form):
    outcome = forms.CharField(
        label=_("Outcome"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "What came of the call-back, for colleagues. Never the number or a "
            "name: the text is scrubbed before it is stored."
        ),
    )
