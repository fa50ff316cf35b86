"""Further-training screens: parse, authorise with the access helper, read or
write through a selector or service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from aandacht.core.access import current_user
from aandacht.core.models import Region
from aandacht.training import access, export, selectors, services
from aandacht.training.forms import OverviewFilterForm, SessionForm
from aandacht.training.models import TrainingSession


@require_GET
@login_required
def my_training(request: HttpRequest) -> HttpResponse:
    context = selectors.my_training(request.user)
    return render(request, "training/my_training.html", context)


@require_GET
@login_required
def session_list(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    regions = list(access.session_regions(user))
    page = selectors.session_list(user, request.GET.get("page", "1"))
    context = {"page": page, "regions": regions, "query": ""}
    return render(request, "training/session_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def session_new(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    regions = list(access.session_regions(user))
    code = request.GET.get("region")
    if len(regions) > 1 and not code:
        return render(request, "training/choose_region.html", {"regions": regions})
    region = access.session_region(user, code)
    form = SessionForm(
        request.POST or None, volunteers=selectors.attendee_choices(region)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.training_session_record(
                region=region, recorded_by=user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The session is recorded."))
            return redirect("training_sessions")
    return _form_page(request, form, region, None)


@require_http_methods(["GET", "POST"])
@login_required
def session_change(request: HttpRequest, session_id: int) -> HttpResponse:
    session = access.session_for_change(current_user(request), session_id)
    volunteers = selectors.attendee_choices(session.region, session)
    if request.method == "POST":
        form = SessionForm(request.POST, volunteers=volunteers)
        if form.is_valid():
            try:
                services.training_session_update(session=session, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The session is changed."))
                return redirect("training_sessions")
    else:
        initial = {
            "date": session.date,
            "topic": session.topic,
            "half_days": session.half_days,
            "attendees": list(session.attendees.all()),
        }
        form = SessionForm(initial=initial, volunteers=volunteers)
    return _form_page(request, form, session.region, session)


def _form_page(
    request: HttpRequest,
    form: SessionForm,
    region: Region,
    session: TrainingSession | None,
) -> HttpResponse:
    context = {"form": form, "region": region, "session": session}
    return render(request, "training/session_form.html", context)


@require_GET
@login_required
def overview_regions(request: HttpRequest) -> HttpResponse:
    regions = selectors.overview_regions(request.user)
    return render(request, "training/overview_regions.html", {"regions": regions})


def _overview(
    request: HttpRequest, code: str
) -> tuple[OverviewFilterForm, selectors.RegionOverview]:
    region = access.overview_region(request.user, code)
    today = timezone.localdate()
    form = OverviewFilterForm(
        request.GET or None, years=selectors.overview_years(region, today)
    )
    year, behind_only = today.year, False
    if form.is_valid():
        year, behind_only = form.cleaned_data["year"], form.cleaned_data["behind"]
    overview = selectors.region_overview(
        region, year, behind_only=behind_only, today=today
    )
    return form, overview


@require_GET
@login_required
def overview(request: HttpRequest, code: str) -> HttpResponse:
    form, overview = _overview(request, code)
    context = {"form": form, "overview": overview, "query": request.GET.urlencode()}
    partial = bool(getattr(request, "htmx", False))  # set by django-htmx
    template = "training/_overview.html" if partial else "training/overview.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
@login_required
def overview_export(request: HttpRequest, code: str) -> HttpResponse:
    _form, overview = _overview(request, code)
    response = HttpResponse(
        export.overview_csv(overview), content_type="text/csv; charset=utf-8"
    )
    filename = f"training-{overview.region.code}-{overview.year}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
