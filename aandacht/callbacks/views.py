"""Call-back screens: record a request, its confirmation, the Vraagwijzer's
queue, one request with its "show number" button, and its outcome."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from aandacht.callbacks import access, crypto, phone, selectors, services, workdays
from aandacht.callbacks.forms import CallbackForm, OutcomeForm
from aandacht.callbacks.models import CallbackRequest
from aandacht.core.access import current_user, has_any_role
from aandacht.core.roles import Role


def key_message(problem: str | None) -> str:
    if problem == "missing":
        return _(
            "Call-back requests cannot be recorded: the encryption key for phone "
            "numbers is not set up. Ask your administrator to set "
            "AANDACHT_CALLBACK_KEY."
        )
    if problem == "malformed":
        return _(
            "Call-back requests cannot be recorded: the encryption key for phone "
            "numbers (AANDACHT_CALLBACK_KEY) is not a valid key. Ask your "
            "administrator to correct it."
        )
    return ""


@sensitive_post_parameters("number")
@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def callback_new(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    region = access.record_region(user, request.GET.get("region"))
    if region is None:
        regions = access.record_regions(user)
        return render(request, "callbacks/choose_region.html", {"regions": regions})
    contact = access.linkable_contact(user, region, request.GET.get("contact"))
    form = CallbackForm(request.POST or None)
    problem = crypto.key_problem()
    if request.method == "POST" and form.is_valid():
        try:
            callback = services.callback_record(
                region=region, actor=user, contact=contact, **form.cleaned_data
            )
        except crypto.CallbackKeyError as error:
            form.add_error(None, key_message(error.reason))
        else:
            return redirect("callback_saved", callback_id=callback.pk)
    context = {
        "form": form,
        "region": region,
        "contact": contact,
        "key_problem": key_message(problem),
        "vraagwijzer_open": workdays.is_open(timezone.now())
        and not has_any_role(user, {Role.VRAAGWIJZER}),
        "closes": workdays.CLOSES,
    }
    return render(request, "callbacks/request_form.html", context)


@require_GET
@login_required
def callback_saved(request: HttpRequest, callback_id: int) -> HttpResponse:
    callback = access.recorded_by(current_user(request), callback_id)
    context = {"callback": callback, **selectors.callback_hours(callback.due_on)}
    return render(request, "callbacks/saved.html", context)


@require_GET
@login_required
def callback_queue(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    show_done = request.GET.get("show") == "done"
    regions = list(access.work_regions(user))
    queue = selectors.queue(
        access.workable(user),
        show_done=show_done,
        today=timezone.localdate(),
        page_number=request.GET.get("page"),
    )
    context = {
        "queue": queue,
        "show_done": show_done,
        "regions": regions,
        "query": "show=done",
    }
    return render(request, "callbacks/queue.html", context)


def _detail_context(callback: CallbackRequest, **extra: Any) -> dict[str, Any]:
    context: dict[str, Any] = {
        "callback": callback,
        "overdue": callback.is_open and callback.due_on < timezone.localdate(),
        "number_state": "hidden"
        if callback.is_open and callback.has_number
        else "gone",
        "form": OutcomeForm(initial={"outcome": callback.outcome}),
        "retention_days": services.NUMBER_RETENTION.days,
    }
    return context | extra


@require_GET
@login_required
def callback_detail(request: HttpRequest, callback_id: int) -> HttpResponse:
    callback = access.callback_to_work(current_user(request), callback_id)
    return render(request, "callbacks/detail.html", _detail_context(callback))


@never_cache
@vary_on_headers("HX-Request")
@require_http_methods(["POST"])
@login_required
def callback_number(request: HttpRequest, callback_id: int) -> HttpResponse:
    """Show the number once, on a button press; every press is audited."""
    user = current_user(request)
    callback = access.callback_to_work(user, callback_id)
    number = ""
    try:
        number = services.callback_number(
            callback=callback, viewer=user, request=request
        )
        state = "shown"
    except services.NumberGone:
        state = "gone"
    except crypto.NumberUnreadable:
        state = "unreadable"
    except crypto.CallbackKeyError:
        state = "no_key"
    shown = {
        "number_state": state,
        "number_display": phone.display(number) if number else "",
        "number_tel": phone.international(number) if number else "",
    }
    if request.headers.get("HX-Request") == "true":
        return render(
            request, "callbacks/_number.html", {"callback": callback, **shown}
        )
    return render(request, "callbacks/detail.html", _detail_context(callback, **shown))


@require_http_methods(["POST"])
@login_required
def callback_outcome(request: HttpRequest, callback_id: int) -> HttpResponse:
    """Save the outcome note, or save it and mark the request done."""
    user = current_user(request)
    callback = access.callback_to_work(user, callback_id)
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        return render(
            request, "callbacks/detail.html", _detail_context(callback, form=form)
        )
    outcome = form.cleaned_data["outcome"]
    if "done" in request.POST:
        if not callback.is_open:
            messages.error(request, _("This request is already done."))
            return redirect("callback_detail", callback_id=callback.pk)
        services.callback_done(callback=callback, actor=user, outcome=outcome)
        messages.success(
            request, _("The request is done and the phone number is erased.")
        )
        return redirect("callback_queue")
    try:
        services.callback_note(callback=callback, actor=user, outcome=outcome)
    except services.RequestClosed:
        messages.error(request, _("This request is already done."))
    else:
        messages.success(request, _("The note is saved."))
    return redirect("callback_detail", callback_id=callback.pk)
