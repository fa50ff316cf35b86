"""A year's partner report is made after its quarters, which it leaves as they are.

``family`` lists the five reports of a year; the quarters are suppressed on
their own and the year after them, with their numbers held fixed. Below:
a quarter reads the same alone and when its year is made, a month shows the
same in its quarter and in its year, and random years of conversations
give an attacker who holds all five reports nothing
(``test_partner_family`` attacks the reports of a real year as the form
gives them).
"""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aandacht.insights.partner import family, selectors
from aandacht.insights.partner.selectors import Combos, Counts, TopicNames

from .family_reader import MONTHLY, FamilyReader, Report
from .test_partner_fixtures import YEAR, year_of_contacts
from .test_suppression import counts
from .test_suppression_attack import attack, disclosures

__all__ = ["year_of_contacts"]  # the fixture, used below


def test_a_month_shows_the_same_in_its_quarter_and_in_its_year(cast, year_of_contacts):
    """February's mail, hidden in the first quarter, is hidden in the year."""
    year = selectors.family_tables(cast.zuid, family.whole_year(YEAR))[f"{YEAR}"]
    for number in range(1, 5):
        span = family.quarter(YEAR, number)
        alone = selectors.family_tables(cast.zuid, span)[span.name]
        for in_year, in_quarter in zip(year, alone, strict=True):
            if in_quarter.key not in MONTHLY:
                continue
            months = [code for code, _label in in_year.columns]
            first = months.index(f"{YEAR}-{3 * number - 2:02d}")
            for long, short in zip(in_year.rows, in_quarter.rows, strict=True):
                texts = [cell.text for cell in long.cells[first : first + 3]]
                assert texts == [cell.text for cell in short.cells]
            if in_quarter.column_totals is not None:
                assert in_year.column_totals is not None
                totals = in_year.column_totals[first : first + 3]
                assert totals == in_quarter.column_totals


def test_a_quarter_is_the_same_alone_and_when_its_year_is_made(cast, year_of_contacts):
    """The year is made after its quarters and changes none of them."""
    made = selectors.family_tables(cast.zuid, family.whole_year(YEAR))
    for number in range(1, 5):
        span = family.quarter(YEAR, number)
        alone = selectors.family_tables(cast.zuid, span)
        assert list(alone) == [span.name]
        assert alone[span.name] == made[span.name]


# A year of made-up conversations: many by phone each month, and groups of
# others by month, channel, loneliness, kind and municipality (1 to 3 in the
# region, 99 outside it, None not mentioned); topics by month.
TOPICS = TopicNames(
    (("grief", "Grief"), ("housing", "Housing"), ("other", "Other")), {}
)
PLACES = [(1, "Dordrecht"), (2, "Sliedrecht"), (3, "Zwijndrecht")]
groups = st.tuples(
    st.integers(1, 12),
    st.sampled_from(["phone", "chat", "mail"]),
    st.sampled_from(["none", "about", "out_of"]),
    st.sampled_from(["social", "emotional", "both", "unclear", ""]),
    st.sampled_from([1, 2, 3, 99, None]),
    counts,
)
topic_groups = st.tuples(
    st.sampled_from([code for code, _label in TOPICS.current]),
    st.integers(1, 12),
    counts,
)


@st.composite
def years(draw: st.DrawFn) -> Counts:
    combos = Combos()
    # Most conversations: by phone, not about loneliness, no place named.
    many = st.lists(st.integers(10, 200), min_size=12, max_size=12)
    for month, n in enumerate(draw(many), start=1):
        combos[(f"{YEAR}-{month:02d}", "phone", "none", "", None)] += n
    for month, channel, level, kind, place, n in draw(
        st.lists(groups, min_size=8, max_size=50)
    ):
        code = f"{YEAR}-{month:02d}"
        combos[(code, channel, level, kind if level != "none" else "", place)] += n
    conversations = Counter[str]()
    for key, n in combos.items():
        conversations[key[0]] += n
    topics = Counter[tuple[str, str]]()
    for topic, month, n in draw(st.lists(topic_groups, max_size=30)):
        code = f"{YEAR}-{month:02d}"
        # A topic is counted once a conversation: at most the month's.
        topics[(topic, code)] = min(topics[(topic, code)] + n, conversations[code])
    return Counts(combos, topics)


def month_codes(span: family.Span) -> tuple[str, ...]:
    return tuple(f"{y:04d}-{m:02d}" for y, m in span.months)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(years())
def test_a_year_and_its_quarters_cannot_be_played_off_against_each_other(counts):
    year = family.whole_year(YEAR)
    published = selectors.publish_counts(counts, year, TOPICS, PLACES)
    spans = [family.quarter(YEAR, q) for q in range(1, 5)] + [year]
    assert sorted(published) == sorted(span.name for span in spans)
    reader = FamilyReader([Report(month_codes(s), published[s.name]) for s in spans])
    assert disclosures(attack(reader.grids, reader.links)) == []
