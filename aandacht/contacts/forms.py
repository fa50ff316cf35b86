"""The contact form: parses answers into a ContactInput; services do the rest."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aandacht.callers.models import CallerProfile
from aandacht.contacts import choices
from aandacht.contacts.models import Municipality, Source, Topic, TopicList
from aandacht.contacts.services import ContactInput
from aandacht.core.dates import check_day
from aandacht.core.models import Region
from aandacht.guidance import assistant
from aandacht.guidance.choices import QUESTIONS, Network, YesNoUnknown
from aandacht.socialmap.panel.entries import ReferralEntry, parse_entries
from aandacht.socialmap.panel.selectors import services_for

MAX_SUMMARY = 2000
MAX_REFLECTION = 2000
MAX_REFERRALS = 500
LOCAL_MINUTE = "%Y-%m-%dT%H:%M"

# Keyboard shortcuts (Alt + letter, see core/shortcuts.js), translated so they
# match the first letter of the label in each language.
CHANNEL_KEYS = {
    "phone": pgettext_lazy("accesskey for the phone channel", "p"),
    "chat": pgettext_lazy("accesskey for the chat channel", "c"),
    "mail": pgettext_lazy("accesskey for the mail channel", "m"),
}
SAVE_KEY = pgettext_lazy("accesskey for saving a report", "s")


class LabelledChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.label)


class LabelledMultipleChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.label)


def _when(*, required: bool = True) -> forms.DateTimeField:
    return forms.DateTimeField(
        required=required,
        validators=[check_day],
        input_formats=[LOCAL_MINUTE, "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format=LOCAL_MINUTE
        ),
    )


class ContactForm(forms.Form):
    channel = forms.ChoiceField(
        choices=choices.Channel.choices, widget=forms.RadioSelect
    )
    line_language = forms.ChoiceField(
        choices=choices.LineLanguage.choices, initial="nl"
    )
    started_at = _when()
    ended_at = _when(required=False)
    source = LabelledChoiceField(
        queryset=Source.objects.filter(active=True),
        required=False,
        empty_label=_("Direct"),
    )
    gender = forms.ChoiceField(
        choices=choices.Gender.choices, initial="unknown", widget=forms.RadioSelect
    )
    age_band = forms.ChoiceField(choices=choices.AgeBand.choices, initial="unknown")
    living_situation = forms.ChoiceField(
        choices=choices.LivingSituation.choices, initial="unknown"
    )
    municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.all(),
        required=False,
        empty_label=_("Not mentioned"),
    )
    regular_caller = forms.BooleanField(required=False)
    topics = LabelledMultipleChoiceField(
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    loneliness = forms.ChoiceField(
        choices=choices.Loneliness.choices, initial="none", widget=forms.RadioSelect
    )
    loneliness_kind = forms.ChoiceField(
        choices=choices.LonelinessKind.choices,
        initial="unclear",
        required=False,
        widget=forms.RadioSelect,
    )
    sought = forms.MultipleChoiceField(
        choices=choices.Sought.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    actions = forms.MultipleChoiceField(
        choices=choices.VolunteerAction.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    phases = forms.MultipleChoiceField(
        choices=choices.Phase.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    referrals = forms.CharField(
        required=False,
        max_length=MAX_REFERRALS,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    transfer = forms.ChoiceField(choices=choices.Transfer.choices, initial="none")
    crisis = forms.BooleanField(required=False)
    summary = forms.CharField(
        required=False, max_length=MAX_SUMMARY, widget=forms.Textarea(attrs={"rows": 4})
    )
    reflection = forms.CharField(
        required=False,
        max_length=MAX_REFLECTION,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    # The typology assistant: optional; "unknown" leaves no trace.
    typology_network = forms.ChoiceField(
        choices=Network.choices,
        initial=Network.UNKNOWN,
        required=False,
        widget=forms.RadioSelect,
    )
    typology_psychiatric = forms.ChoiceField(
        choices=YesNoUnknown.choices,
        initial=YesNoUnknown.UNKNOWN,
        required=False,
        widget=forms.RadioSelect,
    )
    typology_participation = forms.ChoiceField(
        choices=YesNoUnknown.choices,
        initial=YesNoUnknown.UNKNOWN,
        required=False,
        widget=forms.RadioSelect,
    )
    typology_override = forms.ChoiceField(required=False)
    typology_reason = forms.CharField(
        required=False,
        max_length=assistant.MAX_REASON,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    # An attached regular-caller profile (#6): set by the lookup, never typed.
    caller_profile = forms.ModelChoiceField(
        queryset=CallerProfile.objects.attachable(),
        required=False,
        widget=forms.HiddenInput,
    )

    # Referrals chosen in the social-map panel (#5): "<service id>|<time>".
    service_referral = forms.Field(required=False, widget=forms.MultipleHiddenInput)

    def __init__(
        self,
        *args: Any,
        topic_list: TopicList,
        region: Region | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.region = region
        self.fields["topics"].queryset = topic_list.topics.all()  # type: ignore[attr-defined]
        if region is not None:
            profiles = CallerProfile.objects.attachable().filter(region=region)
            self.fields["caller_profile"].queryset = profiles  # type: ignore[attr-defined]
        for name, field in self.fields.items():
            field.label = _field_label(name)
            field.help_text = choices.HELP_TEXTS.get(name, "")
        types = assistant.guidance().types
        self.fields["typology_override"].choices = [  # type: ignore[attr-defined]
            ("", _("No, the assistant's result fits")),
            *((code, words.name) for code, words in types.items()),
        ]

    def clean_service_referral(self) -> list[ReferralEntry]:
        values = self.cleaned_data.get("service_referral") or []
        entries, unreadable = parse_entries(
            [values] if isinstance(values, str) else values
        )
        if unreadable:
            raise forms.ValidationError(
                _("A referral could not be read. Remove it and add it again.")
            )
        if self.region is not None and entries:
            ids = [entry.service_id for entry in entries]
            known = set(
                services_for(self.region)
                .filter(id__in=ids)
                .values_list("id", flat=True)
            )
            if len(known) < len(ids):
                raise forms.ValidationError(
                    _(
                        "A service you referred to is no longer on the social map. "
                        "Remove it, or search for another."
                    )
                )
        return entries

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("started_at"), data.get("ended_at")
        soon = timezone.now() + timedelta(minutes=5)
        if end and end > soon:  # also keeps the duration within its column
            self.add_error("ended_at", _("The end lies in the future."))
            end = None
        if start and not end and "ended_at" not in self.errors:
            end = data["ended_at"] = max(start, timezone.now())  # the timer stops now
        if start and end and end < start:
            self.add_error("ended_at", _("The end is before the start."))
        if start and start > soon:
            self.add_error("started_at", _("The start lies in the future."))
        if (
            data.get("typology_override")
            and not data.get("typology_reason", "").strip()
        ):
            self.add_error(
                "typology_reason",
                _("Say in a few words why another type fits, or clear your choice."),
            )
        return data

    def typology_record(self) -> dict[str, Any]:
        data = self.cleaned_data
        return assistant.record(
            network=data.get("typology_network") or "unknown",
            psychiatric=data.get("typology_psychiatric") or "unknown",
            participation=data.get("typology_participation") or "unknown",
            override=data.get("typology_override") or "",
            reason=data.get("typology_reason") or "",
        )

    def to_input(self) -> ContactInput:
        data = {
            name: value
            for name, value in self.cleaned_data.items()
            if not name.startswith(assistant.FIELD_PREFIX)
        }
        data["topics"] = list(data["topics"])
        data["loneliness_kind"] = data.get("loneliness_kind") or ""
        data["service_referrals"] = data.pop("service_referral", None) or []
        return ContactInput(**data, typology=self.typology_record())


# A code, a date or an id in a draft is short; free text gets twice its field's
# limit (a browser counts a line break as one character and sends two).
DRAFT_VALUE_LIMIT = 100
DRAFT_LIST_LIMIT = 200


class DraftTooLong(ValueError):
    """A draft value is far longer than its field allows: not typed in the form."""


def draft_data(post: Any) -> dict[str, Any]:
    """The contact form's own answers in a posted draft, each within bounds.

    Keys the form does not know are dropped: a draft keeps raw answers, and
    only the form's free-text fields are scrubbed. A value beyond its bound
    raises ``DraftTooLong`` before anything is scrubbed or stored, so an
    oversized request costs a worker nothing. The browser's own maxlength
    keeps a volunteer from ever meeting this.
    """
    data: dict[str, Any] = {}
    for name, field in ContactForm.base_fields.items():
        if name not in post:
            continue
        length = getattr(field, "max_length", None)
        limit = 2 * length if length else DRAFT_VALUE_LIMIT
        values = post.getlist(name)
        too_many = len(values) > DRAFT_LIST_LIMIT
        if too_many or any(len(value) > limit for value in values):
            raise DraftTooLong(name)
        data[name] = values if name in DRAFT_LIST_FIELDS else values[-1]
    return data


# Multiple-choice answers, which QueryDict.dict() would cut to one.
DRAFT_LIST_FIELDS = ("topics", "sought", "actions", "phases", "service_referral")


def _field_label(name: str) -> Any:
    labels = {
        "channel": _("Channel"),
        "line_language": _("Line language"),
        "started_at": _("Start"),
        "ended_at": _("End"),
        "source": _("Source"),
        "gender": _("Gender"),
        "age_band": _("Age"),
        "living_situation": _("Living situation"),
        "municipality": _("Municipality"),
        "regular_caller": _("Regular caller"),
        "topics": _("Topics"),
        "loneliness": _("Loneliness"),
        "loneliness_kind": _("Kind of loneliness"),
        "sought": _("The caller looked for"),
        "actions": _("What you did"),
        "phases": _("Phases reached"),
        "referrals": _("Referrals"),
        "transfer": _("Transfer"),
        "crisis": _("Crisis"),
        "summary": _("Summary"),
        "reflection": _("Your own reflection"),
        "typology_network": QUESTIONS["network"],
        "typology_psychiatric": QUESTIONS["psychiatric"],
        "typology_participation": QUESTIONS["participation"],
        "typology_override": _("Does another type fit better, in your judgement?"),
        "typology_reason": _("Why another type"),
        "caller_profile": _("Caller profile"),
        "service_referral": _("Referrals from the social map"),
    }
    return labels[name]


class FeedbackForm(forms.Form):
    text = forms.CharField(
        label=_("Feedback to the volunteer"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReviewFilterForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Channel"),
        required=False,
        choices=[("", _("All")), *choices.Channel.choices],
    )
    loneliness = forms.ChoiceField(
        label=_("Loneliness"),
        required=False,
        choices=[("", _("All")), *choices.Loneliness.choices],
    )
    crisis = forms.BooleanField(label=_("Only crisis"), required=False)
    unread = forms.BooleanField(label=_("Only unread"), required=False)
    volunteer = forms.CharField(label=_("Volunteer"), required=False, max_length=150)
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

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The start date is after the end date."))
        return data
