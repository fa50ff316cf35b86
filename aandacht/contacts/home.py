"""What the contacts app adds to the volunteer's and supervisor's home page."""

from __future__ import annotations

from django.utils.translation import pgettext_lazy

from aandacht.contacts import access, selectors
from aandacht.contacts.models import Contact
from aandacht.core.home import HomePanel
from aandacht.core.models import User

NEW_CONTACT_KEY = pgettext_lazy("accesskey for a new contact", "n")


def volunteer_panel(user: User) -> HomePanel:
    context = {
        "unseen_feedback": selectors.unseen_feedback_count(user),
        "drafts": selectors.unfinished_drafts(user).count(),
        "new_key": NEW_CONTACT_KEY,
    }
    return HomePanel("contacts/_home_volunteer.html", context)


def supervisor_panel(user: User) -> HomePanel:
    unread = (
        Contact.objects.conversations()
        .unread()
        .filter(region__in=access.review_regions(user))
        .count()
    )
    return HomePanel("contacts/_home_supervisor.html", {"unread": unread})
