"""Realistic month roster problems for tests and benchmarks (#8).

``generate(volunteers=120, month="2027-03", seed=1)`` returns a problem dict
in the format of ``docs/roster-format.md`` (shared docs) for one region:

- shifts N1 00:00 and N2 04:00 (night), O 08:00, M 12:00, A 16:00, E 20:00,
  of four hours;
- lines: ``phone-nl`` 24/7 (one place per 20 volunteers), ``chat-nl`` from
  noon to midnight (one place per 60), and ``phone-ar``, ``phone-fa`` and
  ``phone-tr`` with one place each in the afternoons and evenings of set
  days, weight 3;
- demand with an evening peak, quiet nights, busier weekend evenings,
  scaled with the region's size so that there is no spare capacity (about
  a third of contacts go unanswered, as nationally);
- volunteers with bands of 4-8 shifts, most needing one night shift, Dutch
  speakers with about 10% also speaking Arabic, Farsi or Turkish, all on
  the phone and 40% also on chat, available in about 40% of the month's
  slots (by personal rhythm: day, evening or mixed; fewer nights), with
  some preferred slots.

Deterministic for a given seed. The keyword arguments make harder problems
(``availability`` lower for a short month, ``night_required_share``).
"""

from __future__ import annotations

import calendar
import random
from datetime import date
from typing import Any

SHIFTS: tuple[tuple[str, str, bool], ...] = (
    ("N1", "00:00", True),
    ("N2", "04:00", True),
    ("O", "08:00", False),
    ("M", "12:00", False),
    ("A", "16:00", False),
    ("E", "20:00", False),
)
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

# Arrivals per hour on phone-nl for 120 volunteers, by shift (weekday).
PHONE_NL = {"N1": 3.8, "N2": 1.6, "O": 6.2, "M": 8.4, "A": 9.8, "E": 13.0}
CHAT_NL = {"M": 2.4, "A": 3.6, "E": 5.0}
SMALL_LINES = {
    # code: (language, open days, arrivals per hour in A and E)
    "phone-ar": ("ar", "MO,WE,FR,SA", {"A": 0.9, "E": 1.3}),
    "phone-fa": ("fa", "TU,TH,SU", {"A": 0.6, "E": 0.9}),
    "phone-tr": ("tr", "MO,TU,WE,TH,FR", {"A": 0.9, "E": 1.2}),
}
BANDS = ((4, 8), (4, 6), (6, 8), (4, 4), (5, 8))
BAND_WEIGHTS = (50, 22, 12, 8, 8)
# Availability by rhythm and shift, relative to the volunteer's own rate.
RHYTHMS = {
    "day": {"N1": 0.4, "N2": 0.35, "O": 1.6, "M": 1.6, "A": 1.1, "E": 0.6},
    "evening": {"N1": 0.6, "N2": 0.4, "O": 0.5, "M": 0.8, "A": 1.3, "E": 1.9},
    "mixed": {"N1": 0.55, "N2": 0.45, "O": 1.1, "M": 1.1, "A": 1.2, "E": 1.3},
}


# Makes the share of available slots about `availability` on average.
AVAILABILITY_NORM = 1.45


def _top_up(
    rng: random.Random,
    available: list[dict[str, str]],
    dates: list[date],
    dates_wanted: int,
    night: bool,
    day_shifts: tuple[str, ...],
) -> None:
    """Add slots until there are `dates_wanted` dates (and two nights if needed)."""
    taken = {(slot["date"], slot["shift"]) for slot in available}

    def add(day: date, code: str) -> None:
        if (day.isoformat(), code) not in taken:
            taken.add((day.isoformat(), code))
            available.append({"date": day.isoformat(), "shift": code})

    if night:
        nights = sum(1 for slot in available if slot["shift"] in ("N1", "N2"))
        for day in rng.sample(dates, max(0, 2 - nights)):
            add(day, rng.choice(("N1", "N2")))
    days = {slot["date"] for slot in available}
    missing = [day for day in dates if day.isoformat() not in days]
    for day in rng.sample(missing, min(len(missing), max(0, dates_wanted - len(days)))):
        add(day, rng.choice(day_shifts))
    available.sort(
        key=lambda slot: (slot["date"], [s[0] for s in SHIFTS].index(slot["shift"]))
    )


def _weekend(day: str, shift: str) -> float:
    if day in ("SA", "SU"):
        return 1.15 if shift in ("E", "N1") else 0.9
    if day == "FR" and shift == "E":
        return 1.05
    return 1.0


def generate(
    volunteers: int = 120,
    month: str = "2027-03",
    seed: int = 1,
    *,
    availability: float = 0.4,
    night_required_share: float = 0.85,
    preferred_share: float = 0.15,
    other_language_share: float = 0.10,
    ensure_feasible: bool = True,
) -> dict[str, Any]:
    """A realistic month problem for one region with `volunteers` volunteers."""
    rng = random.Random(f"{seed}-{volunteers}-{month}")  # noqa: S311  (test data)
    year, month_number = (int(part) for part in month.split("-"))
    days = calendar.monthrange(year, month_number)[1]
    dates = [date(year, month_number, number) for number in range(1, days + 1)]
    size = volunteers / 120.0

    lines: list[dict[str, Any]] = [
        {
            "code": "phone-nl",
            "channel": "phone",
            "language": "nl",
            "max_parallel": max(1, round(volunteers / 20)),
        },
        {
            "code": "chat-nl",
            "channel": "chat",
            "language": "nl",
            "max_parallel": max(1, round(volunteers / 60)),
            "open": [{"byday": ",".join(WEEKDAYS), "shifts": ["M", "A", "E"]}],
        },
    ]
    for code, (language, byday, _rates) in SMALL_LINES.items():
        lines.append(
            {
                "code": code,
                "channel": "phone",
                "language": language,
                "max_parallel": 1,
                "weight": 3,
                "open": [{"byday": byday, "shifts": ["A", "E"]}],
            }
        )

    demand: list[dict[str, Any]] = []
    for day in WEEKDAYS:
        for shift, rate in PHONE_NL.items():
            demand.append(
                {
                    "line": "phone-nl",
                    "byday": day,
                    "shift": shift,
                    "arrivals_per_hour": round(
                        rate * size * _weekend(day, shift) * rng.uniform(0.92, 1.08), 2
                    ),
                }
            )
        for shift, rate in CHAT_NL.items():
            demand.append(
                {
                    "line": "chat-nl",
                    "byday": day,
                    "shift": shift,
                    "arrivals_per_hour": round(
                        rate * size * _weekend(day, shift) * rng.uniform(0.9, 1.1), 2
                    ),
                }
            )
    for code, (_language, byday, rates) in SMALL_LINES.items():
        for shift, rate in rates.items():
            demand.append(
                {
                    "line": code,
                    "byday": byday,
                    "shift": shift,
                    "arrivals_per_hour": round(rate * rng.uniform(0.9, 1.1), 2),
                }
            )

    people: list[dict[str, Any]] = []
    others = ("ar", "tr", "fa")
    other_weights = (4, 4, 2)
    # The mean rate of the rhythms' multipliers is about 1: the share holds.
    for number in range(1, volunteers + 1):
        languages = ["nl"]
        if rng.random() < other_language_share:
            languages.append(rng.choices(others, other_weights)[0])
        channels = ["phone"]
        roll = rng.random()
        if roll < 0.35:
            channels.append("chat")
        elif roll < 0.40:
            channels = ["chat"]
        low, high = rng.choices(BANDS, BAND_WEIGHTS)[0]
        rhythm = RHYTHMS[rng.choice(("day", "evening", "mixed"))]
        rate = availability * AVAILABILITY_NORM * rng.uniform(0.5, 1.5)
        free_days = set(rng.sample(range(7), rng.choice((0, 1, 2, 2, 3))))
        available: list[dict[str, str]] = []
        for when in dates:
            factor = 0.25 if when.weekday() in free_days else 1.0
            for code, _start, _night in SHIFTS:
                if channels == ["chat"] and code not in CHAT_NL:
                    continue  # chat is open from noon to midnight only
                if rng.random() < min(0.95, rate * rhythm[code] * factor):
                    available.append({"date": when.isoformat(), "shift": code})
        # Chat is not open at night: chat-only volunteers owe no night shift.
        night_required = rng.random() < night_required_share and "phone" in channels
        if ensure_feasible:
            day_shifts = (
                ("M", "A", "E") if channels == ["chat"] else ("O", "M", "A", "E")
            )
            _top_up(rng, available, dates, high + 2, night_required, day_shifts)
        preferred = [slot for slot in available if rng.random() < preferred_share]
        people.append(
            {
                "id": f"v{number:04d}",
                "languages": languages,
                "channels": channels,
                "min_shifts": low,
                "max_shifts": high,
                "night_required": night_required,
                "available": available,
                "preferred": preferred,
            }
        )

    return {
        "month": month,
        "shifts": [
            {"code": code, "start": start, "night": True}
            if night
            else {"code": code, "start": start}
            for code, start, night in SHIFTS
        ],
        "shift_hours": 4,
        "lines": lines,
        "service": {
            "phone": {"aht_minutes": 21, "patience_minutes": 2},
            "chat": {"aht_minutes": 36, "patience_minutes": 5},
        },
        "demand": demand,
        "volunteers": people,
    }


def generate_national(
    regions: int = 15, volunteers: int = 100, month: str = "2027-03", seed: int = 1
) -> list[dict[str, Any]]:
    """One problem per region, each with its own seed."""
    return [
        generate(volunteers=volunteers, month=month, seed=seed * 1000 + region)
        for region in range(regions)
    ]
