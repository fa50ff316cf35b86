"""Benchmark the scrubber against plain Deduce on the team's corpus (#3).

Run from the project root:

    .venv/bin/python bench/bench_scrub.py

Prints a small Markdown table: identifier recall, keep rate and throughput
(notes of about three sentences per second, one process on one core) for
``aandacht.privacy.scrub`` and for plain Deduce, with the date and the
machine. The definitions are in ``aandacht/privacy/evaluate.py``.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from machine import machine  # noqa: E402  (bench/ is the script's own folder)

from aandacht.privacy.evaluate import CORPUS_PATH, run  # noqa: E402

TARGET_RECALL = 0.97
TARGET_KEEP = 0.97
TARGET_RATE = 500.0


def main() -> None:
    report = run(CORPUS_PATH)
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    print(
        f"Corpus: {report.notes} notes, {report.identifiers} identifiers, "
        f"{report.notes_without_identifier} notes without one. Throughput on "
        f"{report.throughput_notes} notes of 3+ sentences "
        f"({report.throughput_chars:.0f} characters on average), one core."
    )
    print()
    print("| | Identifier recall | Keep rate | Notes/s (one core) |")
    print("| --- | --- | --- | --- |")
    rows = (
        ("`scrub`", report.scrub, report.scrub_rate),
        ("plain Deduce", report.deduce, report.deduce_rate),
    )
    for name, score, rate in rows:
        print(
            f"| {name} | {score.recall:.3f} ({score.found}/{score.identifiers}) "
            f"| {score.keep:.3f} ({score.kept}/{score.tokens}) | {rate:.0f} |"
        )
    print(
        f"| target | ≥ {TARGET_RECALL:.2f} | ≥ {TARGET_KEEP:.2f} "
        f"| ≥ {TARGET_RATE:.0f} |"
    )
    print()
    print(f"Date: {today}. Machine: {machine()}.")
    met = (
        report.scrub.recall >= TARGET_RECALL
        and report.scrub.keep >= TARGET_KEEP
        and report.scrub_rate >= TARGET_RATE
    )
    if not met:
        print("\nThe scrubber misses a target.")
        sys.exit(1)


if __name__ == "__main__":
    main()
