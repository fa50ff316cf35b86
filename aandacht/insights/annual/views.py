"""The annual report: the form that chooses it, and the PDF."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from aandacht.core.access import current_user
from aandacht.insights.annual import pdf, selectors
from aandacht.insights.annual.forms import AnnualReportForm
from aandacht.insights.exports import access

TEMPLATE = "insights/annual/choose.html"


def _form(request: HttpRequest, *, bound: bool) -> AnnualReportForm:
    user = current_user(request)
    return AnnualReportForm(
        request.GET if bound else None,
        regions=access.export_regions(user),
        allow_all=access.may_choose_all(user),
    )


@require_GET
@login_required
def annual_report(request: HttpRequest) -> HttpResponse:
    return render(request, TEMPLATE, {"form": _form(request, bound=False)})


@require_GET
@login_required
def annual_report_pdf(request: HttpRequest) -> HttpResponse:
    """The PDF of the chosen year and region; a wrong choice shows the form again."""
    form = _form(request, bound=True)
    scope = access.export_scope(current_user(request), request.GET.get("region"))
    if not form.is_valid() or scope is None:
        return render(request, TEMPLATE, {"form": form})
    year = form.cleaned_data["year"]
    report = selectors.annual_report(scope, year)
    response = HttpResponse(pdf.report_pdf(report), content_type="application/pdf")
    name = f"annual-report-{scope.code or 'all'}-{year}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    patch_cache_control(response, private=True, no_store=True)
    return response
