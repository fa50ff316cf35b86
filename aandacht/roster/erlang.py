"""Queueing capacity model for the roster planner: Erlang A, B and C.

Pure module: standard library only, no Django and no app code.

Conventions used throughout:

* arrival rates are *per hour* (``arrivals_per_hour``), unless a function takes an
  explicit ``period_minutes``;
* handling time (AHT) and mean patience are in *minutes*;
* answer-time thresholds are in *seconds* (as in "80% within 20 seconds").

Erlang A is the M/M/n+M queue: Poisson arrivals (rate λ), ``n`` lines with
exponential handling times (rate μ = 1/AHT), an unlimited FCFS queue, and callers
who hang up when their exponential patience (rate θ = 1/patience) runs out before
a line picks up. Its stationary distribution is a birth-death chain with death
rate ``iμ`` in states ``i ≤ n`` and ``nμ + kθ`` in state ``n + k``. The
probability that an arriving caller abandons is ``P_ab = θ·E[queue length]/λ``.

Numerics: the states ``0..n`` are handled through the Erlang B recursion (values
stay in [0, 1]); the queue states ``n + k`` are summed relative to state ``n``
with running rescaling against overflow, and the sum is cut off once a term is
below 1e-16 of the running total (with a hard cap on the number of terms).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "ErlangAResult",
    "erlang_a",
    "erlang_a_abandonment",
    "erlang_b",
    "erlang_c",
    "erlang_c_agents_needed",
    "erlang_c_service_level",
    "lines_needed",
]

_REL_TOL = 1e-16
"""A queue-tail term below this fraction of the running sum ends the sum."""

_MAX_TAIL_TERMS = 5_000_000
"""Hard cap on queue-tail terms (only reached for absurd patience/overload)."""

_RESCALE_ABOVE = 1e200
_RESCALE_BY = 1e-200
_LOG_RESCALE = math.log(_RESCALE_BY)


# --------------------------------------------------------------------------- #
# Validation
# --------------------------------------------------------------------------- #


def _check_rate(name: str, value: float) -> float:
    value = float(value)
    if math.isnan(value) or math.isinf(value) or value < 0:
        raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
    return value


def _check_positive(name: str, value: float) -> float:
    value = float(value)
    if math.isnan(value) or math.isinf(value) or value <= 0:
        raise ValueError(f"{name} must be a finite number > 0, got {value!r}")
    return value


def _check_servers(servers: int, name: str = "servers") -> int:
    if isinstance(servers, bool) or not isinstance(servers, int):
        raise ValueError(f"{name} must be an int >= 0, got {servers!r}")
    if servers < 0:
        raise ValueError(f"{name} must be >= 0, got {servers}")
    return servers


def _check_fraction(name: str, value: float) -> float:
    value = float(value)
    if math.isnan(value) or not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be between 0 and 1, got {value!r}")
    return value


# --------------------------------------------------------------------------- #
# Erlang B and C
# --------------------------------------------------------------------------- #


def _erlang_b_unchecked(traffic: float, servers: int) -> float:
    """Erlang B by the stable forward recursion B(k) = A·B(k-1) / (k + A·B(k-1))."""
    b = 1.0
    for k in range(1, servers + 1):
        ab = traffic * b
        b = ab / (k + ab)
    return b


def erlang_b(traffic_erlangs: float, servers: int) -> float:
    """Blocking probability of the M/M/n/n loss system (Erlang B formula).

    ``traffic_erlangs`` is the offered load A = λ·AHT. Returns 1.0 for 0 servers
    with positive traffic and 0.0 for zero traffic with at least one server.
    """
    traffic = _check_rate("traffic_erlangs", traffic_erlangs)
    n = _check_servers(servers)
    if traffic == 0.0:
        return 0.0 if n > 0 else 1.0
    return _erlang_b_unchecked(traffic, n)


def _erlang_c_unchecked(traffic: float, servers: int) -> float:
    if traffic == 0.0:
        return 0.0
    if servers <= traffic:
        return 1.0
    b = _erlang_b_unchecked(traffic, servers)
    rho = traffic / servers
    return b / (1.0 - rho * (1.0 - b))


def erlang_c(traffic_erlangs: float, servers: int) -> float:
    """Probability that an arriving call has to wait in M/M/n (Erlang C formula).

    Returns 1.0 when the system is not stable (``servers <= traffic_erlangs``):
    the queue then grows without bound and every caller waits.
    """
    traffic = _check_rate("traffic_erlangs", traffic_erlangs)
    n = _check_servers(servers)
    return _erlang_c_unchecked(traffic, n)


def erlang_c_service_level(
    arrivals_per_period: float,
    aht_minutes: float,
    servers: int,
    target_seconds: float,
    period_minutes: float = 60.0,
) -> float:
    """Fraction of calls answered within ``target_seconds`` in M/M/n (Erlang C).

    SL = 1 - C(n, A)·exp(-(n - A)·t/AHT). Callers never hang up in this model;
    an unstable system (n ≤ A) has service level 0.0.

    Example (100 calls per half hour, 3 min AHT, 14 agents, 20 s):
    ``erlang_c_service_level(100, 3.0, 14, 20, period_minutes=30)`` ≈ 0.8884.
    """
    arrivals = _check_rate("arrivals_per_period", arrivals_per_period)
    aht = _check_positive("aht_minutes", aht_minutes)
    n = _check_servers(servers)
    t = _check_rate("target_seconds", target_seconds) / 60.0
    period = _check_positive("period_minutes", period_minutes)
    traffic = arrivals / period * aht
    if traffic == 0.0:
        return 1.0
    if n <= traffic:
        return 0.0
    c = _erlang_c_unchecked(traffic, n)
    return 1.0 - c * math.exp(-(n - traffic) * t / aht)


def erlang_c_agents_needed(
    arrivals_per_period: float,
    aht_minutes: float,
    target_service_level: float,
    target_seconds: float,
    period_minutes: float = 60.0,
    max_servers: int = 1000,
) -> int:
    """Smallest number of agents whose Erlang C service level meets the target.

    Raises ValueError when ``max_servers`` agents are not enough.
    """
    arrivals = _check_rate("arrivals_per_period", arrivals_per_period)
    aht = _check_positive("aht_minutes", aht_minutes)
    target = _check_fraction("target_service_level", target_service_level)
    _check_rate("target_seconds", target_seconds)
    period = _check_positive("period_minutes", period_minutes)
    cap = _check_servers(max_servers, "max_servers")
    traffic = arrivals / period * aht
    if traffic == 0.0:
        return 0
    for n in range(math.floor(traffic) + 1, cap + 1):
        sl = erlang_c_service_level(arrivals, aht, n, target_seconds, period)
        if sl >= target:
            return n
    raise ValueError(
        f"service level {target} within {target_seconds} s is not reachable "
        f"with at most {cap} agents"
    )


# --------------------------------------------------------------------------- #
# Erlang A (M/M/n+M)
# --------------------------------------------------------------------------- #


@lru_cache(maxsize=65_536)
def _abandonment(lam: float, mu: float, theta: float, n: int) -> float:
    """P_ab for λ, μ, θ per minute, λ > 0, n ≥ 1 (inputs already validated)."""
    b = _erlang_b_unchecked(lam / mu, n)
    nmu = n * mu
    term = 1.0  # u_{n+k} / u_n, rescaled
    total = 1.0  # Σ_k term
    weighted = 0.0  # Σ_k k·term
    floor = 1.0  # exp(-log rescale): the value "1" on the rescaled scale
    k = 0
    while True:
        k += 1
        term *= lam / (nmu + k * theta)
        total += term
        weighted += k * term
        if term < _REL_TOL * total and lam < nmu + k * theta:
            break
        if k >= _MAX_TAIL_TERMS:
            break
        if total > _RESCALE_ABOVE:
            term *= _RESCALE_BY
            total *= _RESCALE_BY
            weighted *= _RESCALE_BY
            floor *= _RESCALE_BY
    # π_{n+k} = b·u_{n+k} / (1 + b·(S - 1)), written on the rescaled scale.
    denom = floor + b * (total - floor)
    mean_queue = b * weighted / denom
    p_ab = theta * mean_queue / lam
    return min(max(p_ab, 0.0), 1.0)


def _validated(
    arrivals_per_hour: float,
    aht_minutes: float,
    patience_minutes: float,
    servers: int,
) -> tuple[float, float, float, int]:
    lam = _check_rate("arrivals_per_hour", arrivals_per_hour) / 60.0
    mu = 1.0 / _check_positive("aht_minutes", aht_minutes)
    theta = 1.0 / _check_positive("patience_minutes", patience_minutes)
    n = _check_servers(servers)
    return lam, mu, theta, n


def erlang_a_abandonment(
    arrivals_per_hour: float,
    aht_minutes: float,
    patience_minutes: float,
    servers: int,
) -> float:
    """Steady-state probability that an arriving call abandons in M/M/n+M.

    ``arrivals_per_hour`` λ ≥ 0, ``aht_minutes`` > 0 (mean handling time),
    ``patience_minutes`` > 0 (mean time a caller is willing to wait),
    ``servers`` n ≥ 0 (lines staffed). Returns 0.0 when λ = 0 and 1.0 when n = 0
    with λ > 0. Raises ValueError on invalid input.

    Example: 200 calls/h, 3 min AHT, 5 min patience, 14 lines → ≈ 0.013984.
    """
    lam, mu, theta, n = _validated(
        arrivals_per_hour, aht_minutes, patience_minutes, servers
    )
    if lam == 0.0:
        return 0.0
    if n == 0:
        return 1.0
    return _abandonment(lam, mu, theta, n)


@dataclass(frozen=True, slots=True)
class ErlangAResult:
    """Steady-state performance of an M/M/n+M (Erlang A) line slot.

    Probabilities are per arriving call. Waiting times are time spent in the
    queue (before being answered or hanging up), in minutes.
    """

    arrivals_per_hour: float
    aht_minutes: float
    patience_minutes: float
    servers: int
    offered_load_erlangs: float
    """A = λ·AHT."""
    abandonment_probability: float
    """P(caller hangs up before being answered)."""
    wait_probability: float
    """P(all lines busy on arrival), i.e. the caller has to wait at all."""
    answer_rate: float
    """1 - P_ab: the expected fraction of calls that get answered."""
    answered_per_hour: float
    """λ·(1 - P_ab)."""
    abandoned_per_hour: float
    """λ·P_ab."""
    mean_queue_length: float
    """E[number of callers waiting]."""
    mean_wait_minutes: float
    """Mean queue time over all calls, including those who hang up (Little)."""
    mean_wait_answered_minutes: float
    """Mean queue time of the calls that get answered (0.0 if none are)."""
    occupancy: float
    """Fraction of line time spent in conversation: λ(1 - P_ab)·AHT / n."""
    service_level: float | None = None
    """P(answered within ``service_level_seconds``) over all calls, if asked."""
    service_level_seconds: float | None = None


def erlang_a(
    arrivals_per_hour: float,
    aht_minutes: float,
    patience_minutes: float,
    servers: int,
    answer_within_seconds: float | None = None,
) -> ErlangAResult:
    """Full Erlang A (M/M/n+M) steady-state figures for one line slot.

    With ``answer_within_seconds`` the result also carries the service level:
    the fraction of *all* arriving calls answered within that time (callers
    who hang up count as not answered), computed exactly by uniformisation.
    """
    lam, mu, theta, n = _validated(
        arrivals_per_hour, aht_minutes, patience_minutes, servers
    )
    threshold = (
        None
        if answer_within_seconds is None
        else _check_rate("answer_within_seconds", answer_within_seconds)
    )
    traffic = lam / mu
    if lam == 0.0:
        return ErlangAResult(
            arrivals_per_hour=float(arrivals_per_hour),
            aht_minutes=float(aht_minutes),
            patience_minutes=float(patience_minutes),
            servers=n,
            offered_load_erlangs=0.0,
            abandonment_probability=0.0,
            wait_probability=0.0,
            answer_rate=1.0,
            answered_per_hour=0.0,
            abandoned_per_hour=0.0,
            mean_queue_length=0.0,
            mean_wait_minutes=0.0,
            mean_wait_answered_minutes=0.0,
            occupancy=0.0,
            service_level=None if threshold is None else 1.0,
            service_level_seconds=threshold,
        )

    b = _erlang_b_unchecked(traffic, n)
    nmu = n * mu
    # Scaled queue-state weights s_k ∝ π_{n+k}, k = 0, 1, ...
    # Each weight remembers how many rescalings had happened when it was stored.
    weights = [1.0]
    epochs = [0]
    epoch = 0
    total = 1.0
    floor = 1.0
    term = 1.0
    k = 0
    while True:
        k += 1
        term *= lam / (nmu + k * theta)
        weights.append(term)
        epochs.append(epoch)
        total += term
        if term < _REL_TOL * total and lam < nmu + k * theta:
            break
        if k >= _MAX_TAIL_TERMS:
            break
        if total > _RESCALE_ABOVE:
            term *= _RESCALE_BY
            total *= _RESCALE_BY
            floor *= _RESCALE_BY
            epoch += 1
    if epoch:
        weights = [
            w * math.exp((epoch - e) * _LOG_RESCALE)
            for w, e in zip(weights, epochs, strict=True)
        ]
    denom = floor + b * (total - floor)
    # π_{n+k} for every queue state kept.
    probs = [b * w / denom for w in weights]
    p_wait = min(sum(probs), 1.0)
    mean_queue = math.fsum(i * p for i, p in enumerate(probs))
    p_ab = min(max(theta * mean_queue / lam, 0.0), 1.0)

    # A caller arriving with k others waiting is answered iff its patience
    # outlasts V = Σ_{j=0..k} Exp(nμ + jθ); P(answered) = nμ / (nμ + (k+1)θ) and
    # E[V; answered] = that probability x Σ_{j=1..k+1} 1/(nμ + jθ).
    wait_answered = 0.0
    if n > 0:
        harmonic = 0.0
        for i, p in enumerate(probs):
            rate = nmu + (i + 1) * theta
            harmonic += 1.0 / rate
            wait_answered += p * (nmu / rate) * harmonic
    answer_rate = 1.0 - p_ab
    mean_wait_answered = wait_answered / answer_rate if answer_rate > 0 else 0.0

    service_level: float | None = None
    if threshold is not None:
        service_level = _erlang_a_service_level(
            probs, p_wait, nmu, theta, threshold / 60.0
        )

    return ErlangAResult(
        arrivals_per_hour=float(arrivals_per_hour),
        aht_minutes=float(aht_minutes),
        patience_minutes=float(patience_minutes),
        servers=n,
        offered_load_erlangs=traffic,
        abandonment_probability=p_ab,
        wait_probability=p_wait,
        answer_rate=answer_rate,
        answered_per_hour=lam * answer_rate * 60.0,
        abandoned_per_hour=lam * p_ab * 60.0,
        mean_queue_length=mean_queue,
        mean_wait_minutes=mean_queue / lam,
        mean_wait_answered_minutes=mean_wait_answered,
        occupancy=(lam * answer_rate / nmu) if n > 0 else 0.0,
        service_level=service_level,
        service_level_seconds=threshold,
    )


def _erlang_a_service_level(
    probs: list[float], p_wait: float, nmu: float, theta: float, t: float
) -> float:
    """P(answered within t minutes) by uniformisation of a pure-death chain.

    Conditional on being answered, a caller who finds k others waiting has a
    queue time distributed as Σ_{j=1..k+1} Exp(nμ + jθ) (the "patience-tilted"
    virtual wait). Mixing over k gives a pure-death chain on stages m = k + 1
    with death rate nμ + mθ, absorbed at 0; the service level is the mass
    absorbed by time t plus the calls answered immediately.
    """
    immediate = max(1.0 - p_wait, 0.0)
    if nmu == 0.0:
        return 0.0
    size = len(probs) + 1
    rates = [nmu + m * theta for m in range(size)]
    rates[0] = 0.0
    dist = [0.0] * size
    for i, p in enumerate(probs):
        m = i + 1
        dist[m] = p * nmu / rates[m]
    if t == 0.0:
        return immediate
    big = rates[-1]
    # Split [0, t] so that each piece has Λ·Δ ≤ 30 (Poisson weights stay finite).
    pieces = max(1, math.ceil(big * t / 30.0))
    step = big * t / pieces
    stay = [1.0 - r / big for r in rates]
    move = [r / big for r in rates]
    for _ in range(pieces):
        weight = math.exp(-step)
        acc = [weight * x for x in dist]
        cur = dist
        j = 0
        # Poisson(step) weights: stop past the mode once they are negligible.
        while (j <= step or weight > 1e-18) and j < 10_000:
            j += 1
            nxt = [cur[m] * stay[m] + cur[m + 1] * move[m + 1] for m in range(size - 1)]
            nxt.append(cur[-1] * stay[-1])  # top stage: nothing flows in
            cur = nxt
            weight *= step / j
            for m in range(size):
                acc[m] += weight * cur[m]
        dist = acc
        if math.fsum(dist[1:]) < 1e-17:
            break  # (almost) everything answered already
    return min(immediate + dist[0], 1.0)


def lines_needed(
    arrivals_per_hour: float,
    aht_minutes: float,
    patience_minutes: float,
    target_answer_rate: float,
    max_servers: int = 200,
) -> int:
    """Smallest number of lines n with Erlang A answer rate 1 - P_ab ≥ target.

    ``target_answer_rate`` must be in [0, 1): with impatient callers some calls
    are always lost, so 100% is never reached. Returns 0 when there are no
    calls. Raises ValueError when the target cannot be met with ``max_servers``
    lines.
    """
    _validated(arrivals_per_hour, aht_minutes, patience_minutes, 0)
    target = _check_fraction("target_answer_rate", target_answer_rate)
    if target >= 1.0:
        raise ValueError(
            "target_answer_rate must be below 1: impatient callers make a 100% "
            "answer rate unreachable with any number of lines"
        )
    cap = _check_servers(max_servers, "max_servers")
    if arrivals_per_hour == 0:
        return 0
    # Answered calls cannot exceed capacity: λ(1 - P_ab)·AHT ≤ n, so n ≥ target·A.
    traffic = arrivals_per_hour / 60.0 * aht_minutes
    start = max(0, math.floor(target * traffic) - 1)
    for n in range(start, cap + 1):
        p_ab = erlang_a_abandonment(arrivals_per_hour, aht_minutes, patience_minutes, n)
        if 1.0 - p_ab >= target:
            return n
    raise ValueError(
        f"answer rate {target} is not reachable with at most {cap} lines "
        f"({arrivals_per_hour}/h, AHT {aht_minutes} min, "
        f"patience {patience_minutes} min)"
    )
