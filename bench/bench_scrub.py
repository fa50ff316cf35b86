"""Benchmark the scrubber against plain Deduce on the team's corpus (#3).

Run from the project root:

    .venv/bin/python bench/bench_scrub.py             # the team's corpus
    .venv/bin/python bench/bench_scrub.py --heldout   # the held-out set

``--heldout`` measures on ``corpus/heldout/notes.jsonl``, written by someone who
never saw the scrubber's code, and adds recall per kind of identifier; it
never prints what was missed, so the set stays unseen by whoever tunes.

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

from aandacht.privacy.evaluate import (  # noqa: E402
    CORPUS_PATH,
    HELDOUT_PATH,
    Report,
    load_corpus,
    recall_by_kind,
    run,
)

TARGET_RECALL = 0.97
TARGET_KEEP = 0.97
TARGET_RATE = 500.0


def main() -> None:
    heldout = "--heldout" in sys.argv[1:]
    path = HELDOUT_PATH if heldout else CORPUS_PATH
    report = run(path)
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
    if heldout:
        _print_kinds(path, report)
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


def _print_kinds(path: Path, report: Report) -> None:
    notes = load_corpus(path)
    ours = recall_by_kind(notes, report.scrub)
    plain = recall_by_kind(notes, report.deduce)
    print()
    print("| Kind | `scrub` recall | plain Deduce recall |")
    print("| --- | --- | --- |")
    for kind, (found, total) in ours.items():
        plain_found, _ = plain[kind]
        print(
            f"| {kind} | {found / total:.3f} ({found}/{total}) "
            f"| {plain_found / total:.3f} ({plain_found}/{total}) |"
        )


if __name__ == "__main__":
    main()
