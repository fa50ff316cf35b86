"""Forms of the maintenance screens: they translate input, nothing more.

Opening hours are checked row by row with the same rules that decide "open
now" (``socialmap.schedule.parse_rule`` through ``opening.schedule_mapping``),
so a row the map could not read is refused with the rule's own reason next
to it, and everything typed stays in the form.
"""

from __future__ import annotations

import copy
import re
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, cast

from django import forms
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q, QuerySet
from django.forms.formsets import BaseFormSet, formset_factory
from django.utils.translation import gettext_lazy as _

from aandacht.core.models import Region
from aandacht.socialmap import opening
from aandacht.socialmap import schedule as rules
from aandacht.socialmap.directory.access import Scope
from aandacht.socialmap.directory.selectors import ListFilters, Verification
from aandacht.socialmap.directory.services import (
    ORGANIZATION_FIELDS,
    SERVICE_FIELDS,
    ClosedDateInput,
    PhoneInput,
    ScheduleInput,
    language_token,
)
from aandacht.socialmap.io.web import WEB_SCHEMES
from aandacht.socialmap.models import (
    Organization,
    Schedule,
    Service,
    Synonym,
    TaxonomyTerm,
)

NATIONAL = "__national__"
DATE_WIDGET = {"type": "date"}


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs=DATE_WIDGET, format="%Y-%m-%d")


# ---------------------------------------------------------------- where


class WebAddressField(forms.URLField):
    """A web address: http or https only, as an import requires (``io.web``).

    Django's own URL field also takes ``ftp://``, which no caller can open.
    """

    default_error_messages = {
        "invalid": _("Enter a web address that starts with http:// or https://.")
    }
    default_validators = [URLValidator(schemes=list(WEB_SCHEMES))]


def _https_urls(field: Any, **kwargs: Any) -> Any:
    """Model fields to form fields; a web address typed without a scheme gets
    https (Django 6's default, chosen now)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
        kwargs["form_class"] = WebAddressField
    return field.formfield(**kwargs)


def region_value(region: Region | None) -> str:
    return region.code if region else NATIONAL


class RegionChoiceMixin(forms.Form):
    """The ``region`` field: one of the regions the user keeps, or national."""

    region = forms.ChoiceField(
        label=_("Whose map"),
        help_text=_("A region's own map, or the national map every region sees."),
    )

    def set_regions(self, regions: Sequence[Region | None]) -> None:
        self._regions = {region_value(region): region for region in regions}
        self.fields["region"].choices = [  # type: ignore[attr-defined]
            (key, region.name if region else _("National (every region)"))
            for key, region in self._regions.items()
        ]

    def chosen_region(self) -> Region | None:
        return self._regions[self.cleaned_data["region"]]


# ---------------------------------------------------------------- the list


class ListFilterForm(forms.Form):
    q = forms.CharField(label=_("Name contains"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Every status")), *Service.Status.choices],
    )
    verification = forms.ChoiceField(
        label=_("Verification"),
        required=False,
        choices=[("", _("Verified or not")), *Verification.CHOICES],
    )

    def filters(self) -> ListFilters:
        if not self.is_valid():
            return ListFilters()
        return ListFilters(
            query=self.cleaned_data["q"],
            status=self.cleaned_data["status"],
            verification=self.cleaned_data["verification"],
        )


# ---------------------------------------------------------------- organisations


class OrganizationForm(RegionChoiceMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Organization
        fields = list(ORGANIZATION_FIELDS)
        formfield_callback = _https_urls
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    field_order = ["name", "alternate_name", "region"]

    def __init__(self, *args: Any, regions: Sequence[Region | None], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.set_regions(regions)

    def values(self) -> dict[str, object]:
        return {name: self.cleaned_data[name] for name in ORGANIZATION_FIELDS}


def organization_initial(organization: Organization) -> dict[str, object]:
    initial: dict[str, object] = forms.model_to_dict(
        organization, fields=ORGANIZATION_FIELDS
    )
    initial["region"] = region_value(organization.region)
    return initial


# ---------------------------------------------------------------- services


class ServiceForm(RegionChoiceMixin, forms.ModelForm):  # type: ignore[type-arg]
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.none(),
        label=_("Organisation"),
        required=False,
        empty_label=_("No organisation"),
    )
    service_areas = forms.CharField(
        label=_("Areas"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One municipality or area per line. Leave empty for the whole "
            "region (or the whole country for a national service)."
        ),
    )
    languages = forms.CharField(
        label=_("Languages"),
        required=False,
        max_length=500,
        help_text=_("Language codes separated by commas, like: nl, en, ar."),
    )
    taxonomy_terms = forms.ModelMultipleChoiceField(
        queryset=TaxonomyTerm.objects.order_by("name"),
        label=_("Categories"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Service
        fields = list(SERVICE_FIELDS)
        formfield_callback = _https_urls
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "eligibility_description": forms.Textarea(attrs={"rows": 2}),
            "application_process": forms.Textarea(attrs={"rows": 2}),
            "fees_description": forms.Textarea(attrs={"rows": 2}),
            "alert": forms.Textarea(attrs={"rows": 2}),
            "staff_note": forms.Textarea(attrs={"rows": 2}),
        }

    field_order = ["name", "alternate_name", "organization", "region"]

    def __init__(
        self,
        *args: Any,
        regions: Sequence[Region | None],
        organizations: Scope,
        current_organization_id: uuid.UUID | None = None,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.set_regions(regions)
        allowed = organizations.q()
        if current_organization_id is not None:
            allowed |= Q(pk=current_organization_id)
        field = self.fields["organization"]
        field.queryset = Organization.objects.filter(allowed).order_by("name")  # type: ignore[attr-defined]

    def clean_service_areas(self) -> list[str]:
        lines = [
            line.strip() for line in self.cleaned_data["service_areas"].split("\n")
        ]
        names = [line for line in lines if line]
        if any(len(name) > 250 for name in names):
            raise forms.ValidationError(_("Keep each area to 250 characters."))
        return list(dict.fromkeys(names))

    def clean_languages(self) -> list[str]:
        tokens = [part.strip() for part in self.cleaned_data["languages"].split(",")]
        result = []
        for token in filter(None, tokens):
            lowered = token.lower()
            code_like = re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]{2,8})*", lowered)
            result.append(lowered if code_like else token)
        if any(len(token) > 100 for token in result):
            raise forms.ValidationError(_("Keep each language to 100 characters."))
        return list(dict.fromkeys(result))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("minimum_age"), data.get("maximum_age")
        if low is not None and high is not None and high < low:
            self.add_error(
                "maximum_age", _("The maximum age is below the minimum age.")
            )
        return data

    def values(self) -> dict[str, object]:
        return {name: self.cleaned_data[name] for name in SERVICE_FIELDS}


def service_initial(
    service: Service, terms: Sequence[TaxonomyTerm]
) -> dict[str, object]:
    """The form's values for a stored service (lists prefetched)."""
    initial: dict[str, object] = forms.model_to_dict(service, fields=SERVICE_FIELDS)
    initial["region"] = region_value(service.region)
    initial["organization"] = service.organization_id
    initial["service_areas"] = "\n".join(a.name for a in service.service_areas.all())
    initial["languages"] = ", ".join(
        language_token(row) for row in service.languages.all() if not row.location_id
    )
    initial["taxonomy_terms"] = [term.pk for term in terms]
    return initial


PHONE_TYPES = [
    ("voice", _("Call")),
    ("text", _("Text message")),
    ("cell", _("Mobile")),
    ("video", _("Video call")),
    ("textphone", _("Text phone")),
    ("fax", _("Fax")),
    ("pager", _("Pager")),
    ("", _("Not given")),
]
_PHONE = re.compile(r"\+?\(?[0-9][0-9 ()/-]*[0-9]")


class PhoneForm(forms.Form):
    id = forms.UUIDField(required=False, widget=forms.HiddenInput)
    number = forms.CharField(label=_("Number"), max_length=60)
    type = forms.ChoiceField(
        label=_("Kind"), choices=PHONE_TYPES, required=False, initial="voice"
    )
    description = forms.CharField(
        label=_("What it is for"),
        required=False,
        max_length=250,
        help_text=_("For example: crisis line, round the clock."),
    )

    def clean_number(self) -> str:
        number: str = self.cleaned_data["number"].strip()
        digits = sum(ch.isdigit() for ch in number)
        if not _PHONE.fullmatch(number) or digits < 3:
            raise forms.ValidationError(
                _("Give a public phone number in digits, like 0800-0113 or 113.")
            )
        return number

    def row(self) -> PhoneInput:
        data = self.cleaned_data
        return PhoneInput(
            id=data.get("id"),
            number=data["number"],
            type=data.get("type") or "",
            description=data.get("description") or "",
        )


PhoneFormSet = formset_factory(PhoneForm, extra=1, can_delete=True)


def phone_initial(service: Service) -> list[dict[str, object]]:
    return [
        {
            "id": phone.id,
            "number": phone.number,
            "type": phone.type,
            "description": phone.description,
        }
        for phone in service.phones.all()
    ]


def kept_forms(formset: BaseFormSet[Any]) -> list[Any]:
    """The filled-in rows of a valid formset that were not marked for removal."""
    return [
        form
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


# ---------------------------------------------------------------- opening hours


WEEKDAY_CHOICES = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]
WEEK_CHOICES = [
    ("1", _("first")),
    ("2", _("second")),
    ("3", _("third")),
    ("4", _("fourth")),
    ("-1", _("last")),
]
_BYDAY_PART = re.compile(r"([+-]?\d)?([A-Z]{2})")


def days_and_weeks(freq: str, byday: str) -> tuple[list[str], list[str]] | None:
    """The form's days and weeks of the month for a stored rule, if it has them.

    None when the form cannot show the rule (say, "first Saturday and third
    Sunday"): the row then keeps its days as they are.
    """
    parts = []
    for raw in filter(None, (part.strip() for part in byday.upper().split(","))):
        match = _BYDAY_PART.fullmatch(raw)
        if match is None:
            return None
        parts.append((match[1], match[2]))
    days = list(dict.fromkeys(day for _ordinal, day in parts))
    ordinals = list(dict.fromkeys(ordinal for ordinal, _day in parts))
    weeks = [str(int(o)) for o in ordinals if o is not None]
    if None in ordinals and weeks:
        return None
    if {(o, d) for o, d in parts} != {(o, d) for o in ordinals for d in days}:
        return None
    if freq.upper() == "MONTHLY" and not weeks and days:
        return None  # "every Monday, monthly": only meaningful with an interval
    if any(week not in dict(WEEK_CHOICES) for week in weeks):
        return None
    if any(day not in dict(WEEKDAY_CHOICES) for day in days):
        return None
    return days, weeks


def _clock(text: str) -> str:
    """Accept 9:00 and the Dutch 9.00; store 09:00."""
    value = text.strip().replace(".", ":")
    if re.fullmatch(r"\d:\d\d(:\d\d)?", value):
        value = "0" + value
    return value


class ScheduleForm(forms.Form):
    id = forms.UUIDField(required=False, widget=forms.HiddenInput)
    weekdays = forms.MultipleChoiceField(
        label=_("Days"),
        choices=WEEKDAY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    weeks = forms.MultipleChoiceField(
        label=_("Only in these weeks of the month"),
        choices=WEEK_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Leave empty for every week. Tick “first” and Saturday for the "
            "first Saturday of the month."
        ),
    )
    opens_at = forms.CharField(
        label=_("Opens"),
        max_length=8,
        widget=forms.TextInput(attrs={"placeholder": "09:00", "size": 6}),
    )
    closes_at = forms.CharField(
        label=_("Closes"),
        max_length=8,
        widget=forms.TextInput(attrs={"placeholder": "17:00", "size": 6}),
        help_text=_("Earlier than the opening time for a night (22:00 to 02:00)."),
    )
    valid_from = forms.DateField(label=_("From"), required=False, widget=_date_input())
    valid_to = forms.DateField(
        label=_("Up to and including"), required=False, widget=_date_input()
    )
    description = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=250,
        help_text=_("Shown with the hours, for example: by appointment only."),
    )

    def __init__(self, *args: Any, existing: Mapping[str, Schedule], **kwargs: Any):
        super().__init__(*args, **kwargs)
        key = (
            self.data.get(self.add_prefix("id"))
            if self.is_bound
            else self.initial.get("id")
        )
        self.existing_row: Schedule | None = existing.get(str(key)) if key else None
        self.fixed_days = ""
        self.rule: rules.Rule | None = None
        self.input: ScheduleInput | None = None
        row = self.existing_row
        if row is not None and days_and_weeks(row.freq, row.byday) is None:
            # Keep days the form cannot show (an imported rule) as they are.
            self.fixed_days = row.byday or row.bymonthday or row.freq
            del self.fields["weekdays"]
            del self.fields["weeks"]

    def _days(self, data: Mapping[str, Any]) -> tuple[str, str] | None:
        """The freq and byday the row's days mean; None after an error."""
        row = self.existing_row
        if self.fixed_days and row is not None:
            return row.freq, row.byday
        days, weeks = data.get("weekdays") or [], data.get("weeks") or []
        by_month_day = row is not None and bool(row.bymonthday or row.dtstart)
        if not days and not by_month_day:
            self.add_error("weekdays", _("Choose at least one day."))
            return None
        if weeks and not days:
            self.add_error("weekdays", _("Choose the day of the week too."))
            return None
        ordered = [code for code, _label in WEEKDAY_CHOICES if code in days]
        if weeks:
            byday = ",".join(f"{week}{day}" for week in weeks for day in ordered)
            return "MONTHLY", byday
        keep_monthly = row is not None and row.freq == "MONTHLY" and by_month_day
        return ("MONTHLY" if keep_monthly else "WEEKLY"), ",".join(ordered)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("DELETE") or self.errors:
            return data
        days = self._days(data)
        if days is None:
            return data
        freq, byday = days
        values = ScheduleInput(
            id=data.get("id") if self.existing_row else None,
            freq=freq,
            byday=byday,
            opens_at=_clock(data["opens_at"]),
            closes_at=_clock(data["closes_at"]),
            valid_from=data.get("valid_from"),
            valid_to=data.get("valid_to"),
            description=data.get("description") or "",
        )
        row = copy.copy(self.existing_row) if self.existing_row else Schedule()
        for name in ("freq", "byday", "opens_at", "closes_at"):
            setattr(row, name, getattr(values, name))
        row.valid_from, row.valid_to = values.valid_from, values.valid_to
        row.description = values.description
        try:
            self.rule = rules.parse_rule(opening.schedule_mapping(row))
        except rules.ScheduleError as error:
            raise forms.ValidationError(
                _("These hours cannot be used: %(reason)s."),
                params={"reason": str(error)},
                code="schedule",
            ) from None
        self.input = values
        return data


class ScheduleFormSetBase(BaseFormSet):  # type: ignore[type-arg]
    def rows(self) -> list[ScheduleInput]:
        return [form.input for form in kept_forms(self) if form.input is not None]

    def typed_rules(self) -> list[rules.Rule]:
        return [form.rule for form in kept_forms(self) if form.rule is not None]


ScheduleFormSet = cast(
    type[ScheduleFormSetBase],
    formset_factory(
        ScheduleForm, formset=ScheduleFormSetBase, extra=1, can_delete=True
    ),
)


def schedule_initial(service: Service) -> list[dict[str, object]]:
    rows = []
    for row in service.schedules.all():
        days, weeks = days_and_weeks(row.freq, row.byday) or ([], [])
        rows.append(
            {
                "id": row.id,
                "weekdays": days,
                "weeks": weeks,
                "opens_at": row.opens_at,
                "closes_at": row.closes_at,
                "valid_from": row.valid_from,
                "valid_to": row.valid_to,
                "description": row.description,
            }
        )
    return rows


class ClosedDateForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=_date_input())
    reason = forms.CharField(
        label=_("Why"),
        required=False,
        max_length=120,
        help_text=_("For example: Christmas Day."),
    )


class ClosedDateFormSetBase(BaseFormSet):  # type: ignore[type-arg]
    def clean(self) -> None:
        if any(self.errors):
            return
        seen: set[object] = set()
        for form in kept_forms(self):
            day = form.cleaned_data["day"]
            if day in seen:
                form.add_error("day", _("This date is already in the list."))
            seen.add(day)

    def rows(self) -> list[ClosedDateInput]:
        return [
            ClosedDateInput(
                day=form.cleaned_data["day"], reason=form.cleaned_data["reason"]
            )
            for form in kept_forms(self)
        ]

    def closures(self) -> list[rules.Closure]:
        return [rules.Closure(day=row.day, reason=row.reason) for row in self.rows()]


ClosedDateFormSet = cast(
    type[ClosedDateFormSetBase],
    formset_factory(
        ClosedDateForm, formset=ClosedDateFormSetBase, extra=1, can_delete=True
    ),
)


def closed_date_initial(service: Service) -> list[dict[str, object]]:
    return [
        {"day": item.day, "reason": item.reason} for item in service.closed_dates.all()
    ]


# ---------------------------------------------------------------- synonyms


class SynonymForm(forms.Form):
    term = forms.CharField(
        label=_("Term"),
        max_length=120,
        help_text=_("A word or phrase someone searches for, like: ggz."),
    )
    synonyms = forms.CharField(
        label=_("Synonyms"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "One word or phrase per line. The term finds these, and each of "
            "them finds the term."
        ),
    )

    def __init__(self, *args: Any, synonym: Synonym | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.synonym = synonym

    def clean_term(self) -> str:
        term: str = self.cleaned_data["term"].strip()
        others: QuerySet[Synonym] = Synonym.objects.filter(term__iexact=term)
        if self.synonym is not None:
            others = others.exclude(pk=self.synonym.pk)
        if others.exists():
            raise forms.ValidationError(
                _("There is already a synonym group for this term; change that one.")
            )
        return term

    def clean_synonyms(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["synonyms"].splitlines()]
        words = list(dict.fromkeys(line for line in lines if line))
        if not words:
            raise forms.ValidationError(_("Give at least one synonym."))
        return words

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        term, words = data.get("term"), data.get("synonyms")
        if term and words and all(w.casefold() == term.casefold() for w in words):
            self.add_error(
                "synonyms", _("Give at least one synonym other than the term itself.")
            )
        return data
