"""Demand and capacity screens: parse, authorise with the access helper, read
or write through a selector or service, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from aandacht.contacts.choices import Channel
from aandacht.core.models import Region
from aandacht.core.uploads import upload_too_large
from aandacht.roster.demand import access, defaults, selectors, services
from aandacht.roster.demand.estimate import WEEKDAYS
from aandacht.roster.demand.forms import (
    CallLogForm,
    HistoryForm,
    LineForm,
    TargetForm,
    too_large_message,
)
from aandacht.roster.models import Line


@require_GET
@login_required
def regions(request: HttpRequest) -> HttpResponse:
    found = list(selectors.demand_regions(request.user))
    if len(found) == 1:
        return redirect("roster_demand", found[0].code)
    return render(request, "roster/demand/regions.html", {"regions": found})


@require_GET
@login_required
def overview(request: HttpRequest, code: str) -> HttpResponse:
    region = access.demand_region(request.user, code)
    context = {
        "overview": selectors.demand_overview(region),
        "history_form": HistoryForm(),
        "weekdays": WEEKDAYS,
    }
    return render(request, "roster/demand/overview.html", context)


@require_POST
@login_required
def estimate(request: HttpRequest, code: str) -> HttpResponse:
    region = access.demand_region(request.user, code)
    form = HistoryForm(request.POST)
    if form.is_valid():
        try:
            result = services.demand_estimate_from_history(
                region=region,
                weeks=form.cleaned_data["weeks"],
                overwrite=form.cleaned_data["overwrite"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                ngettext(
                    "Demand estimated from %(contacts)d contact in %(weeks)d weeks.",
                    "Demand estimated from %(contacts)d contacts in %(weeks)d weeks.",
                    result.contacts,
                )
                % {"contacts": result.contacts, "weeks": result.weeks},
            )
            if result.kept:
                messages.info(request, _kept_message(result.kept))
    else:
        for text in form.errors.get("weeks", []):
            messages.error(request, str(text))
    return redirect("roster_demand", region.code)


def _kept_message(kept: int) -> str:
    return ngettext(
        "%(kept)d slot kept its demand from a better source.",
        "%(kept)d slots kept their demand from a better source.",
        kept,
    ) % {"kept": kept}


@require_http_methods(["GET", "POST"])
@login_required
def import_log(request: HttpRequest, code: str) -> HttpResponse:
    region = access.demand_region(request.user, code)
    form = CallLogForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and upload_too_large(request):
        form.is_valid()  # the file was not read: say why, not "required"
        form.errors["log"] = form.error_class([too_large_message()])
    context: dict[str, Any] = {"region": region, "form": form, "problems": []}
    if request.method == "POST" and form.is_valid():
        try:
            result = services.call_log_import(
                region=region,
                data=form.cleaned_data["log"].read(),
                overwrite=form.cleaned_data["overwrite"],
            )
        except ValidationError as error:
            context["problems"] = error.messages
        else:
            context["result"] = result
            context["patience"] = [
                (Channel(p.channel).label, p)
                for p in sorted(
                    result.estimate.patience.values(), key=lambda p: p.channel
                )
            ]
            context["defaults"] = defaults.SERVICE_DEFAULTS
            messages.success(
                request,
                ngettext(
                    "%(calls)d call imported.",
                    "%(calls)d calls imported.",
                    result.calls,
                )
                % {"calls": result.calls},
            )
            if result.kept:
                messages.info(request, _kept_message(result.kept))
            context["form"] = CallLogForm()
    return render(request, "roster/demand/import.html", context)


@require_GET
@login_required
def lines(request: HttpRequest, code: str) -> HttpResponse:
    region = access.demand_region(request.user, code)
    context = {"region": region, "lines": selectors.lines_page(region)}
    return render(request, "roster/demand/lines.html", context)


@require_POST
@login_required
def lines_defaults(request: HttpRequest, code: str) -> HttpResponse:
    region = access.demand_region(request.user, code)
    added = services.lines_install_defaults(region=region)
    if added:
        messages.success(
            request,
            _("Lines added: %(codes)s.")
            % {"codes": ", ".join(line.code for line in added)},
        )
    else:
        messages.info(request, _("The region has every standard line already."))
    return redirect("roster_lines", region.code)


@require_http_methods(["GET", "POST"])
@login_required
def line_new(request: HttpRequest, code: str) -> HttpResponse:
    region = access.demand_region(request.user, code)
    form = LineForm(request.POST or None, initial={"always_open": True})
    if request.method == "POST" and form.is_valid():
        try:
            services.line_create(region=region, **form.service_values())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The line is added."))
            return redirect("roster_lines", region.code)
    return _line_page(request, form, region, None)


@require_http_methods(["GET", "POST"])
@login_required
def line_change(request: HttpRequest, code: str, line_id: int) -> HttpResponse:
    line = access.line_for_change(request.user, code, line_id)
    if request.method == "POST":
        form = LineForm(request.POST)
        if form.is_valid():
            try:
                services.line_update(line=line, **form.service_values())
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("The line is changed."))
                return redirect("roster_lines", line.region.code)
    else:
        form = LineForm(
            initial=LineForm.initial_for(
                code=line.code,
                channel=line.channel,
                language=line.language,
                max_parallel=line.max_parallel,
                weight=line.weight,
                open_rules=line.open_rules,
            )
        )
    return _line_page(request, form, line.region, line)


def _add_errors(form: LineForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error("open_slots" if field == "open_rules" else field, errors)
    else:
        form.add_error(None, error)


def _line_page(
    request: HttpRequest, form: LineForm, region: Region, line: Line | None
) -> HttpResponse:
    context = {
        "form": form,
        "region": region,
        "line": line,
        "shifts": selectors.SHIFT_COLUMNS,
    }
    return render(request, "roster/demand/line_form.html", context)


@require_GET
@login_required
def capacity(request: HttpRequest, code: str) -> HttpResponse:
    region = access.demand_region(request.user, code)
    page = selectors.capacity_page(region, request.GET.get("month"))
    return render(request, "roster/demand/capacity.html", {"page": page})


@require_GET
@login_required
def needed(request: HttpRequest, code: str) -> HttpResponse:
    region = access.demand_region(request.user, code)
    form = TargetForm(request.GET or None)
    target = defaults.TARGET_ANSWER_RATE
    if form.is_valid():
        target = form.cleaned_data["target"] / 100
    context = {"form": form, "page": selectors.lines_needed_page(region, target)}
    partial = bool(getattr(request, "htmx", False))  # set by django-htmx
    template = "roster/demand/_needed.html" if partial else "roster/demand/needed.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
