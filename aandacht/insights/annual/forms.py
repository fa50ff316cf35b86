"""The annual report's form: which region (or all) and which year."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aandacht.core.models import Region
from aandacht.insights.exports.forms import region_choices

FIRST_YEAR = 2000


class AnnualReportForm(forms.Form):
    region = forms.ChoiceField(label=_("Region"))
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR)

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
        year = self.fields["year"]
        assert isinstance(region, forms.ChoiceField)  # noqa: S101 (for mypy)
        assert isinstance(year, forms.IntegerField)  # noqa: S101 (for mypy)
        region.choices = region_choices(regions, allow_all=allow_all)
        region.required = not allow_all
        this_year = timezone.localdate().year
        year.validators.append(
            MaxValueValidator(
                this_year, _("A report can be made up to the current year.")
            )
        )
        year.widget.attrs["max"] = this_year
        self.initial.setdefault("year", this_year - 1)
        if len(regions) == 1 and not allow_all:
            self.initial.setdefault("region", regions[0].code)
