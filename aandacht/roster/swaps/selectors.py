"""The reads behind the open-shifts board and the line now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from aandacht.core.models import Region, User
from aandacht.roster.models import Assignment, RosterMonth, SwapOffer
from aandacht.roster.shifts import LOCAL, SHIFTS, shift_bounds
from aandacht.roster.swaps.services import why_not


@dataclass(frozen=True)
class BoardOffer:
    offer: SwapOffer
    reason: str | None  # why the viewer may not take it; None: they may


def open_board(user: User, regions: QuerySet[Region]) -> list[BoardOffer]:
    offers = (
        SwapOffer.objects.filter(
            status=SwapOffer.Status.OPEN,
            assignment__roster__region__in=regions,
            assignment__date__gte=timezone.localdate(),
        )
        .select_related("assignment__line", "assignment__roster__region", "offered_by")
        .order_by("assignment__date", "assignment__shift")
    )
    return [BoardOffer(offer, why_not(offer.assignment, user)) for offer in offers]


def my_open_offers(user: User) -> dict[int, SwapOffer]:
    offers = SwapOffer.objects.filter(offered_by=user, status=SwapOffer.Status.OPEN)
    return {offer.assignment_id: offer for offer in offers}


def on_the_line_now(
    regions: QuerySet[Region], now: datetime | None = None
) -> list[Assignment]:
    """Who is on which line in the shift that is running now, per region."""
    moment = (now or timezone.now()).astimezone(LOCAL)
    today = moment.date()
    running = [
        shift.code
        for shift in SHIFTS
        if shift_bounds(today, shift.code)[0]
        <= moment
        < shift_bounds(today, shift.code)[1]
    ]
    if not running:
        return []
    return list(
        Assignment.objects.filter(
            roster__region__in=regions,
            roster__status=RosterMonth.Status.PUBLISHED,
            date=today,
            shift=running[0],
        )
        .select_related("volunteer", "line", "roster__region")
        .order_by("roster__region__name", "line__code")
    )
