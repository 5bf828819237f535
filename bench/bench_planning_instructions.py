"""The morning job's cost in CPU instructions per user: a number this shared machine cannot disturb.

    python bench/bench_planning_instructions.py [--users 600] [--contacts 200]

Wall-clock and even CPU time of a planning pass move by ±15% from one minute to the next on a shared 2-core
machine, which hides any change smaller than that. Instructions executed do not move: this script writes the same
synthetic notebooks as ``bench_planning.py`` (same seed, same shape), then runs its pass over every user on the
morning job's path (open, plan, claim, word, settle: ``bench_planning.one_pass``, the bot's caches emptied first)
under valgrind's callgrind, once with one pass and once with three, and prints the difference per user and pass:
the steady cost of one user's morning, with start-up, imports and setup cancelled out (the fsyncs' time in the
kernel is not counted: instructions are the bot's own work). Compare two versions of the code by running it in
each; a ratio within one machine is what counts. Needs valgrind (apt install valgrind); about a minute per 600
users.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

import bench_planning
import synthetic  # noqa: F401 - puts the repo on sys.path
from harness import forget_caches

from bot.notebooks import open_store


def plan_every_user(root: Path, passes: int) -> None:
    """What is counted: ``passes`` passes over every user, each a new day, from a fresh Store with emptied caches."""
    for number in range(passes):
        forget_caches()
        store = open_store(root)
        now = bench_planning.morning_of(bench_planning.TODAY + timedelta(days=number))
        asyncio.run(bench_planning.one_pass(store, store.user_ids(), now))


def instructions(root: Path, passes: int) -> int:
    """Instructions the whole process executed (callgrind's "Collected")."""
    found = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--run",
            str(root),
            "--passes",
            str(passes),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    match = re.search(r"Collected : (\d+)", found.stderr)
    if match is None:
        raise SystemExit(f"valgrind said no instruction count:\n{found.stderr[-2000:]}")
    return int(match.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=600)
    parser.add_argument("--contacts", type=int, default=200)
    parser.add_argument("--run", help=argparse.SUPPRESS)  # inside valgrind: plan the users under this folder
    parser.add_argument("--passes", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        plan_every_user(Path(args.run), args.passes)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt install valgrind)")
    root = Path(tempfile.mkdtemp(prefix="nurture-bench-instructions-"))
    try:
        (root / "users").mkdir()
        bench_planning.setup(root / "users", args.users, args.contacts, min(2, os.cpu_count() or 1))
        one, three = instructions(root, 1), instructions(root, 3)
        per_user = (three - one) / 2 / args.users
        print(
            f"the morning job's path, {args.users:,} users x {args.contacts} contacts: "
            f"{per_user / 1e6:.3f} million instructions per user (callgrind; 1 pass {one:,}, 3 passes {three:,})"
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
