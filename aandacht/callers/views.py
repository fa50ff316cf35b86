"""Supervisors' caller screens: list, profile, edit, limits, merge."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from aandacht.callers import access, selectors, services
from aandacht.callers.forms import LimitForm, MergeForm, ProfileForm
from aandacht.core.access import current_user


@require_GET
@login_required
def profile_list(request: HttpRequest) -> HttpResponse:
    profiles = access.managed_profiles(request.user)
    context = {
        "rows": selectors.profile_list(profiles),
        "regions": list(access.managed_regions(request.user)),
    }
    return render(request, "callers/profile_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def profile_new(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    region = access.managed_region(user, request.GET.get("region"))
    form = ProfileForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        profile = services.profile_create(region=region, actor=user, **values)
        messages.success(request, _("The profile is saved."))
        return redirect("profile_detail", profile_id=profile.pk)
    return render(
        request, "callers/profile_form.html", {"form": form, "region": region}
    )


@require_GET
@login_required
def profile_detail(request: HttpRequest, profile_id: int) -> HttpResponse:
    user = current_user(request)
    profile = access.managed_profile(user, profile_id)
    services.profile_viewed(viewer=user, profile=profile, request=request)
    return render(
        request, "callers/profile_detail.html", selectors.profile_detail(profile)
    )


@require_http_methods(["GET", "POST"])
@login_required
def profile_edit(request: HttpRequest, profile_id: int) -> HttpResponse:
    user = current_user(request)
    profile = access.managed_profile(user, profile_id)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "GET":
        form.initial["version"] = profile.version
        services.profile_viewed(viewer=user, profile=profile, request=request)
    elif form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.profile_update(
                profile=profile,
                actor=user,
                version=form.cleaned_data["version"] or 0,
                **values,
            )
        except services.ConflictError:
            form.add_error(
                None,
                _(
                    "Someone else changed this profile while you were editing it. "
                    "Your changes are still here: compare them with the saved "
                    "profile (open it in a new tab) and save again."
                ),
            )
            profile.refresh_from_db()
            data = request.POST.copy()
            data["version"] = str(profile.version)
            form.data = data
        else:
            messages.success(request, _("The profile is saved."))
            return redirect("profile_detail", profile_id=profile.pk)
    context = {"form": form, "region": profile.region, "profile": profile}
    return render(request, "callers/profile_form.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def limit_new(request: HttpRequest, profile_id: int) -> HttpResponse:
    user = current_user(request)
    profile = access.managed_profile(user, profile_id)
    form = LimitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.limit_set(profile=profile, actor=user, **form.cleaned_data)
        messages.success(request, _("The new limit is in force."))
        return redirect("profile_detail", profile_id=profile.pk)
    return render(
        request, "callers/limit_form.html", {"form": form, "profile": profile}
    )


@require_http_methods(["GET", "POST"])
@login_required
def profile_merge(request: HttpRequest, profile_id: int) -> HttpResponse:
    user = current_user(request)
    profile = access.managed_profile(user, profile_id)
    candidates = selectors.merge_candidates(profile)
    form = MergeForm(request.POST or None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        target = services.profiles_merge(
            source=profile, target=form.cleaned_data["target"], actor=user
        )
        messages.success(
            request,
            _("%(source)s is merged into %(target)s.")
            % {"source": profile.alias, "target": target.alias},
        )
        return redirect("profile_detail", profile_id=target.pk)
    return render(request, "callers/merge.html", {"form": form, "profile": profile})
