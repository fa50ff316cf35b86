"""The reads behind the register, roster-month and availability screens.

`register_for` and `register_entries` are the ones the problem builder calls:
what a volunteer can and wants to do in a region, the defaults included for
a volunteer whose entry no coordinator has written yet.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from aandacht.contacts.choices import Channel, LineLanguage
from aandacht.core import access as core_access
from aandacht.core.models import Region, User
from aandacht.core.roles import Role
from aandacht.roster.availability import access
from aandacht.roster.availability.services import (
    DEFAULT_CHANNELS,
    DEFAULT_LANGUAGES,
    DEFAULT_MAX_SHIFTS,
    DEFAULT_MIN_SHIFTS,
    DEFAULT_NIGHT_REQUIRED,
    AvailabilityCount,
    Slot,
    availability_open,
    count_slots,
)
from aandacht.roster.models import Availability, RosterMonth, VolunteerRegister
from aandacht.roster.shifts import SHIFTS, Shift, month_days
from aandacht.training.models import Attendance

NAME_ORDER = ("first_name", "last_name", "username")


# --------------------------------------------------------------------------- #
# The register
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class RegisterEntry:
    """What a volunteer can and wants to do in one region."""

    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    channels: tuple[str, ...] = DEFAULT_CHANNELS
    min_shifts: int = DEFAULT_MIN_SHIFTS
    max_shifts: int = DEFAULT_MAX_SHIFTS
    night_required: bool = DEFAULT_NIGHT_REQUIRED
    stored: bool = False  # False: the defaults, no coordinator wrote an entry yet

    @property
    def language_labels(self) -> list[str]:
        return [str(LineLanguage(code).label) for code in self.languages]

    @property
    def channel_labels(self) -> list[str]:
        return [str(Channel(code).label) for code in self.channels]


DEFAULT_ENTRY = RegisterEntry()


def _entry(row: VolunteerRegister) -> RegisterEntry:
    return RegisterEntry(
        languages=tuple(row.languages),
        channels=tuple(row.channels),
        min_shifts=row.min_shifts,
        max_shifts=row.max_shifts,
        night_required=row.night_required,
        stored=True,
    )


def register_for(volunteer: User, region: Region) -> RegisterEntry:
    """The volunteer's register entry in `region`, or the defaults. One query."""
    row = VolunteerRegister.objects.filter(volunteer=volunteer, region=region).first()
    return _entry(row) if row is not None else DEFAULT_ENTRY


def register_entries(region: Region) -> dict[int, RegisterEntry]:
    """Every active volunteer of `region` (by user id) with their entry. Two queries."""
    volunteer_ids = list(access.volunteers_of(region).values_list("pk", flat=True))
    stored = {
        row.volunteer_id: _entry(row)
        for row in VolunteerRegister.objects.filter(
            region=region, volunteer_id__in=volunteer_ids
        )
    }
    return {pk: stored.get(pk, DEFAULT_ENTRY) for pk in volunteer_ids}


@dataclass(frozen=True)
class RegisterRow:
    volunteer: User
    entry: RegisterEntry
    half_days: int  # further training this year, in every region


@dataclass(frozen=True)
class RegisterList:
    region: Region
    year: int
    rows: list[RegisterRow]


def register_list(region: Region, today: datetime.date | None = None) -> RegisterList:
    """The region's volunteers by name, with their entries. Two queries."""
    year = (today or timezone.localdate()).year
    attended = (
        Attendance.objects.filter(volunteer=OuterRef("pk"), session__date__year=year)
        .order_by()
        .values("volunteer")
        .annotate(total=Sum("session__half_days"))
        .values("total")
    )
    volunteers = (
        access.volunteers_of(region)
        .annotate(
            half_days=Coalesce(Subquery(attended, output_field=IntegerField()), 0)
        )
        .only(*NAME_ORDER)
        .prefetch_related(
            Prefetch(
                "registers",
                queryset=VolunteerRegister.objects.filter(region=region),
                to_attr="entries_here",
            )
        )
    )
    rows = [
        RegisterRow(
            volunteer,
            _entry(volunteer.entries_here[0])
            if volunteer.entries_here
            else DEFAULT_ENTRY,
            volunteer.half_days,
        )
        for volunteer in volunteers
    ]
    rows.sort(key=lambda row: row.volunteer.display_name.casefold())
    return RegisterList(region, year, rows)


# --------------------------------------------------------------------------- #
# Roster months
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class MonthRow:
    roster: RosterMonth
    marked: int  # volunteers who marked at least one slot
    open: bool


@dataclass(frozen=True)
class MonthList:
    region: Region
    rows: list[MonthRow]
    volunteers: int


def _next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def roster_months(region: Region, today: datetime.date | None = None) -> MonthList:
    """The region's roster months, newest first, with who marked. Two queries."""
    today = today or timezone.localdate()
    months = (
        RosterMonth.objects.filter(region=region)
        .annotate(marked=Count("availability__volunteer", distinct=True))
        .order_by("-month")
    )
    rows = [
        MonthRow(roster, roster.marked, availability_open(roster, today))
        for roster in months
    ]
    return MonthList(region, rows, access.volunteers_of(region).count())


def new_month_initial(
    months: MonthList, today: datetime.date | None = None
) -> dict[str, datetime.date]:
    """The form's proposal: the first month without a roster, due 14 days before."""
    today = today or timezone.localdate()
    taken = {row.roster.month for row in months.rows}
    month = _next_month(today)
    while month in taken:
        month = _next_month(month)
    deadline = max(today, month - datetime.timedelta(days=14))
    return {"month": month, "deadline": deadline}


# --------------------------------------------------------------------------- #
# Availability
# --------------------------------------------------------------------------- #


def slot_key(day: datetime.date, code: str) -> str:
    """The value of a slot's checkbox: `2027-03-01_N1`."""
    return f"{day.isoformat()}_{code}"


def slot_label(day: datetime.date, shift: Shift) -> str:
    """What a screen reader says for a slot: `Mon 1 March, 00:00-04:00`."""
    return _("%(day)s, %(shift)s") % {
        "day": dateformat.format(day, "D j F"),
        "shift": shift.label,
    }


@dataclass(frozen=True)
class Column:
    shift: Shift
    short: str  # "00-04", with an en dash


@dataclass(frozen=True)
class Cell:
    key: str
    label: str
    prefer_label: str
    night: bool
    can: bool
    prefer: bool


@dataclass(frozen=True)
class Day:
    date: datetime.date
    label: str  # "Mon 1"
    weekend: bool
    cells: list[Cell]


@dataclass(frozen=True)
class AvailabilityPage:
    roster: RosterMonth
    entry: RegisterEntry
    columns: list[Column]
    days: list[Day]
    count: AvailabilityCount
    editable: bool
    warnings: list[str] = field(default_factory=list)


COLUMNS = [Column(shift, shift.label.replace(":00", "")) for shift in SHIFTS]


def _days(
    first: datetime.date, available: set[Slot], preferred: set[Slot]
) -> list[Day]:
    days = []
    for day in month_days(first):
        cells = []
        for shift in SHIFTS:
            slot = (day, shift.code)
            label = slot_label(day, shift)
            cells.append(
                Cell(
                    key=slot_key(day, shift.code),
                    label=label,
                    prefer_label=_("Preferred: %(slot)s") % {"slot": label},
                    night=shift.night,
                    can=slot in available or slot in preferred,
                    prefer=slot in preferred,
                )
            )
        days.append(Day(day, dateformat.format(day, "D j"), day.weekday() >= 5, cells))
    return days


def band_warnings(entry: RegisterEntry, count: AvailabilityCount) -> list[str]:
    """What the marks leave short of the volunteer's band."""
    warnings = []
    if count.available < entry.min_shifts:
        warnings.append(
            _(
                "You marked fewer slots than the %(min)d shifts you want. "
                "Mark at least %(min)d, and preferably more."
            )
            % {"min": entry.min_shifts}
        )
    if entry.night_required and count.nights == 0:
        warnings.append(
            _(
                "You marked no night slot (00:00–08:00), and you take a night "
                "shift each month."
            )
        )
    return warnings


def availability_page(
    volunteer: User,
    roster: RosterMonth,
    *,
    ticked: tuple[Iterable[Slot], Iterable[Slot]] | None = None,
    today: datetime.date | None = None,
) -> AvailabilityPage:
    """The volunteer's grid for the month. Two queries (register, availability).

    `ticked` shows given marks (a form sent back) instead of the stored ones.
    """
    entry = register_for(volunteer, roster.region)
    if ticked is None:
        rows = Availability.objects.filter(roster=roster, volunteer=volunteer)
        available: set[Slot] = set()
        preferred: set[Slot] = set()
        for day, code, prefer in rows.values_list("date", "shift", "preferred"):
            available.add((day, code))
            if prefer:
                preferred.add((day, code))
    else:
        available, preferred = set(ticked[0]), set(ticked[1])
    count = count_slots(available, preferred)
    return AvailabilityPage(
        roster=roster,
        entry=entry,
        columns=COLUMNS,
        days=_days(roster.month, available, preferred),
        count=count,
        editable=availability_open(roster, today),
        warnings=band_warnings(entry, count),
    )


@dataclass(frozen=True)
class OpenMonth:
    roster: RosterMonth
    marked: int  # the volunteer's own marked slots
    open: bool


def open_months_for(
    volunteer: User, today: datetime.date | None = None
) -> list[OpenMonth]:
    """The months collecting availability in the volunteer's regions. One query."""
    regions = core_access.regions_for(volunteer, {Role.VOLUNTEER})
    months = (
        RosterMonth.objects.filter(
            region__in=regions, status=RosterMonth.Status.COLLECTING
        )
        .select_related("region")
        .annotate(
            marked=Count("availability", filter=Q(availability__volunteer=volunteer))
        )
        .order_by("month", "region__name")
    )
    return [
        OpenMonth(roster, roster.marked, availability_open(roster, today))
        for roster in months
    ]


# The grid's quick actions: marks added (not saved) to those on the screen.
WEEKDAY_EVENINGS = "weekday-evenings"
CLEAR = "clear"


def quick_marks(
    action: str, month: datetime.date, ticked: tuple[set[Slot], set[Slot]]
) -> tuple[set[Slot], set[Slot]] | None:
    """The marks after a quick action, or None for an unknown action."""
    available, preferred = ticked
    if action == CLEAR:
        return set(), set()
    if action == WEEKDAY_EVENINGS:
        evenings = {(day, "E") for day in month_days(month) if day.weekday() < 5}
        return available | evenings, preferred
    return None
