"""Forms of the core screens; they only translate input, services do the work."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from aandacht.core import selectors
from aandacht.core.dates import check_day
from aandacht.core.models import AuditEvent


class SlowedDownLoginForm(AuthenticationForm):
    """Refuses, without checking the password, a user name guessed too often.

    A user name locked out at this address is left to django-axes, whose page
    says more. `wait_seconds` tells the view how long the refusal lasts.
    """

    wait_seconds = 0

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username")
        request = self.request
        if (
            username
            and request is not None
            and not selectors.login_locked_here(request, username)
        ):
            self.wait_seconds = selectors.login_wait_seconds(username)
        if self.wait_seconds:
            raise forms.ValidationError(
                ngettext(
                    "There were too many wrong passwords for this user name. "
                    "Wait %(seconds)d second and try again.",
                    "There were too many wrong passwords for this user name. "
                    "Wait %(seconds)d seconds and try again.",
                    self.wait_seconds,
                )
                % {"seconds": self.wait_seconds},
                code="slowed_down",
            )
        return super().clean()


class LoginForm(SlowedDownLoginForm):
    error_messages = {
        "invalid_login": _(
            "That user name and password do not match. Check both and try again; "
            "after several wrong attempts your account is locked for a while."
        ),
        "inactive": _("This account is not active. Ask your coordinator."),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].widget.attrs.update(autocomplete="username")
        self.fields["password"].widget.attrs.update(autocomplete="current-password")


class AdminLoginForm(SlowedDownLoginForm, AdminAuthenticationForm):
    """The Django admin's login, slowed down like the application's."""


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9 ]*",
                "autofocus": True,
            }
        ),
    )

    def clean_token(self) -> str:
        token: str = self.cleaned_data["token"].replace(" ", "")
        if not token.isdigit():
            raise forms.ValidationError(_("Enter the digits shown in your app."))
        return token


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=[("", _("All actions")), *AuditEvent.Action.choices],
    )
    user = forms.CharField(
        label=_("User name contains"), required=False, max_length=150
    )
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[check_day],
    )
    date_to = forms.DateField(
        label=_("Up to and including"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        validators=[check_day],
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The start date is after the end date."))
        return data


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("What the token is for"),
        help_text=_("For example the name of the telephony system that uses it."),
        max_length=100,
    )
