"""Small-cell suppression: the rule, and random tables the attacker cannot crack.

The attacker (``test_suppression_attack``) is written apart from the
suppression it attacks and reads only the published texts.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aandacht.insights.partner.suppression import (
    Mark,
    Sum,
    SuppressionError,
    System,
    suppress,
)
from aandacht.insights.partner.tables import (
    Axis,
    PublishedTable,
    TableSpec,
    publish,
)

from .family_reader import grid_of as named_grid_of
from .test_suppression_attack import HIDDEN, SMALL, Grid, Links, attack, disclosures

RANDOM = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def grid_of(table: PublishedTable) -> Grid:
    """What a reader of the table sees: its texts, nothing else."""
    return named_grid_of(table.key, table)


def axis(name: str, size: int) -> Axis:
    return Axis(name, name, tuple((f"{name}{i}", f"{name} {i}") for i in range(size)))


def spec(
    key: str, rows: Axis, columns: Axis, cells: list[list[int]], **options
) -> TableSpec:
    counts = {
        (r, c): cells[i][j]
        for i, r in enumerate(rows.codes)
        for j, c in enumerate(columns.codes)
    }
    return TableSpec(key, key, key, "", rows, columns, counts, **options)


# Counts as reports have them: many small ones, some middling, a few large.
counts = st.one_of(
    st.integers(0, 9), st.integers(0, 3), st.integers(10, 30), st.integers(10, 400)
)


def matrices(max_rows: int = 7, max_columns: int = 7) -> st.SearchStrategy:
    return st.integers(1, max_rows).flatmap(
        lambda rows: st.integers(1, max_columns).flatmap(
            lambda columns: st.lists(
                st.lists(counts, min_size=columns, max_size=columns),
                min_size=rows,
                max_size=rows,
            )
        )
    )


def assert_published_honestly(table: PublishedTable, cells: list[list[int]]) -> None:
    """Shown numbers are true; "< 10" is below 10; the hidden mark 10 or more."""
    truth = [*(v for row in cells for v in row), *(sum(row) for row in cells)]
    for figure, value in zip(table.figures(), truth, strict=False):
        if value < 10:
            assert figure.mark == Mark.SMALL
        elif figure.shown:
            assert figure.value == value
        else:
            assert figure.mark == Mark.HIDDEN


@RANDOM
@given(matrices())
def test_no_hidden_number_of_a_random_table_can_be_worked_out(cells):
    rows, columns = axis("r", len(cells)), axis("c", len(cells[0]))
    (table,) = publish([spec("t", rows, columns, cells)])
    assert_published_honestly(table, cells)
    grid = grid_of(table)
    assert disclosures(attack([grid])) == []
    assert disclosures(attack([grid], labels=False), labels=False) == []


@RANDOM
@given(
    st.integers(1, 4).flatmap(
        lambda a: st.integers(1, 4).flatmap(
            lambda b: st.integers(1, 5).flatmap(
                lambda m: st.lists(
                    st.lists(
                        st.lists(counts, min_size=m, max_size=m),
                        min_size=b,
                        max_size=b,
                    ),
                    min_size=a,
                    max_size=a,
                )
            )
        )
    )
)
def test_two_tables_of_the_same_counts_cannot_be_played_off_against_each_other(cube):
    """Channel by month and loneliness by month share their month totals."""
    size_a, size_b, size_m = len(cube), len(cube[0]), len(cube[0][0])
    months = axis("m", size_m)
    first = [
        [sum(cube[a][b][m] for b in range(size_b)) for m in range(size_m)]
        for a in range(size_a)
    ]
    second = [
        [sum(cube[a][b][m] for a in range(size_a)) for m in range(size_m)]
        for b in range(size_b)
    ]
    tables = publish(
        [
            spec("a", axis("a", len(first)), months, first),
            spec("b", axis("b", len(second)), months, second),
        ]
    )
    for table, cells in zip(tables, (first, second), strict=True):
        assert_published_honestly(table, cells)
    a, b = (grid_of(table) for table in tables)
    assert a.column_totals == b.column_totals
    assert a.grand == b.grand
    links = Links(
        same=[
            *(
                (("a", "column_total", 0, j), ("b", "column_total", 0, j))
                for j in range(size_m)
            ),
            (("a", "grand", 0, 0), ("b", "grand", 0, 0)),
        ]
    )
    assert disclosures(attack([a, b], links)) == []


@RANDOM
@given(matrices(max_rows=4, max_columns=4), st.data())
def test_overlapping_topics_are_protected_beside_the_months_they_fall_in(cells, data):
    """Topics overlap: no column sums, each cell at most its month's count."""
    months = axis("m", len(cells[0]))
    # Every month has at least as many conversations as any topic in it.
    month_totals = [
        max(row[j] for row in cells) + data.draw(st.integers(0, 40))
        for j in range(len(cells[0]))
    ]
    extra = data.draw(st.integers(1, 3))
    channels = [month_totals, [0] * len(month_totals)]
    for j in range(len(month_totals)):
        moved = min(extra, channels[0][j])
        channels[0][j] -= moved
        channels[1][j] += moved
    topics = axis("topic", len(cells))
    tables = publish(
        [
            spec("channels", axis("channel", 2), months, channels),
            spec("topics", topics, months, cells, grand_key=None, multiple=True),
        ]
    )
    by_month, by_topic = (grid_of(table) for table in tables)
    links = Links(
        at_most=[
            *(
                (("topics", "cell", i, j), ("channels", "column_total", 0, j))
                for i in range(len(cells))
                for j in range(len(cells[0]))
            ),
            *(
                (("topics", "row_total", i, 0), ("channels", "grand", 0, 0))
                for i in range(len(cells))
            ),
        ]
    )
    assert by_topic.column_totals is None
    assert disclosures(attack([by_month, by_topic], links)) == []


def test_zero_counts_and_small_totals_are_shown_as_small_too():
    rows, columns = axis("r", 2), axis("c", 3)
    (table,) = publish([spec("t", rows, columns, [[0, 2, 1], [50, 60, 70]])])
    assert [cell.text for cell in table.rows[0].cells] == [SMALL] * 3
    assert table.rows[0].total.text == SMALL
    assert table.rows[0].share.text == SMALL


def test_a_lone_small_cell_takes_a_rectangle_of_three_others_with_it():
    rows, columns = axis("r", 3), axis("c", 3)
    cells = [[40, 3, 25], [30, 18, 22], [60, 70, 80]]
    (table,) = publish([spec("t", rows, columns, cells)])
    texts = [[cell.text for cell in row.cells] for row in table.rows]
    assert sum(text == SMALL for row in texts for text in row) == 1
    assert sum(text == HIDDEN for row in texts for text in row) == 3
    # Every total is still shown: only cells were needed.
    assert all(row.total.shown for row in table.rows)
    assert table.column_totals is not None
    assert all(cell.shown for cell in table.column_totals)


def test_a_table_without_small_counts_is_shown_whole_with_shares():
    rows, columns = axis("r", 2), axis("c", 2)
    (table,) = publish([spec("t", rows, columns, [[10, 30], [20, 40]])])
    assert all(figure.shown for figure in table.figures())
    assert [row.share.percent for row in table.rows] == [40.0, 60.0]
    assert table.grand_total is not None
    assert table.grand_total.value == 100


def test_shares_follow_the_suppression_of_their_count():
    rows, columns = axis("r", 3), axis("c", 3)
    cells = [[40, 3, 25], [30, 18, 22], [60, 70, 80]]
    (table,) = publish([spec("t", rows, columns, cells)])
    for row in table.rows:
        assert (row.share.percent is None) == (not row.total.shown)


def test_counts_that_do_not_add_up_are_refused():
    with pytest.raises(SuppressionError, match="not the sum"):
        System((5, 2, 2), (Sum(0, (1, 2)),))
    with pytest.raises(SuppressionError, match="negative"):
        System((-1,))


def test_the_same_count_in_two_tables_must_have_one_value():
    months = axis("m", 2)
    with pytest.raises(ValueError, match=r"is 10 and 11"):
        publish(
            [
                spec("a", axis("a", 1), months, [[10, 20]]),
                spec("b", axis("b", 1), months, [[11, 20]]),
            ]
        )


def test_suppression_is_the_same_every_time():
    values = (3, 40, 43, 30, 18, 48, 33, 58, 91)
    sums = (
        Sum(2, (0, 1)),
        Sum(5, (3, 4)),
        Sum(6, (0, 3)),
        Sum(7, (1, 4)),
        Sum(8, (2, 5)),
        Sum(8, (6, 7)),
    )
    system = System(values, sums)
    assert suppress(system) == suppress(system)
