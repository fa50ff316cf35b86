"""The export form: which region, which days, which format, summaries or not."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aandacht.core.dates import check_day
from aandacht.core.models import Region
from aandacht.insights.period import Period

FORMATS = [
    ("csv", _("CSV in a zip file, with the data dictionary (any size)")),
    ("xlsx", _("Excel workbook, with the data dictionary as a second sheet")),
]


def last_year() -> Period:
    return Period.year(timezone.localdate().year - 1)


def region_choices(regions: list[Region], *, allow_all: bool) -> list[tuple[str, str]]:
    choices = [(region.code, region.name) for region in regions]
    return [("", str(_("All regions"))), *choices] if allow_all else choices


class ExportForm(forms.Form):
    region = forms.ChoiceField(label=_("Region"))
    first = forms.DateField(
        label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The first day, included."),
        validators=[check_day],
    )
    last = forms.DateField(
        label=_("Up to and including"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The last day, included."),
        validators=[check_day],
    )
    file_format = forms.ChoiceField(
        label=_("Format"), choices=FORMATS, initial="csv", widget=forms.RadioSelect
    )
    include_summaries = forms.BooleanField(
        label=_("Include the volunteers' summaries"),
        required=False,
        help_text=_(
            "Summaries are free text. Names, numbers and addresses were removed "
            "before they were stored, but a story can still point to a person. "
            "Include them only if the research needs them, and read them before "
            "you share the file. Reflections and other free text are never "
            "exported."
        ),
    )

    def __init__(
        self,
        data: Any = None,
        *,
        regions: list[Region],
        allow_all: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(data, **kwargs)
        region = self.fields["region"]
        assert isinstance(region, forms.ChoiceField)  # noqa: S101 (for mypy)
        region.choices = region_choices(regions, allow_all=allow_all)
        region.required = not allow_all
        period = last_year()
        self.initial.setdefault("first", period.first)
        self.initial.setdefault("last", period.last)
        if len(regions) == 1 and not allow_all:
            self.initial.setdefault("region", regions[0].code)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first: date | None = cleaned.get("first")
        last: date | None = cleaned.get("last")
        if first and last and last < first:
            self.add_error("last", _("The last day comes before the first day."))
        return cleaned

    @property
    def period(self) -> Period:
        return Period(self.cleaned_data["first"], self.cleaned_data["last"])
