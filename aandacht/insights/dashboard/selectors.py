"""The dashboard's panels for a region, or for the nation, over a period.

Every number comes from ``figures.read_figures`` (the rollup plus the
reports saved since its checkpoint) except three live counts that are small
by nature: limit-reached events, unread reports, and the labels of sources
and topics. Eleven queries at most, whatever the period.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from aandacht.callers.models import LimitReachedEvent
from aandacht.contacts.choices import (
    NON_DATA_TYPES,
    Channel,
    LineLanguage,
    Loneliness,
    LonelinessKind,
    Sought,
    Transfer,
)
from aandacht.contacts.models import Contact, Source, Topic
from aandacht.core.models import Region
from aandacht.guidance import assistant
from aandacht.guidance.typology import TYPES
from aandacht.insights.dashboard.figures import (
    CONVERSATIONS,
    SECONDS,
    Figures,
    month_of,
    read_figures,
)
from aandacht.insights.panels import Chart, Panel, Reference, Series
from aandacht.insights.period import Period
from aandacht.insights.rollup.facts import day_start, local_day
from aandacht.insights.rollup.keys import DURATION_BINS, Dimension

__all__ = ["PANEL_KEYS", "REFERRED_IN_STUDY", "dashboard", "panel_titles"]

TITLES: dict[str, Promise] = {
    "headline": gettext_lazy("The period in figures"),
    "channel": gettext_lazy("Contacts by channel"),
    "line_language": gettext_lazy("Contacts by line language"),
    "source": gettext_lazy("Contacts by source"),
    "non_data": gettext_lazy("Non-data contacts"),
    "hour_weekday": gettext_lazy("Contacts by hour and weekday"),
    "duration": gettext_lazy("Duration of conversations"),
    "loneliness": gettext_lazy("Loneliness over time"),
    "loneliness_kind": gettext_lazy("Social and emotional loneliness over time"),
    "sought": gettext_lazy("What callers looked for"),
    "topics": gettext_lazy("Topics"),
    "typology": gettext_lazy("Types of social isolation"),
    "referrals": gettext_lazy("Referrals"),
    "transfers": gettext_lazy("Transfers"),
    "crisis": gettext_lazy("Crisis contacts"),
    "regular_callers": gettext_lazy("Regular callers"),
    "limit_reached": gettext_lazy("Contact limits reached"),
    "review": gettext_lazy("Review backlog and feedback"),
    "trend": gettext_lazy("Contacts month by month, and a year earlier"),
}
PANEL_KEYS: tuple[str, ...] = tuple(TITLES)

# The study's region: "~4% of contacts are pointed to other help" (ch. 3).
REFERRED_IN_STUDY = 4.0
STUDY = "CEPHIR / GGD Rotterdam-Rijnmond, Klein maar Fijn (2011), ch. 3"
MONITOR = "Gezondheidsmonitor Volwassenen en Ouderen 2022 (GGD/CBS/RIVM), DJG-11"


def panel_titles() -> dict[str, str]:
    """Every panel's key and title in the active language, in dashboard order."""
    return {key: str(title) for key, title in TITLES.items()}


def dashboard(region: Region | None, period: Period) -> list[Panel]:
    """The panels of issue #7 for one region, or all regions (``None``)."""
    region_ids = None if region is None else [region.pk]
    figures = read_figures(region_ids, period)
    builders: list[Callable[[], Panel]] = [
        lambda: _headline(figures),
        lambda: _by_value(figures, "channel", Dimension.CHANNEL, _choices(Channel)),
        lambda: _by_value(
            figures, "line_language", Dimension.LANGUAGE, _choices(LineLanguage)
        ),
        lambda: _by_value(figures, "source", Dimension.SOURCE, _source_labels()),
        lambda: _non_data(figures),
        lambda: _hour_weekday(figures),
        lambda: _duration(figures),
        lambda: _loneliness(figures),
        lambda: _loneliness_kind(figures),
        lambda: _sought(figures),
        lambda: _topics(figures),
        lambda: _typology(figures),
        lambda: _referrals(figures),
        lambda: _transfers(figures),
        lambda: _crisis(figures),
        lambda: _regular_callers(figures),
        lambda: _limit_reached(figures, region_ids),
        lambda: _review(figures, region_ids),
        lambda: _trend(figures),
    ]
    return [build() for build in builders]


# --- Helpers ------------------------------------------------------------------


def _title(key: str) -> str:
    return str(TITLES[key])


def _choices(choices: Iterable[object]) -> dict[str, str]:
    return {str(choice): str(getattr(choice, "label", choice)) for choice in choices}


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}%"


def _month_labels(months: Sequence[date]) -> tuple[str, ...]:
    return tuple(f"{month:%Y-%m}" for month in months)


def _period_label(period: Period) -> str:
    if period == Period.year(period.first.year):
        return str(period.first.year)
    if period == Period.month(period.first.year, period.first.month):
        return f"{period.first:%Y-%m}"
    return f"{period.first.isoformat()} – {period.last.isoformat()}"


def _future(month: date) -> bool:
    """A month that has not started yet: its value does not exist (None)."""
    return month > timezone.localdate()


def _over_months(
    figures: Figures,
    monthly: dict[date, int],
    *,
    of: dict[date, int] | None = None,
) -> tuple[float | None, ...]:
    """Month values (or shares of ``of`` in percent), None for months to come."""
    values: list[float | None] = []
    for month in figures.months():
        if _future(month):
            values.append(None)
        elif of is None:
            values.append(monthly.get(month, 0))
        else:
            values.append(_share(monthly.get(month, 0), of.get(month, 0)))
    return tuple(values)


def _by_value(
    figures: Figures, key: str, dimension: str, labels: dict[str, str]
) -> Panel:
    """All contacts and conversations per value, in the labels' order."""
    contacts = figures.values(dimension)
    conversations = figures.values(dimension, CONVERSATIONS)
    codes = list(labels) + sorted(set(contacts) - set(labels))
    return Panel(
        key=key,
        title=_title(key),
        chart=Chart.BARS,
        categories=tuple(labels.get(code, code) for code in codes),
        series=(
            Series(_("All contacts"), tuple(contacts.get(c, 0) for c in codes)),
            Series(_("Conversations"), tuple(conversations.get(c, 0) for c in codes)),
        ),
        note=_("%(contacts)s contacts, of which %(conversations)s conversations.")
        % {"contacts": figures.contacts, "conversations": figures.conversations},
    )


def _counts_panel(
    figures: Figures,
    key: str,
    dimension: str,
    labels: dict[str, str],
    *,
    label: str,
    note: str = "",
    keep: Callable[[str], bool] = lambda code: True,
) -> Panel:
    counts = figures.values(dimension)
    codes = [c for c in list(labels) + sorted(set(counts) - set(labels)) if keep(c)]
    return Panel(
        key=key,
        title=_title(key),
        chart=Chart.BARS,
        categories=tuple(labels.get(code, code) for code in codes),
        series=(Series(label, tuple(counts.get(code, 0) for code in codes)),),
        note=note,
    )


def _source_labels() -> dict[str, str]:
    labels = {"direct": _("Direct")}
    labels.update({str(source.pk): source.label for source in Source.objects.all()})
    return labels


# --- Panels -------------------------------------------------------------------


def _non_data(figures: Figures) -> Panel:
    counts = figures.values(Dimension.TYPE)
    non_data = sum(counts.get(str(kind), 0) for kind in NON_DATA_TYPES)
    return _counts_panel(
        figures,
        "non_data",
        Dimension.TYPE,
        _choices(NON_DATA_TYPES),
        label=_("Contacts"),
        keep=lambda code: code in {str(kind) for kind in NON_DATA_TYPES},
        note=_("%(count)s non-data contacts: %(share)s of all contacts.")
        % {"count": non_data, "share": _percent(_share(non_data, figures.contacts))},
    )


def _hour_weekday(figures: Figures) -> Panel:
    """Rows are weekdays (Monday first), columns hours, on the Amsterdam clock."""
    counts = figures.values(Dimension.HOUR)
    hours = [f"{hour:02d}" for hour in range(24)]
    return Panel(
        key="hour_weekday",
        title=_title("hour_weekday"),
        chart=Chart.HEATMAP,
        categories=tuple(f"{hour}:00" for hour in hours),
        series=tuple(
            Series(
                str(WEEKDAYS[weekday]),
                tuple(counts.get(f"{weekday}-{hour}", 0) for hour in hours),
            )
            for weekday in range(7)
        ),
        note=_("Start of the contact, Dutch time; all contacts."),
    )


def _duration(figures: Figures) -> Panel:
    counts = figures.values(Dimension.DURATION, CONVERSATIONS)
    seconds = figures.total(Dimension.TOTAL, "all", SECONDS)
    conversations = figures.conversations
    average = seconds / conversations / 60 if conversations else None
    note = _("Conversations only.")
    if average is not None:
        note = _("Conversations only; on average %(minutes)s minutes.") % {
            "minutes": f"{average:.1f}"
        }
    return Panel(
        key="duration",
        title=_title("duration"),
        chart=Chart.HISTOGRAM,
        categories=tuple(
            _("%(bin)s min") % {"bin": code} for code, _u in DURATION_BINS
        ),
        series=(
            Series(
                _("Conversations"),
                tuple(counts.get(code, 0) for code, _upper in DURATION_BINS),
            ),
        ),
        note=note,
    )


def _loneliness(figures: Figures) -> Panel:
    """Shares of conversations per month, beside the population's loneliness."""
    total = figures.monthly(Dimension.TOTAL, "all", CONVERSATIONS)
    series = tuple(
        Series(
            str(kind.label),
            _over_months(
                figures, figures.monthly(Dimension.LONELINESS, kind.value), of=total
            ),
        )
        for kind in (Loneliness.ABOUT, Loneliness.OUT_OF)
    )
    counts = figures.values(Dimension.LONELINESS)
    lonely = counts.get(Loneliness.ABOUT, 0) + counts.get(Loneliness.OUT_OF, 0)
    return Panel(
        key="loneliness",
        title=_title("loneliness"),
        chart=Chart.LINES,
        categories=_month_labels(figures.months()),
        series=series,
        unit="percent",
        note=_(
            "Share of conversations. In the period: %(about)s about loneliness, "
            "%(out_of)s out of loneliness, %(none)s not about loneliness "
            "(%(share)s about or out of loneliness)."
        )
        % {
            "about": counts.get(Loneliness.ABOUT, 0),
            "out_of": counts.get(Loneliness.OUT_OF, 0),
            "none": counts.get(Loneliness.NONE, 0),
            "share": _percent(_share(lonely, figures.conversations)),
        },
        references=(
            Reference(_("Adults in the Netherlands who are lonely"), 49.0, MONITOR),
            Reference(
                _("Adults in the Netherlands who are severely lonely"), 14.0, MONITOR
            ),
        ),
    )


def _loneliness_kind(figures: Figures) -> Panel:
    kinds = [LonelinessKind.SOCIAL, LonelinessKind.EMOTIONAL, LonelinessKind.BOTH]
    kinds.append(LonelinessKind.UNCLEAR)
    return Panel(
        key="loneliness_kind",
        title=_title("loneliness_kind"),
        chart=Chart.LINES,
        categories=_month_labels(figures.months()),
        series=tuple(
            Series(
                str(kind.label),
                _over_months(
                    figures, figures.monthly(Dimension.LONELINESS_KIND, kind.value)
                ),
            )
            for kind in kinds
        ),
        note=_(
            "Conversations about or out of loneliness, by the kind the volunteer saw."
        ),
    )


def _sought(figures: Figures) -> Panel:
    return _counts_panel(
        figures,
        "sought",
        Dimension.SOUGHT,
        _choices(Sought),
        label=_("Conversations"),
        note=_("A conversation counts once for everything the caller looked for."),
    )


def _topics(figures: Figures) -> Panel:
    counts = figures.values(Dimension.TOPIC)
    labels = _topic_labels()
    ordered = sorted(counts, key=lambda code: (-counts[code], code))
    return Panel(
        key="topics",
        title=_title("topics"),
        chart=Chart.BARS,
        categories=tuple(labels.get(code, code) for code in ordered),
        series=(Series(_("Conversations"), tuple(counts[c] for c in ordered)),),
        note=_("A conversation counts once for every topic it was about."),
    )


def _topic_labels() -> dict[str, str]:
    """Labels by topic code; the current list's label wins over older versions."""
    labels: dict[str, str] = {}
    for topic in Topic.objects.order_by(
        "topic_list__is_current", "topic_list__version"
    ):
        labels[topic.code] = topic.label
    return labels


def _typology(figures: Figures) -> Panel:
    words = assistant.guidance()
    labels = {code: words.types[code].name for code in TYPES if code in words.types}
    labels["undecided"] = _("Not decided")
    assessed = sum(figures.values(Dimension.TYPOLOGY).values())
    return _counts_panel(
        figures,
        "typology",
        Dimension.TYPOLOGY,
        labels,
        label=_("Assessed conversations"),
        note=_("Assessed contacts only: %(count)s.") % {"count": assessed},
    )


def _referrals(figures: Figures) -> Panel:
    counts = figures.values(Dimension.REFERRAL)
    social_map = counts.get("social_map", 0)
    other = counts.get("other", 0)
    whole = figures.conversations
    return Panel(
        key="referrals",
        title=_title("referrals"),
        chart=Chart.BARS,
        categories=(
            _("Through the social map"),
            _("To other help"),
            _("All referrals"),
        ),
        series=(
            Series(
                _("Share of conversations"),
                (
                    _share(social_map, whole),
                    _share(other, whole),
                    _share(social_map + other, whole),
                ),
            ),
        ),
        unit="percent",
        note=_("%(count)s of %(whole)s conversations referred the caller.")
        % {"count": social_map + other, "whole": whole},
        references=(
            Reference(
                _("Contacts pointed to other help in the study"),
                REFERRED_IN_STUDY,
                STUDY,
            ),
        ),
    )


def _headline(figures: Figures) -> Panel:
    """What a director quotes first: contacts, conversations, referrals, crises."""
    referred = figures.values(Dimension.REFERRAL)
    referrals = referred.get("social_map", 0) + referred.get("other", 0)
    crisis = figures.total(Dimension.CRISIS, "yes")
    return Panel(
        key="headline",
        title=_title("headline"),
        chart=Chart.NUMBER,
        categories=(_period_label(figures.period),),
        series=(
            Series(_("Contacts"), (figures.contacts,)),
            Series(_("Conversations"), (figures.conversations,)),
            Series(_("Conversations with a referral"), (referrals,)),
            Series(_("Crisis contacts"), (crisis,)),
        ),
        note=_(
            "Contacts include those without a conversation (silent, hung up, "
            "wrong number); the other figures count conversations."
        ),
    )


def _transfers(figures: Figures) -> Panel:
    counts = figures.values(Dimension.TRANSFER)
    transferred = sum(n for code, n in counts.items() if code != Transfer.NONE)
    return _counts_panel(
        figures,
        "transfers",
        Dimension.TRANSFER,
        _choices(Transfer),
        label=_("Conversations"),
        keep=lambda code: code != Transfer.NONE,
        note=_("%(count)s transfers: %(share)s of conversations.")
        % {
            "count": transferred,
            "share": _percent(_share(transferred, figures.conversations)),
        },
    )


def _crisis(figures: Figures) -> Panel:
    crisis = figures.total(Dimension.CRISIS, "yes")
    return Panel(
        key="crisis",
        title=_title("crisis"),
        chart=Chart.LINES,
        categories=_month_labels(figures.months()),
        series=(
            Series(
                _("Crisis contacts"),
                _over_months(figures, figures.monthly(Dimension.CRISIS, "yes")),
            ),
        ),
        note=_("%(count)s crisis contacts: %(share)s of conversations.")
        % {"count": crisis, "share": _percent(_share(crisis, figures.conversations))},
    )


def _regular_callers(figures: Figures) -> Panel:
    counts = figures.values(Dimension.REGULAR)
    profile = counts.get("profile", 0)
    ticked = counts.get("ticked", 0) + profile
    whole = figures.conversations
    return Panel(
        key="regular_callers",
        title=_title("regular_callers"),
        chart=Chart.NUMBER,
        categories=(_period_label(figures.period),),
        series=(
            Series(_("Conversations with a regular caller"), (_share(ticked, whole),)),
            Series(
                _("Conversations linked to a caller profile"), (_share(profile, whole),)
            ),
        ),
        unit="percent",
        note=_(
            "%(ticked)s of %(whole)s conversations were with a regular caller; "
            "%(profile)s of them were linked to a caller profile."
        )
        % {"ticked": ticked, "whole": whole, "profile": profile},
    )


def _limit_reached(figures: Figures, region_ids: Sequence[int] | None) -> Panel:
    period = figures.period
    events = LimitReachedEvent.objects.filter(
        at__gte=day_start(period.first),
        at__lt=day_start(period.last + timedelta(days=1)),
    )
    if region_ids is not None:
        events = events.filter(profile__region_id__in=list(region_ids))
    per_month: dict[date, int] = {}
    for moment in events.values_list("at", flat=True):
        month = month_of(local_day(moment))
        per_month[month] = per_month.get(month, 0) + 1
    return Panel(
        key="limit_reached",
        title=_title("limit_reached"),
        chart=Chart.LINES,
        categories=_month_labels(figures.months()),
        series=(
            Series(
                _("Contacts after the limit was reached"),
                _over_months(figures, per_month),
            ),
        ),
        note=_(
            "%(count)s contacts with a caller whose contact limit was already reached."
        )
        % {"count": sum(per_month.values())},
    )


def _review(figures: Figures, region_ids: Sequence[int] | None) -> Panel:
    """Unread reports now and from the period (live), and feedback given."""
    period = figures.period
    unread = Contact.objects.conversations().unread()
    if region_ids is not None:
        unread = unread.filter(region_id__in=list(region_ids))
    start = day_start(period.first)
    end = day_start(period.last + timedelta(days=1))
    backlog = unread.aggregate(
        now=Count("id"),
        period=Count("id", filter=Q(started_at__gte=start, started_at__lt=end)),
    )
    feedback = figures.total(Dimension.FEEDBACK, "given")
    return Panel(
        key="review",
        title=_title("review"),
        chart=Chart.NUMBER,
        categories=(_period_label(period),),
        series=(
            Series(_("Unread reports now"), (backlog["now"],)),
            Series(_("Unread reports from this period"), (backlog["period"],)),
            Series(_("Feedback given in this period"), (feedback,)),
        ),
        note=_("Conversations only; feedback counts on the day it was given."),
    )


def _trend(figures: Figures) -> Panel:
    months = figures.months()
    earlier_months = figures.earlier_months()
    this_period = _over_months(figures, figures.monthly(Dimension.TOTAL, "all"))
    earlier: list[float | None] = []
    for month in earlier_months[: len(months)]:
        earlier.append(figures.earlier.get(month, 0))
    earlier += [None] * (len(months) - len(earlier))
    period = figures.period
    return Panel(
        key="trend",
        title=_title("trend"),
        chart=Chart.LINES,
        categories=_month_labels(months),
        series=(
            Series(_period_label(period), this_period),
            Series(_period_label(period.year_earlier()), tuple(earlier)),
        ),
        note=_("All contacts; the second line is the same months a year earlier."),
    )
