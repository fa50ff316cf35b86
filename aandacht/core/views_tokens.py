"""A volunteer's API tokens: make one (its key shown once), see them, revoke one.

The JSON API registers and reads a volunteer's own reports, so only
volunteers hold tokens.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from aandacht.core import access, services
from aandacht.core.forms import ApiTokenForm
from aandacht.core.roles import Role

TOKEN_ROLES = frozenset({Role.VOLUNTEER})


@require_http_methods(["GET", "POST"])
@login_required
def api_tokens(request: HttpRequest) -> HttpResponse:
    access.require_any_role(request.user, TOKEN_ROLES)
    user = access.current_user(request)
    form = ApiTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        # Rendered, not redirected: the key must not travel in a URL or session.
        _token, new_key = services.api_token_create(
            user=user, name=form.cleaned_data["name"]
        )
        form = ApiTokenForm()
    context = {
        "form": form,
        "new_key": new_key,
        "tokens": user.api_tokens.select_related("user"),
        "token_days": settings.API_TOKEN_DAYS,
    }
    response = render(request, "core/api_tokens.html", context)
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@login_required
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    access.require_any_role(request.user, TOKEN_ROLES)
    user = access.current_user(request)
    token = get_object_or_404(user.api_tokens, pk=pk)
    services.api_token_revoke(token=token, actor=user)
    messages.success(
        request, _("The token %(name)s no longer works.") % {"name": token.name}
    )
    return redirect("api_tokens")
