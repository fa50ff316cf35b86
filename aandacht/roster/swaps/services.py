"""Swaps of published shifts: a volunteer offers one, an eligible colleague takes it.

Taking a shift keeps every hard rule of the roster format: the colleague
can staff the line, has no other shift that day nor one back to back across
midnight, and stays within their most shifts a month.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from aandacht.core.models import User
from aandacht.roster.availability.selectors import register_for
from aandacht.roster.models import Assignment, RosterMonth, SwapOffer
from aandacht.roster.shifts import SHIFTS


class SwapError(Exception):
    """The swap is not possible; the message says why, for the volunteer."""


FIRST, LAST = SHIFTS[0].code, SHIFTS[-1].code


def swap_offer(*, assignment: Assignment, volunteer: User) -> SwapOffer:
    if assignment.volunteer_id != volunteer.pk:
        raise SwapError(_("You can only offer your own shifts."))
    if assignment.roster.status != RosterMonth.Status.PUBLISHED:
        raise SwapError(_("Only shifts of a published roster can be offered."))
    if assignment.date < timezone.localdate():
        raise SwapError(_("This shift has passed."))
    if assignment.offers.filter(status=SwapOffer.Status.OPEN).exists():
        raise SwapError(_("This shift is offered already."))
    return SwapOffer.objects.create(assignment=assignment, offered_by=volunteer)


def swap_withdraw(*, offer: SwapOffer, volunteer: User) -> SwapOffer:
    if offer.offered_by_id != volunteer.pk or offer.status != SwapOffer.Status.OPEN:
        raise SwapError(_("This offer cannot be withdrawn."))
    offer.status = SwapOffer.Status.WITHDRAWN
    offer.closed_at = timezone.now()
    offer.save(update_fields=["status", "closed_at"])
    return offer


def why_not(assignment: Assignment, taker: User) -> str | None:
    """Why `taker` may not take the shift, or None when they may."""
    roster, line = assignment.roster, assignment.line
    if taker.pk == assignment.volunteer_id:
        return _("It is your own shift.")
    entry = register_for(taker, roster.region)
    if line.channel not in entry.channels or line.language not in entry.languages:
        return _("You do not answer this line.")
    theirs = Assignment.objects.filter(roster__region=roster.region, volunteer=taker)
    if theirs.filter(date=assignment.date).exists():
        return _("You have a shift on that day already.")
    if _back_to_back(assignment, theirs):
        return _("It would follow straight on another shift of yours.")
    count = theirs.filter(roster=roster).count()
    if count >= entry.max_shifts:
        return _("You have your most shifts this month already.")
    return None


def _back_to_back(assignment: Assignment, theirs: QuerySet[Assignment]) -> bool:
    """A last shift of a day and the first of the next, across midnight."""
    day = assignment.date
    if assignment.shift == LAST:
        return theirs.filter(date=day + timedelta(days=1), shift=FIRST).exists()
    if assignment.shift == FIRST:
        return theirs.filter(date=day - timedelta(days=1), shift=LAST).exists()
    return False


@transaction.atomic
def swap_take(*, offer: SwapOffer, taker: User) -> Assignment:
    offer = SwapOffer.objects.select_for_update().get(pk=offer.pk)
    if offer.status != SwapOffer.Status.OPEN:
        raise SwapError(_("Someone else took this shift, or it was withdrawn."))
    assignment = Assignment.objects.select_related("roster__region", "line").get(
        pk=offer.assignment_id
    )
    reason = why_not(assignment, taker)
    if reason:
        raise SwapError(reason)
    assignment.volunteer = taker
    assignment.save(update_fields=["volunteer"])
    offer.status = SwapOffer.Status.TAKEN
    offer.taken_by = taker
    offer.closed_at = timezone.now()
    offer.save(update_fields=["status", "taken_by", "closed_at"])
    return assignment
