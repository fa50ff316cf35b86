"""Screens after publishing: offer and take shifts, the board, the line now."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from aandacht.core import access
from aandacht.core.access import current_user
from aandacht.core.roles import Role
from aandacht.roster.models import Assignment, SwapOffer
from aandacht.roster.swaps import selectors, services

VOLUNTEER = {Role.VOLUNTEER}
WATCHERS = {Role.SUPERVISOR, Role.COORDINATOR}


@require_POST
@login_required
def roster_swap_offer(request: HttpRequest, assignment_id: int) -> HttpResponse:
    user = current_user(request)
    access.require_any_role(user, VOLUNTEER)
    assignment = Assignment.objects.filter(pk=assignment_id, volunteer=user).first()
    if assignment is None:
        raise Http404
    try:
        services.swap_offer(assignment=assignment, volunteer=user)
    except services.SwapError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your shift is on the board for colleagues."))
    return redirect("roster_mine")


@require_POST
@login_required
def roster_swap_withdraw(request: HttpRequest, offer_id: int) -> HttpResponse:
    user = current_user(request)
    access.require_any_role(user, VOLUNTEER)
    offer = SwapOffer.objects.filter(pk=offer_id, offered_by=user).first()
    if offer is None:
        raise Http404
    try:
        services.swap_withdraw(offer=offer, volunteer=user)
    except services.SwapError as error:
        messages.error(request, str(error))
    return redirect("roster_mine")


@require_GET
@login_required
def roster_board(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    access.require_any_role(user, VOLUNTEER)
    regions = access.regions_for(user, VOLUNTEER)
    board = selectors.open_board(user, regions)
    return render(request, "roster/swaps/board.html", {"board": board})


@require_POST
@login_required
def roster_swap_take(request: HttpRequest, offer_id: int) -> HttpResponse:
    user = current_user(request)
    access.require_any_role(user, VOLUNTEER)
    regions = access.regions_for(user, VOLUNTEER)
    offer = SwapOffer.objects.filter(
        pk=offer_id, assignment__roster__region__in=regions
    ).first()
    if offer is None:
        raise Http404
    try:
        services.swap_take(offer=offer, taker=user)
    except services.SwapError as error:
        messages.error(request, str(error))
        return redirect("roster_board")
    messages.success(
        request, _("The shift is yours now. Your coordinator sees the swap.")
    )
    return redirect("roster_mine")


@require_GET
@login_required
def roster_now(request: HttpRequest) -> HttpResponse:
    """Who is on which line in the shift running now, for supervisors."""
    access.require_any_role(request.user, WATCHERS)
    regions = access.regions_for(request.user, WATCHERS)
    on_line = selectors.on_the_line_now(regions)
    return render(request, "roster/swaps/now.html", {"on_line": on_line})
