"""Every write of the volunteer register, the roster months and availability.

No caller data is involved, so no audit event is written.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from aandacht.contacts.choices import Channel, LineLanguage
from aandacht.core.models import Region, User
from aandacht.roster.availability.access import volunteers_of
from aandacht.roster.models import Availability, RosterMonth, VolunteerRegister
from aandacht.roster.shifts import BY_CODE

# What a volunteer without a register entry can do: the Dutch phone line,
# open 24/7, with the organisation's band of 4 to 8 shifts and one night.
DEFAULT_LANGUAGES: tuple[str, ...] = (LineLanguage.DUTCH.value,)
DEFAULT_CHANNELS: tuple[str, ...] = (Channel.PHONE.value,)
DEFAULT_MIN_SHIFTS = 4
DEFAULT_MAX_SHIFTS = 8
DEFAULT_NIGHT_REQUIRED = True
BAND_LOWEST, BAND_HIGHEST = 1, 12

Slot = tuple[datetime.date, str]


def _in_order(chosen: Iterable[str], allowed: list[str]) -> tuple[list[str], list[str]]:
    """The known values in the order of `allowed`, and the unknown ones."""
    picked = set(chosen)
    return [value for value in allowed if value in picked], sorted(
        picked - set(allowed)
    )


@transaction.atomic
def register_entry_save(
    *,
    region: Region,
    volunteer: User,
    languages: Iterable[str],
    channels: Iterable[str],
    min_shifts: int,
    max_shifts: int,
    night_required: bool,
) -> VolunteerRegister:
    """Create or change a volunteer's register entry in `region`."""
    errors: dict[str, list[str]] = {}
    language_list, unknown = _in_order(languages, LineLanguage.values)
    if unknown or not language_list:
        errors["languages"] = [_("Choose at least one language from the list.")]
    channel_list, unknown = _in_order(channels, Channel.values)
    if unknown or not channel_list:
        errors["channels"] = [_("Choose at least one channel from the list.")]
    for field, value in (("min_shifts", min_shifts), ("max_shifts", max_shifts)):
        if not BAND_LOWEST <= value <= BAND_HIGHEST:
            errors[field] = [
                _("Enter a number of shifts from %(low)d to %(high)d.")
                % {"low": BAND_LOWEST, "high": BAND_HIGHEST}
            ]
    in_range = "min_shifts" not in errors and "max_shifts" not in errors
    if in_range and min_shifts > max_shifts:
        errors["max_shifts"] = [
            _("The most shifts a month cannot be fewer than the least.")
        ]
    if not volunteers_of(region).filter(pk=volunteer.pk).exists():
        errors[NON_FIELD_ERRORS] = [
            _("%(name)s is not a volunteer of %(region)s.")
            % {"name": volunteer.display_name, "region": region.name}
        ]
    if errors:
        raise ValidationError(errors)
    entry, _created = VolunteerRegister.objects.update_or_create(
        volunteer=volunteer,
        region=region,
        defaults={
            "languages": language_list,
            "channels": channel_list,
            "min_shifts": min_shifts,
            "max_shifts": max_shifts,
            "night_required": night_required,
        },
    )
    return entry


def roster_month_create(
    *, region: Region, month: datetime.date, deadline: datetime.date
) -> RosterMonth:
    """Open a future month of `region` for availability, until `deadline`."""
    today = timezone.localdate()
    errors: dict[str, list[str]] = {}
    if month.day != 1:
        errors["month"] = [_("A roster month starts on the first day of the month.")]
    elif month <= today:
        errors["month"] = [_("Choose a month that has not started yet.")]
    if deadline < today:
        errors.setdefault("deadline", []).append(
            _("The deadline has already passed. Choose today or a later date.")
        )
    if deadline >= month.replace(day=1):
        errors.setdefault("deadline", []).append(
            _("The deadline must lie before the month starts.")
        )
    if (
        "month" not in errors
        and RosterMonth.objects.filter(region=region, month=month).exists()
    ):
        errors["month"] = [
            _("%(region)s already has a roster for this month.")
            % {"region": region.name}
        ]
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            return RosterMonth.objects.create(
                region=region, month=month, deadline=deadline
            )
    except IntegrityError:  # created at the same moment by someone else
        raise ValidationError(
            {
                "month": [
                    _("%(region)s already has a roster for this month.")
                    % {"region": region.name}
                ]
            }
        ) from None


def availability_open(roster: RosterMonth, today: datetime.date | None = None) -> bool:
    """Whether volunteers can still change their availability for `roster`."""
    today = today or timezone.localdate()
    return roster.status == RosterMonth.Status.COLLECTING and today <= roster.deadline


@dataclass(frozen=True)
class AvailabilityCount:
    available: int
    preferred: int
    nights: int


def count_slots(
    available: Iterable[Slot], preferred: Iterable[Slot]
) -> AvailabilityCount:
    """The counts shown beside the grid; a preferred slot is also available."""
    wanted = set(preferred)
    slots = set(available) | wanted
    nights = sum(1 for _day, code in slots if BY_CODE[code].night)
    return AvailabilityCount(len(slots), len(wanted), nights)


@transaction.atomic
def availability_replace(
    *,
    roster: RosterMonth,
    volunteer: User,
    available: Iterable[Slot],
    preferred: Iterable[Slot] = (),
) -> AvailabilityCount:
    """Replace the volunteer's availability for the month, all or nothing.

    A preferred slot is available too. After the deadline, or once the
    coordinator plans the month, nothing changes.
    """
    # Lock the month: a coordinator who closes it waits for this save, and
    # two saves of the same volunteer do not interleave.
    locked = RosterMonth.objects.select_for_update().get(pk=roster.pk)
    if locked.status != RosterMonth.Status.COLLECTING:
        raise ValidationError(
            _("The coordinator is planning this month; availability is closed.")
        )
    if timezone.localdate() > locked.deadline:
        raise ValidationError(
            _("The deadline (%(deadline)s) has passed; availability is closed.")
            % {"deadline": date_format(locked.deadline, "j F Y")}
        )
    if not volunteers_of(locked.region).filter(pk=volunteer.pk).exists():
        raise ValidationError(_("Only volunteers of the region mark availability."))
    wanted = set(preferred)
    slots = set(available) | wanted
    outside = sorted(
        f"{day.isoformat()} {code}"
        for day, code in slots
        if code not in BY_CODE
        or (day.year, day.month) != (locked.month.year, locked.month.month)
    )
    if outside:
        raise ValidationError(
            _("These are not shifts of this month: %(slots)s.")
            % {"slots": ", ".join(outside)}
        )
    Availability.objects.filter(roster=locked, volunteer=volunteer).delete()
    Availability.objects.bulk_create(
        Availability(
            roster=locked,
            volunteer=volunteer,
            date=day,
            shift=code,
            preferred=(day, code) in wanted,
        )
        for day, code in sorted(slots)
    )
    return count_slots(slots, wanted)
