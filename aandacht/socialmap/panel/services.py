"""Writes of the contact form's social-map panel: referrals of a saved report."""

from __future__ import annotations

from django.db.models import Q

from aandacht.contacts.models import Contact
from aandacht.core.models import User
from aandacht.socialmap.models import Referral, Service
from aandacht.socialmap.panel.entries import ReferralEntry


def referrals_attach(
    *, contact: Contact, entries: list[ReferralEntry], actor: User | None
) -> list[Referral]:
    """Link a saved report to the services it referred to, with their times.

    Services outside the contact's region and the national map are ignored;
    the form has already refused them with a message. Attaching twice keeps
    one link per service.
    """
    visible = Service.objects.filter(
        Q(region=contact.region_id) | Q(region__isnull=True),
        id__in=[entry.service_id for entry in entries],
    ).values_list("id", flat=True)
    allowed = set(visible)
    referrals = [
        Referral(
            contact=contact,
            service_id=entry.service_id,
            created_at=entry.chosen_at,
            created_by=actor,
        )
        for entry in entries
        if entry.service_id in allowed
    ]
    return Referral.objects.bulk_create(referrals, ignore_conflicts=True)
