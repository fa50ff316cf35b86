"""The Vraagwijzer's screens for keeping the social map right.

Parse, authorise with ``directory.access``, read or write, render. Reads of
the directory are not audited: it is public information. Every write
leaves a ``ChangeRecord`` (see ``directory.services``).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from aandacht.core.access import current_user
from aandacht.socialmap.directory import access, selectors, services
from aandacht.socialmap.directory.forms import (
    ClosedDateFormSet,
    ListFilterForm,
    OrganizationForm,
    PhoneFormSet,
    ScheduleFormSet,
    ServiceForm,
    SynonymForm,
    closed_date_initial,
    kept_forms,
    organization_initial,
    phone_initial,
    schedule_initial,
    service_initial,
)
from aandacht.socialmap.models import Organization, Service, Synonym

# ---------------------------------------------------------------- lists


def _list_page(
    request: HttpRequest, template: str, partial: str, context: dict[str, Any]
) -> HttpResponse:
    query = request.GET.copy()
    query.pop("page", None)
    context["query"] = query.urlencode()
    context["synonym_editor"] = access.may_edit_synonyms(request.user)
    chosen = partial if getattr(request, "htmx", False) else template
    response = render(request, chosen, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
@login_required
def directory_list(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    scope = access.listed_scope(user)
    form = ListFilterForm(request.GET or None)
    page = selectors.service_list(
        scope, access.edit_scope(user), form.filters(), request.GET.get("page", "1")
    )
    context = {"form": form, "page": page, "stale": None}
    return _list_page(
        request,
        "socialmap/directory/service_list.html",
        "socialmap/directory/_service_results.html",
        context,
    )


@require_GET
@login_required
def organization_list(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    scope = access.listed_scope(user)
    form = ListFilterForm(request.GET or None)
    del form.fields["status"]
    page = selectors.organization_list(
        scope, access.edit_scope(user), form.filters(), request.GET.get("page", "1")
    )
    return _list_page(
        request,
        "socialmap/directory/organization_list.html",
        "socialmap/directory/_organization_results.html",
        {"form": form, "page": page},
    )


@require_GET
@login_required
def stale_list(request: HttpRequest) -> HttpResponse:
    scope = access.maintainer_scope(current_user(request))
    entries = selectors.stale_entries(scope)
    return render(
        request,
        "socialmap/directory/stale_list.html",
        {
            "entries": entries,
            "months": selectors.STALE_AFTER_MONTHS,
            "synonym_editor": access.may_edit_synonyms(request.user),
        },
    )


# ---------------------------------------------------------------- organisations


@require_http_methods(["GET", "POST"])
@login_required
def organization_new(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    form = OrganizationForm(
        request.POST or None, regions=access.new_entry_regions(user)
    )
    if request.method == "POST" and form.is_valid():
        organization = services.organization_create(
            actor=user, region=form.chosen_region(), values=form.values()
        )
        messages.success(request, _("The organisation is saved."))
        return redirect("socialmap_organization_detail", organization.id)
    return render(request, "socialmap/directory/organization_form.html", {"form": form})


@require_GET
@login_required
def organization_detail(
    request: HttpRequest, organization_id: uuid.UUID
) -> HttpResponse:
    user = current_user(request)
    organization = access.organization_to_read(user, organization_id)
    context = {
        "organization": organization,
        "services": selectors.organization_services(organization),
        "can_edit": access.may_edit(user, organization),
        "maintainer": not access.edit_scope(user).empty,
    }
    return render(request, "socialmap/directory/organization_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def organization_edit(request: HttpRequest, organization_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    organization = access.organization_to_edit(user, organization_id)
    form = OrganizationForm(
        request.POST or None,
        initial=organization_initial(organization),
        regions=access.new_entry_regions(user),
    )
    if request.method == "POST" and form.is_valid():
        changes = services.organization_update(
            organization=organization,
            actor=user,
            region=form.chosen_region(),
            values=form.values(),
        )
        _saved_message(request, changes, _("The organisation is saved."))
        return redirect("socialmap_organization_detail", organization.id)
    context = {"form": form, "organization": organization}
    return render(request, "socialmap/directory/organization_form.html", context)


@require_POST
@login_required
def organization_verify(
    request: HttpRequest, organization_id: uuid.UUID
) -> HttpResponse:
    user = current_user(request)
    organization = access.organization_to_edit(user, organization_id)
    services.organization_verify(organization=organization, actor=user)
    messages.success(
        request, _("%(name)s is marked as verified today.") % {"name": organization}
    )
    return _back(request, "socialmap_organization_detail", organization.id)


@require_GET
@login_required
def organization_history(
    request: HttpRequest, organization_id: uuid.UUID
) -> HttpResponse:
    organization = access.organization_history(current_user(request), organization_id)
    context = {
        "entry": organization,
        "detail_url": "socialmap_organization_detail",
        "entries": selectors.history(organization.id, Organization),
    }
    return render(request, "socialmap/directory/history.html", context)


# ---------------------------------------------------------------- services


def _service_form(
    request: HttpRequest, user: Any, service: Service | None, initial: dict[str, Any]
) -> ServiceForm:
    return ServiceForm(
        request.POST or None,
        initial=initial,
        regions=access.new_entry_regions(user),
        organizations=access.listed_scope(user),
        current_organization_id=service.organization_id if service else None,
    )


def _lists(form: ServiceForm, phones: Any) -> services.ServiceLists:
    return services.ServiceLists(
        phones=[row.row() for row in kept_forms(phones)],
        areas=form.cleaned_data["service_areas"],
        languages=form.cleaned_data["languages"],
        terms=list(form.cleaned_data["taxonomy_terms"]),
    )


def _new_service_initial(request: HttpRequest, user: Any) -> dict[str, Any]:
    """A new service of the organisation it was started from, in its map."""
    organization_id = request.GET.get("organization", "")
    try:
        key = uuid.UUID(organization_id)
    except ValueError:
        return {}
    organization = (
        Organization.objects.filter(access.listed_scope(user).q(), pk=key)
        .select_related("region")
        .first()
    )
    if organization is None:
        return {}
    region = organization.region.code if organization.region else None
    allowed = {r.code if r else None for r in access.new_entry_regions(user)}
    initial: dict[str, Any] = {"organization": organization.pk}
    if region in allowed:
        initial["region"] = region or "__national__"
    return initial


@require_http_methods(["GET", "POST"])
@login_required
def service_new(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    form = _service_form(request, user, None, _new_service_initial(request, user))
    phones = PhoneFormSet(request.POST or None, prefix="phones")
    if request.method == "POST" and form.is_valid() and phones.is_valid():
        service = services.service_create(
            actor=user,
            region=form.chosen_region(),
            organization=form.cleaned_data["organization"],
            values=form.values(),
            lists=_lists(form, phones),
        )
        messages.success(request, _("The service is saved. Now add its opening hours."))
        return redirect("socialmap_service_hours", service.id)
    context = {"form": form, "phones": phones}
    return render(request, "socialmap/directory/service_form.html", context)


@require_GET
@login_required
def service_detail(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    service = access.service_to_read(user, service_id)
    context = {
        "detail": selectors.service_detail(service.id),
        "can_edit": access.may_edit(user, service),
        "maintainer": not access.edit_scope(user).empty,
    }
    return render(request, "socialmap/directory/service_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def service_edit(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    service = selectors.service_with_lists(access.service_to_edit(user, service_id).id)
    initial = service_initial(service, selectors.service_terms(service.id))
    form = _service_form(request, user, service, initial)
    phones = PhoneFormSet(
        request.POST or None, initial=phone_initial(service), prefix="phones"
    )
    if request.method == "POST" and form.is_valid() and phones.is_valid():
        changes = services.service_update(
            service=service,
            actor=user,
            region=form.chosen_region(),
            organization=form.cleaned_data["organization"],
            values=form.values(),
            lists=_lists(form, phones),
        )
        _saved_message(request, changes, _("The service is saved."))
        return redirect("socialmap_service_detail", service.id)
    context = {"form": form, "phones": phones, "service": service}
    return render(request, "socialmap/directory/service_form.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def service_hours(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    service = selectors.service_with_lists(access.service_to_edit(user, service_id).id)
    existing = {str(row.id): row for row in service.schedules.all()}
    data = request.POST or None
    schedules = ScheduleFormSet(
        data,
        initial=schedule_initial(service),
        prefix="schedules",
        form_kwargs={"existing": existing},
    )
    closed = ClosedDateFormSet(
        data, initial=closed_date_initial(service), prefix="closed"
    )
    preview = selectors.hours_preview(service)
    previewing = False
    if request.method == "POST" and schedules.is_valid() and closed.is_valid():
        if "preview" not in request.POST:
            changes = services.service_hours_set(
                service=service,
                actor=user,
                schedules=schedules.rows(),
                closed_dates=closed.rows(),
            )
            _saved_message(request, changes, _("The opening hours are saved."))
            return redirect("socialmap_service_detail", service.id)
        descriptions = tuple(
            row.description for row in schedules.rows() if row.description
        )
        preview = selectors.typed_hours_preview(
            schedules.typed_rules(), closed.closures(), descriptions
        )
        previewing = True
    context = {
        "service": service,
        "schedules": schedules,
        "closed": closed,
        "preview": preview,
        "previewing": previewing,
    }
    return render(request, "socialmap/directory/hours_form.html", context)


@require_POST
@login_required
def service_verify(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    user = current_user(request)
    service = access.service_to_edit(user, service_id)
    services.service_verify(service=service, actor=user)
    messages.success(
        request, _("%(name)s is marked as verified today.") % {"name": service}
    )
    return _back(request, "socialmap_service_detail", service.id)


@require_GET
@login_required
def service_history(request: HttpRequest, service_id: uuid.UUID) -> HttpResponse:
    service = access.service_history(current_user(request), service_id)
    context = {
        "entry": service,
        "detail_url": "socialmap_service_detail",
        "entries": selectors.history(service.id, Service),
    }
    return render(request, "socialmap/directory/history.html", context)


# ---------------------------------------------------------------- synonyms


@require_GET
@login_required
def synonym_list(request: HttpRequest) -> HttpResponse:
    access.require_synonym_editor(current_user(request))
    context = {"synonyms": selectors.synonym_list(), "synonym_editor": True}
    return render(request, "socialmap/directory/synonym_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def synonym_new(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    access.require_synonym_editor(user)
    form = SynonymForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.synonym_create(
            actor=user,
            term=form.cleaned_data["term"],
            synonyms=form.cleaned_data["synonyms"],
        )
        messages.success(request, _("The synonyms are saved. Searches use them now."))
        return redirect("socialmap_synonyms")
    return render(request, "socialmap/directory/synonym_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def synonym_edit(request: HttpRequest, synonym_id: int) -> HttpResponse:
    user = current_user(request)
    access.require_synonym_editor(user)
    synonym = get_object_or_404(Synonym, pk=synonym_id)
    initial = {"term": synonym.term, "synonyms": synonym.synonyms}
    form = SynonymForm(request.POST or None, initial=initial, synonym=synonym)
    if request.method == "POST" and form.is_valid():
        changes = services.synonym_update(
            synonym=synonym,
            actor=user,
            term=form.cleaned_data["term"],
            synonyms=form.cleaned_data["synonyms"],
        )
        _saved_message(
            request, changes, _("The synonyms are saved. Searches use them now.")
        )
        return redirect("socialmap_synonyms")
    context = {"form": form, "synonym": synonym}
    return render(request, "socialmap/directory/synonym_form.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def synonym_delete(request: HttpRequest, synonym_id: int) -> HttpResponse:
    user = current_user(request)
    access.require_synonym_editor(user)
    synonym = get_object_or_404(Synonym, pk=synonym_id)
    if request.method == "POST":
        services.synonym_delete(synonym=synonym, actor=user)
        messages.success(
            request, _("The synonyms of “%(term)s” are removed.") % {"term": synonym}
        )
        return redirect("socialmap_synonyms")
    return render(
        request, "socialmap/directory/synonym_delete.html", {"synonym": synonym}
    )


# ---------------------------------------------------------------- helpers


def _saved_message(request: HttpRequest, changes: object, saved: str) -> None:
    if changes:
        messages.success(request, saved)
    else:
        messages.info(request, _("Nothing was changed, so nothing was saved."))


def _back(request: HttpRequest, fallback: str, entry_id: uuid.UUID) -> HttpResponse:
    """Back to the page the button was on (the stale list), or the entry."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback, entry_id)
