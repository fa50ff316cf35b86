"""Contact screens: parse, authorise with the access helper, call a service, render."""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from aandacht.callers import selectors as caller_selectors
from aandacht.callers.models import CallerProfile
from aandacht.callers.selectors import Banner
from aandacht.contacts import access, selectors, services
from aandacht.contacts.choices import NON_DATA_TYPES, Channel, ContactType
from aandacht.contacts.forms import (
    CHANNEL_KEYS,
    SAVE_KEY,
    ContactForm,
    DraftTooLong,
    FeedbackForm,
    ReviewFilterForm,
    draft_data,
)
from aandacht.contacts.models import Contact, ContactDraft
from aandacht.core.access import current_user
from aandacht.guidance import assistant
from aandacht.privacy.scrub import scrub
from aandacht.socialmap.panel import selectors as social_map
from aandacht.socialmap.panel.entries import parse_entries


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


@require_GET
@login_required
def contact_new(request: HttpRequest) -> HttpResponse:
    """Offer an unfinished draft, or start a new one with the timer running."""
    user = current_user(request)
    drafts = list(selectors.unfinished_drafts(user))
    if drafts and "fresh" not in request.GET:
        return render(request, "contacts/drafts.html", {"drafts": drafts})
    regions = list(access.volunteer_regions(user))
    code = request.GET.get("region")
    if len(regions) > 1 and not code:
        return render(request, "contacts/choose_region.html", {"regions": regions})
    region = access.volunteer_region(user, code)
    draft = services.draft_start(volunteer=user, region=region)
    return redirect("contact_draft", key=draft.key)


def _form_page(
    request: HttpRequest, draft: ContactDraft, form: ContactForm
) -> HttpResponse:
    context = {
        "draft": draft,
        "form": form,
        "channel_options": [
            (option, CHANNEL_KEYS[option.data["value"]]) for option in form["channel"]
        ],
        "save_key": SAVE_KEY,
        "crisis_codes": [str(pk) for pk in selectors.crisis_topic_ids(form)],
        "crisis_resources": selectors.crisis_resources(draft.region),
        "non_data_types": NON_DATA_TYPES,
        "preview": scrub(draft.data.get("summary", "") or ""),
        "caller_banner": _caller_banner(form, draft),
        **_social_map(form, draft),
        **assistant.form_context(form),
    }
    return render(request, "contacts/contact_form.html", context)


def _social_map(form: ContactForm, draft: ContactDraft) -> dict[str, Any]:
    """The panel's region, the referrals chosen so far and the crisis services."""
    values = form["service_referral"].value() or []
    entries, _unreadable = parse_entries(
        [values] if isinstance(values, str) else values
    )
    return {
        "region": draft.region,
        "chosen": social_map.chosen(draft.region, entries),
        "crisis_cards": social_map.crisis_services(draft.region, timezone.now()),
    }


def _caller_banner(form: ContactForm, draft: ContactDraft) -> Banner | None:
    """The attached profile's banner, when a draft or a refused form has one."""
    value = str(form["caller_profile"].value() or "")
    if not value.isdigit():
        return None
    profile = (
        CallerProfile.objects.active().filter(region=draft.region, pk=value).first()
    )
    return caller_selectors.banner(profile) if profile else None


@require_http_methods(["GET", "POST"])
@login_required
def contact_draft(request: HttpRequest, key: str) -> HttpResponse:
    user = current_user(request)
    draft = access.draft_for(user, key)
    topic_list = services.current_topic_list()
    if request.method == "GET":
        form = ContactForm(
            initial=selectors.draft_initial(draft),
            topic_list=topic_list,
            region=draft.region,
        )
        return _form_page(request, draft, form)
    form = ContactForm(request.POST, topic_list=topic_list, region=draft.region)
    if not form.is_valid():
        with suppress(DraftTooLong):  # the form itself says what is too long
            services.draft_save(draft=draft, data=draft_data(request.POST))
        return _form_page(request, draft, form)
    services.contact_register(
        volunteer=user, region=draft.region, data=form.to_input(), key=draft.key
    )
    messages.success(request, _("The report is saved. Thank you."))
    return redirect("home")


@require_POST
@login_required
def contact_autosave(request: HttpRequest, key: str) -> HttpResponse:
    """Save the draft as the volunteer types; answer with the scrubbed preview."""
    draft = access.draft_for(current_user(request), key)
    try:
        data = draft_data(request.POST)
    except DraftTooLong:
        return HttpResponseBadRequest(_("This draft is too long to save."))
    saved = services.draft_save(draft=draft, data=data)
    if saved is None:  # the report was stored meanwhile: nothing to show
        return HttpResponse(status=204)
    preview = scrub(data.get("summary", ""))
    response = render(
        request, "contacts/_autosave.html", {"draft": saved, "preview": preview}
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_POST
@login_required
def contact_non_data(request: HttpRequest, key: str) -> HttpResponse:
    """Close a silent, hung-up or other non-data contact with one click."""
    user = current_user(request)
    draft = access.draft_for(user, key)
    contact_type = request.POST.get("contact_type", "")
    channel = request.POST.get("channel") or draft.data.get("channel") or Channel.PHONE
    if contact_type not in NON_DATA_TYPES or channel not in Channel.values:
        messages.error(request, _("Choose one of the listed contact types."))
        return redirect("contact_draft", key=draft.key)
    data = services.ContactInput(
        channel=channel,
        contact_type=ContactType(contact_type),
        started_at=draft.started_at,
        ended_at=max(draft.started_at, timezone.now()),
    )
    services.contact_register(
        volunteer=user, region=draft.region, data=data, key=draft.key
    )
    label = ContactType(contact_type).label
    messages.success(request, _("Counted: %(type)s.") % {"type": label})
    return redirect("home")


@require_POST
@login_required
def draft_discard(request: HttpRequest, key: str) -> HttpResponse:
    draft = access.draft_for(current_user(request), key)
    draft.delete()
    messages.success(request, _("The unfinished report is deleted."))
    return redirect("contact_new")


@require_GET
@login_required
def my_reports(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    reports = list(selectors.my_reports(user))
    response = render(request, "contacts/my_reports.html", {"reports": reports})
    services.feedback_mark_seen(volunteer=user)
    return response


@require_http_methods(["GET", "POST"])
@login_required
def contact_edit(request: HttpRequest, contact_id: int) -> HttpResponse:
    user = current_user(request)
    contact = access.contact_for_correction(user, contact_id)
    if not contact.is_conversation:
        raise Http404  # a counted contact has nothing to correct
    topic_list = contact.topic_list
    if request.method == "POST":
        form = ContactForm(request.POST, topic_list=topic_list, region=contact.region)
        version = int(request.POST.get("version") or 0)
        if form.is_valid():
            try:
                services.contact_correct(
                    actor=user, contact=contact, data=form.to_input(), version=version
                )
            except services.ConflictError:
                form.add_error(
                    None,
                    _(
                        "Someone else changed this report while you were editing it. "
                        "Your changes are still here: compare them with the saved "
                        "report (open it in a new tab) and save again."
                    ),
                )
                contact.refresh_from_db()
            else:
                messages.success(request, _("The report is corrected."))
                return redirect(
                    "my_reports" if contact.volunteer_id == user.pk else "review_queue"
                )
    else:
        form = ContactForm(
            initial=_contact_initial(contact),
            topic_list=topic_list,
            region=contact.region,
        )
    if contact.volunteer_id != user.pk:  # staff reading someone's report
        services.contact_viewed(viewer=user, contact=contact, request=request)
    context = {"form": form, "contact": contact, **assistant.form_context(form)}
    return render(request, "contacts/contact_edit.html", context)


def _contact_initial(contact: Contact) -> dict[str, object]:
    fields = services.ContactInput.__dataclass_fields__
    initial = {name: getattr(contact, name) for name in fields if name != "topics"}
    initial.update(assistant.form_initial(contact.typology))
    initial["topics"] = list(contact.topics.all())
    for name in ("started_at", "ended_at"):
        initial[name] = timezone.localtime(getattr(contact, name))
    return initial


@require_GET
@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    access.review_regions(user)
    form = ReviewFilterForm(request.GET or None)
    filters = selectors.ReviewFilters()
    if form.is_valid():
        filters = selectors.ReviewFilters(**form.cleaned_data)
    page = selectors.review_queue(user, filters, request.GET.get("page", "1"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    template = (
        "contacts/_queue.html" if _is_htmx(request) else "contacts/review_queue.html"
    )
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_http_methods(["GET", "POST"])
@login_required
def review_detail(request: HttpRequest, contact_id: int) -> HttpResponse:
    user = current_user(request)
    contact = access.contact_for_review(user, contact_id)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST":
        if "mark_read" in request.POST:
            services.contact_mark_read(supervisor=user, contact=contact)
            messages.success(request, _("Marked as read."))
            return redirect("review_queue")
        if form.is_valid():
            services.feedback_give(
                supervisor=user, contact=contact, text=form.cleaned_data["text"]
            )
            messages.success(request, _("Your feedback is sent to the volunteer."))
            return redirect("review_detail", contact_id=contact.pk)
    services.contact_viewed(viewer=user, contact=contact, request=request)
    context = selectors.review_detail(contact) | {"form": form}
    return render(request, "contacts/review_detail.html", context)
