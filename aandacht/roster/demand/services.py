"""Every write of the demand screens: lines, and demand from history or logs.

Demand rows carry their source. An estimate from contact reports replaces
the earlier estimates from contact reports; it leaves demand from call logs
and demand entered by hand alone unless asked to overwrite them. A call log
replaces both kinds of estimate of the lines it covers, and leaves demand
entered by hand alone unless asked. Nothing here stores a caller's number:
a call log lives in memory for the length of the import.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import ExtractHour, ExtractIsoWeekDay
from django.utils import timezone
from django.utils.translation import gettext as _

from aandacht.contacts.choices import Channel, ContactType, LineLanguage
from aandacht.contacts.models import Contact
from aandacht.core.models import Region
from aandacht.roster.demand import calllog, defaults, estimate
from aandacht.roster.demand.estimate import Slot
from aandacht.roster.demand.selectors import assumed_answer_rate
from aandacht.roster.models import Demand, Line, ServicePatience
from aandacht.roster.shifts import LOCAL

CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_CODE = 20
MAX_PARALLEL = 50
MAX_WEIGHT = 100.0

# --------------------------------------------------------------------------- #
# Lines
# --------------------------------------------------------------------------- #


def _line_errors(
    *,
    region: Region,
    code: str,
    channel: str,
    language: str,
    max_parallel: int,
    weight: float,
    open_rules: Sequence[Mapping[str, Any]],
    line: Line | None,
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = defaultdict(list)
    if not CODE.fullmatch(code) or len(code) > MAX_CODE:
        errors["code"].append(
            _(
                "Write the code in at most %(max)d small letters, digits and "
                "hyphens, for example phone-nl."
            )
            % {"max": MAX_CODE}
        )
    else:
        others = Line.objects.filter(region=region, code=code)
        if line is not None:
            others = others.exclude(pk=line.pk)
        if others.exists():
            errors["code"].append(
                _("%(region)s already has a line %(code)s.")
                % {"region": region.name, "code": code}
            )
    if channel not in Channel.values:
        errors["channel"].append(_("Choose a channel from the list."))
    if language not in LineLanguage.values:
        errors["language"].append(_("Choose a language from the list."))
    if not 1 <= max_parallel <= MAX_PARALLEL:
        errors["max_parallel"].append(
            _("A line has 1 to %(max)d places at once.") % {"max": MAX_PARALLEL}
        )
    if not 0 < weight <= MAX_WEIGHT:
        errors["weight"].append(
            _("The weight is a number above 0 and at most %(max)d.")
            % {"max": MAX_WEIGHT}
        )
    if open_rules and not estimate.open_slots(open_rules):
        errors["open_rules"].append(
            _("Choose the shifts in which the line is open, or “always open”.")
        )
    return dict(errors)


def _line_values(
    *,
    code: str,
    channel: str,
    language: str,
    max_parallel: int,
    weight: float,
    open_rules: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    return {
        "code": code,
        "channel": channel,
        "language": language,
        "max_parallel": max_parallel,
        "weight": float(weight),
        "open_rules": estimate.rules_for(estimate.open_slots(open_rules)),
    }


def _checked(
    *, region: Region, line: Line | None, fields: dict[str, Any]
) -> dict[str, Any]:
    """A line's values, normalised and checked; every problem at once."""
    fields = {**fields, "code": fields["code"].strip().lower()}
    errors = _line_errors(region=region, line=line, **fields)
    if errors:
        raise ValidationError(errors)
    return _line_values(**fields)


@transaction.atomic
def line_create(
    *,
    region: Region,
    code: str,
    channel: str,
    language: str,
    max_parallel: int,
    weight: float = 1.0,
    open_rules: Sequence[Mapping[str, Any]] = (),
) -> Line:
    """A new line of `region`; `open_rules` empty means open in every shift."""
    fields = {
        "code": code,
        "channel": channel,
        "language": language,
        "max_parallel": max_parallel,
        "weight": weight,
        "open_rules": open_rules,
    }
    values = _checked(region=region, line=None, fields=fields)
    return Line.objects.create(region=region, **values)


@transaction.atomic
def line_update(
    *,
    line: Line,
    code: str,
    channel: str,
    language: str,
    max_parallel: int,
    weight: float,
    open_rules: Sequence[Mapping[str, Any]],
) -> Line:
    """Change a line; its demand stays (slots it closes are left out of plans)."""
    Line.objects.select_for_update().filter(pk=line.pk).first()
    fields = {
        "code": code,
        "channel": channel,
        "language": language,
        "max_parallel": max_parallel,
        "weight": weight,
        "open_rules": open_rules,
    }
    values = _checked(region=line.region, line=line, fields=fields)
    for name, value in values.items():
        setattr(line, name, value)
    line.save(update_fields=list(values))
    return line


@transaction.atomic
def lines_install_defaults(*, region: Region) -> list[Line]:
    """Add the standard lines the region lacks; returns those added.

    Idempotent: a line whose code exists already is left as it is, so a
    coordinator's changes survive a second run.
    """
    existing = set(Line.objects.filter(region=region).values_list("code", flat=True))
    added = [
        Line(region=region, **values)
        for values in defaults.DEFAULT_LINES
        if values["code"] not in existing
    ]
    Line.objects.bulk_create(added)
    return added


# --------------------------------------------------------------------------- #
# Storing demand
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class Stored:
    written: int
    kept: int  # slots left alone because they came from a better source


def _store(
    estimates: Mapping[Line, Mapping[Slot, float]],
    *,
    source: str,
    overwrite: bool,
) -> Stored:
    """Replace the demand of the lines in `estimates` with the new figures.

    Rows of `source` and of history are replaced; call-log and manual rows
    are kept (and their slots skipped) unless `overwrite`.
    """
    better = {str(Demand.Source.CALL_LOG), str(Demand.Source.MANUAL)} - {source}
    lines = list(estimates)
    rows = Demand.objects.filter(line__in=lines)
    kept: set[tuple[int, int, str]] = set()
    if not overwrite:
        kept = {
            (row.line_id, row.weekday, row.shift)
            for row in rows.filter(source__in=better).only(
                "line_id", "weekday", "shift"
            )
        }
        rows = rows.exclude(source__in=better)
    rows.delete()
    now = timezone.now()
    new = []
    for line, arrivals in estimates.items():
        opened = estimate.open_slots(line.open_rules)
        for (weekday, shift), rate in sorted(arrivals.items()):
            if (line.pk, weekday, shift) in kept:
                continue
            if rate > 0 or (weekday, shift) in opened:
                new.append(
                    Demand(
                        line=line,
                        weekday=weekday,
                        shift=shift,
                        arrivals_per_hour=round(rate, 4),
                        source=source,
                        updated_at=now,
                    )
                )
    Demand.objects.bulk_create(new)
    return Stored(len(new), len(kept))


@transaction.atomic
def demand_set(
    *, line: Line, weekday: int, shift: str, arrivals_per_hour: float
) -> Demand:
    """Demand entered by hand for one line slot; estimates then leave it be."""
    if not 0 <= weekday <= 6 or shift not in estimate.SHIFT_CODES:
        raise ValidationError(_("Choose a weekday and a shift."))
    if not 0 <= arrivals_per_hour < 10_000:
        raise ValidationError(_("Enter the expected calls per hour, 0 or more."))
    demand, _created = Demand.objects.update_or_create(
        line=line,
        weekday=weekday,
        shift=shift,
        defaults={
            "arrivals_per_hour": float(arrivals_per_hour),
            "source": Demand.Source.MANUAL,
            "updated_at": timezone.now(),
        },
    )
    return demand


# --------------------------------------------------------------------------- #
# Demand from contact reports
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class HistoryEstimate:
    first: date
    last: date
    weeks: int
    answer_rate: float
    contacts: int
    written: int
    kept: int
    unmatched: int  # contacts on a channel and language without a line


def _history_counts(
    region: Region, first: date, end: date
) -> dict[tuple[str, str], list[tuple[int, int, int]]]:
    """(channel, language) → (weekday 0-6, local hour, answered) in one query.

    Conversations and non-data contacts (silent, hung up, wrong number...)
    were all answered calls; test contacts are not callers and stay out.
    """
    rows = (
        Contact.objects.filter(
            region=region,
            started_at__gte=datetime.combine(first, time(), tzinfo=LOCAL),
            started_at__lt=datetime.combine(end, time(), tzinfo=LOCAL),
        )
        .exclude(contact_type=ContactType.TEST)
        .annotate(
            weekday=ExtractIsoWeekDay("started_at", tzinfo=LOCAL),
            hour=ExtractHour("started_at", tzinfo=LOCAL),
        )
        .order_by()
        .values("channel", "line_language", "weekday", "hour")
        .annotate(answered=Count("pk"))
    )
    counts: dict[tuple[str, str], list[tuple[int, int, int]]] = defaultdict(list)
    for row in rows:
        counts[(row["channel"], row["line_language"])].append(
            (row["weekday"] - 1, row["hour"], row["answered"])
        )
    return counts


@transaction.atomic
def demand_estimate_from_history(
    *,
    region: Region,
    weeks: int = defaults.HISTORY_WEEKS,
    today: date | None = None,
    overwrite: bool = False,
) -> HistoryEstimate:
    """Demand per line slot from the last `weeks` whole weeks of contacts.

    Mean answered contacts per real hour of each weekday and shift, divided
    by the assumed answer rate (AANDACHT_ASSUMED_ANSWER_RATE), gives the
    arrivals. A line takes the contacts of its channel and language; lines
    sharing both share them evenly. Today is left out: it is not over yet.
    """
    if not 1 <= weeks <= defaults.MAX_HISTORY_WEEKS:
        raise ValidationError(
            {
                "weeks": _("Choose 1 to %(max)d weeks.")
                % {"max": defaults.MAX_HISTORY_WEEKS}
            }
        )
    today = today or timezone.localdate()
    first, last = today - timedelta(weeks=weeks), today - timedelta(days=1)
    rate = assumed_answer_rate()
    lines = list(Line.objects.filter(region=region))
    if not lines:
        raise ValidationError(_("This region has no lines yet. Add them first."))
    counts = _history_counts(region, first, today)
    hours = estimate.observed_hours(first, last)
    sharing: dict[tuple[str, str], list[Line]] = defaultdict(list)
    for line in lines:
        sharing[(line.channel, line.language)].append(line)
    estimates: dict[Line, dict[Slot, float]] = {}
    for key, group in sharing.items():
        slots = estimate.counts_per_slot(counts.get(key, []))
        arrivals = estimate.arrivals_per_hour(slots, hours, rate)
        for line in group:
            estimates[line] = {s: a / len(group) for s, a in arrivals.items()}
    stored = _store(estimates, source=Demand.Source.HISTORY, overwrite=overwrite)
    total = sum(n for rows in counts.values() for _w, _h, n in rows)
    unmatched = sum(
        n for key, rows in counts.items() if key not in sharing for _w, _h, n in rows
    )
    return HistoryEstimate(
        first, last, weeks, rate, total, stored.written, stored.kept, unmatched
    )


# --------------------------------------------------------------------------- #
# Demand from telephony call logs
# --------------------------------------------------------------------------- #


@dataclass(frozen=True)
class CallLogImport:
    estimate: estimate.CallLogEstimate
    calls: int
    written: int
    kept: int


def problem_message(problem: calllog.Problem, region: Region) -> str:
    """One sentence for one problem of a call log, with its row number."""
    params: dict[str, Any] = {"row": problem.row, **problem.params}
    params["region"] = region.name
    messages: dict[str, str] = {
        "empty": _("The file is empty."),
        "unreadable": _("Row %(row)s: the file cannot be read as CSV."),
        "too_many_rows": _(
            "The file has more than %(max)s calls. Import a shorter period."
        ),
        "no_calls": _("The file has no calls below its header."),
        "period_too_long": _(
            "The calls run from %(first)s to %(last)s: more than %(max)s days. "
            "Import a shorter period."
        ),
        "missing_column": _(
            "Row 1: the column “%(column)s” is missing. The columns are time, "
            "line, answered and waiting seconds."
        ),
        "duplicate_column": _("Row 1: the column “%(column)s” appears twice."),
        "caller_column": _(
            "Row 1: the column “%(column)s” looks like a caller’s phone number or "
            "caller id. The line is anonymous and never receives a caller’s "
            "number: remove this column and import the file again."
        ),
        "caller_values": _(
            "The column “%(column)s” holds values that look like phone numbers. "
            "The line is anonymous and never receives a caller’s number: remove "
            "this column and import the file again."
        ),
        "row_length": _(
            "Row %(row)s has %(found)s values where the header has %(expected)s."
        ),
        "time_missing": _("Row %(row)s: the time is missing."),
        "time_invalid": _(
            "Row %(row)s: “%(value)s” is not a date and time. Write for example "
            "2025-03-03 14:05 or 2025-03-03T14:05:00+01:00."
        ),
        "time_gap": _(
            "Row %(row)s: %(value)s does not exist on the local clock: it falls "
            "in the hour skipped when summer time starts."
        ),
        "line_missing": _("Row %(row)s: the line is missing."),
        "line_unknown": _("Row %(row)s: “%(value)s” is not a line of %(region)s."),
        "answered_missing": _("Row %(row)s: whether the call was answered is missing."),
        "answered_invalid": _(
            "Row %(row)s: “%(value)s” does not say whether the call was answered. "
            "Write 1 or 0, yes or no, true or false."
        ),
        "wait_missing": _("Row %(row)s: the waiting seconds are missing."),
        "wait_invalid": _(
            "Row %(row)s: “%(value)s” is not a number of waiting seconds."
        ),
        "wait_negative": _(
            "Row %(row)s: the waiting seconds (%(value)s) are below zero."
        ),
    }
    return messages[problem.code] % params


def _store_patience(
    region: Region, figures: Iterable[estimate.ChannelPatience]
) -> None:
    """Keep each channel's measured patience; the capacity model uses it."""
    for figure in figures:
        if figure.patience_minutes is None:
            continue  # nobody hung up after waiting: the default stays
        ServicePatience.objects.update_or_create(
            region=region,
            channel=figure.channel,
            defaults={
                "patience_minutes": figure.patience_minutes,
                "calls": figure.calls,
                "abandoned": figure.abandoned,
                "updated_at": timezone.now(),
            },
        )


@transaction.atomic
def call_log_import(
    *, region: Region, data: bytes | str, overwrite: bool = False
) -> CallLogImport:
    """Demand of the lines in a call log, and the callers' patience per channel.

    Every row is checked first; with any problem nothing is stored and the
    ValidationError lists every problem with its row number. The log itself
    is not kept.
    """
    lines = list(Line.objects.filter(region=region))
    if not lines:
        raise ValidationError(_("This region has no lines yet. Add them first."))
    by_code = {line.code: line for line in lines}
    try:
        calls = calllog.parse_call_log(data, by_code)
    except calllog.CallLogError as error:
        raise ValidationError(
            [problem_message(problem, region) for problem in error.problems]
        ) from None
    result = estimate.call_log_estimate(
        calls,
        {line.code: line.channel for line in lines},
        {line.code: estimate.open_slots(line.open_rules) for line in lines},
    )
    estimates = {by_code[code]: arrivals for code, arrivals in result.arrivals.items()}
    stored = _store(estimates, source=Demand.Source.CALL_LOG, overwrite=overwrite)
    _store_patience(region, result.patience.values())
    return CallLogImport(result, len(calls), stored.written, stored.kept)
