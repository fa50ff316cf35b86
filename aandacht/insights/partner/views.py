"""Partner reports: the region list, the report on screen, as PDF and as XLSX.

Every view reads the period from the query string (``PeriodForm``); the
three forms of a report are drawn from the same ``PartnerReport``, so the
PDF and the workbook show exactly the numbers of the screen.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from aandacht.core.models import Region
from aandacht.insights.partner import access, pdf, selectors, xlsx
from aandacht.insights.partner.forms import PeriodForm
from aandacht.insights.partner.rule import rule_lines

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_GET
@login_required
def partner_reports(request: HttpRequest) -> HttpResponse:
    """The regions the user may read; straight to the report if only one."""
    regions = list(access.report_regions(request.user))
    if len(regions) == 1:
        return redirect("partner_report", code=regions[0].code)
    return render(request, "insights/partner/index.html", {"regions": regions})


def _form(request: HttpRequest) -> PeriodForm:
    return PeriodForm(request.GET, today=timezone.localdate())


def _report(region: Region, form: PeriodForm) -> selectors.PartnerReport:
    return selectors.partner_report(
        region, form.cleaned_data["period"], form.cleaned_data["months"]
    )


@require_GET
@login_required
def partner_report(request: HttpRequest, code: str) -> HttpResponse:
    region = access.report_region(request.user, code)
    form = _form(request)
    report = _report(region, form) if form.is_valid() else None
    context = {
        "region": region,
        "form": form,
        "report": report,
        "query": form.query() if report else "",
        "rule": rule_lines(),
    }
    return render(request, "insights/partner/report.html", context)


def _download(
    request: HttpRequest, code: str, extension: str
) -> selectors.PartnerReport | HttpResponse:
    region = access.report_region(request.user, code)
    form = _form(request)
    if not form.is_valid():  # the page says what is wrong with the period
        query = request.GET.urlencode()
        return redirect(f"{reverse('partner_report', args=[code])}?{query}")
    return _report(region, form)


def _attachment(body: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
@login_required
def partner_report_pdf(request: HttpRequest, code: str) -> HttpResponse:
    report = _download(request, code, "pdf")
    if isinstance(report, HttpResponse):
        return report
    return _attachment(
        pdf.report_pdf(report), "application/pdf", pdf.filename(report, "pdf")
    )


@require_GET
@login_required
def partner_report_xlsx(request: HttpRequest, code: str) -> HttpResponse:
    report = _download(request, code, "xlsx")
    if isinstance(report, HttpResponse):
        return report
    return _attachment(
        xlsx.report_xlsx(report), XLSX_TYPE, pdf.filename(report, "xlsx")
    )
