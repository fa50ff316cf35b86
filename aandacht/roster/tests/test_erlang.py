"""Tests for the pure Erlang A/B/C capacity model."""

from __future__ import annotations

import dataclasses
import decimal
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aandacht.roster.erlang import (
    ErlangAResult,
    erlang_a,
    erlang_a_abandonment,
    erlang_b,
    erlang_c,
    erlang_c_agents_needed,
    erlang_c_service_level,
    lines_needed,
)

# --------------------------------------------------------------------------- #
# Independent, deliberately naive reference implementations
# --------------------------------------------------------------------------- #


def _reference_states(
    arrivals_per_hour: float,
    aht: float,
    patience: float,
    n: int,
    states: int = 600,
) -> list[float]:
    """Stationary M/M/n+M distribution by brute force in log space."""
    lam, mu, theta = arrivals_per_hour / 60.0, 1.0 / aht, 1.0 / patience
    logs = [0.0]
    for j in range(1, states):
        death = j * mu if j <= n else n * mu + (j - n) * theta
        logs.append(logs[-1] + math.log(lam) - math.log(death))
    top = max(logs)
    weights = [math.exp(v - top) for v in logs]
    total = math.fsum(weights)
    return [w / total for w in weights]


def _reference_abandonment(
    arrivals_per_hour: float, aht: float, patience: float, n: int
) -> float:
    """P_ab as 1 - throughput/λ (a different identity from the module's)."""
    pi = _reference_states(arrivals_per_hour, aht, patience, n)
    lam, mu = arrivals_per_hour / 60.0, 1.0 / aht
    throughput = math.fsum(min(j, n) * mu * p for j, p in enumerate(pi))
    return 1.0 - throughput / lam


def _hypoexp_cdf(rates: list[float], t: float) -> float:
    """CDF of a sum of independent exponentials with distinct rates.

    Partial fractions in 80-digit decimal arithmetic: the coefficients alternate
    in sign and grow huge, so binary floats would cancel catastrophically.
    """
    with decimal.localcontext() as ctx:
        ctx.prec = 80
        rs = [decimal.Decimal(r) for r in rates]
        td = decimal.Decimal(t)
        total = decimal.Decimal(0)
        for i, ri in enumerate(rs):
            coef = decimal.Decimal(1)
            for j, rj in enumerate(rs):
                if j != i:
                    coef *= rj / (rj - ri)
            total += coef * (-ri * td).exp()
        return float(1 - total)


def _reference_service_level(
    arrivals_per_hour: float, aht: float, patience: float, n: int, seconds: float
) -> float:
    """P(answered within t) via the hypoexponential partial-fraction CDF."""
    pi = _reference_states(arrivals_per_hour, aht, patience, n)
    mu, theta, t = 1.0 / aht, 1.0 / patience, seconds / 60.0
    sl = math.fsum(pi[:n])
    k = 0
    while n + k < len(pi) and (k < 5 or pi[n + k] > 1e-14):
        rates = [n * mu + j * theta for j in range(1, k + 2)]
        answered = n * mu / (n * mu + (k + 1) * theta)
        sl += pi[n + k] * answered * _hypoexp_cdf(rates, t)
        k += 1
    return sl


# --------------------------------------------------------------------------- #
# Published values
# --------------------------------------------------------------------------- #


def test_erlang_c_published_agents_needed() -> None:
    # 100 calls per 30 min, 180 s handling, 80% answered within 20 s.
    assert erlang_c_agents_needed(100, 3.0, 0.8, 20, period_minutes=30) == 14


def test_erlang_c_published_service_level() -> None:
    sl = erlang_c_service_level(100, 3.0, 14, 20, period_minutes=30)
    assert round(sl, 4) == 0.8884
    # 13 agents fall short of the 80% target, which is why 14 are needed.
    assert erlang_c_service_level(100, 3.0, 13, 20, period_minutes=30) < 0.8


def test_erlang_c_service_level_per_hour_equals_per_period() -> None:
    assert erlang_c_service_level(200, 3.0, 14, 20) == pytest.approx(
        erlang_c_service_level(100, 3.0, 14, 20, period_minutes=30), abs=1e-15
    )


def test_erlang_a_published_abandonment() -> None:
    # Same traffic (200 calls/h, 3 min), 5 min mean patience, 14 lines.
    assert round(erlang_a_abandonment(200, 3.0, 5.0, 14), 6) == 0.013984


def test_erlang_a_result_matches_published_and_is_consistent() -> None:
    r = erlang_a(200, 3.0, 5.0, 14, answer_within_seconds=20)
    assert isinstance(r, ErlangAResult)
    assert round(r.abandonment_probability, 6) == 0.013984
    assert r.answer_rate == pytest.approx(1 - r.abandonment_probability)
    assert r.answered_per_hour == pytest.approx(200 * r.answer_rate)
    assert r.abandoned_per_hour == pytest.approx(200 * r.abandonment_probability)
    assert r.offered_load_erlangs == pytest.approx(10.0)
    assert r.occupancy == pytest.approx(r.answered_per_hour / 60 * 3.0 / 14)
    # Little's law for the queue.
    assert r.mean_wait_minutes == pytest.approx(r.mean_queue_length / (200 / 60))
    assert 0 < r.mean_wait_answered_minutes < r.mean_wait_minutes / r.wait_probability
    assert r.service_level is not None
    assert 1 - r.wait_probability < r.service_level < r.answer_rate
    assert r.service_level_seconds == 20.0
    # Erlang A with impatient callers gives a better service level than Erlang C.
    assert r.service_level > erlang_c_service_level(200, 3.0, 14, 20)


def test_erlang_a_result_is_frozen() -> None:
    r = erlang_a(10, 20, 3, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.servers = 3  # type: ignore[misc]
    assert r.service_level is None
    assert r.service_level_seconds is None


def test_erlang_a_abandonment_agrees_with_full_result() -> None:
    for args in [(5.5, 21.0, 2.0, 3), (2.0, 36.0, 5.0, 1), (200.0, 3.0, 5.0, 14)]:
        assert erlang_a_abandonment(*args) == pytest.approx(
            erlang_a(*args).abandonment_probability, rel=1e-12
        )


# --------------------------------------------------------------------------- #
# Erlang B
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("traffic", "servers", "expected"),
    [
        (10.0, 10, 0.2146),
        (1.0, 1, 0.5),
        (2.0, 2, 0.4),
        (1.0, 2, 0.2),
        (5.0, 10, 0.0184),
        (20.0, 30, 0.0085),
    ],
)
def test_erlang_b_known_values(traffic: float, servers: int, expected: float) -> None:
    assert round(erlang_b(traffic, servers), 4) == expected


def test_erlang_b_edges_and_large_values() -> None:
    assert erlang_b(5.0, 0) == 1.0
    assert erlang_b(0.0, 3) == 0.0
    # Stable at sizes where A**n / n! overflows a float.
    b = erlang_b(1000.0, 1000)
    assert 0.0 < b < 0.05
    assert erlang_b(0.01, 200) == 0.0  # underflows gracefully, no error


# --------------------------------------------------------------------------- #
# Erlang C
# --------------------------------------------------------------------------- #


def test_erlang_c_values() -> None:
    assert erlang_c(10.0, 14) == pytest.approx(0.1741, abs=5e-5)
    assert erlang_c(1.0, 2) == pytest.approx(1 / 3)  # M/M/2 with rho = 1/2
    assert erlang_c(0.5, 1) == pytest.approx(0.5)  # M/M/1: P(wait) = rho
    assert erlang_c(10.0, 10) == 1.0  # unstable: everyone waits
    assert erlang_c(0.0, 3) == 0.0


def test_erlang_c_service_level_edges() -> None:
    assert erlang_c_service_level(0, 3.0, 0, 20) == 1.0
    assert erlang_c_service_level(200, 3.0, 10, 20) == 0.0  # unstable
    assert erlang_c_service_level(200, 3.0, 14, 0) == pytest.approx(
        1 - erlang_c(10.0, 14)
    )
    assert erlang_c_agents_needed(0, 3.0, 0.8, 20) == 0
    with pytest.raises(ValueError, match="not reachable"):
        erlang_c_agents_needed(200, 3.0, 0.99, 20, max_servers=12)


# --------------------------------------------------------------------------- #
# Erlang A against brute force and limits
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("arrivals", "aht", "patience", "servers"),
    [
        (5.5, 21.0, 2.0, 1),
        (5.5, 21.0, 2.0, 4),
        (2.0, 36.0, 5.0, 2),
        (200.0, 3.0, 5.0, 14),
        (200.0, 3.0, 5.0, 8),  # overloaded: patience keeps it stable
        (30.0, 10.0, 0.5, 3),
        (1.0, 60.0, 30.0, 1),
    ],
)
def test_erlang_a_matches_brute_force(
    arrivals: float, aht: float, patience: float, servers: int
) -> None:
    got = erlang_a_abandonment(arrivals, aht, patience, servers)
    assert got == pytest.approx(
        _reference_abandonment(arrivals, aht, patience, servers), abs=1e-10
    )
    pi = _reference_states(arrivals, aht, patience, servers)
    r = erlang_a(arrivals, aht, patience, servers)
    assert r.wait_probability == pytest.approx(math.fsum(pi[servers:]), abs=1e-10)
    queue = math.fsum((j - servers) * p for j, p in enumerate(pi) if j > servers)
    assert r.mean_queue_length == pytest.approx(queue, rel=1e-9)


@pytest.mark.parametrize(
    ("arrivals", "aht", "patience", "servers", "seconds"),
    [
        (200.0, 3.0, 5.0, 14, 20.0),
        (5.5, 21.0, 2.0, 3, 30.0),
        (2.0, 36.0, 5.0, 1, 60.0),
        (30.0, 10.0, 0.5, 8, 15.0),
    ],
)
def test_erlang_a_service_level_matches_closed_form(
    arrivals: float, aht: float, patience: float, servers: int, seconds: float
) -> None:
    r = erlang_a(arrivals, aht, patience, servers, answer_within_seconds=seconds)
    assert r.service_level == pytest.approx(
        _reference_service_level(arrivals, aht, patience, servers, seconds),
        abs=1e-9,
    )


def test_erlang_a_service_level_edges() -> None:
    r = erlang_a(200, 3.0, 5.0, 14, answer_within_seconds=0)
    assert r.service_level == pytest.approx(1 - r.wait_probability)
    long = erlang_a(200, 3.0, 5.0, 14, answer_within_seconds=1e6)
    assert long.service_level == pytest.approx(long.answer_rate, abs=1e-9)
    assert erlang_a(10, 3.0, 5.0, 0, answer_within_seconds=20).service_level == 0.0


def test_infinite_patience_limit_is_erlang_c() -> None:
    # Stable system, callers who (almost) never hang up: M/M/n.
    r = erlang_a(200, 3.0, 1e7, 14, answer_within_seconds=20)
    assert r.abandonment_probability < 1e-6
    assert r.wait_probability == pytest.approx(erlang_c(10.0, 14), rel=1e-6)
    assert r.service_level == pytest.approx(
        erlang_c_service_level(200, 3.0, 14, 20), abs=1e-6
    )
    # Erlang C mean wait: C / (nμ - λ).
    assert r.mean_wait_minutes == pytest.approx(
        erlang_c(10.0, 14) / (14 / 3 - 200 / 60), rel=1e-5
    )


@pytest.mark.parametrize(
    ("arrivals", "aht", "servers"), [(200.0, 3.0, 14), (5.5, 21.0, 2), (60.0, 1.0, 1)]
)
def test_zero_patience_limit_is_erlang_b(
    arrivals: float, aht: float, servers: int
) -> None:
    # θ → ∞: a caller who finds all lines busy leaves at once (M/M/n/n loss).
    traffic = arrivals / 60 * aht
    p_ab = erlang_a_abandonment(arrivals, aht, 1e-7, servers)
    assert p_ab == pytest.approx(erlang_b(traffic, servers), rel=1e-5)


def test_abandonment_is_bounded_by_waiting() -> None:
    r = erlang_a(5.5, 21.0, 2.0, 2)
    assert 0 < r.abandonment_probability < r.wait_probability < 1


def test_heavy_overload_does_not_overflow() -> None:
    # Huge λ/θ pushes the unnormalised queue terms far beyond float range.
    # λ/θ = 50 000, so the largest term is around e**50000.
    p = erlang_a_abandonment(1e5, 3.0, 30.0, 5)
    assert p == pytest.approx(1 - 5 / (1e5 / 60 * 3.0), rel=1e-6)
    r = erlang_a(1e5, 3.0, 30.0, 5)
    assert r.abandonment_probability == pytest.approx(p, rel=1e-9)
    assert math.isfinite(r.mean_queue_length)
    assert r.answered_per_hour == pytest.approx(5 / 3.0 * 60, rel=1e-6)


# --------------------------------------------------------------------------- #
# λ = 0, n = 0
# --------------------------------------------------------------------------- #


def test_no_calls() -> None:
    assert erlang_a_abandonment(0.0, 21.0, 2.0, 0) == 0.0
    assert erlang_a_abandonment(0.0, 21.0, 2.0, 3) == 0.0
    r = erlang_a(0.0, 21.0, 2.0, 3, answer_within_seconds=30)
    assert r.abandonment_probability == 0.0
    assert r.answer_rate == 1.0
    assert r.answered_per_hour == 0.0
    assert r.service_level == 1.0
    assert lines_needed(0.0, 21.0, 2.0, 0.9) == 0


def test_no_lines() -> None:
    assert erlang_a_abandonment(5.5, 21.0, 2.0, 0) == 1.0
    r = erlang_a(5.5, 21.0, 2.0, 0)
    assert r.abandonment_probability == pytest.approx(1.0)
    assert r.wait_probability == pytest.approx(1.0)
    assert r.answered_per_hour == pytest.approx(0.0, abs=1e-12)
    assert r.abandoned_per_hour == pytest.approx(5.5)
    assert r.mean_queue_length == pytest.approx(5.5 / 60 * 2.0)  # λ/θ
    assert r.occupancy == 0.0


# --------------------------------------------------------------------------- #
# Monotonicity (hypothesis)
# --------------------------------------------------------------------------- #

_arrivals = st.floats(min_value=0.01, max_value=400.0)
_aht = st.floats(min_value=0.5, max_value=90.0)
_patience = st.floats(min_value=0.05, max_value=60.0)
_servers = st.integers(min_value=0, max_value=40)


@settings(max_examples=200, deadline=None)
@given(_arrivals, _aht, _patience, _servers)
def test_abandonment_decreases_in_servers(
    arrivals: float, aht: float, patience: float, n: int
) -> None:
    fewer = erlang_a_abandonment(arrivals, aht, patience, n)
    more = erlang_a_abandonment(arrivals, aht, patience, n + 1)
    assert 0.0 <= more <= fewer + 1e-12 <= 1.0 + 1e-12


@settings(max_examples=200, deadline=None)
@given(_arrivals, st.floats(min_value=1.0, max_value=3.0), _aht, _patience, _servers)
def test_abandonment_increases_in_arrivals(
    arrivals: float, factor: float, aht: float, patience: float, n: int
) -> None:
    low = erlang_a_abandonment(arrivals, aht, patience, n)
    high = erlang_a_abandonment(arrivals * factor, aht, patience, n)
    assert low <= high + 1e-12


@settings(max_examples=200, deadline=None)
@given(_arrivals, _aht, _patience, st.floats(min_value=1.0, max_value=10.0), _servers)
def test_abandonment_decreases_with_patience(
    arrivals: float, aht: float, patience: float, factor: float, n: int
) -> None:
    impatient = erlang_a_abandonment(arrivals, aht, patience, n)
    patient = erlang_a_abandonment(arrivals, aht, patience * factor, n)
    assert patient <= impatient + 1e-12


# --------------------------------------------------------------------------- #
# lines_needed
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("arrivals", "aht", "patience", "target"),
    [
        (5.5, 21.0, 2.0, 0.8),
        (5.5, 21.0, 2.0, 0.95),
        (2.0, 36.0, 5.0, 0.9),
        (200.0, 3.0, 5.0, 0.98),
        (200.0, 3.0, 5.0, 0.5),
        (0.5, 30.0, 1.0, 0.0),
    ],
)
def test_lines_needed_is_smallest_meeting_target(
    arrivals: float, aht: float, patience: float, target: float
) -> None:
    n = lines_needed(arrivals, aht, patience, target)
    assert 1 - erlang_a_abandonment(arrivals, aht, patience, n) >= target
    if n > 0:
        assert 1 - erlang_a_abandonment(arrivals, aht, patience, n - 1) < target


def test_lines_needed_published_case() -> None:
    # 14 lines answer 98.6% of the 200 calls/h; 13 lines do not reach 98%.
    assert lines_needed(200, 3.0, 5.0, 0.98) == 14


def test_lines_needed_unreachable() -> None:
    with pytest.raises(ValueError, match="below 1"):
        lines_needed(5.5, 21.0, 2.0, 1.0)
    with pytest.raises(ValueError, match="not reachable"):
        lines_needed(200, 3.0, 5.0, 0.99, max_servers=5)


@settings(max_examples=100, deadline=None)
@given(_arrivals, _aht, _patience, st.floats(min_value=0.0, max_value=0.99))
def test_lines_needed_property(
    arrivals: float, aht: float, patience: float, target: float
) -> None:
    n = lines_needed(arrivals, aht, patience, target, max_servers=1000)
    assert 1 - erlang_a_abandonment(arrivals, aht, patience, n) >= target
    if n > 0:
        assert 1 - erlang_a_abandonment(arrivals, aht, patience, n - 1) < target


# --------------------------------------------------------------------------- #
# Bad input
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((-1.0, 3.0, 5.0, 2), "arrivals_per_hour"),
        ((math.nan, 3.0, 5.0, 2), "arrivals_per_hour"),
        ((math.inf, 3.0, 5.0, 2), "arrivals_per_hour"),
        ((10.0, 0.0, 5.0, 2), "aht_minutes"),
        ((10.0, -3.0, 5.0, 2), "aht_minutes"),
        ((10.0, math.nan, 5.0, 2), "aht_minutes"),
        ((10.0, 3.0, 0.0, 2), "patience_minutes"),
        ((10.0, 3.0, -1.0, 2), "patience_minutes"),
        ((10.0, 3.0, math.nan, 2), "patience_minutes"),
        ((10.0, 3.0, math.inf, 2), "patience_minutes"),
        ((10.0, 3.0, 5.0, -1), "servers"),
        ((10.0, 3.0, 5.0, 2.0), "servers"),
        ((10.0, 3.0, 5.0, True), "servers"),
    ],
)
def test_erlang_a_rejects_bad_input(args: tuple[float, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        erlang_a_abandonment(*args)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=message):
        erlang_a(*args)  # type: ignore[arg-type]


def test_other_functions_reject_bad_input() -> None:
    with pytest.raises(ValueError, match="traffic_erlangs"):
        erlang_b(-1.0, 2)
    with pytest.raises(ValueError, match="servers"):
        erlang_b(1.0, -2)
    with pytest.raises(ValueError, match="traffic_erlangs"):
        erlang_c(math.nan, 2)
    with pytest.raises(ValueError, match="target_seconds"):
        erlang_c_service_level(100, 3.0, 14, -5)
    with pytest.raises(ValueError, match="period_minutes"):
        erlang_c_service_level(100, 3.0, 14, 20, period_minutes=0)
    with pytest.raises(ValueError, match="target_service_level"):
        erlang_c_agents_needed(100, 3.0, 1.5, 20)
    with pytest.raises(ValueError, match="target_answer_rate"):
        lines_needed(5.5, 21.0, 2.0, -0.1)
    with pytest.raises(ValueError, match="target_answer_rate"):
        lines_needed(5.5, 21.0, 2.0, math.nan)
    with pytest.raises(ValueError, match="max_servers"):
        lines_needed(5.5, 21.0, 2.0, 0.9, max_servers=-1)
    with pytest.raises(ValueError, match="answer_within_seconds"):
        erlang_a(5.5, 21.0, 2.0, 2, answer_within_seconds=-1)
