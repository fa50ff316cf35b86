"""The register, roster-month and availability screens: parse, authorise with
the access helper, read or write through a selector or service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from aandacht.core.access import current_user
from aandacht.roster.availability import access, selectors, services
from aandacht.roster.availability.forms import (
    AvailabilityForm,
    RegisterEntryForm,
    RosterMonthForm,
)

TEMPLATES = "roster/availability/"


@require_GET
@login_required
def regions(request: HttpRequest) -> HttpResponse:
    regions = access.planning_regions(request.user).order_by("name")
    return render(request, TEMPLATES + "regions.html", {"regions": regions})


@require_GET
@login_required
def register(request: HttpRequest, code: str) -> HttpResponse:
    region = access.planning_region(request.user, code)
    context = {"register": selectors.register_list(region)}
    return render(request, TEMPLATES + "register.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def register_entry(request: HttpRequest, code: str, volunteer_id: int) -> HttpResponse:
    region, volunteer = access.register_volunteer(request.user, code, volunteer_id)
    entry = selectors.register_for(volunteer, region)
    initial = {
        "languages": list(entry.languages),
        "channels": list(entry.channels),
        "min_shifts": entry.min_shifts,
        "max_shifts": entry.max_shifts,
        "night_required": entry.night_required,
    }
    form = RegisterEntryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.register_entry_save(
                region=region, volunteer=volunteer, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The register entry of %(name)s is saved.")
                % {"name": volunteer.display_name},
            )
            return redirect("roster_register", region.code)
    context = {"form": form, "region": region, "volunteer": volunteer, "entry": entry}
    return render(request, TEMPLATES + "register_entry.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def months(request: HttpRequest, code: str) -> HttpResponse:
    region = access.planning_region(request.user, code)
    listing = selectors.roster_months(region)
    form = RosterMonthForm(
        request.POST or None, initial=selectors.new_month_initial(listing)
    )
    if request.method == "POST" and form.is_valid():
        try:
            roster = services.roster_month_create(region=region, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The roster of %(month)s is open for availability.")
                % {"month": date_format(roster.month, "F Y")},
            )
            return redirect("roster_months", region.code)
    context = {"form": form, "listing": listing}
    return render(request, TEMPLATES + "months.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def availability(request: HttpRequest, roster_id: int) -> HttpResponse:
    volunteer = access.own_volunteer(current_user(request))
    roster = access.availability_month(volunteer, roster_id)
    if request.method != "POST":
        page = selectors.availability_page(volunteer, roster)
        return _availability_page(request, page, AvailabilityForm(month=roster.month))

    form = AvailabilityForm(request.POST, month=roster.month)
    ticked = form.ticked()
    quick = request.POST.get("quick")
    if quick and form.is_valid():
        marks = selectors.quick_marks(quick, roster.month, ticked)
        if marks is not None:
            messages.info(
                request, _("Nothing is saved yet: check the grid, then save.")
            )
            page = selectors.availability_page(volunteer, roster, ticked=marks)
            return _availability_page(request, page, form)
    if form.is_valid():
        try:
            count = services.availability_replace(
                roster=roster,
                volunteer=volunteer,
                available=ticked[0],
                preferred=ticked[1],
            )
        except ValidationError as error:
            form.add_error(None, error)
            roster.refresh_from_db()  # it may have closed meanwhile
        else:
            messages.success(
                request,
                ngettext(
                    "Your availability is saved: %(available)d slot available, "
                    "%(preferred)d preferred.",
                    "Your availability is saved: %(available)d slots available, "
                    "%(preferred)d preferred.",
                    count.available,
                )
                % {"available": count.available, "preferred": count.preferred},
            )
            return redirect("roster_availability", roster.pk)
    page = selectors.availability_page(volunteer, roster, ticked=ticked)
    if not page.editable:  # closed meanwhile: show what is stored, and why
        page = selectors.availability_page(volunteer, roster)
    return _availability_page(request, page, form)


def _availability_page(
    request: HttpRequest, page: selectors.AvailabilityPage, form: AvailabilityForm
) -> HttpResponse:
    context = {
        "page": page,
        "form": form,
        "quick_evenings": selectors.WEEKDAY_EVENINGS,
        "quick_clear": selectors.CLEAR,
    }
    return render(request, TEMPLATES + "availability.html", context)
