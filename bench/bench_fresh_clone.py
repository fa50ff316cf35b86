"""Time what a newcomer waits for on a fresh clone (#13).

Run from the project root, with the system's Python 3.11:

    python3 bench/bench_fresh_clone.py            # make run, then make test
    python3 bench/bench_fresh_clone.py --run-only

Each step clones the committed HEAD into a temporary folder of its own
(nothing of this work tree comes along: no .venv, no var/):

1. ``make run`` is timed from the start until the demo answers on a free port
   (target: under 4 minutes on 2 cores after the downloads; pip's own cache
   is used, so a second run of this script measures without downloads), and
   stopped;
2. ``make test`` is timed in a second fresh clone (target: under 15 minutes
   on 2 cores), and the summary lines it ends with are printed.

It prints Markdown rows for docs/benchmarks.md and removes the clone.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from machine import machine

ROOT = Path(__file__).resolve().parent.parent
RUN_LIMIT = 15 * 60  # give up on `make run` after this many seconds
TEST_LIMIT = 90 * 60  # CI's own limit


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
            return int(response.status) < 500
    except (urllib.error.URLError, OSError):
        return False


def time_make_run(clone: Path) -> float:
    """Seconds from `make run` until the login page answers."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/login/"
    log = (clone.parent / "make-run.log").open("w")
    started = time.monotonic()
    process = subprocess.Popen(  # noqa: S603
        ["make", "run", f"PORT={port}"],  # noqa: S607
        cwd=clone,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        while not answers(url):
            if process.poll() is not None:
                raise SystemExit(f"make run stopped (exit {process.returncode})")
            if time.monotonic() - started > RUN_LIMIT:
                raise SystemExit("make run did not serve within the limit")
            time.sleep(0.5)
        return time.monotonic() - started
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


def time_make_test(clone: Path) -> tuple[float, list[str]]:
    started = time.monotonic()
    run = subprocess.run(
        ["make", "test"],  # noqa: S607
        cwd=clone,
        capture_output=True,
        text=True,
        timeout=TEST_LIMIT,
        check=False,
    )
    seconds = time.monotonic() - started
    (clone.parent / "make-test.log").write_text(run.stdout + run.stderr)
    if run.returncode != 0:
        raise SystemExit(f"make test failed (exit {run.returncode}); see the log")
    summary = (clone / "var" / "test-summary.txt").read_text().splitlines()
    return seconds, summary


def minutes(seconds: float) -> str:
    return f"{int(seconds // 60)} min {seconds % 60:04.1f} s"


def fresh_clone(folder: Path, name: str) -> Path:
    clone = folder / name
    subprocess.run(  # noqa: S603
        ["git", "clone", "--quiet", str(ROOT), str(clone)],  # noqa: S607
        check=True,
    )
    return clone


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run-only", action="store_true")
    arguments = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="aandacht-fresh-"))
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    where = machine()
    try:
        seconds = time_make_run(fresh_clone(folder, "for-run"))
        print(
            f"| `make run` on a fresh clone | {minutes(seconds)} | {today} | {where} |"
        )
        if not arguments.run_only:
            seconds, summary = time_make_test(fresh_clone(folder, "for-test"))
            print(
                f"| `make test` on a fresh clone | {minutes(seconds)} "
                f"({'; '.join(summary)}) | {today} | {where} |"
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
