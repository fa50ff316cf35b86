"""Check the Erlang A model against a discrete-event simulation of M/M/n+M.

Run from the project root:

    .venv/bin/python bench/erlang_vs_simulation.py

For a few helpline-like line slots, simulates Poisson arrivals, ``n`` lines with
exponential handling times, one FCFS queue, and callers with exponential
patience who hang up when it runs out before a line picks up (SimPy). Every
configuration is replicated with independent seeds; the table gives the answer
rate predicted by ``aandacht.roster.erlang``, the simulated answer rate with a
95% confidence interval over the replications (Student t), and the difference
in percentage points. Target: within 2 percentage points.

Options: ``--reps`` (replications per row), ``--calls`` (counted calls per
replication), ``--workers`` (processes; defaults to the number of cores).
"""

from __future__ import annotations

import argparse
import datetime
import math
import os
import random
import statistics
import sys
import time
from collections.abc import Generator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import simpy

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from machine import machine  # noqa: E402  (bench/ is the script's own folder)

from aandacht.roster.erlang import erlang_a_abandonment  # noqa: E402

TARGET_PP = 2.0
WARMUP_FRACTION = 0.05

# Two-sided 95% Student t quantiles by degrees of freedom.
_T975 = {
    1: 12.706,
    2: 4.303,
    3: 3.182,
    4: 2.776,
    5: 2.571,
    6: 2.447,
    7: 2.365,
    8: 2.306,
    9: 2.262,
    10: 2.228,
    11: 2.201,
    12: 2.179,
    13: 2.160,
    14: 2.145,
    15: 2.131,
    19: 2.093,
    24: 2.064,
    29: 2.045,
}


def _t975(df: int) -> float:
    usable = [d for d in _T975 if d <= df]
    return _T975[max(usable)] if usable else _T975[1]


@dataclass(frozen=True)
class Slot:
    label: str
    arrivals_per_hour: float
    aht_minutes: float
    patience_minutes: float
    servers: int


SLOTS: list[Slot] = [
    *(Slot("phone 5.5/h, AHT 21, pat 2", 5.5, 21.0, 2.0, n) for n in range(1, 7)),
    *(Slot("chat 2/h, AHT 36, pat 5", 2.0, 36.0, 5.0, n) for n in range(1, 4)),
    Slot("published 200/h, AHT 3, pat 5", 200.0, 3.0, 5.0, 14),
]


def simulate(slot: Slot, calls: int, seed: int) -> float:
    """One replication: the fraction of counted calls that got answered.

    Times are in minutes. Arrivals run for a horizon holding ``calls`` expected
    arrivals after a warm-up; calls arriving in the warm-up are not counted.
    After the last arrival the queue drains, so every counted call is resolved.
    """
    rng = random.Random(seed)  # noqa: S311  (simulation, not cryptography)
    lam = slot.arrivals_per_hour / 60.0
    mu = 1.0 / slot.aht_minutes
    theta = 1.0 / slot.patience_minutes
    counted_span = calls / lam
    warmup = counted_span * WARMUP_FRACTION / (1.0 - WARMUP_FRACTION)
    horizon = warmup + counted_span

    env = simpy.Environment()
    lines = simpy.Resource(env, capacity=slot.servers)
    tally = {"arrived": 0, "answered": 0}

    def caller(counted: bool) -> Generator[simpy.events.Event, object, None]:
        patience = env.timeout(rng.expovariate(theta))
        with lines.request() as request:
            outcome = yield request | patience
            if request in outcome:  # type: ignore[operator]
                if counted:
                    tally["answered"] += 1
                yield env.timeout(rng.expovariate(mu))
            # Otherwise patience ran out first: leaving the `with` withdraws
            # the request from the queue (FCFS order of the others is kept).

    def arrivals() -> Generator[simpy.events.Event, object, None]:
        while True:
            yield env.timeout(rng.expovariate(lam))
            if env.now >= horizon:
                return
            counted = env.now >= warmup
            if counted:
                tally["arrived"] += 1
            env.process(caller(counted))

    env.process(arrivals())
    env.run()
    return tally["answered"] / tally["arrived"]


def _job(args: tuple[int, int, int]) -> tuple[int, float]:
    index, calls, seed = args
    return index, simulate(SLOTS[index], calls, seed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=10)
    parser.add_argument("--calls", type=int, default=50_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    options = parser.parse_args()

    started = time.perf_counter()
    jobs = [
        (index, options.calls, 1_000 * index + rep)
        for index in range(len(SLOTS))
        for rep in range(options.reps)
    ]
    results: dict[int, list[float]] = {index: [] for index in range(len(SLOTS))}
    with ProcessPoolExecutor(max_workers=options.workers) as pool:
        for index, rate in pool.map(_job, jobs, chunksize=1):
            results[index].append(rate)
    elapsed = time.perf_counter() - started

    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    print(f"Erlang A vs. simulation of M/M/n+M. Date: {today}. Machine: {machine()}.")
    print(
        f"{options.reps} replications x {options.calls:,} counted calls per row "
        f"(+{WARMUP_FRACTION:.0%} warm-up), {options.workers} worker processes, "
        f"{elapsed:.0f} s. AHT and patience in minutes, exponential."
    )
    print()
    print(
        "| slot | n | answer rate, Erlang A | answer rate, simulation (95% CI) "
        "| difference (pp) |"
    )
    print("|---|---:|---:|---:|---:|")
    worst = 0.0
    for index, slot in enumerate(SLOTS):
        model = 1.0 - erlang_a_abandonment(
            slot.arrivals_per_hour,
            slot.aht_minutes,
            slot.patience_minutes,
            slot.servers,
        )
        rates = results[index]
        mean = statistics.fmean(rates)
        half = (
            _t975(len(rates) - 1) * statistics.stdev(rates) / math.sqrt(len(rates))
            if len(rates) > 1
            else math.nan
        )
        diff = 100.0 * (mean - model)
        worst = max(worst, abs(diff))
        print(
            f"| {slot.label} | {slot.servers} | {100 * model:.2f}% "
            f"| {100 * mean:.2f}% ± {100 * half:.2f} | {diff:+.2f} |"
        )
    print()
    verdict = "within" if worst <= TARGET_PP else "NOT within"
    print(
        f"Largest difference {worst:.2f} pp: {verdict} the {TARGET_PP:.0f} pp target."
    )


if __name__ == "__main__":
    main()
