"""Home, account, team and audit-log screens: parse, authorise, read, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language as django_set_language
from django_otp import user_has_device

from aandacht.core import access, selectors, services, views_tokens
from aandacht.core.forms import AuditFilterForm
from aandacht.core.middleware import two_factor_exempt

set_language = two_factor_exempt(django_set_language)


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", selectors.home_for(request.user))


@require_GET
@login_required
def account(request: HttpRequest) -> HttpResponse:
    user = access.current_user(request)
    context = {
        "assignments": user.roles.select_related("region").order_by("role"),
        "has_two_factor": user_has_device(user),
        "two_factor_required": access.requires_two_factor(user),
        "can_have_api_tokens": access.has_any_role(user, views_tokens.TOKEN_ROLES),
    }
    return render(request, "core/account.html", context)


@require_GET
@login_required
def team_regions(request: HttpRequest) -> HttpResponse:
    access.require_any_role(request.user, access.TEAM_ROLES)
    regions = selectors.team_regions_for(request.user)
    return render(request, "core/team_regions.html", {"regions": regions})


@require_GET
@login_required
def region_team(request: HttpRequest, code: str) -> HttpResponse:
    region = access.region_for_team(request.user, code)
    context = {
        "region": region,
        "members": selectors.region_team(region),
        "can_unlock": access.can_unlock_in(request.user, region),
    }
    return render(request, "core/region_team.html", context)


@require_POST
@login_required
def member_unlock(request: HttpRequest, code: str, member_id: int) -> HttpResponse:
    region = access.region_for_team(request.user, code)
    member = access.member_for_unlock(request.user, region, member_id)
    services.user_unlock(
        actor=access.current_user(request),
        member=member,
        region=region,
        request=request,
    )
    messages.success(
        request, _("%(name)s can log in again.") % {"name": member.display_name}
    )
    return redirect("region_team", code=region.code)


@require_GET
@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    access.audit_events_for(request.user)  # authorise before reading the filters
    form = AuditFilterForm(request.GET or None)
    filters = selectors.AuditFilters()
    if form.is_valid():
        filters = selectors.AuditFilters(**form.cleaned_data)
    page = selectors.audit_log(request.user, filters, request.GET.get("page", "1"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    partial = bool(getattr(request, "htmx", False))  # set by django-htmx
    template = "core/_audit_results.html" if partial else "core/audit_log.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
