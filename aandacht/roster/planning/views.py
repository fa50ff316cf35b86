"""Planning screens: the month's problem, solver runs with progress, edit, publish;
and the volunteer's own shifts with an iCalendar feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from aandacht.core.access import current_user
from aandacht.roster.models import VolunteerRegister
from aandacht.roster.planning import access, feed, selectors, services
from aandacht.roster.planning.forms import AssignmentForm, RunForm
from aandacht.roster.swaps.selectors import my_open_offers


@require_GET
@login_required
def roster_planning(request: HttpRequest, roster_id: int) -> HttpResponse:
    roster = access.roster_for_planner(request.user, roster_id)
    context = selectors.planning(roster) | {
        "run_form": RunForm(),
        "assignment_form": AssignmentForm(roster=roster),
    }
    return render(request, "roster/planning/planning.html", context)


@require_POST
@login_required
def roster_run_start(request: HttpRequest, roster_id: int) -> HttpResponse:
    user = current_user(request)
    roster = access.roster_for_planner(user, roster_id)
    form = RunForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the solver between 5 and 900 seconds."))
        return redirect("roster_planning", roster_id=roster.pk)
    try:
        run = services.run_request(
            roster=roster, actor=user, time_limit=form.cleaned_data["time_limit"]
        )
    except services.PlanningError as error:
        messages.error(request, _("The month cannot be planned yet: %s") % error)
        return redirect("roster_planning", roster_id=roster.pk)
    return redirect("roster_run", run_id=run.pk)


@require_GET
@login_required
def roster_run(request: HttpRequest, run_id: int) -> HttpResponse:
    run = access.run_for_planner(request.user, run_id)
    context = selectors.run_view(run)
    template = (
        "roster/planning/_run_progress.html"
        if getattr(request, "htmx", False)
        else "roster/planning/run.html"
    )
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_POST
@login_required
def roster_run_adopt(request: HttpRequest, run_id: int) -> HttpResponse:
    user = current_user(request)
    run = access.run_for_planner(user, run_id)
    try:
        count = services.run_adopt(run=run, actor=user)
    except services.PlanningError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("The roster of this run is the draft now: %(n)s shifts.") % {"n": count},
        )
    return redirect("roster_planning", roster_id=run.roster_id)


@require_POST
@login_required
def roster_publish(request: HttpRequest, roster_id: int) -> HttpResponse:
    user = current_user(request)
    roster = access.roster_for_planner(user, roster_id)
    try:
        services.roster_publish(roster=roster, actor=user)
    except services.PlanningError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The roster is published. Volunteers see their shifts.")
        )
    return redirect("roster_planning", roster_id=roster.pk)


@require_POST
@login_required
def roster_assignment_remove(
    request: HttpRequest, roster_id: int, assignment_id: int
) -> HttpResponse:
    user = current_user(request)
    roster = access.roster_for_planner(user, roster_id)
    assignment = access.assignment_for_planner(user, roster, assignment_id)
    try:
        services.assignment_remove(assignment=assignment, actor=user)
    except services.PlanningError as error:
        messages.error(request, str(error))
    return redirect("roster_planning", roster_id=roster.pk)


@require_POST
@login_required
def roster_assignment_add(request: HttpRequest, roster_id: int) -> HttpResponse:
    user = current_user(request)
    roster = access.roster_for_planner(user, roster_id)
    form = AssignmentForm(request.POST, roster=roster)
    if form.is_valid():
        try:
            services.assignment_add(roster=roster, actor=user, values=form.cleaned_data)
        except services.PlanningError as error:
            messages.error(request, str(error))
        return redirect("roster_planning", roster_id=roster.pk)
    context = selectors.planning(roster) | {
        "run_form": RunForm(),
        "assignment_form": form,
    }
    return render(request, "roster/planning/planning.html", context, status=200)


@require_GET
@login_required
def roster_mine(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    access.require_volunteer(user)
    registers = VolunteerRegister.objects.filter(volunteer=user).select_related(
        "region"
    )
    context = {
        "shifts": selectors.my_shifts(user),
        "registers": list(registers),
        "offers": my_open_offers(user),
    }
    return render(request, "roster/planning/mine.html", context)


@require_POST
@login_required
def roster_feed_renew(request: HttpRequest, register_id: int) -> HttpResponse:
    """A new secret address for the calendar feed; the old one stops at once."""
    user = current_user(request)
    access.require_volunteer(user)
    register = get_object_or_404(VolunteerRegister, pk=register_id, volunteer=user)
    services.feed_address_renew(register=register)
    messages.success(
        request,
        _(
            "Your calendar has a new address. Subscribe to it again; the old one no "
            "longer works."
        ),
    )
    return redirect("roster_mine")


@require_GET
def roster_feed(request: HttpRequest, token: str) -> HttpResponse:
    """A volunteer's shifts as iCalendar; the secret address is the only key,
    and it dies with the account."""
    register = VolunteerRegister.objects.filter(
        feed_token=token, volunteer__is_active=True
    ).first()
    if register is None:
        raise Http404
    response = HttpResponse(
        feed.calendar_for(register.volunteer),
        content_type="text/calendar; charset=utf-8",
    )
    response["Cache-Control"] = "private, max-age=300"
    return response
