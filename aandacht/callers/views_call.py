"""The regular-caller lookup and banner inside the contact form (htmx partials)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from aandacht.callers import access, selectors

ATTACHED_EVENT = "caller-attached"


@require_POST  # what is typed travels in the body, never in a URL or a log
@login_required
def caller_lookup(request: HttpRequest, code: str) -> HttpResponse:
    region = access.lookup_region(request.user, code)
    query = request.POST.get("q", "")[:100]
    profiles = selectors.lookup(region, query)
    context = {"profiles": profiles, "query": query, "region": region}
    return render(request, "callers/_lookup_results.html", context)


@require_GET
@login_required
def caller_banner(request: HttpRequest, code: str) -> HttpResponse:
    """The banner of the attached profile; without `profile`, it is detached."""
    access.lookup_region(request.user, code)
    profile_id = request.GET.get("profile", "")
    banner = None
    if profile_id.isdigit():
        banner = selectors.banner(access.profile_in_call(request.user, int(profile_id)))
    response = render(request, "callers/_banner.html", {"banner": banner, "oob": True})
    response["HX-Trigger"] = ATTACHED_EVENT  # the draft saves the change
    return response
