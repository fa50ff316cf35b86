"""The social-map panel of the contact form (htmx partials).

The panel keeps no state of its own: the chosen referrals travel as hidden
inputs inside the report's form, so the draft's autosave keeps them and the
report's save links them. Each request sends them along.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_POST

from aandacht.socialmap.panel import access, selectors
from aandacht.socialmap.panel.entries import ReferralEntry, parse_entries, toggle

REFERRAL_FIELD = "service_referral"
#: Fired after a referral is added or removed, so the draft saves it.
CHANGED_EVENT = "referrals-changed"
MAX_QUERY = 100


def _entries(request: HttpRequest, method: str = "GET") -> list[ReferralEntry]:
    values = getattr(request, method).getlist(REFERRAL_FIELD)
    entries, _unreadable = parse_entries(values)
    return entries


@require_POST  # what is typed travels in the body, never in a URL or a log
@login_required
def service_search(request: HttpRequest, code: str) -> HttpResponse:
    region = access.call_region(request.user, code)
    query = request.POST.get("q", "")[:MAX_QUERY]
    referred = {entry.service_id for entry in _entries(request, "POST")}
    cards = selectors.search(region, query, timezone.now(), referred) if query else []
    context = {"cards": cards, "query": query, "region": region}
    return render(request, "socialmap/panel/_results.html", context)


@require_POST
@login_required
def referral_toggle(request: HttpRequest, code: str) -> HttpResponse:
    """Add a referral to the report being written, or remove it again."""
    region = access.call_region(request.user, code)
    try:
        service_id = uuid.UUID(request.POST.get("service", ""))
    except ValueError:
        return HttpResponseBadRequest()
    if not selectors.services_for(region).filter(id=service_id).exists():
        return HttpResponseBadRequest()
    entries = toggle(_entries(request, "POST"), service_id, timezone.now())
    context = {
        "chosen": selectors.chosen(region, entries),
        "region": region,
        "toggled": service_id,
        "referred": any(entry.service_id == service_id for entry in entries),
    }
    response = render(request, "socialmap/panel/_chosen.html", context)
    # After the swap, so the search and the autosave see the new list.
    response["HX-Trigger-After-Swap"] = CHANGED_EVENT
    return response
