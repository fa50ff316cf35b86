"""The figures of an annual report: the dashboard's panels of one calendar year.

The same numbers as the dashboard (``insights.dashboard.selectors``, read
from the rollup), so the annual account and the screen never disagree, in
the dashboard's fixed number of queries.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from aandacht.insights.annual.report import AnnualReport, build
from aandacht.insights.dashboard.selectors import dashboard
from aandacht.insights.exports.access import Scope
from aandacht.insights.period import Period


def annual_report(
    scope: Scope, year: int, *, now: datetime | None = None
) -> AnnualReport:
    return build(
        scope_name=scope.name,
        year=year,
        panels=dashboard(scope.region, Period.year(year)),
        made_at=timezone.localtime(now or timezone.now()),
    )
