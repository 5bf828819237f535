"""How many users' mornings can be planned per second: read each notebook from disk, then plan the day.

    python bench/bench_planning.py [--users 10000] [--contacts 200]

Setup writes ``--users`` notebooks of ``--contacts`` contacts each (interests, ~3 interactions per contact,
some promises, dates spread over two years) straight to disk with orjson (two worker processes, no fsync).
Files carry the per-contact digest the bot itself keeps beside the records (computed by the bot's Notebook).
Then, in one process like the bot, every user is loaded through a fresh ``Store`` (so files are really read
and parsed: "load") and ``bot.coach.delivery.plan_for(notebook, today)`` is called ("plan": whatever the
planner touches beyond the parsed file, e.g. building records, is counted here). The files were just written, so
they are read from the page cache: a cold disk would add its read time on top.

Target: >= 2,000 users planned per second (load + plan).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import synthetic  # noqa: F401 - puts the repo on sys.path
from synthetic import check_shape, notebook_document, write_notebook

from bot.coach.delivery import plan_for
from bot.coach.store import Store

TODAY = date(2026, 3, 10)


def write_range(users_dir: str, start: int, stop: int, contacts: int) -> int:
    rng = random.Random(start)
    for user_id in range(start, stop):
        write_notebook(Path(users_dir), user_id, notebook_document(user_id, contacts, TODAY, rng))
    return stop - start


def setup(users_dir: Path, users: int, contacts: int, workers: int) -> None:
    step = max(1, users // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        jobs = [
            pool.submit(write_range, str(users_dir), start, min(users + 1, start + step), contacts)
            for start in range(1, users + 1, step)
        ]
        assert sum(job.result() for job in jobs) == users


def p99(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.99) - 1)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--contacts", type=int, default=200)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1), help="setup processes")
    args = parser.parse_args()
    check_shape()

    root = Path(tempfile.mkdtemp(prefix="nurture-bench-planning-"))
    try:
        users_dir = root / "users"
        users_dir.mkdir()
        started = time.perf_counter()
        setup(users_dir, args.users, args.contacts, args.workers)
        size = sum(entry.stat().st_size for entry in os.scandir(users_dir))
        print(
            f"setup: {args.users:,} notebooks x {args.contacts} contacts, {size / 1e6:,.0f} MB, "
            f"written in {time.perf_counter() - started:.1f} s",
            flush=True,
        )

        store = Store(root)  # fresh: nothing cached, every notebook is read from its file
        load_times: list[float] = []
        plan_times: list[float] = []
        nudges = 0
        started = time.perf_counter()
        for user_id in store.user_ids():
            t0 = time.perf_counter()
            notebook = store.notebook(user_id)  # reads and parses the file
            t1 = time.perf_counter()
            nudges += len(plan_for(notebook, TODAY))
            t2 = time.perf_counter()
            load_times.append(t1 - t0)
            plan_times.append(t2 - t1)
        wall = time.perf_counter() - started

        planned = len(load_times)
        load, plan = sum(load_times), sum(plan_times)
        print(f"planned {planned:,} users in {wall:.2f} s: {planned / wall:,.0f} users/s (target >= 2,000/s)")
        print(
            f"  split: load {load / wall:.0%} ({load / planned * 1000:.2f} ms/user), "
            f"plan {plan / wall:.0%} ({plan / planned * 1000:.2f} ms/user)"
        )
        print(
            f"  per user p50/p99: load {ms(statistics.median(load_times))} / {ms(p99(load_times))} ms, "
            f"plan {ms(statistics.median(plan_times))} / {ms(p99(plan_times))} ms"
        )
        print(f"  {nudges / planned:.1f} nudges per user on average")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
