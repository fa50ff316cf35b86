"""Offering and taking published shifts, keeping the roster's hard rules."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse

from aandacht.core import access
from aandacht.core.models import Region
from aandacht.core.roles import Role
from aandacht.core.services import role_grant
from aandacht.roster.models import Assignment, SwapOffer
from aandacht.roster.shifts import LOCAL
from aandacht.roster.swaps import selectors, services

from .swaps_setup import published_shift

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(cast):
    """A second volunteer of region zuid (volunteer_noord, also given zuid)."""
    user = cast["volunteer_noord"]
    role_grant(user=user, role=Role.VOLUNTEER, region=cast.zuid)
    return user


def test_a_colleague_takes_an_offered_shift(cast, colleague):
    shift = published_shift(cast)
    offer = services.swap_offer(assignment=shift, volunteer=cast["volunteer_zuid"])

    services.swap_take(offer=offer, taker=colleague)

    shift.refresh_from_db()
    offer.refresh_from_db()
    assert shift.volunteer == colleague
    assert (offer.status, offer.taken_by) == (SwapOffer.Status.TAKEN, colleague)


def test_a_taken_offer_cannot_be_taken_twice(cast, colleague):
    shift = published_shift(cast)
    offer = services.swap_offer(assignment=shift, volunteer=cast["volunteer_zuid"])
    services.swap_take(offer=offer, taker=colleague)
    with pytest.raises(services.SwapError):
        services.swap_take(offer=offer, taker=cast["volunteer_zuid"])


def test_a_colleague_with_a_shift_that_day_may_not_take_it(cast, colleague):
    shift = published_shift(cast)
    Assignment.objects.create(
        roster=shift.roster,
        volunteer=colleague,
        date=shift.date,
        shift="O",
        line=shift.line,
    )
    offer = services.swap_offer(assignment=shift, volunteer=cast["volunteer_zuid"])
    with pytest.raises(services.SwapError):
        services.swap_take(offer=offer, taker=colleague)
    assert Assignment.objects.get(pk=shift.pk).volunteer == cast["volunteer_zuid"]


def test_back_to_back_across_midnight_is_refused(cast, colleague):
    evening = published_shift(cast, shift="E")
    Assignment.objects.create(
        roster=evening.roster,
        volunteer=colleague,
        date=evening.date + timedelta(days=1),
        shift="N1",
        line=evening.line,
    )
    reason = services.why_not(evening, colleague)
    assert reason is not None


def test_a_colleague_who_cannot_staff_the_line_sees_why(cast, colleague):
    shift = published_shift(cast)
    register = colleague.registers.get(region=cast.zuid)
    register.languages = ["tr"]
    register.save()
    offer = services.swap_offer(assignment=shift, volunteer=cast["volunteer_zuid"])

    regions = access.regions_for(colleague, {Role.VOLUNTEER})
    [item] = selectors.open_board(colleague, regions)
    assert item.reason is not None  # shown instead of the take button
    with pytest.raises(services.SwapError):
        services.swap_take(offer=offer, taker=colleague)


def test_the_board_and_the_take_button_through_the_screens(
    client, cast, colleague, login
):
    shift = published_shift(cast)
    login(cast["volunteer_zuid"])
    client.post(reverse("roster_swap_offer", args=[shift.pk]))
    offer = SwapOffer.objects.get()

    login(colleague)
    board = client.get(reverse("roster_board"))
    assert [item.offer for item in board.context["board"]] == [offer]
    client.post(reverse("roster_swap_take", args=[offer.pk]))

    assert Assignment.objects.get(pk=shift.pk).volunteer == colleague


def test_a_past_shift_cannot_be_offered(cast):
    shift = published_shift(cast, days_ahead=-1)
    with pytest.raises(services.SwapError):
        services.swap_offer(assignment=shift, volunteer=cast["volunteer_zuid"])


def test_the_line_now_shows_the_running_shift(cast, time_machine):
    shift = published_shift(cast, days_ahead=0, shift="A")
    time_machine.move_to(datetime.combine(shift.date, time(17, 30), tzinfo=LOCAL))

    on_line = selectors.on_the_line_now(Region.objects.filter(pk=cast.zuid.pk))
    assert on_line == [shift]
